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

/**
 * The retention held back, not yet due: its approved settlement's retention until the release is
 * recorded (the customer holds it on an income contract, we hold it on an expense one); 0 otherwise.
 * What is outstanding is net of it on both sides: settled − paid (received) − retention held.
 */
export async function retentionHeld(db: Db, contractId: string): Promise<number> {
  const row = await db
    .selectFrom('contract_settlement as s')
    .select('s.retention_amount')
    .where('s.contract_id', '=', contractId)
    .where('s.status', '=', 'APPROVED')
    .where('s.retention_amount', '>', 0)
    .where('s.retention_released_on', 'is', null)
    .executeTakeFirst();
  return row?.retention_amount ?? 0;
}

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
    retentionHeld: number;
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
      retention_held_amount: figures.retentionHeld,
    })
    .where('id', '=', contractId)
    .execute();
}
