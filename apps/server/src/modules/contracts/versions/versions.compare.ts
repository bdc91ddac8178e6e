import type { ContractAttachment, ContractCompare } from '@concord/contracts';
import { diffLines } from 'diff';

/** Two versions' content, as stored. */
export interface VersionContent {
  fields: Record<string, unknown>;
  body: string;
  attachments: ContractAttachment[];
}

/**
 * What differs between two versions: the fields whose values differ (keys as stored, which the
 * database layer reads back sorted, so both dialects list them alike), a line diff of the body, and the attachments
 * added or removed (by file). Pure, so it is tested without a database.
 */
export function compareVersions(
  from: VersionContent,
  to: VersionContent,
): Pick<ContractCompare, 'fields' | 'body' | 'attachments'> {
  const keys = [...new Set([...Object.keys(to.fields), ...Object.keys(from.fields)])];
  const fields = keys
    .filter((key) => JSON.stringify(from.fields[key] ?? null) !== JSON.stringify(to.fields[key] ?? null))
    .map((field) => ({ field, before: from.fields[field] ?? null, after: to.fields[field] ?? null }));
  const body: ContractCompare['body'] = [];
  // Without a final newline the last line would differ from the same line followed by more lines.
  const withEol = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
  for (const part of diffLines(withEol(from.body), withEol(to.body))) {
    const op = part.added ? 'added' : part.removed ? 'removed' : 'equal';
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const line of lines) body.push({ op, line });
  }
  const fromIds = new Set(from.attachments.map((a) => a.fileId));
  const toIds = new Set(to.attachments.map((a) => a.fileId));
  return {
    fields,
    body: from.body === '' && to.body === '' ? [] : body,
    attachments: {
      added: to.attachments.filter((a) => !fromIds.has(a.fileId)),
      removed: from.attachments.filter((a) => !toIds.has(a.fileId)),
    },
  };
}
