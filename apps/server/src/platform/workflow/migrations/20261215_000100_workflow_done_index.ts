import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../../db/index.js';

/*
 * The approval centre's done tab lists a person's decided tasks, newest decision first: an index
 * ending in the decision time, so its first page reads 20 index entries instead of sorting the
 * person's whole history (the open tab's index, `wf_task_assignee`, ends in the creation time).
 * Lists sort descending with nulls last on both databases (`applySort`): SQLite's index gives that
 * order read backwards (its nulls are the smallest values), PostgreSQL's only when it says so.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const decided = isPostgres(db) ? 'decided_at desc nulls last' : 'decided_at';
  await sql
    .raw(`create index wf_task_assignee_decided on wf_task (assignee_id, open, ${decided})`)
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('wf_task_assignee_decided').execute();
}
