import { createHash } from 'node:crypto';

/** JSON with keys sorted at every level: PostgreSQL's jsonb reorders keys, the hash must not care. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface ChainedFields {
  seq: number;
  at: string;
  actorId: string | null;
  actingEntityId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  changes: unknown;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
}

/** Each entry's hash covers its content and the previous hash: change or remove one and the chain breaks. */
export function entryHash(fields: ChainedFields): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

/**
 * entryHash of an entry whose changes are already canonical JSON (`canonicalJson(changes)`): the
 * same hash, without writing the changes out a second time (a write records one entry per record;
 * an import of 50,000 contracts writes its changes once, not twice).
 */
export function entryHashOfCanonical(fields: Omit<ChainedFields, 'changes'>, changesJson: string): string {
  const values: Record<string, unknown> = fields;
  const body = chainedKeys
    .map((key) => `${JSON.stringify(key)}:${key === 'changes' ? changesJson : canonicalJson(values[key])}`)
    .join(',');
  return createHash('sha256').update(`{${body}}`).digest('hex');
}

/** The keys of ChainedFields in canonicalJson's order. */
const chainedKeys = (
  [
    'seq',
    'at',
    'actorId',
    'actingEntityId',
    'entityType',
    'entityId',
    'action',
    'changes',
    'requestId',
    'ip',
    'prevHash',
  ] satisfies (keyof ChainedFields)[]
).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
