import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  // A filled-in form: the document its approval instance is about.
  await db.schema
    .createTable('form_submission')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('form_id', t.id, (c) => c.notNull().references('form_definition.id'))
    .addColumn('entity_id', t.id, (c) => c.notNull().references('org_entity.id'))
    .addColumn('department_id', t.id)
    .addColumn('initiator_id', t.id, (c) => c.notNull().references('org_user.id'))
    .addColumn('fields', t.json, (c) => c.notNull())
    .addColumn('data', t.json, (c) => c.notNull())
    .addColumn('amount', t.money)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('instance_id', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('form_submission_initiator')
    .on('form_submission')
    .columns(['initiator_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('form_submission').execute();
}
