import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('iam_credential')
    .addColumn('user_id', t.id, (c) => c.primaryKey().references('org_user.id').onDelete('cascade'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('failed_count', 'integer', (c) => c.notNull())
    .addColumn('locked_until', t.instant)
    .addColumn('changed_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('iam_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('org_user.id').onDelete('cascade'))
    .addColumn('acting_entity_id', t.id, (c) => c.notNull().references('org_entity.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('last_seen_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('iam_session_user').on('iam_session').column('user_id').execute();
  await db.schema.createIndex('iam_session_expires').on('iam_session').column('expires_at').execute();

  await db.schema
    .createTable('iam_role')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('code', t.sortableText, (c) => c.notNull().unique())
    .addColumn('name', t.sortableText, (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('data_scope', 'text', (c) => c.notNull())
    .addColumn('built_in', t.bool, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('iam_role_permission')
    .addColumn('role_id', t.id, (c) => c.notNull().references('iam_role.id').onDelete('cascade'))
    .addColumn('permission', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('iam_role_permission_pk', ['role_id', 'permission'])
    .execute();

  await db.schema
    .createTable('iam_role_scope')
    .addColumn('role_id', t.id, (c) => c.notNull().references('iam_role.id').onDelete('cascade'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', t.id, (c) => c.notNull())
    .addPrimaryKeyConstraint('iam_role_scope_pk', ['role_id', 'target_type', 'target_id'])
    .execute();

  await db.schema
    .createTable('iam_user_role')
    .addColumn('user_id', t.id, (c) => c.notNull().references('org_user.id').onDelete('cascade'))
    .addColumn('role_id', t.id, (c) => c.notNull().references('iam_role.id'))
    .addColumn('entity_id', t.id, (c) => c.notNull().references('org_entity.id'))
    .addPrimaryKeyConstraint('iam_user_role_pk', ['user_id', 'role_id', 'entity_id'])
    .execute();
  await db.schema.createIndex('iam_user_role_role').on('iam_user_role').column('role_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'iam_user_role',
    'iam_role_scope',
    'iam_role_permission',
    'iam_role',
    'iam_session',
    'iam_credential',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
