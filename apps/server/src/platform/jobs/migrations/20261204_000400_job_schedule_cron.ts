import type { Kysely } from 'kysely';

/*
 * Schedules by the clock of a place: a cron pattern read in a time zone ("30 8 * * *" in
 * Asia/Shanghai is 08:30 Beijing time every day) beside the fixed period. A cron schedule keeps
 * every_seconds at 0, since SQLite cannot drop the column's NOT NULL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job_schedule').addColumn('cron', 'text').execute();
  await db.schema.alterTable('job_schedule').addColumn('time_zone', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job_schedule').dropColumn('time_zone').execute();
  await db.schema.alterTable('job_schedule').dropColumn('cron').execute();
}
