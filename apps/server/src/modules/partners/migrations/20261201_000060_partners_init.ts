import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('partner')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('name', t.sortableText, (c) => c.notNull())
    .addColumn('credit_code', t.sortableText)
    .addColumn('is_customer', t.bool, (c) => c.notNull())
    .addColumn('is_supplier', t.bool, (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('industry', 'text')
    .addColumn('region', 'text')
    .addColumn('address', 'text')
    .addColumn('rating', 'text')
    .addColumn('remarks', 'text')
    .addColumn('entity_id', t.id, (c) => c.notNull().references('org_entity.id'))
    .addColumn('department_id', t.id, (c) => c.references('org_department.id'))
    .addColumn('owner_id', t.id, (c) => c.references('org_user.id'))
    .addColumn('shared_with_group', t.bool, (c) => c.notNull())
    .addColumn('blacklisted', t.bool, (c) => c.notNull())
    .addColumn('blacklist_reason', 'text')
    .addColumn('blacklisted_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  // One credit code per group (several individuals may have none: NULLs do not collide).
  await db.schema.createIndex('partner_credit_code').on('partner').column('credit_code').unique().execute();
  // Behind the list's default sort and each filter it offers (each ends in the sort column).
  const indexes: [string, string[]][] = [
    ['partner_name', ['name']],
    ['partner_entity', ['entity_id', 'name']],
    ['partner_shared', ['shared_with_group', 'name']],
    ['partner_owner', ['owner_id']],
    ['partner_department', ['department_id']],
    ['partner_customer', ['is_customer', 'name']],
    ['partner_supplier', ['is_supplier', 'name']],
    ['partner_type', ['type', 'name']],
    ['partner_region', ['region', 'name']],
    ['partner_industry', ['industry', 'name']],
    ['partner_rating', ['rating', 'name']],
    ['partner_blacklisted', ['blacklisted', 'name']],
  ];
  for (const [name, columns] of indexes) {
    await db.schema.createIndex(name).on('partner').columns(columns).execute();
  }

  await db.schema
    .createTable('partner_bank_account')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('partner_id', t.id, (c) => c.notNull().references('partner.id'))
    .addColumn('bank_name', 'text', (c) => c.notNull())
    .addColumn('account_name', 'text', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('is_default', t.bool, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('partner_bank_account_partner')
    .on('partner_bank_account')
    .column('partner_id')
    .execute();

  await db.schema
    .createTable('partner_contact')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('partner_id', t.id, (c) => c.notNull().references('partner.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('position', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('partner_contact_partner').on('partner_contact').column('partner_id').execute();

  await db.schema
    .createTable('partner_qualification')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('partner_id', t.id, (c) => c.notNull().references('partner.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('valid_from', t.date)
    .addColumn('valid_to', t.date)
    .addColumn('attachment_file_id', t.id, (c) => c.references('file_object.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('partner_qualification_partner')
    .on('partner_qualification')
    .column('partner_id')
    .execute();
  // The daily expiry reminder scans by end of validity.
  await db.schema
    .createIndex('partner_qualification_valid_to')
    .on('partner_qualification')
    .column('valid_to')
    .execute();
  await db.schema
    .createIndex('partner_qualification_file')
    .on('partner_qualification')
    .column('attachment_file_id')
    .execute();

  await db.schema
    .createTable('partner_blacklist_log')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('partner_id', t.id, (c) => c.notNull().references('partner.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_id', t.id, (c) => c.references('org_user.id'))
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('partner_blacklist_log_partner')
    .on('partner_blacklist_log')
    .columns(['partner_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'partner_blacklist_log',
    'partner_qualification',
    'partner_contact',
    'partner_bank_account',
    'partner',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
