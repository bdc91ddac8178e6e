import { BUSINESS_TIME_ZONE, daysBetween, formatMoney, addDays, businessDate } from '@concord/contracts';
import { z } from 'zod';
import type { RequestContext } from '../../../platform/http/index.js';
import { defineJob, type JobDefinition, type JobQueue } from '../../../platform/jobs/index.js';
import type { NotificationsService, NotificationTemplate } from '../../../platform/notifications/index.js';
import { findContract } from '../register/contracts.repository.js';
import * as repo from './settlements.repository.js';

export const RETENTION_SCAN_JOB = 'contract.retentionScan';
export const RETENTION_NOTICE_JOB = 'contract.retentionNotice';
/** Days before the release date when the owner is first reminded (and again on the day). */
export const RETENTION_REMIND_DAYS = 30;

/** How the daily scan is scheduled: every day at 08:30 in Asia/Shanghai (declared in the module's definition). */
export const retentionReminderSchedule = {
  name: 'contract-retention-reminders',
  type: RETENTION_SCAN_JOB,
  payload: {},
  // 08:30 Beijing time, before the working day starts; dates in the scan are Beijing dates too.
  cron: '30 8 * * *',
  timeZone: BUSINESS_TIME_ZONE,
};

const BATCH = 500;

export const retentionTemplates: Record<string, NotificationTemplate> = {
  'contract.retentionDue': {
    'zh-CN': {
      title: '质保金即将到期释放：{contract}',
      body: '合同“{contract}”的质保金 {amount} 将于 {releaseDate} 到期（还有 {days} 天），请核实质保期履约情况并安排释放。',
    },
    'en-US': {
      title: 'Retention due for release: {contract}',
      body: 'The retention of {amount} on "{contract}" falls due on {releaseDate} (in {days} days); check the warranty period and arrange its release.',
    },
  },
  'contract.retentionToday': {
    'zh-CN': {
      title: '质保金今日到期：{contract}',
      body: '合同“{contract}”的质保金 {amount} 已于 {releaseDate} 到期，请办理释放并在结算页登记。',
    },
    'en-US': {
      title: 'Retention due: {contract}',
      body: 'The retention of {amount} on "{contract}" fell due on {releaseDate}; release it and record the release on the settlement tab.',
    },
  },
};

export interface RetentionReminderDeps {
  jobs: JobQueue;
  notifications: NotificationsService;
  systemContext: (requestId?: string) => RequestContext;
}

/**
 * Retention reminders. The daily scan finds approved settlements whose unreleased retention falls
 * due within RETENTION_REMIND_DAYS and queues one notice to the contract's owner: "due soon" once
 * per release date when it enters the window, "due" once when the date is reached (a missed day is
 * caught up the next, since the window is a range, not an exact day).
 */
export function retentionReminderJobs(deps: RetentionReminderDeps): JobDefinition[] {
  return [
    defineJob({
      type: RETENTION_SCAN_JOB,
      payload: z.object({}),
      handler: async (_payload, { db, now }) => {
        const today = businessDate(now);
        let after: { date: string; id: string } | null = null;
        for (;;) {
          const rows = await repo.retentionsDue(db, addDays(today, RETENTION_REMIND_DAYS), after, BATCH);
          if (!rows.length) break;
          await db.transaction().execute(async (trx) => {
            for (const row of rows) {
              const releaseDate = row.retention_release_date;
              const stage = releaseDate <= today ? 'today' : 'before';
              await deps.jobs.enqueue(
                trx,
                RETENTION_NOTICE_JOB,
                { settlementId: row.id, releaseDate, stage },
                { dedupeKey: `contract.retention:${stage}:${row.id}:${releaseDate}` },
              );
            }
          });
          const last = rows[rows.length - 1];
          after = { date: last.retention_release_date, id: last.id };
          if (rows.length < BATCH) break;
        }
      },
    }),
    defineJob({
      type: RETENTION_NOTICE_JOB,
      payload: z.object({
        settlementId: z.string(),
        releaseDate: z.string(),
        stage: z.enum(['before', 'today']),
      }),
      handler: async (payload, { db, now }) => {
        const settlement = await repo.findSettlement(db, payload.settlementId);
        // Released or re-dated since the scan: nothing to say.
        if (
          !settlement ||
          settlement.retention_released_on ||
          settlement.retention_release_date !== payload.releaseDate
        )
          return;
        const contract = await findContract(db, settlement.contract_id);
        if (!contract) return;
        const label = contract.number ? `${contract.number} ${contract.name}` : contract.name;
        await db.transaction().execute(async (trx) => {
          await deps.notifications.notify(trx, deps.systemContext('contract-retention'), {
            recipients: [contract.owner_id],
            template: payload.stage === 'today' ? 'contract.retentionToday' : 'contract.retentionDue',
            params: {
              contract: label,
              amount: formatMoney(settlement.retention_amount, contract.currency),
              releaseDate: payload.releaseDate,
              days: Math.max(0, daysBetween(businessDate(now), payload.releaseDate)),
            },
            link: `/contracts/${contract.id}?tab=settlement`,
            entityId: contract.entity_id,
          });
        });
      },
    }),
  ];
}
