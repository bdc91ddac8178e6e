import { sql } from 'kysely';
import type { Db } from '../../../db/index.js';
import type { ContractInvoiceAllocationTable } from '../contracts.tables.js';

/** The parts of invoice usages that count on plan items (invoices split across a contract's plan items). */
export async function insertAllocations(db: Db, rows: ContractInvoiceAllocationTable[]): Promise<void> {
  if (rows.length) await db.insertInto('contract_invoice_allocation').values(rows).execute();
}

/** A contract's allocations, by usage, in the contract's plan order. */
export async function allocationsOf(
  db: Db,
  contractId: string,
): Promise<Map<string, { planItemId: string; amount: number }[]>> {
  const rows = await db
    .selectFrom('contract_invoice_allocation as a')
    .innerJoin('contract_plan_item as i', 'i.id', 'a.plan_item_id')
    .select(['a.usage_id', 'a.plan_item_id', 'a.amount'])
    .where('a.contract_id', '=', contractId)
    .orderBy('i.seq')
    .execute();
  const byUsage = new Map<string, { planItemId: string; amount: number }[]>();
  for (const row of rows) {
    const list = byUsage.get(row.usage_id) ?? [];
    list.push({ planItemId: row.plan_item_id, amount: row.amount });
    byUsage.set(row.usage_id, list);
  }
  return byUsage;
}

/** What a contract's split invoices put on each plan item. */
export async function allocatedByItem(
  db: Db,
  contractId: string,
): Promise<{ itemId: string; amount: number }[]> {
  const rows = await db
    .selectFrom('contract_invoice_allocation')
    .select(['plan_item_id', sql<number>`coalesce(sum(amount), 0)`.as('amount')])
    .where('contract_id', '=', contractId)
    .groupBy('plan_item_id')
    .execute();
  return rows.map((r) => ({ itemId: r.plan_item_id, amount: r.amount }));
}

/** Ends the allocations of a usage released in the invoice registry. */
export async function deleteAllocationsOf(db: Db, usageId: string): Promise<void> {
  await db.deleteFrom('contract_invoice_allocation').where('usage_id', '=', usageId).execute();
}
