import type { Db } from '../../../db/index.js';

/**
 * Plan items with money still open of contracts in force, due between `from` and `to`, walked by
 * the due-date index in keyset batches (due date, id).
 */
export async function openItemsDueBetween(
  db: Db,
  range: { from: string; to: string },
  after: { dueDate: string; id: string } | null,
  limit: number,
): Promise<{ id: string; due_date: string; entity_id: string }[]> {
  let query = db
    .selectFrom('contract_plan_item as i')
    .innerJoin('contract as c', 'c.id', 'i.contract_id')
    .select(['i.id', 'i.due_date', 'c.entity_id'])
    .where('i.due_date', '>=', range.from)
    .where('i.due_date', '<=', range.to)
    .where('c.status', '=', 'IN_FORCE')
    .whereRef('i.paid_amount', '<', 'i.amount');
  if (after) {
    const { dueDate, id } = after;
    query = query.where((eb) =>
      eb.or([eb('i.due_date', '>', dueDate), eb.and([eb('i.due_date', '=', dueDate), eb('i.id', '>', id)])]),
    );
  }
  const rows = await query.orderBy('i.due_date').orderBy('i.id').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    due_date: r.due_date,
    entity_id: r.entity_id,
  }));
}

export interface ItemForNotice {
  id: string;
  seq: number;
  name: string;
  due_date: string;
  amount: number;
  paid_amount: number;
  contract_id: string;
  number: string | null;
  contract_name: string;
  direction: 'INCOME' | 'EXPENSE';
  status: string;
  partner_name: string;
  entity_id: string;
  department_id: string;
  owner_id: string;
  /** The contract's currency: the notice shows the amount in it. */
  currency: string;
}

export async function itemForNotice(db: Db, itemId: string): Promise<ItemForNotice | undefined> {
  const row = await db
    .selectFrom('contract_plan_item as i')
    .innerJoin('contract as c', 'c.id', 'i.contract_id')
    .select([
      'i.id',
      'i.seq',
      'i.name',
      'i.due_date',
      'i.amount',
      'i.paid_amount',
      'c.id as contract_id',
      'c.number',
      'c.name as contract_name',
      'c.direction',
      'c.status',
      'c.partner_name',
      'c.entity_id',
      'c.department_id',
      'c.owner_id',
      'c.currency',
    ])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  // The register writes only INCOME or EXPENSE into the direction column.
  return row as ItemForNotice | undefined;
}
