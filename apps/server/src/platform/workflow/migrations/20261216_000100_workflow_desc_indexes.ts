import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../../db/index.js';

/*
 * The approval centre's todo, initiated and cc tabs list newest first, and lists sort descending
 * with nulls last on both databases (`applySort`). SQLite reads an ascending index backwards in
 * that order (its nulls are the smallest values); PostgreSQL only reads an index written
 * `desc nulls last` in it, and sorted each tab's whole set instead. The done tab's index is written
 * so already (20261215_000100); these three are rewritten the same way, on PostgreSQL only.
 */
const indexes = [
  { name: 'wf_task_assignee', table: 'wf_task', columns: ['assignee_id', 'open'], time: 'created_at' },
  { name: 'wf_instance_initiator', table: 'wf_instance', columns: ['initiator_id'], time: 'created_at' },
  { name: 'wf_cc_user', table: 'wf_cc', columns: ['user_id'], time: 'created_at' },
];

async function rewrite(db: Kysely<any>, order: string): Promise<void> {
  if (!isPostgres(db)) return;
  for (const index of indexes) {
    await sql.raw(`drop index ${index.name}`).execute(db);
    await sql
      .raw(
        `create index ${index.name} on ${index.table} (${[...index.columns, `${index.time}${order}`].join(', ')})`,
      )
      .execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await rewrite(db, ' desc nulls last');
}

export async function down(db: Kysely<any>): Promise<void> {
  await rewrite(db, '');
}
