import { addDays, BUSINESS_TIME_ZONE, businessDate, daysBetween, formatMoney } from '@concord/contracts';
import { z } from 'zod';
import type { RequestContext } from '../../../platform/http/index.js';
import { defineJob, type JobDefinition, type JobQueue } from '../../../platform/jobs/index.js';
import type { NotificationTemplate, NotificationsService } from '../../../platform/notifications/index.js';
import * as repo from './collections.repository.js';
import type { Db } from '../../../db/index.js';

export const CONTRACT_COLLECTION_SCAN_JOB = 'contract.collectionScan';
export const CONTRACT_COLLECTION_NOTICE_JOB = 'contract.collectionNotice';

/** How the daily scan is scheduled: every day at 08:30 in Asia/Shanghai (declared in the module's definition). */
export const contractCollectionSchedule = {
  name: 'contract-collections',
  type: CONTRACT_COLLECTION_SCAN_JOB,
  payload: {},
  // 08:30 Beijing time, before the working day starts; dates in the scan are Beijing dates too.
  cron: '30 8 * * *',
  timeZone: BUSINESS_TIME_ZONE,
};

/** The reminder days of an entity (execution settings: the entity's row, the group's, or the defaults). */
export interface CollectionSettings {
  remindBeforeDays: number[];
  ownerAfterDays: number;
  headAfterDays: number;
  financeAfterDays: number;
}

export const DEFAULT_COLLECTION_SETTINGS: CollectionSettings = {
  remindBeforeDays: [7, 1],
  ownerAfterDays: 0,
  headAfterDays: 7,
  financeAfterDays: 15,
};

/** `before:<days>` (to the owner), then `owner`, `head`, `finance` after the due date. */
export type CollectionStep = `before:${number}` | 'owner' | 'head' | 'finance';

/**
 * A reminder late by more than this many days (the scan did not run) is skipped rather than sent
 * late; it also bounds how far back the daily scan looks past the last escalation day.
 */
const CATCH_UP_DAYS = 30;
/** The settings allow at most 365 days before or after a due date. */
const MAX_SETTING_DAYS = 365;
const BATCH = 500;

/**
 * The reminder step a plan item is at today, or null: before its due date, the nearest configured
 * day it has reached (7 days before → `before:7` until 1 day before → `before:1`); on and after it,
 * the last escalation whose day has come (owner → head → finance). Each step is sent once (the
 * notice's dedupe key), so a daily scan sends every step on its day and a missed day is caught up
 * with the step current then, never with the ones it passed.
 */
export function collectionStep(
  settings: CollectionSettings,
  today: string,
  dueDate: string,
): CollectionStep | null {
  const daysLeft = daysBetween(today, dueDate);
  const overdue = -daysLeft;
  const escalations: [CollectionStep, number][] = [
    ['finance', settings.financeAfterDays],
    ['head', settings.headAfterDays],
    ['owner', settings.ownerAfterDays],
  ];
  for (const [step, days] of escalations) {
    if (overdue >= days) return overdue - days <= CATCH_UP_DAYS ? step : null;
  }
  if (daysLeft < 0) return null;
  const reached = settings.remindBeforeDays.filter((days) => days >= daysLeft).sort((a, b) => a - b)[0];
  if (reached === undefined || reached - daysLeft > CATCH_UP_DAYS) return null;
  return `before:${reached}`;
}

export interface CollectionDeps {
  jobs: JobQueue;
  notifications: NotificationsService;
  systemContext: (requestId?: string) => RequestContext;
  settingsFor: (db: Db, entityId: string) => Promise<CollectionSettings>;
  userNames: (db: Db, ids: string[]) => Promise<Map<string, string>>;
  /** The head of a department, or null. Called outside any transaction. */
  departmentHead: (departmentId: string) => Promise<string | null>;
  /** Finance of an entity: holders of a role allowed `contract.pay` there. Called outside any transaction. */
  financeOf: (entityId: string) => Promise<string[]>;
}

const contractLabel = (c: { number: string | null; contract_name: string }) =>
  c.number ? `${c.number} ${c.contract_name}` : c.contract_name;

/**
 * Collection reminders (催收). The daily scan walks the open plan items of contracts in force near or
 * past their due dates (the due-date index, keyset batches), works out each item's step from its
 * entity's settings and queues one notice per item, due date and step.
 */
