import { sql } from 'kysely';
import type { Db } from '../../../db/index.js';

export async function itemDeliveries(db: Db, contractId: string) {
  const rows = await db
    .selectFrom('contract_delivery')
    .select([
      'plan_item_id',
      sql<number>`coalesce(sum(case when status <> 'REJECTED' then delivered_amount else 0 end), 0)`.as(
        'delivered',
      ),
      sql<number>`coalesce(sum(accepted_amount), 0)`.as('accepted'),
    ])
    .where('contract_id', '=', contractId)
    .groupBy('plan_item_id')
    .execute();
  return rows.map((r) => ({
    itemId: r.plan_item_id ?? null,
    delivered: r.delivered,
    accepted: r.accepted,
  }));
}

export const planItems = (db: Db, contractId: string) =>
  db
    .selectFrom('contract_plan_item')
    .select(['id', 'seq', 'amount', 'due_date'])
    .where('contract_id', '=', contractId)
    .orderBy('seq')
    .execute();

export async function setItemFigures(
  db: Db,
  itemId: string,
  figures: {
    requested: number;
    paid: number;
    invoiced: number;
    accepted: number;
    matched: { paid: number; invoiced: number; accepted: number };
  },
): Promise<void> {
  await db
    .updateTable('contract_plan_item')
    .set({
      requested_amount: figures.requested,
      paid_amount: figures.paid,
      invoiced_amount: figures.invoiced,
      accepted_amount: figures.accepted,
      matched_paid_amount: figures.matched.paid,
      matched_invoiced_amount: figures.matched.invoiced,
      matched_accepted_amount: figures.matched.accepted,
    })
    .where('id', '=', itemId)
    .execute();
}

export async function setContractFigures(
  db: Db,
  contractId: string,
  figures: {
    planned: number;
    requested: number;
    paid: number;
    invoiced: number;
    accepted: number;
    delivered: number;
    nextDueDate: string | null;
    pastDueOpen: number;
    pastDueOpenItems: number;
  },
): Promise<void> {
  await db
    .updateTable('contract')
    .set({
      planned_amount: figures.planned,
      requested_amount: figures.requested,
      paid_amount: figures.paid,
      invoiced_amount: figures.invoiced,
      accepted_amount: figures.accepted,
      delivered_amount: figures.delivered,
      next_due_date: figures.nextDueDate,
      past_due_open_amount: figures.pastDueOpen,
      past_due_open_items: figures.pastDueOpenItems,
    })
    .where('id', '=', contractId)
    .execute();
}
