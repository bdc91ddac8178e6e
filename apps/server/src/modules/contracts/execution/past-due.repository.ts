import { sql } from 'kysely';
import { type Db, isPostgres } from '../../../db/index.js';

/*
 * The queries of the past-due day (see past-due.ts): its one-row day table and the stored
 * past-due amounts on `contract`.
 */

export interface PastDueDay {
  /** The day the stored amounts are as of (null before the first run). */
  day: string | null;
  /** Equal to `day` once every contract is computed as of it. */
  computedDay: string | null;
}

/**
 * The stored day. A figures write reads it in its transaction; on PostgreSQL with a share lock, so
 * the job's move of the day waits for writes computed as of the old day to commit (it then
 * recomputes what they wrote), and writes after the move see the new day.
 */
export async function pastDueDay(db: Db, options: { lockForWrite?: boolean } = {}): Promise<PastDueDay> {
  let query = db.selectFrom('contract_past_due_day').select(['day', 'computed_day']).where('id', '=', 1);
  if (options.lockForWrite && isPostgres(db)) query = query.forShare();
  const row = await query.executeTakeFirst();
  return { day: row?.day ?? null, computedDay: row?.computed_day ?? null };
}

/** Moves the day: figures written from now on are computed as of it. */
export async function movePastDueDay(db: Db, day: string): Promise<void> {
  await db
    .updateTable('contract_past_due_day')
    .set({ day, updated_at: new Date().toISOString() })
    .where('id', '=', 1)
    .execute();
}

/** Marks the day computed, unless another run moved the day meanwhile (it finishes the work for its own day). */
export async function markPastDueDayComputed(db: Db, day: string): Promise<void> {
  await db
    .updateTable('contract_past_due_day')
    .set({ computed_day: day, updated_at: new Date().toISOString() })
    .where('id', '=', 1)
    .where('day', '=', day)
    .execute();
}

/** Recomputes these contracts' past-due amounts and item counts as of `day` from their plan items, in one statement. */
export async function recomputePastDue(db: Db, ids: readonly string[], day: string): Promise<void> {
  if (!ids.length) return;
  await db
    .updateTable('contract')
    .set({
      past_due_open_amount: sql<number>`coalesce((select sum(i.amount - i.paid_amount) from contract_plan_item i where i.contract_id = contract.id and i.due_date < ${day} and i.paid_amount < i.amount), 0)`,
      past_due_open_items: sql<number>`(select count(*) from contract_plan_item i where i.contract_id = contract.id and i.due_date < ${day} and i.paid_amount < i.amount)`,
    })
    .where('id', 'in', ids)
    .execute();
}

/** The next `limit` contract ids after `after` (null: from the first), in id order. */
export async function contractIdsAfter(db: Db, after: string | null, limit: number): Promise<string[]> {
  let query = db.selectFrom('contract').select('id').orderBy('id').limit(limit);
  if (after !== null) query = query.where('id', '>', after);
  return (await query.execute()).map((row) => row.id);
}

/** The contracts with money open on plan items due in [low, high) (the index on due_date finds them). */
export async function contractsWithOpenItemsDueBetween(db: Db, low: string, high: string): Promise<string[]> {
  const rows = await db
    .selectFrom('contract_plan_item')
    .select('contract_id')
    .distinct()
    .where('due_date', '>=', low)
    .where('due_date', '<', high)
    .whereRef('paid_amount', '<', 'amount')
    .execute();
  return rows.map((row) => row.contract_id);
}

/** A contract whose stored past-due figures differ from its plan items as of a day. */
export interface PastDueDrift {
  id: string;
  stored: { amount: number; items: number };
  computed: { amount: number; items: number };
}

/**
 * The contracts whose stored past-due amount or item count differs from their open plan items due
 * before `day`: a read of every open plan item (the nightly check, on the heavy-read pool).
 */
export function pastDueDriftQuery(db: Db, day: string) {
  const open = db
    .selectFrom('contract_plan_item as i')
    .select([
      'i.contract_id',
      sql<number>`sum(i.amount - i.paid_amount)`.as('amount'),
      sql<number>`count(*)`.as('items'),
    ])
    .where('i.due_date', '<', day)
    .whereRef('i.paid_amount', '<', 'i.amount')
    .groupBy('i.contract_id')
    .as('o');
  return db
    .selectFrom('contract as c')
    .leftJoin(open, 'o.contract_id', 'c.id')
    .select([
      'c.id',
      'c.past_due_open_amount as stored_amount',
      'c.past_due_open_items as stored_items',
      sql<number>`coalesce(o.amount, 0)`.as('amount'),
      sql<number>`coalesce(o.items, 0)`.as('items'),
    ])
    .where((eb) =>
      eb.or([
        eb('c.past_due_open_amount', '<>', sql<number>`coalesce(o.amount, 0)`),
        eb('c.past_due_open_items', '<>', sql<number>`coalesce(o.items, 0)`),
      ]),
    );
}

/** The stored past-due figures of these contracts. */
export async function storedPastDue(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { amount: number; items: number }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('contract')
    .select(['id', 'past_due_open_amount', 'past_due_open_items'])
    .where('id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [r.id, { amount: Number(r.past_due_open_amount), items: Number(r.past_due_open_items) }]),
  );
}
