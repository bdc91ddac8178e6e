import { sql } from 'kysely';
import { type Db, isPostgres } from '../../db/index.js';
import type { JobScheduleTable, JobTable } from './jobs.tables.js';

/** Inserts a job; with a dedupe key already present nothing is inserted and false comes back. */
export async function insertJob(db: Db, row: JobTable): Promise<boolean> {
  const result = await db
    .insertInto('job')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Claims up to `limit` due jobs for one worker in a single statement: queued jobs whose time has
 * come, and running jobs whose worker's lease ran out (it crashed). On PostgreSQL the inner select
 * skips rows other workers are claiming, so concurrent workers take disjoint jobs; SQLite has one
 * writer at a time and needs no more.
 */
export async function claimDue(
  db: Db,
  options: { now: string; limit: number; workerId: string; leaseUntil: string },
): Promise<JobTable[]> {
  const postgres = isPostgres(db);
  return db
    .updateTable('job')
    .set({
      status: 'running',
      locked_by: options.workerId,
      locked_until: options.leaseUntil,
      attempts: sql<number>`attempts + 1`,
    })
    .where('id', 'in', (eb) => {
      let due = eb
        .selectFrom('job')
        .select('id')
        .where((w) =>
          w.or([
            w.and([w('status', '=', 'queued'), w('run_at', '<=', options.now)]),
            w.and([w('status', '=', 'running'), w('locked_until', '<', options.now)]),
          ]),
        )
        .orderBy('run_at')
        .limit(options.limit);
      if (postgres) due = due.forUpdate().skipLocked();
      return due;
    })
    .returningAll()
    .execute();
}

export async function finishJob(
  db: Db,
  id: string,
  workerId: string,
  finishedAt: string,
  result: string | null,
): Promise<void> {
  await db
    .updateTable('job')
    .set({
      status: 'done',
      finished_at: finishedAt,
      locked_by: null,
      locked_until: null,
      last_error: null,
      result,
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

/**
 * Renews a worker's lease on a running job, with its progress when given; false when the worker no
 * longer holds it (its lease ran out and another worker took the job over).
 */
export async function renewLease(
  db: Db,
  id: string,
  workerId: string,
  leaseUntil: string,
  progress?: { done: number; total: number | null },
): Promise<boolean> {
  const result = await db
    .updateTable('job')
    .set({
      locked_until: leaseUntil,
      ...(progress ? { progress_done: progress.done, progress_total: progress.total } : {}),
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function failJob(
  db: Db,
  id: string,
  workerId: string,
  outcome: { retryAt: string | null; error: string; finishedAt: string },
): Promise<void> {
  await db
    .updateTable('job')
    .set(
      outcome.retryAt
        ? {
            status: 'queued',
            run_at: outcome.retryAt,
            last_error: outcome.error,
            locked_by: null,
            locked_until: null,
          }
        : {
            status: 'dead',
            last_error: outcome.error,
            finished_at: outcome.finishedAt,
            locked_by: null,
            locked_until: null,
          },
    )
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

export function findJob(db: Db, id: string): Promise<JobTable | undefined> {
  return db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSchedule(db: Db, name: string): Promise<JobScheduleTable | undefined> {
  return db.selectFrom('job_schedule').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Declares a schedule; an existing one keeps its next run unless `resetNextRun` (its timing changed). */
export async function upsertSchedule(db: Db, row: JobScheduleTable, resetNextRun: boolean): Promise<void> {
  await db
    .insertInto('job_schedule')
    .values(row)
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({
        type: row.type,
        payload: row.payload,
        every_seconds: row.every_seconds,
        cron: row.cron,
        time_zone: row.time_zone,
        ...(resetNextRun ? { next_run_at: row.next_run_at } : {}),
      }),
    )
    .execute();
}

/** Due schedules, locked so that of several app nodes only one enqueues each occurrence. */
export async function lockDueSchedules(db: Db, now: string): Promise<JobScheduleTable[]> {
  let query = db.selectFrom('job_schedule').selectAll().where('next_run_at', '<=', now).orderBy('name');
  if (isPostgres(db)) query = query.forUpdate().skipLocked();
  return query.execute();
}

export async function advanceSchedule(db: Db, name: string, nextRunAt: string): Promise<void> {
  await db.updateTable('job_schedule').set({ next_run_at: nextRunAt }).where('name', '=', name).execute();
}
