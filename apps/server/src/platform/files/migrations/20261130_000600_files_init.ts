import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('file_object')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('entity_id', t.id, (c) => c.notNull().references('org_entity.id'))
    .addColumn('owner_id', t.id, (c) => c.references('org_user.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', t.bigint, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('file_object_owner').on('file_object').columns(['owner_id']).execute();
  await db.schema.createIndex('file_object_entity').on('file_object').columns(['entity_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('file_object').execute();
}
