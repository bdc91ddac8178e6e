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

/** Recomputes these contracts' past-due amounts as of `day` from their plan items, in one statement. */
export async function recomputePastDue(db: Db, ids: readonly string[], day: string): Promise<void> {
  if (!ids.length) return;
  await db
    .updateTable('contract')
    .set({
      past_due_open_amount: sql<number>`coalesce((select sum(i.amount - i.paid_amount) from contract_plan_item i where i.contract_id = contract.id and i.due_date < ${day} and i.paid_amount < i.amount), 0)`,
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
