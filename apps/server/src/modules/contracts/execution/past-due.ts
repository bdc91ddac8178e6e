import { BUSINESS_TIME_ZONE, businessDate, daysBetween } from '@concord/contracts';
import { sql } from 'kysely';
import { z } from 'zod';
import { type Db, isPostgres } from '../../../db/index.js';
import { defineJob, type JobDefinition } from '../../../platform/jobs/index.js';

/*
 * The past-due amount of each contract: the open money (amount − paid) on its plan items due before
 * the past-due day, stored on the contract. It is what the ledger calls overdue when the day is
 * today and the contract is in force; stored, it is summed by the ledger's rollup (no plan item read
 * for the group's overdue total) and sorted by an index.
 *
 * Two writers keep it: figures.service recomputes a contract as of the stored day whenever its
 * figures change, and the job below moves the day forward once a day, recomputing the contracts
 * whose items fell due in between (or every contract, the first time). Until a run has finished,
 * `computed_day` lags `day` and readers fall back to summing plan items.
 */

export const PAST_DUE_JOB = 'contract.pastDueDay';

/** Hourly at minute 5, Beijing time: the day moves minutes after midnight, and a fresh start catches up within the hour. */
export const pastDueSchedule = {
  name: 'contract-past-due-day',
  type: PAST_DUE_JOB,
  payload: {},
  cron: '5 * * * *',
  timeZone: BUSINESS_TIME_ZONE,
};

/** Contracts recomputed per transaction: about 25 ms on SQLite at a million contracts, so other requests interleave. */
const CHUNK = 500;
/** Past this many days between the stored day and today, every contract is recomputed. */
const MAX_WINDOW_DAYS = 62;

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

/** Whether the stored amounts are the overdue amounts of `today`. */
export const pastDueIsCurrent = (state: PastDueDay, today: string): boolean =>
  state.day === today && state.computedDay === today;

/** The open money of a contract's items due before `day` (0 before the first run: `day` null). */
export function pastDueOpenAmount(
  items: readonly { amount: number; paid: number; dueDate: string }[],
  day: string | null,
): number {
  if (day === null) return 0;
  return items.reduce(
    (open, item) => (item.dueDate < day && item.paid < item.amount ? open + item.amount - item.paid : open),
    0,
  );
}

/** Recomputes these contracts' past-due amounts as of `day` from their plan items, in one statement. */
async function recompute(db: Db, ids: readonly string[], day: string): Promise<void> {
  if (!ids.length) return;
  await db
    .updateTable('contract')
    .set({
      past_due_open_amount: sql<number>`coalesce((select sum(i.amount - i.paid_amount) from contract_plan_item i where i.contract_id = contract.id and i.due_date < ${day} and i.paid_amount < i.amount), 0)`,
    })
    .where('id', 'in', ids)
    .execute();
}

/**
 * Moves the past-due day to `today` and recomputes the contracts it changes: those with money open
 * on items due between the old day and today (either way round, should the clock go back), or
 * every contract when there was no day yet or it is long past. Each chunk is its own transaction.
 * Returns how many contracts were recomputed.
 */
export async function advancePastDueDay(
  db: Db,
  today: string,
  progress: (done: number, total: number | null) => Promise<unknown> = async () => {},
): Promise<number> {
  const before = await pastDueDay(db);
  if (pastDueIsCurrent(before, today)) return 0;
  // The move first: figures written from now on are computed as of today.
  await db
    .updateTable('contract_past_due_day')
    .set({ day: today, updated_at: new Date().toISOString() })
    .where('id', '=', 1)
    .execute();
  const from = before.computedDay;
  let recomputed = 0;
  if (from === null || Math.abs(daysBetween(from, today)) > MAX_WINDOW_DAYS) {
    // Every contract, by id in chunks.
    let after: string | null = null;
    for (;;) {
      let next = db.selectFrom('contract').select('id').orderBy('id').limit(CHUNK);
      if (after !== null) next = next.where('id', '>', after);
      const ids = (await next.execute()).map((row) => row.id);
      if (!ids.length) break;
      await db.transaction().execute((trx) => recompute(trx, ids, today));
      recomputed += ids.length;
      after = ids[ids.length - 1];
      await progress(recomputed, null);
    }
  } else {
    // The contracts with money open on items due in the window (the index on due_date finds them).
    const [low, high] = from < today ? [from, today] : [today, from];
    const ids = (
      await db
        .selectFrom('contract_plan_item')
        .select('contract_id')
        .distinct()
        .where('due_date', '>=', low)
        .where('due_date', '<', high)
        .whereRef('paid_amount', '<', 'amount')
        .execute()
    ).map((row) => row.contract_id);
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      await db.transaction().execute((trx) => recompute(trx, chunk, today));
      recomputed += chunk.length;
      await progress(recomputed, ids.length);
    }
  }
  // Done, unless another run moved the day meanwhile (it finishes the work for its own day).
  await db
    .updateTable('contract_past_due_day')
    .set({ computed_day: today, updated_at: new Date().toISOString() })
    .where('id', '=', 1)
    .where('day', '=', today)
    .execute();
  return recomputed;
}

/** The job the hourly schedule queues: a no-op when the day is already today. */
export function pastDueJobs(): JobDefinition[] {
  return [
    defineJob({
      type: PAST_DUE_JOB,
      payload: z.object({}),
      handler: async (_payload, { db, now, progress }) => {
        const today = businessDate(now);
        return { day: today, recomputed: await advancePastDueDay(db, today, progress) };
      },
    }),
  ];
}
