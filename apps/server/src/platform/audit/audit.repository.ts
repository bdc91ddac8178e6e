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

/** How far back (entries of the actor) the recent records look: bounded, whatever the history. */
const RECENT_WINDOW = 500;

/**
 * The records an actor last wrote to in an entity, one per record, newest first: grouped over the
 * actor's latest RECENT_WINDOW entries before `beforeSeq` (the audit_log_actor index, walked
 * backwards), leaving out records the actor wrote to at or after `beforeSeq` (shown on an earlier page).
 */
export interface RecentRecordsOptions {
  beforeSeq: number | null;
  limit: number;
  excludedTypes: readonly string[];
  onlyTypes?: readonly string[];
}

export async function recentRecordsOf(
  db: Db,
  who: { actorId: string; entityId: string },
  options: RecentRecordsOptions,
): Promise<{ entityType: string; entityId: string; lastSeq: number }[]> {
  const rows = await recentRecordsQuery(db, who, options).execute();
  return rows.map((r) => ({ entityType: r.entity_type, entityId: r.entity_id, lastSeq: Number(r.last_seq) }));
}

/** The query of `recentRecordsOf` (its plan is checked by a test). */
export function recentRecordsQuery(
  db: Db,
  who: { actorId: string; entityId: string },
  options: RecentRecordsOptions,
) {
  const { beforeSeq, limit, excludedTypes, onlyTypes } = options;
  let window = db
    .selectFrom('audit_log')
    .select(['entity_type', 'entity_id', 'seq'])
    .where('actor_id', '=', who.actorId)
    .where('acting_entity_id', '=', who.entityId)
    .where('entity_type', 'not in', excludedTypes)
    .orderBy('seq', 'desc')
    .limit(RECENT_WINDOW);
  if (beforeSeq !== null) window = window.where('seq', '<', beforeSeq);
  if (onlyTypes?.length) window = window.where('entity_type', 'in', onlyTypes);
  let query = db
    .selectFrom(window.as('w'))
    .select((eb) => ['w.entity_type', 'w.entity_id', eb.fn.max('w.seq').as('last_seq')])
    .groupBy(['w.entity_type', 'w.entity_id'])
    .orderBy('last_seq', 'desc')
    .limit(limit);
  if (beforeSeq !== null) {
    query = query.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('audit_log as later')
            .select('later.seq')
            .whereRef('later.entity_type', '=', 'w.entity_type')
            .whereRef('later.entity_id', '=', 'w.entity_id')
            .where('later.actor_id', '=', who.actorId)
            .where('later.acting_entity_id', '=', who.entityId)
            .where('later.seq', '>=', beforeSeq),
        ),
      ),
    );
  }
  return query;
}

/** Entries by their sequence numbers. */
export async function entriesAt(db: Db, seqs: number[]): Promise<AuditRow[]> {
  if (!seqs.length) return [];
  const rows = await db.selectFrom('audit_log').selectAll().where('seq', 'in', seqs).execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq), changes: readJson(r.changes, []) }));
}

/**
 * The actor's own entries on some records (through the audit_log_entity index), newest first and
 * at most `limit`: where the records' names are read from.
 */
export async function actorEntriesOn(
  db: Db,
  actorId: string,
  records: { entityType: string; entityId: string }[],
  limit: number,
): Promise<AuditRow[]> {
  if (!records.length) return [];
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or(
        records.map((r) => eb.and([eb('entity_type', '=', r.entityType), eb('entity_id', '=', r.entityId)])),
      ),
    )
    .where('actor_id', '=', actorId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq), changes: readJson(r.changes, []) }));
}
