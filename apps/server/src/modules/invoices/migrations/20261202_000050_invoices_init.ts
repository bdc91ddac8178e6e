import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

/**
 * The invoice registry: invoices received and issued across the group, and their use by business
 * documents. Uniqueness (one registration per real invoice, one active use per document) is kept by
 * unique indexes, so it holds under concurrent writers on both dialects.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('invoice')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('code', t.sortableText)
    .addColumn('number', t.sortableText, (c) => c.notNull())
    .addColumn('seller_tax_id', t.sortableText, (c) => c.notNull())
    .addColumn('seller_name', t.sortableText, (c) => c.notNull())
    .addColumn('buyer_tax_id', t.sortableText, (c) => c.notNull())
    .addColumn('buyer_name', t.sortableText, (c) => c.notNull())
    .addColumn('issue_date', t.date, (c) => c.notNull())
    .addColumn('amount_excl_tax', t.money, (c) => c.notNull())
    .addColumn('tax_amount', t.money, (c) => c.notNull())
    .addColumn('total_amount', t.money, (c) => c.notNull())
    .addColumn('used_amount', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('void_reason', 'text')
    .addColumn('voided_by', t.id)
    .addColumn('voided_at', t.instant)
    .addColumn('unique_key', 'text', (c) => c.notNull())
    .addColumn('entity_id', t.id, (c) => c.notNull().references('org_entity.id'))
    .addColumn('file_id', t.id)
    .addColumn('remarks', 'text')
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invoice_unique_key').on('invoice').column('unique_key').unique().execute();
  await db.schema
    .createIndex('invoice_entity_date')
    .on('invoice')
    .columns(['entity_id', 'issue_date'])
    .execute();
  await db.schema.createIndex('invoice_issue_date').on('invoice').columns(['issue_date', 'id']).execute();
  await db.schema.createIndex('invoice_number').on('invoice').column('number').execute();
  await db.schema.createIndex('invoice_seller').on('invoice').column('seller_tax_id').execute();
  await db.schema.createIndex('invoice_created_by').on('invoice').column('created_by').execute();

  await db.schema
    .createTable('invoice_usage')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('invoice_id', t.id, (c) => c.notNull().references('invoice.id'))
    .addColumn('document_type', 'text', (c) => c.notNull())
    .addColumn('document_id', t.id, (c) => c.notNull())
    .addColumn('document_line_id', t.id)
    .addColumn('document_label', 'text', (c) => c.notNull())
    .addColumn('entity_id', t.id, (c) => c.notNull().references('org_entity.id'))
    .addColumn('amount', t.money, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('active_key', 'text')
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('released_by', t.id)
    .addColumn('released_at', t.instant)
    .execute();
  await db.schema
    .createIndex('invoice_usage_active_key')
    .on('invoice_usage')
    .column('active_key')
    .unique()
    .execute();
  await db.schema
    .createIndex('invoice_usage_invoice')
    .on('invoice_usage')
    .columns(['invoice_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('invoice_usage_document')
    .on('invoice_usage')
    .columns(['document_type', 'document_id'])
    .execute();
  await db.schema.createIndex('invoice_usage_entity').on('invoice_usage').column('entity_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('invoice_usage').execute();
  await db.schema.dropTable('invoice').execute();
}
