import { AppError, type RequestContext } from '../http/index.js';
import type { WorkflowState } from './workflow.state.js';
import type { Db } from '../../db/index.js';

/** Which of these file ids the actor may see (FilesService.visibleIds). */
export type VisibleFileIds = (db: Db, ctx: RequestContext, ids: string[]) => Promise<Set<string>>;

/** Refuses (400) an attachment the actor cannot see: one may only attach one's own or visible files. */
export async function checkAttachments(
  db: Db,
  ctx: RequestContext,
  ids: string[] | undefined,
  visibleFileIds: VisibleFileIds | undefined,
): Promise<string[]> {
  const unique = [...new Set(ids ?? [])];
  if (unique.length === 0) return [];
  const visible = visibleFileIds ? await visibleFileIds(db, ctx, unique) : new Set<string>();
  const missing = unique.filter((id) => !visible.has(id));
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', { detail: 'an attachment is not an uploaded file you can see' }, [
      { path: 'attachmentIds', message: `unknown file ${missing[0]}` },
    ]);
  }
  return unique;
}

/**
 * Puts the comment's attachments on the action's own log row: the first row this action appended
 * by the actor (approve, reject, transfer, ...), else its first row. The pure core stays unaware.
 */
export function attachToAction(
  before: WorkflowState,
  after: WorkflowState,
  actorId: string,
  attachmentIds: string[],
): void {
  if (attachmentIds.length === 0) return;
  const lastSeq = before.log.at(-1)?.seq ?? 0;
  const added = after.log.filter((entry) => entry.seq > lastSeq);
  const target = added.find((entry) => entry.actorId === actorId) ?? added[0];
  if (target) target.detail = { ...(target.detail ?? {}), attachmentIds };
}

/** The attachment ids a log row carries (see attachToAction). */
export function attachmentIdsOf(detail: Record<string, unknown> | null): string[] {
  const ids = detail?.attachmentIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}