export function contractCollectionJobs(deps: CollectionDeps): JobDefinition[] {
  return [
    defineJob({
      type: CONTRACT_COLLECTION_SCAN_JOB,
      payload: z.object({}),
      handler: async (_payload, { db, now }) => {
        const today = businessDate(now);
        const range = {
          from: addDays(today, -(MAX_SETTING_DAYS + CATCH_UP_DAYS)),
          to: addDays(today, MAX_SETTING_DAYS),
        };
        const settings = new Map<string, CollectionSettings>();
        let after: { dueDate: string; id: string } | null = null;
        for (;;) {
          const rows = await repo.openItemsDueBetween(db, range, after, BATCH);
          if (!rows.length) break;
          for (const row of rows) {
            if (!settings.has(row.entity_id))
              settings.set(row.entity_id, await deps.settingsFor(db, row.entity_id));
          }
          await db.transaction().execute(async (trx) => {
            for (const row of rows) {
              const step = collectionStep(settings.get(row.entity_id)!, today, row.due_date);
              if (!step) continue;
              await deps.jobs.enqueue(
                trx,
                CONTRACT_COLLECTION_NOTICE_JOB,
                { itemId: row.id, dueDate: row.due_date, step },
                { dedupeKey: `contract.collection:${row.id}:${row.due_date}:${step}` },
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
      type: CONTRACT_COLLECTION_NOTICE_JOB,
      payload: z.object({ itemId: z.string(), dueDate: z.string(), step: z.string() }),
      handler: async (payload, { db, now }) => {
        const item = await repo.itemForNotice(db, payload.itemId);
        // Paid, rescheduled or closed since the scan: nothing to say.
        if (item?.status !== 'IN_FORCE' || item.due_date !== payload.dueDate) return;
        if (item.paid_amount >= item.amount) return;
        const step = payload.step as CollectionStep;
        let recipients: string[] = [item.owner_id];
        if (step === 'head') {
          const head = await deps.departmentHead(item.department_id);
          recipients = head ? [head] : [item.owner_id];
        } else if (step === 'finance') {
          const finance = await deps.financeOf(item.entity_id);
          recipients = finance.length ? finance : [item.owner_id];
        }
        const owner = (await deps.userNames(db, [item.owner_id])).get(item.owner_id) ?? '';
        const today = businessDate(now);
        const kind = item.direction === 'INCOME' ? 'receivable' : 'payable';
        await db.transaction().execute(async (trx) => {
          await deps.notifications.notify(trx, deps.systemContext('contract-collections'), {
            recipients: [...new Set(recipients)],
            template: step.startsWith('before:') ? `contract.${kind}Due` : `contract.${kind}Overdue`,
            params: {
              contract: contractLabel(item),
              partner: item.partner_name,
              item: item.name,
              dueDate: item.due_date,
              amount: formatMoney(item.amount - item.paid_amount, item.currency),
              days: Math.abs(daysBetween(today, item.due_date)),
              owner,
            },
            link: `/contracts/${item.contract_id}?tab=schedule`,
            entityId: item.entity_id,
          });
        });
      },
    }),
  ];
}

/** Templates of the collection reminders: before the due date (to the owner) and after it (escalating). */
export const contractCollectionTemplates: Record<string, NotificationTemplate> = {
  'contract.receivableDue': {
    'zh-CN': {
      title: '收款节点即将到期：{contract}',
      body: '合同“{contract}”（{partner}）的收款节点“{item}”将于 {dueDate} 到期（还有 {days} 天），待收 {amount}，请提前跟进。',
    },
    'en-US': {
      title: 'Receipt due soon: {contract}',
      body: 'The receipt milestone "{item}" of "{contract}" ({partner}) falls due on {dueDate} (in {days} days); {amount} is still to be received.',
    },
  },
  'contract.receivableOverdue': {
    'zh-CN': {
      title: '收款逾期：{contract}',
      body: '合同“{contract}”（{partner}）的收款节点“{item}”已于 {dueDate} 到期，逾期 {days} 天，尚有 {amount} 未收回（负责人：{owner}），请尽快催收。',
    },
    'en-US': {
      title: 'Overdue receipt: {contract}',
      body: 'The receipt milestone "{item}" of "{contract}" ({partner}) fell due on {dueDate}, {days} days ago; {amount} is still outstanding (owner: {owner}). Please collect it.',
    },
  },
  'contract.payableDue': {
    'zh-CN': {
      title: '付款节点即将到期：{contract}',
      body: '合同“{contract}”（{partner}）的付款节点“{item}”将于 {dueDate} 到期（还有 {days} 天），待付 {amount}，请及时安排付款申请。',
    },
    'en-US': {
      title: 'Payment due soon: {contract}',
      body: 'The payment milestone "{item}" of "{contract}" ({partner}) falls due on {dueDate} (in {days} days); {amount} is still to be paid.',
    },
  },
  'contract.payableOverdue': {
    'zh-CN': {
      title: '付款逾期：{contract}',
      body: '合同“{contract}”（{partner}）的付款节点“{item}”已于 {dueDate} 到期，逾期 {days} 天，尚有 {amount} 未付（负责人：{owner}），请尽快处理。',
    },
    'en-US': {
      title: 'Overdue payment: {contract}',
      body: 'The payment milestone "{item}" of "{contract}" ({partner}) fell due on {dueDate}, {days} days ago; {amount} is still unpaid (owner: {owner}).',
    },
  },
};
