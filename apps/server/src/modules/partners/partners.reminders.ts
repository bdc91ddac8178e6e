import {
  BUSINESS_TIME_ZONE,
  QUALIFICATION_REMINDER_DAYS,
  qualificationDaysLeft,
  addDays,
  businessDate,
} from '@concord/contracts';
import { z } from 'zod';
import { inBatches, type RequestContext } from '../../platform/http/index.js';
import { defineJob, type JobDefinition, type JobQueue } from '../../platform/jobs/index.js';
import type { NotificationsService } from '../../platform/notifications/index.js';
import { readDate } from './partners.mappers.js';
import * as repo from './partners.repository.js';
import { QUALIFICATION_THRESHOLDS, reminderThreshold } from './partners.rules.js';
import type { Db } from '../../db/index.js';

export const QUALIFICATION_SCAN_JOB = 'partners.qualificationScan';
export const QUALIFICATION_REMINDER_JOB = 'partners.qualificationReminder';

/** The daily expiry scan: every day at 08:30 in Asia/Shanghai (declared in the module's definition). */
export const partnerQualificationSchedule = {
  name: 'partner-qualification-expiry',
  type: QUALIFICATION_SCAN_JOB,
  payload: {},
  cron: '30 8 * * *',
  timeZone: BUSINESS_TIME_ZONE,
};

const reminderPayload = z.object({
  qualificationId: z.string(),
  validTo: z.string(),
  threshold: z.number().int(),
});

/** Who else hears of a partner's expiring qualification: holders of `partner.manage` in its entity. */
export type PartnerManagers = (entityId: string) => Promise<string[]>;

/**
 * Qualification expiry reminders (资质到期提醒). A daily scan queues one reminder per qualification
 * and threshold (30 and 7 days before it ends); the job queue's dedupe key makes each go out once,
 * and a renewed qualification (new end date) is reminded of afresh.
 */
export class QualificationReminders {
  constructor(
    private readonly db: Db,
    private readonly jobs: JobQueue,
    private readonly notifications: NotificationsService,
    private readonly managers: PartnerManagers,
    private readonly systemContext: () => RequestContext,
  ) {}

  /** Queues the reminders due on the day of `now`; returns how many were new. */
  async scan(now: Date): Promise<number> {
    const today = businessDate(now);
    const horizon = addDays(today, Math.max(QUALIFICATION_REMINDER_DAYS, ...QUALIFICATION_THRESHOLDS));
    let queued = 0;
    await this.db.transaction().execute(async (trx) => {
      for await (const row of inBatches(repo.qualificationsEndingBetween(trx, today, horizon), 500)) {
        const validTo = readDate(row.valid_to)!;
        const threshold = reminderThreshold(qualificationDaysLeft(today, validTo));
        if (threshold === null) continue;
        const id = await this.jobs.enqueue(
          trx,
          QUALIFICATION_REMINDER_JOB,
          { qualificationId: row.id, validTo, threshold },
          { dedupeKey: `partner-qualification:${row.id}:${validTo}:${threshold}` },
        );
        if (id) queued += 1;
      }
    });
    return queued;
  }

  /** Sends one reminder, unless the qualification was removed or renewed meanwhile. */
  async remind(payload: z.infer<typeof reminderPayload>, now: Date): Promise<void> {
    const qualification = await repo.findQualification(this.db, payload.qualificationId);
    if (!qualification || readDate(qualification.valid_to) !== payload.validTo) return;
    const days = qualificationDaysLeft(businessDate(now), payload.validTo);
    if (days < 0) return;
    const partner = (await repo.findPartner(this.db, qualification.partner_id))!;
    const recipients = [
      ...(partner.owner_id ? [partner.owner_id] : []),
      ...(await this.managers(partner.entity_id)),
    ];
    if (!recipients.length) return;
    await this.db.transaction().execute(async (trx) => {
      await this.notifications.notify(trx, this.systemContext(), {
        recipients,
        template: 'partner.qualificationExpiring',
        params: {
          partner: partner.name,
          type: qualification.type,
          number: qualification.number ?? '-',
          validTo: payload.validTo,
          days,
        },
        link: `/partners/${partner.id}`,
        entityId: partner.entity_id,
        robots: false,
      });
    });
  }
}

export function partnersJobs(reminders: QualificationReminders): JobDefinition[] {
  return [
    defineJob({
      type: QUALIFICATION_SCAN_JOB,
      payload: z.object({}),
      handler: async (_payload, { now }) => {
        await reminders.scan(now);
      },
    }),
    defineJob({
      type: QUALIFICATION_REMINDER_JOB,
      payload: reminderPayload,
      handler: async (payload, { now }) => {
        await reminders.remind(payload, now);
      },
    }),
  ];
}
