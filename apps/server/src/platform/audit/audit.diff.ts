import type { FieldChange } from '@concord/contracts';

/** Fields never written to the audit log in clear. */
const REDACTED = new Set(['password', 'passwordHash', 'password_hash', 'csrfToken', 'token']);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Field-level differences between two snapshots of a record. A create has no `before`, a delete
 * no `after`; unchanged fields are left out.
 */
export function diffFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of [...fields].sort()) {
    const oldValue = before ? (before[field] ?? null) : null;
    const newValue = after ? (after[field] ?? null) : null;
    if (same(oldValue, newValue)) continue;
    if (REDACTED.has(field)) changes.push({ field, old: oldValue === null ? null : '***', new: '***' });
    else changes.push({ field, old: oldValue, new: newValue });
  }
  return changes;
}
