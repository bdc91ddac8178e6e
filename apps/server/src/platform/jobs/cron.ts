import { BUSINESS_TIME_ZONE } from '@concord/contracts';
import { Cron } from 'croner';

/** When a recurring job runs: a fixed period, or a cron pattern read in a time zone. */
export type Recurrence = { everySeconds: number } | { cron: string; timeZone?: string };

/** A recurring job as declared by a module: `{ name, type, payload, cron: '30 8 * * *' }`. */
export type JobSchedule = { name: string; type: string; payload: unknown } & Recurrence;

/** The stored form of a recurrence (job_schedule's every_seconds, cron and time_zone). */
export interface StoredRecurrence {
  every_seconds: number;
  cron: string | null;
  time_zone: string | null;
}

export function storedRecurrence(recurrence: Recurrence): StoredRecurrence {
  if ('cron' in recurrence) {
    const timeZone = recurrence.timeZone ?? BUSINESS_TIME_ZONE;
    // Fails now, at declaration, rather than at the first run: a bad zone or pattern throws here.
    new Intl.DateTimeFormat('en-US', { timeZone });
    pattern(recurrence.cron, timeZone);
    return { every_seconds: 0, cron: recurrence.cron, time_zone: timeZone };
  }
  if (!Number.isInteger(recurrence.everySeconds) || recurrence.everySeconds < 1) {
    throw new RangeError(
      `everySeconds must be a whole number of seconds above zero: ${recurrence.everySeconds}`,
    );
  }
  return { every_seconds: recurrence.everySeconds, cron: null, time_zone: null };
}

function pattern(cron: string, timeZone: string): Cron {
  // paused and without a callback: croner only computes occurrences, it starts no timer.
  return new Cron(cron, { timezone: timeZone, paused: true });
}

/** The first occurrence strictly after `after`. */
export function nextOccurrence(recurrence: StoredRecurrence, after: Date): Date {
  if (recurrence.cron) {
    const next = pattern(recurrence.cron, recurrence.time_zone ?? BUSINESS_TIME_ZONE).nextRun(after);
    if (!next) throw new Error(`The cron pattern "${recurrence.cron}" has no further occurrence`);
    return next;
  }
  return new Date(after.getTime() + recurrence.every_seconds * 1000);
}

export const sameRecurrence = (a: StoredRecurrence, b: StoredRecurrence): boolean =>
  a.cron === b.cron && a.time_zone === b.time_zone && a.every_seconds === b.every_seconds;
