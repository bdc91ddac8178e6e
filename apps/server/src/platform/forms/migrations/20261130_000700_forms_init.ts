import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('form_definition')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('code', t.sortableText, (c) => c.notNull().unique())
    .addColumn('name', t.sortableText, (c) => c.notNull())
    .addColumn('description', 'text')
    // null: offered to the whole group.
    .addColumn('entity_id', t.id, (c) => c.references('org_entity.id'))
    .addColumn('fields', t.json, (c) => c.notNull())
    .addColumn('amount_field', 'text')
    .addColumn('active', t.bool, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  // The admin list (by entity) and the "forms I may submit" list (active, group-wide or my entity).
  await db.schema
    .createIndex('form_definition_entity')
    .on('form_definition')
    .columns(['entity_id', 'active', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('form_definition').execute();
}
