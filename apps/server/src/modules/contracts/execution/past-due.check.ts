import { BUSINESS_TIME_ZONE, businessDate } from '@concord/contracts';
import { z } from 'zod';
import type { Db, HeavyReads } from '../../../db/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { defineJob, type JobDefinition } from '../../../platform/jobs/index.js';
import { pastDueIsCurrent } from './past-due.js';
import { pastDueDay, pastDueDriftQuery, recomputePastDue, storedPastDue } from './past-due.repository.js';

/*
 * The nightly check of the stored past-due figures (execution/past-due.ts). Every write keeps a
 * contract's past-due amount and item count, and the ledger's rollup sums them, so a figure gone
 * wrong (a write path that forgot to refresh, a hand edit in the database) would show in the
 * totals for good. The rollups' own check compares buckets with the contracts, not the contracts
 * with their plan items: this one does, corrects a contract that differs and records each
 * correction on the contract's audit trail.
 */

export const PAST_DUE_CHECK_JOB = 'contract.pastDueCheck';

/** Every night at 03:50 in Asia/Shanghai, after the rollups' check (03:40) and well after the day moved. */
export const pastDueCheckSchedule = {
  name: 'contract-past-due-nightly-check',
  type: PAST_DUE_CHECK_JOB,
  payload: {},
  cron: '50 3 * * *',
  timeZone: BUSINESS_TIME_ZONE,
};

/** Contracts corrected per transaction. */
const CHUNK = 500;

export interface PastDueCheck {
  /** The day checked, or null when the stored day is not today's yet (the hourly job recomputes then). */
  day: string | null;
  /** Contracts whose stored figures differed and were corrected. */
  corrected: number;
}

export interface PastDueCheckDeps {
  audit: AuditService;
  heavyReads: HeavyReads;
  systemContext: (requestId?: string) => RequestContext;
}

/**
 * Compares every contract's stored past-due figures with its plan items as of the stored day (a
 * read of every open plan item, on the heavy-read pool) and recomputes those that differ, each
 * correction audited with the figures before and after. Runs only when the stored day is today and
 * computed: otherwise the hourly job is moving it and recomputes anyway.
 */
export async function checkPastDue(
  db: Db,
  today: string,
  deps: PastDueCheckDeps,
  ctx: RequestContext,
): Promise<PastDueCheck> {
  const state = await pastDueDay(db);
  if (!pastDueIsCurrent(state, today)) return { day: null, corrected: 0 };
  const drifted = await deps.heavyReads.all(pastDueDriftQuery(db, today));
  let corrected = 0;
  for (let start = 0; start < drifted.length; start += CHUNK) {
    const ids = drifted.slice(start, start + CHUNK).map((row) => row.id);
    corrected += await db.transaction().execute(async (trx) => {
      // Read again in the transaction: a write since the check's read may have set them right.
      const before = await storedPastDue(trx, ids);
      await recomputePastDue(trx, ids, today);
      const after = await storedPastDue(trx, ids);
      let changed = 0;
      for (const id of ids) {
        const was = before.get(id);
        const now = after.get(id);
        if (!was || !now || (was.amount === now.amount && was.items === now.items)) continue;
        changed += 1;
        await deps.audit.record(trx, ctx, {
          entityType: 'contract',
          entityId: id,
          action: 'past_due_repair',
          before: { past_due_open_amount: was.amount, past_due_open_items: was.items },
          after: { past_due_open_amount: now.amount, past_due_open_items: now.items },
        });
      }
      return changed;
    });
  }
  return { day: today, corrected };
}

export function pastDueCheckJobs(deps: PastDueCheckDeps): JobDefinition[] {
  return [
    defineJob({
      type: PAST_DUE_CHECK_JOB,
      payload: z.object({}),
      handler: async (_payload, { db, now, jobId }) => {
        const result = await checkPastDue(db, businessDate(now), deps, deps.systemContext(`job:${jobId}`));
        if (result.corrected) {
          console.warn(
            `Past-due figures of ${result.corrected} contract(s) differed from their plan items; corrected`,
          );
        }
        return result;
      },
    }),
  ];
}
