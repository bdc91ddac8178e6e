import { businessDayRange } from '@concord/contracts';
import type { SelectQueryBuilder } from 'kysely';
import { type Database, type Db, readJson } from '../../db/index.js';
import { type Scope, withScope } from '../access/index.js';

import type { AuditLogTable } from './audit.tables.js';

export type AuditRow = AuditLogTable;

export interface AuditFilter {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** The head is locked for the rest of the transaction so concurrent writers queue instead of forking the chain. */
export async function lockHead(db: Db, postgres: boolean): Promise<{ seq: number; hash: string }> {
  let query = db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  if (postgres) query = query.forUpdate();
  const head = await query.executeTakeFirstOrThrow();
  return head;
}

/** Rows inserted per statement: 12 columns each, well under either database's bound on parameters. */
const APPEND_CHUNK = 200;

/** Appends entries already chained to the head, in order, and moves the head to the last. */
export async function append(db: Db, rows: AuditLogTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += APPEND_CHUNK) {
    await db
      .insertInto('audit_log')
      .values(rows.slice(i, i + APPEND_CHUNK))
      .execute();
  }
  const last = rows[rows.length - 1];
  await db.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).where('id', '=', 1).execute();
}

export async function readHead(
  db: Db,
): Promise<{ seq: number; hash: string; keyedFromSeq: number; keyId: string | null }> {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash', 'keyed_from_seq', 'key_id'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return {
    seq: Number(head.seq),
    hash: head.hash,
    keyedFromSeq: Number(head.keyed_from_seq),
    keyId: head.key_id,
  };
}

/** Records the key's fingerprint at the first start with a key. */
export async function bindKeyId(db: Db, keyId: string): Promise<void> {
  await db
    .updateTable('audit_head')
    .set({ key_id: keyId })
    .where('id', '=', 1)
    .where('key_id', 'is', null)
    .execute();
}

/** One entry's hash, to compare with a checkpoint. */
export async function hashAt(db: Db, seq: number): Promise<string | null> {
  const row = await db.selectFrom('audit_log').select('hash').where('seq', '=', seq).executeTakeFirst();
  return row?.hash ?? null;
}

export async function readBatch(db: Db, afterSeq: number, limit: number): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, changes: readJson(r.changes, []) }));
}

/** Audit entries are scoped by the entity the actor acted in, and always visible to the actor. */
export function filteredQuery(
  db: Db,
  scope: Scope,
  filter: AuditFilter,
): SelectQueryBuilder<Database, 'audit_log', AuditRow> {
  let query = db.selectFrom('audit_log').selectAll();
  query = withScope(query, scope, { entity: 'acting_entity_id', department: null, owner: 'actor_id' });
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.action) query = query.where('action', '=', filter.action);
  // Dates are Beijing dates: "from 5 March" starts at 2026-03-04T16:00Z, "to 5 March" includes its evening.
  if (filter.from) query = query.where('at', '>=', businessDayRange(filter.from).from);
  if (filter.to) query = query.where('at', '<', businessDayRange(filter.to).to);
  return query;
}

export function toEntry(row: AuditRow) {
  return {
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actingEntityId: row.acting_entity_id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    action: row.action,
    changes: readJson(row.changes, [] as { field: string; old: unknown; new: unknown }[]),
    requestId: row.request_id,
    ip: row.ip,
  };
}
