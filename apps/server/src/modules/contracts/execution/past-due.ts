import { BUSINESS_TIME_ZONE, businessDate, daysBetween } from '@concord/contracts';
import { z } from 'zod';
import type { Db } from '../../../db/index.js';
import { defineJob, type JobDefinition } from '../../../platform/jobs/index.js';
import {
  contractIdsAfter,
  contractsWithOpenItemsDueBetween,
  markPastDueDayComputed,
  movePastDueDay,
  type PastDueDay,
  pastDueDay,
  recomputePastDue,
} from './past-due.repository.js';

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

/** Whether the stored amounts are the overdue amounts of `today`. */
export const pastDueIsCurrent = (state: PastDueDay, today: string): boolean =>
  state.day === today && state.computedDay === today;

/**
 * The open money of a contract's items due before `day`, and how many such items there are (both 0
 * before the first run: `day` null).
 */
export function pastDueOpen(
  items: readonly { amount: number; paid: number; dueDate: string }[],
  day: string | null,
): { amount: number; items: number } {
  const open = { amount: 0, items: 0 };
  if (day === null) return open;
  for (const item of items) {
    if (item.dueDate < day && item.paid < item.amount) {
      open.amount += item.amount - item.paid;
      open.items += 1;
    }
  }
  return open;
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
  await movePastDueDay(db, today);
  const from = before.computedDay;
  let recomputed = 0;
  if (from === null || Math.abs(daysBetween(from, today)) > MAX_WINDOW_DAYS) {
    // Every contract, by id in chunks.
    let after: string | null = null;
    for (;;) {
      const ids = await contractIdsAfter(db, after, CHUNK);
      if (!ids.length) break;
      await db.transaction().execute((trx) => recomputePastDue(trx, ids, today));
      recomputed += ids.length;
      after = ids[ids.length - 1];
      await progress(recomputed, null);
    }
  } else {
    // The contracts with money open on items due in the window.
    const [low, high] = from < today ? [from, today] : [today, from];
    const ids = await contractsWithOpenItemsDueBetween(db, low, high);
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      await db.transaction().execute((trx) => recomputePastDue(trx, chunk, today));
      recomputed += chunk.length;
      await progress(recomputed, ids.length);
    }
  }
  await markPastDueDayComputed(db, today);
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
