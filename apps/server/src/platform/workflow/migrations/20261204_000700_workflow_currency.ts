import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../db/index.js';

/*
 * Currencies in the approval engine (ADR 0007): a definition's amount range is stated in a currency,
 * and an instance keeps the amount and currency of the document it approves. Everything before
 * this was CNY, so existing rows take CNY.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .alterTable('wf_definition')
    .addColumn('amount_currency', 'text', (c) => c.notNull().defaultTo(sql`'CNY'`))
    .execute();
  await db.schema.alterTable('wf_instance').addColumn('amount', t.money).execute();
  await db.schema
    .alterTable('wf_instance')
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo(sql`'CNY'`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('wf_instance').dropColumn('currency').execute();
  await db.schema.alterTable('wf_instance').dropColumn('amount').execute();
  await db.schema.alterTable('wf_definition').dropColumn('amount_currency').execute();
}
