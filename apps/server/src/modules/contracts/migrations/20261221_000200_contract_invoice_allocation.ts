import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

/**
 * One invoice split across several plan items of a contract: the contract uses the invoice once in
 * the invoice registry (a usage for the contract as a whole), and this table says how much of that
 * use counts on each plan item. The parts sum to at most the usage's amount; the rest counts on the
 * contract as a whole. `usage_id` names the registry's usage (another module's row: no foreign key).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('contract_invoice_allocation')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('contract_id', t.id, (c) => c.notNull().references('contract.id'))
    .addColumn('usage_id', t.id, (c) => c.notNull())
    .addColumn('plan_item_id', t.id, (c) => c.notNull().references('contract_plan_item.id'))
    .addColumn('amount', t.money, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('contract_invoice_allocation_item', ['usage_id', 'plan_item_id'])
    .execute();
  await db.schema
    .createIndex('contract_invoice_allocation_contract')
    .on('contract_invoice_allocation')
    .columns(['contract_id'])
    .execute();
  await db.schema
    .createIndex('contract_invoice_allocation_plan_item')
    .on('contract_invoice_allocation')
    .columns(['plan_item_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contract_invoice_allocation').execute();
}
