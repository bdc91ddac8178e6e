import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('notification_item')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('recipient_id', t.id, (c) => c.notNull().references('org_user.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params', t.json, (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('entity_id', t.id, (c) => c.references('org_entity.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('read_at', t.instant)
    .execute();
  // The notification centre's list (newest first) and the bell's unread count, per reader.
  await db.schema
    .createIndex('notification_item_recipient')
    .on('notification_item')
    .columns(['recipient_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notification_item_unread')
    .on('notification_item')
    .columns(['recipient_id', 'read_at'])
    .execute();

  await db.schema
    .createTable('notification_preference')
    .addColumn('user_id', t.id, (c) => c.primaryKey().references('org_user.id').onDelete('cascade'))
    .addColumn('email_enabled', t.bool, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification_robot')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('entity_id', t.id, (c) => c.notNull().references('org_entity.id'))
    .addColumn('name', t.sortableText, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('webhook_url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('enabled', t.bool, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_robot_entity')
    .on('notification_robot')
    .columns(['entity_id', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_robot').execute();
  await db.schema.dropTable('notification_preference').execute();
  await db.schema.dropTable('notification_item').execute();
}
