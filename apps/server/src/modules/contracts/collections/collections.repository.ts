import { addDays, compareCurrencies } from '@concord/contracts';
import type { ContractOverdueCurrencyTotal, ContractOverdueQuery } from '@concord/contracts';
import { type InferResult, sql } from 'kysely';
import { type Db, likePattern } from '../../../db/index.js';
import { type Scope, withScope } from '../../../platform/access/index.js';
import { applySort } from '../../../platform/http/index.js';

const scopeColumns = { entity: 'c.entity_id', department: 'c.department_id', owner: 'c.owner_id' };

/** What is still open on a plan item: its amount less what was paid (or received) on it, never below 0. */
const openAmount = sql<number>`(i.amount - i.paid_amount)`;

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

export type OverdueFilter = Omit<ContractOverdueQuery, 'page' | 'pageSize' | 'sort'> & {
  direction: 'INCOME' | 'EXPENSE';
};

/** Overdue plan items (due before today, money open) of contracts in force, in the caller's scope. */
export function overdueItems(db: Db, scope: Scope, filter: OverdueFilter, today: string) {
  let query = withScope(
    db
      .selectFrom('contract_plan_item as i')
      .innerJoin('contract as c', 'c.id', 'i.contract_id')
      .where('c.status', '=', 'IN_FORCE')
      .where('c.direction', '=', filter.direction)
      .where('i.due_date', '<', today)
      .whereRef('i.paid_amount', '<', 'i.amount'),
    scope,
    scopeColumns,
  );
  if (filter.entityId) query = query.where('c.entity_id', '=', filter.entityId);
  if (filter.departmentId) query = query.where('c.department_id', '=', filter.departmentId);
  if (filter.ownerId) query = query.where('c.owner_id', '=', filter.ownerId);
  if (filter.partnerId) query = query.where('c.partner_id', '=', filter.partnerId);
  if (filter.minDaysOverdue) query = query.where('i.due_date', '<=', addDays(today, -filter.minDaysOverdue));
  if (filter.q) {
    const pattern = sql`${likePattern(filter.q.toLowerCase())} escape '\\'`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(coalesce(c.number, ''))`, 'like', pattern),
        eb(sql`lower(c.name)`, 'like', pattern),
        eb(sql`lower(c.partner_name)`, 'like', pattern),
        eb(sql`lower(i.name)`, 'like', pattern),
      ]),
    );
  }
  return query;
}

const overdueSorts: Record<string, string> = {
  dueDate: 'i.due_date',
  overdueAmount: 'overdue_amount',
  contractNumber: 'c.number',
  partnerName: 'c.partner_name',
};

/** An overdue plan item with its contract, as `overdueRows` selects it. */
export type OverdueRow = InferResult<ReturnType<typeof overdueRows>>[number];

export function overdueRows(query: ReturnType<typeof overdueItems>, sort: string | undefined) {
  const selected = query.select([
    'i.id as item_id',
    'i.seq',
    'i.name as item_name',
    'i.due_date',
    'i.amount',
    'i.paid_amount',
    openAmount.as('overdue_amount'),
    'c.id as contract_id',
    'c.number',
    'c.name as contract_name',
    'c.direction',
    'c.partner_id',
    'c.partner_name',
    'c.entity_id',
    'c.department_id',
    'c.owner_id',
    'c.currency',
  ]);
  const field = sort?.replace(/^-/, '');
  if (field === 'daysOverdue') {
    // More days overdue = an earlier due date.
    const direction = sort?.startsWith('-') ? 'asc' : 'desc';
    return selected.orderBy('i.due_date', direction).orderBy('i.id', direction);
  }
  return applySort(selected, sort, overdueSorts, { column: 'i.due_date', direction: 'asc' }, 'i.id');
}

/** The open amount per currency (never added across currencies), the home currency first. */
export async function overdueTotals(
  query: ReturnType<typeof overdueItems>,
): Promise<ContractOverdueCurrencyTotal[]> {
  const rows = await query
    .select([
      'c.currency as currency',
      sql<number>`count(*)`.as('count'),
      sql<number>`coalesce(sum(i.amount - i.paid_amount), 0)`.as('total'),
    ])
    .groupBy('c.currency')
    .execute();
  return rows
    .map((row) => ({
      currency: row.currency as ContractOverdueCurrencyTotal['currency'],
      count: row.count,
      overdueAmount: row.total,
    }))
    .sort((a, b) => compareCurrencies(a.currency, b.currency));
}
