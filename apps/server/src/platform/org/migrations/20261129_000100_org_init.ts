import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('org_entity')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('parent_id', t.id, (c) => c.references('org_entity.id'))
    .addColumn('code', t.sortableText, (c) => c.notNull().unique())
    .addColumn('name', t.sortableText, (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('active', t.bool, (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_entity_parent').on('org_entity').column('parent_id').execute();

  await db.schema
    .createTable('org_department')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('entity_id', t.id, (c) => c.notNull().references('org_entity.id'))
    .addColumn('parent_id', t.id, (c) => c.references('org_department.id'))
    .addColumn('code', t.sortableText, (c) => c.notNull())
    .addColumn('name', t.sortableText, (c) => c.notNull())
    .addColumn('head_user_id', t.id)
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('org_department_code', ['entity_id', 'code'])
    .execute();
  await db.schema.createIndex('org_department_parent').on('org_department').column('parent_id').execute();

  await db.schema
    .createTable('org_position')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('entity_id', t.id, (c) => c.notNull().references('org_entity.id'))
    .addColumn('code', t.sortableText, (c) => c.notNull())
    .addColumn('name', t.sortableText, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('org_position_code', ['entity_id', 'code'])
    .execute();

  await db.schema
    .createTable('org_user')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('username', t.sortableText, (c) => c.notNull().unique())
    .addColumn('display_name', t.sortableText, (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('entity_id', t.id, (c) => c.notNull().references('org_entity.id'))
    .addColumn('department_id', t.id, (c) => c.notNull().references('org_department.id'))
    .addColumn('position_id', t.id, (c) => c.references('org_position.id'))
    .addColumn('active', t.bool, (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('last_login_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_user_entity').on('org_user').columns(['entity_id', 'username']).execute();
  await db.schema.createIndex('org_user_main_department').on('org_user').columns(['department_id']).execute();
  await db.schema.createIndex('org_user_display_name').on('org_user').column('display_name').execute();
  await db.schema.createIndex('org_user_created').on('org_user').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('org_user_department')
    .addColumn('user_id', t.id, (c) => c.notNull().references('org_user.id').onDelete('cascade'))
    .addColumn('department_id', t.id, (c) => c.notNull().references('org_department.id'))
    .addPrimaryKeyConstraint('org_user_department_pk', ['user_id', 'department_id'])
    .execute();
  await db.schema
    .createIndex('org_user_department_dept')
    .on('org_user_department')
    .column('department_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['org_user_department', 'org_user', 'org_position', 'org_department', 'org_entity']) {
    await db.schema.dropTable(table).execute();
  }
}
