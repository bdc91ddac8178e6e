import {
  addDays,
  type ContractOverdueCurrencyTotal,
  compareCurrencies,
  type contractOverdueSortFields,
  type contractOverdueTotalsQuerySchema,
} from '@concord/contracts';
import { CompiledQuery, type InferResult, type SelectQueryBuilder, sql } from 'kysely';
import type { z } from 'zod';
import { type Db, type HeavyReads, isPostgres, likePattern, sumRollup } from '../../../db/index.js';
import { contractLedgerRollup } from '../ledger/ledger.rollup.js';
import type { LedgerRollupWhere } from '../ledger/ledger.totals.js';
import type { Database } from '../../../db/tables.js';
import { type Scope, withScope } from '../../../platform/access/index.js';

/*
 * The overdue list's queries (逾期款项): plan items of contracts in force, due before today, with
 * money open, in the caller's scope. A ledger (docs/architecture.md, "The ledger pattern"): a page
 * is read by keyset in an index's order, never counted; the totals are asked for apart.
 */

const scopeColumns = { entity: 'c.entity_id', department: 'c.department_id', owner: 'c.owner_id' };

/** The two tables of the list under their aliases. */
type OverdueDb = Database & { i: Database['contract_plan_item']; c: Database['contract'] };

export type OverdueFilter = z.output<typeof contractOverdueTotalsQuerySchema>;
export type OverdueSortField = (typeof contractOverdueSortFields)[number];

/**
 * Item sorts order the plan items by a key of their own, then their id; contract sorts order by the
 * contract's key, its id, then the item's sequence number. Each has an index that ends in it: the
 * partial indexes of open items (migration `contract_overdue_items`) and the ledger's sort indexes
 * (`contract_ledger_sort_indexes`); a dense set is read in that index's order (see overduePage).
 * Keys are written exactly as the indexes' expressions, so the databases match them.
 */
const itemSorts = {
  dueDate: { key: sql`i.due_date`, index: 'contract_plan_item_open_due' },
  overdueAmount: { key: sql`(i.amount - i.paid_amount)`, index: 'contract_plan_item_open_amount' },
} as const;
const contractSorts = {
  contractNumber: { key: sql`coalesce(c.number, '')`, index: 'contract_sort_number' },
  partnerName: { key: sql`c.partner_name`, index: 'contract_sort_partner_name' },
} as const;

/** A sort of the list as the keyset walks it: more days overdue is an earlier due date. */
export interface OverdueSort {
  field: Exclude<OverdueSortField, 'daysOverdue'>;
  descending: boolean;
}

export function parseOverdueSort(sort: string | undefined): OverdueSort {
  const descending = sort?.startsWith('-') ?? false;
  const field = (sort?.replace(/^-/, '') ?? 'dueDate') as OverdueSortField;
  if (field === 'daysOverdue') return { field: 'dueDate', descending: !descending };
  return { field, descending };
}

const isItemSort = (field: OverdueSort['field']): field is keyof typeof itemSorts => field in itemSorts;

/** Where a page continues: after this key and id (an item's), or key, contract id and sequence. */
export interface OverdueCursor {
  value: string | number;
  id: string;
  seq?: number;
}

/**
 * The filtered set. Item sorts read from the plan items and join their contract; contract sorts the
 * other way round, so the table whose index gives the order comes first in the SQL.
 * `boundedByCursor`: a page that continues below a cursor of the set by due date, newest first; the
 * cursor's due date is before today, so "due before today" is implied and left out, and the page
 * seeks the due-date index to the cursor instead of walking it down from today.
 */
