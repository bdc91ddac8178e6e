import { type Db, readJson } from '../../db/index.js';
import { AppError } from '../http/index.js';
import type { FlowGraph } from './workflow.compiler.js';
import * as repo from './workflow.repository.js';
import { isOpenTask, type WorkflowState } from './workflow.state.js';
import type { WfInstanceTable } from './workflow.tables.js';

/** The engine state as stored: everything but the graph, which is compiled from the version. */
export type StoredState = Omit<WorkflowState, 'graph'>;

export function toStored(state: WorkflowState): StoredState {
  const { graph: _graph, ...stored } = state;
  return stored;
}

export function fromStored(row: WfInstanceTable, graph: FlowGraph): WorkflowState {
  return { ...readJson<StoredState>(row.state, null as unknown as StoredState), graph };
}

/**
 * Writes the state a decision produced: the instance row (guarded by its lock version) and the
 * projections the approval centre queries (tasks, CCs) plus the new action-log rows.
 */
export async function persistState(
  db: Db,
  before: WorkflowState | null,
  after: WorkflowState,
  requestId: string | null,
  now: string,
): Promise<void> {
  const instance = after.instance;
  const patch = {
    status: instance.status,
    lock_version: instance.lockVersion,
    state: toStored(after),
    submitted_at: instance.submittedAt,
    finished_at: instance.finishedAt,
    updated_at: now,
  };
  if (before && !(await repo.saveInstance(db, instance.id, patch, before.instance.lockVersion))) {
    throw new AppError('WF_STALE');
  }
  const nodeName = (nodeId: string) => after.graph.nodes[nodeId]?.name ?? nodeId;
  const previousTasks = new Map((before?.tasks ?? []).map((t) => [t.id, JSON.stringify(t)]));
  await repo.upsertTasks(
    db,
    after.tasks
      .filter((t) => previousTasks.get(t.id) !== JSON.stringify(t))
      .map((t) => ({
        instance_id: instance.id,
        task_key: t.id,
        node_id: t.nodeId,
        node_name: nodeName(t.nodeId),
        assignee_id: t.assigneeId,
        on_behalf_of: t.proxyForId,
        status: t.status,
        // WAIT tasks (a later signer in 依次) are not in anyone's todo yet.
        open: isOpenTask(t) && t.status !== 'WAIT',
        created_at: t.createdAt,
        decided_at: t.decidedAt,
      })),
  );
  const previousCcs = new Set((before?.ccs ?? []).map((c) => c.id));
  await repo.upsertCcs(
    db,
    after.ccs
      .filter((c) => !previousCcs.has(c.id))
      .map((c) => ({
        instance_id: instance.id,
        cc_key: c.id,
        user_id: c.userId,
        created_at: c.createdAt,
        read_at: c.readAt,
      })),
  );
  const lastSeq = before?.log.at(-1)?.seq ?? 0;
  await repo.appendLog(
    db,
    after.log
      .filter((l) => l.seq > lastSeq)
      .map((l) => ({
        instance_id: instance.id,
        seq: l.seq,
        at: l.at,
        action: l.action,
        reason_code: l.reasonCode,
        actor_id: l.actorId,
        on_behalf_of: l.onBehalfOf,
        node_id: l.nodeId,
        task_key: l.taskId,
        comment: l.comment,
        detail: l.detail ?? (l.formDiff ? { formDiff: l.formDiff } : null),
        request_id: requestId,
      })),
  );
}
