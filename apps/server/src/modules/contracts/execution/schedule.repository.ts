import { sql } from 'kysely';
import type { Db } from '../../../db/index.js';
import type { ContractPlanItemTable } from '../contracts.tables.js';

/** A row of `contract_plan_item` (payment/receipt milestone) with its refreshed figures. */
export type PlanItemRow = ContractPlanItemTable;

export const listItems = (db: Db, contractId: string): Promise<PlanItemRow[]> =>
  db
    .selectFrom('contract_plan_item')
    .selectAll()
    .where('contract_id', '=', contractId)
    .orderBy('seq')
    .execute() as Promise<PlanItemRow[]>;

export async function countItems(db: Db, contractId: string): Promise<number> {
  const row = await db
    .selectFrom('contract_plan_item')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('contract_id', '=', contractId)
    .executeTakeFirst();
  return row?.n ?? 0;
}

/**
 * Moves every item of the contract out of the way of the unique (contract_id, seq) constraint, so
 * the new order can be written item by item without two items ever sharing a position.
 */
export async function parkSeqs(db: Db, contractId: string): Promise<void> {
  await db
    .updateTable('contract_plan_item')
    .set({ seq: sql`-seq - 1` })
    .where('contract_id', '=', contractId)
    .execute();
}

export async function insertItem(
  db: Db,
  row: Omit<
    PlanItemRow,
    | 'requested_amount'
    | 'paid_amount'
    | 'invoiced_amount'
    | 'accepted_amount'
    | 'matched_paid_amount'
    | 'matched_invoiced_amount'
    | 'matched_accepted_amount'
  >,
): Promise<void> {
  await db
    .insertInto('contract_plan_item')
    .values({ ...row, requested_amount: 0, paid_amount: 0, invoiced_amount: 0, accepted_amount: 0 })
    .execute();
}

export async function updateItem(
  db: Db,
  id: string,
  patch: Pick<
    PlanItemRow,
    'seq' | 'name' | 'due_date' | 'amount' | 'percentage' | 'condition_text' | 'updated_at'
  >,
): Promise<void> {
  await db.updateTable('contract_plan_item').set(patch).where('id', '=', id).execute();
}

export async function deleteItems(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.deleteFrom('contract_plan_item').where('id', 'in', ids).execute();
}

/**
 * Which of these items carry records that point at them (payments of any status, deliveries):
 * they cannot be deleted, whatever their amounts.
 */
export async function referencedItems(db: Db, ids: string[]): Promise<Map<string, 'payment' | 'delivery'>> {
  const found = new Map<string, 'payment' | 'delivery'>();
  if (!ids.length) return found;
  const [payments, deliveries] = await Promise.all([
    db
      .selectFrom('contract_payment')
      .select('plan_item_id')
      .distinct()
      .where('plan_item_id', 'in', ids)
      .execute(),
    db
      .selectFrom('contract_delivery')
      .select('plan_item_id')
      .distinct()
      .where('plan_item_id', 'in', ids)
      .execute(),
  ]);
  for (const row of deliveries) found.set(row.plan_item_id as string, 'delivery');
  for (const row of payments) found.set(row.plan_item_id as string, 'payment');
  return found;
}

/** A new amount for one item (a plan fitted to a settlement); its share is no longer the one entered. */
export async function setItemAmount(db: Db, id: string, amount: number, at: string): Promise<void> {
  await db
    .updateTable('contract_plan_item')
    .set({ amount, percentage: null, updated_at: at })
    .where('id', '=', id)
    .execute();
}