export function overdueSet(
  db: Db,
  scope: Scope,
  filter: OverdueFilter,
  today: string,
  sort: OverdueSort,
  options: { boundedByCursor?: boolean } = {},
) {
  const from = isItemSort(sort.field)
    ? db.selectFrom('contract_plan_item as i').innerJoin('contract as c', 'c.id', 'i.contract_id')
    : db.selectFrom('contract as c').innerJoin('contract_plan_item as i', 'i.contract_id', 'c.id');
  let query = withScope(
    (from as SelectQueryBuilder<OverdueDb, 'i' | 'c', object>)
      .where('c.status', '=', 'IN_FORCE')
      .where('c.direction', '=', filter.direction)
      .whereRef('i.paid_amount', '<', 'i.amount'),
    scope,
    scopeColumns,
  );
  if (filter.entityId) query = query.where('c.entity_id', '=', filter.entityId);
  if (filter.departmentId) query = query.where('c.department_id', '=', filter.departmentId);
  if (filter.ownerId) query = query.where('c.owner_id', '=', filter.ownerId);
  if (filter.partnerId) query = query.where('c.partner_id', '=', filter.partnerId);
  // One upper bound on the due date, the tighter: SQLite seeks an index by one of them only.
  if (filter.minDaysOverdue) query = query.where('i.due_date', '<=', addDays(today, -filter.minDaysOverdue));
  else if (!options.boundedByCursor) query = query.where('i.due_date', '<', today);
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
export type OverdueSet = ReturnType<typeof overdueSet>;

/** What is still open on a plan item: its amount less what was paid (or received) on it. */
const openAmount = sql<number>`(i.amount - i.paid_amount)`;

const selectRow = (set: OverdueSet) =>
  set.select([
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

/** An overdue plan item with its contract, as a page selects it. */
export type OverdueRow = InferResult<ReturnType<typeof selectRow>>[number];

/**
 * The sort and the continuation after the cursor, as row-value comparisons so both databases seek
 * the index to the cursor. A contract sort seeks by (key, contract id) and continues within the
 * cursor's contract by sequence number.
 */
function orderAndContinue<O>(
  query: SelectQueryBuilder<OverdueDb, 'i' | 'c', O>,
  sort: OverdueSort,
  cursor: OverdueCursor | null,
) {
  const direction = sort.descending ? 'desc' : 'asc';
  const after = sql.raw(sort.descending ? '<' : '>');
  const from = sql.raw(sort.descending ? '<=' : '>=');
  if (!cursor) {
    const key = sortKey(sort);
    const ordered = query.orderBy(key, direction);
    return isItemSort(sort.field)
      ? ordered.orderBy('i.id', direction)
      : ordered.orderBy('c.id', direction).orderBy('i.seq', direction);
  }
  // SQLite seeks an index on an expression (the open amount, a contract number's stand-in) by a
  // scalar bound only, not by a row value: the key's own bound comes first.
  const key = sortKey(sort);
  const seeking = query.where(sql<boolean>`${key} ${from} ${cursor.value}`);
  if (isItemSort(sort.field)) {
    return seeking
      .where(sql<boolean>`(${key}, i.id) ${after} (${cursor.value}, ${cursor.id})`)
      .orderBy(key, direction)
      .orderBy('i.id', direction);
  }
  return seeking
    .where(sql<boolean>`(${key}, c.id) ${from} (${cursor.value}, ${cursor.id})`)
    .where(
      sql<boolean>`((${key}, c.id) ${after} (${cursor.value}, ${cursor.id}) or i.seq ${after} ${cursor.seq ?? 0})`,
    )
    .orderBy(key, direction)
    .orderBy('c.id', direction)
    .orderBy('i.seq', direction);
}

const sortKey = (sort: OverdueSort) =>
  isItemSort(sort.field) ? itemSorts[sort.field].key : contractSorts[sort.field].key;

/** The cursor after a row (the same stand-ins as the SQL keys). */
export function cursorAfter(row: OverdueRow, sort: OverdueSort): OverdueCursor {
  switch (sort.field) {
    case 'dueDate':
      return { value: row.due_date, id: row.item_id };
    case 'overdueAmount':
      return { value: row.overdue_amount, id: row.item_id };
    case 'contractNumber':
      return { value: row.number ?? '', id: row.contract_id, seq: row.seq };
    case 'partnerName':
      return { value: row.partner_name, id: row.contract_id, seq: row.seq };
  }
}

/** The index a dense set of this sort is read through (SQLite's `indexed by`). */
export const sortIndexOf = (sort: OverdueSort): string =>
  isItemSort(sort.field) ? itemSorts[sort.field].index : contractSorts[sort.field].index;

/** What a page is: the filtered set, its order, where it continues, how many rows, and how it is read. */
export interface OverduePageRequest {
  scope: Scope;
  filter: OverdueFilter;
  today: string;
  sort: OverdueSort;
  cursor: OverdueCursor | null;
  limit: number;
  /** SQLite, a dense set: the index whose order the page is read in (see overduePageQuery). */
  readBy: string | null;
}

/** The page's rows; with `reads` (an export's batches) read on the heavy-read pool. */
export async function overduePage(
  db: Db,
  request: OverduePageRequest,
  reads?: HeavyReads,
): Promise<OverdueRow[]> {
  const query = overduePageQuery(db, request);
  return reads ? reads.all({ compile: () => query }) : (await db.executeQuery(query)).rows;
}

/**
 * One page in the sort's order after the cursor. With `readBy` (SQLite, a dense set) the first table
 * is read through that index and the other joined to it (`cross join` fixes the order), skipping
 * the rows the filters refuse; without it, the planner reads a sparse set by its filters and sorts
 * it. PostgreSQL prices the limit itself.
 */
export function overduePageQuery(db: Db, request: OverduePageRequest): CompiledQuery<OverdueRow> {
  const { scope, filter, today, sort, cursor, limit, readBy } = request;
  const boundedByCursor = cursor !== null && sort.field === 'dueDate' && sort.descending;
  const set = overdueSet(db, scope, filter, today, sort, { boundedByCursor });
  const query = orderAndContinue(selectRow(set), sort, cursor).limit(limit).compile();
  return readBy && !isPostgres(db) ? inIndexOrder(query, readBy) : query;
}

/** The page query with its first table read through `index` and the join's order fixed. */
function inIndexOrder<R>(query: CompiledQuery<R>, index: string): CompiledQuery<R> {
  const from = /^(select .*? from "(?:contract_plan_item|contract)" as "[ic]") inner join /;
  if (!from.test(query.sql)) throw new Error(`Not an overdue page query: ${query.sql}`);
  return CompiledQuery.raw(query.sql.replace(from, `$1 indexed by "${index}" cross join `), [
    ...query.parameters,
  ]) as CompiledQuery<R>;
}

/** The open amount and item count per currency (never added across currencies), the home currency first. */
export async function summedOverdue(
  set: OverdueSet,
  reads: { pool: HeavyReads; budgetMs?: number },
): Promise<ContractOverdueCurrencyTotal[]> {
  const summed = set
    .select([
      'c.currency as currency',
      sql<number>`count(*)`.as('count'),
      sql<number>`coalesce(sum(i.amount - i.paid_amount), 0)`.as('total'),
    ])
    .groupBy('c.currency');
  const rows = await reads.pool.all(summed, { budgetMs: reads.budgetMs });
  return byHomeCurrencyFirst(
    rows.map((row) => ({
      currency: row.currency as ContractOverdueCurrencyTotal['currency'],
      count: Number(row.count),
      overdueAmount: Number(row.total),
    })),
  );
}

/** The overdue items and open money per currency of the in-force contracts in these rollup buckets. */
export async function overdueFromRollup(
  db: Db,
  buckets: LedgerRollupWhere,
): Promise<ContractOverdueCurrencyTotal[]> {
  const rows = await sumRollup(db, contractLedgerRollup, buckets, ['currency']);
  return byHomeCurrencyFirst(
    rows
      .filter((row) => row.overdue_items > 0)
      .map((row) => ({
        currency: row.currency as ContractOverdueCurrencyTotal['currency'],
        count: row.overdue_items,
        overdueAmount: row.overdue_amount,
      })),
  );
}

const byHomeCurrencyFirst = (rows: ContractOverdueCurrencyTotal[]) =>
  rows.sort((a, b) => compareCurrencies(a.currency, b.currency));
