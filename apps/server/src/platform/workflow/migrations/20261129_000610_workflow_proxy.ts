import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

/** Proxy while away (审批代理): from start_at to end_at, tasks for user_id go to proxy_id. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('wf_proxy_rule')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('org_user.id'))
    .addColumn('proxy_id', t.id, (c) => c.notNull().references('org_user.id'))
    .addColumn('start_at', t.instant, (c) => c.notNull())
    .addColumn('end_at', t.instant, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wf_proxy_rule_user').on('wf_proxy_rule').columns(['user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('wf_proxy_rule').execute();
}
