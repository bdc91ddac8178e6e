import { BUSINESS_TIME_ZONE, daysBetween, addDays, businessDate } from '@concord/contracts';
import { z } from 'zod';
import type { RequestContext } from '../../../platform/http/index.js';
import { defineJob, type JobDefinition, type JobQueue } from '../../../platform/jobs/index.js';
import type { NotificationsService } from '../../../platform/notifications/index.js';
import * as archiveRepo from '../archive/archive.repository.js';
import type { ContractFacts } from '../archive/archive.service.js';
import { findContract } from '../register/contracts.repository.js';
import type { Db } from '../../../db/index.js';

export const CONTRACT_REMINDER_SCAN_JOB = 'contract.reminderScan';
export const CONTRACT_EXPIRY_NOTICE_JOB = 'contract.expiryNotice';
export const CONTRACT_BORROW_OVERDUE_JOB = 'contract.borrowOverdueNotice';

/** How the daily scan is scheduled: every day at 08:30 in Asia/Shanghai (declared in the module's definition). */
export const contractReminderSchedule = {
  name: 'contract-reminders',
  type: CONTRACT_REMINDER_SCAN_JOB,
  payload: {},
  // 08:30 Beijing time, before the working day starts; dates in the scan are Beijing dates too.
  cron: '30 8 * * *',
  timeZone: BUSINESS_TIME_ZONE,
};

const BATCH = 500;

export interface ContractReminderDeps {
  jobs: JobQueue;
  notifications: NotificationsService;
  systemContext: (requestId?: string) => RequestContext;
  userNames: (db: Db, ids: string[]) => Promise<Map<string, string>>;
  /** The head of a department, or null. Called outside any transaction. */
  departmentHead: (departmentId: string) => Promise<string | null>;
}

const contractLabel = (c: { number: string | null; name: string }) =>
  c.number ? `${c.number} ${c.name}` : c.name;

/**
 * Contract reminders. A daily scan walks the due records through indexes in keyset batches and
 * queues one notice job per record; the notice's dedupe key makes it once per contract and end date
 * (expiry) or once per borrow and day (overdue), however often the scan runs.
 */
export function contractReminderJobs(deps: ContractReminderDeps): JobDefinition[] {
  return [
    defineJob({
      type: CONTRACT_REMINDER_SCAN_JOB,
      payload: z.object({}),
      handler: async (_payload, { db, now }) => {
        const today = businessDate(now);
        for (const days of await archiveRepo.reminderDayValues(db)) {
          let after: { endDate: string; id: string } | null = null;
          for (;;) {
            const rows = await archiveRepo.expiringContracts(
              db,
              { from: today, to: addDays(today, days), days },
              after,
              BATCH,
            );
            if (!rows.length) break;
            await db.transaction().execute(async (trx) => {
              for (const row of rows) {
                await deps.jobs.enqueue(
                  trx,
                  CONTRACT_EXPIRY_NOTICE_JOB,
                  { contractId: row.id, endDate: row.end_date },
                  { dedupeKey: `contract.expiring:${row.id}:${row.end_date}` },
                );
              }
            });
            const last = rows[rows.length - 1];
            after = { endDate: last.end_date, id: last.id };
            if (rows.length < BATCH) break;
          }
        }
        let after: { dueDate: string; id: string } | null = null;
        for (;;) {
          const rows = await archiveRepo.overdueBorrows(db, today, after, BATCH);
          if (!rows.length) break;
          await db.transaction().execute(async (trx) => {
            for (const row of rows) {
              await deps.jobs.enqueue(
                trx,
                CONTRACT_BORROW_OVERDUE_JOB,
                { borrowId: row.id, date: today },
                { dedupeKey: `contract.borrowOverdue:${row.id}:${today}` },
              );
            }
          });
          const last = rows[rows.length - 1];
          after = { dueDate: last.due_date, id: last.id };
          if (rows.length < BATCH) break;
        }
      },
    }),
    defineJob({
      type: CONTRACT_EXPIRY_NOTICE_JOB,
      payload: z.object({ contractId: z.string(), endDate: z.string() }),
      handler: async (payload, { db, now }) => {
        const contract = (await findContract(db as never, payload.contractId)) as
          | (ContractFacts & { end_date: string | null })
          | undefined;
        // Signed off, terminated or extended since the scan: nothing to say (a new end date gets its own notice).
        if (contract?.status !== 'IN_FORCE' || contract.end_date !== payload.endDate) return;
        const head = await deps.departmentHead(contract.department_id);
        await db.transaction().execute(async (trx) => {
          await deps.notifications.notify(trx, deps.systemContext('contract-reminders'), {
            recipients: [contract.owner_id, ...(head ? [head] : [])],
            template: 'contract.expiring',
            params: {
              contract: contractLabel(contract),
              endDate: payload.endDate,
              days: Math.max(0, daysBetween(businessDate(now), payload.endDate)),
            },
            link: `/contracts/${contract.id}`,
            entityId: contract.entity_id,
          });
        });
      },
    }),
    defineJob({
      type: CONTRACT_BORROW_OVERDUE_JOB,
      payload: z.object({ borrowId: z.string(), date: z.string() }),
      handler: async (payload, { db }) => {
        const borrow = await archiveRepo.findBorrow(db, payload.borrowId);
        if (!borrow || borrow.returned_date || borrow.due_date >= payload.date) return;
        const archive = await archiveRepo.findArchive(db, borrow.contract_id);
        const names = await deps.userNames(db, [borrow.borrower_id]);
        await db.transaction().execute(async (trx) => {
          await deps.notifications.notify(trx, deps.systemContext('contract-reminders'), {
            recipients: [borrow.borrower_id, ...(archive ? [archive.archivist_id] : [])],
            template: 'contract.borrowOverdue',
            params: {
              contract: contractLabel({ number: borrow.contract_number, name: borrow.contract_name }),
              borrower: names.get(borrow.borrower_id) ?? '',
              dueDate: borrow.due_date,
              days: daysBetween(borrow.due_date, payload.date),
            },
            link: `/contracts/${borrow.contract_id}?tab=archive`,
            entityId: borrow.entity_id,
            // A personal matter: not for the entity's group chats.
            robots: false,
          });
        });
      },
    }),
  ];
}
