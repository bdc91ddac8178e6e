import { addDays } from '@concord/contracts';
import type { ContractLedgerQuery, contractLedgerQuerySchema } from '@concord/contracts';
import { type InferResult, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { z } from 'zod';
import {
  type Database,
  type Db,
  type HeavyReads,
  isPostgres,
  likePattern,
  QueryTemplate,
  trigramMatch,
} from '../../../db/index.js';
import { type Scope, withScope } from '../../../platform/access/index.js';
import { AppError } from '../../../platform/http/index.js';
import { contractScope } from '../register/contracts.repository.js';
import { DEFAULT_TOLERANCE, type Tolerance } from '../execution/execution.rules.js';
import { anyLineMismatched } from '../execution/matching.repository.js';

export type LedgerFilter = Omit<z.output<typeof contractLedgerQuerySchema>, 'cursor' | 'limit'>;

/**
 * The ledger's sortable fields and the SQL each sorts by. Nullable columns sort by a stand-in value
 * so that keyset comparisons never meet NULL (and both dialects order them alike). Each has an index
 * on exactly this expression and the id (migrations `contract_ledger_sort_indexes`, `contract_past_due`): literals are
 * written in the SQL, not bound, so the databases can match the expression to its index.
 */
export const sortKeys: Record<string, RawBuilder<unknown>> = {
  number: sql`coalesce(contract.number, '')`,
  name: sql`contract.name`,
  partnerName: sql`contract.partner_name`,
  status: sql`contract.status`,
  amount: sql`contract.amount`,
  currentAmount: sql`contract.current_amount`,
  signDate: sql`coalesce(contract.sign_date, '0001-01-01')`,
  endDate: sql`coalesce(contract.end_date, '0001-01-01')`,
  createdAt: sql`contract.created_at`,
  plannedAmount: sql`contract.planned_amount`,
  requestedAmount: sql`contract.requested_amount`,
  paidAmount: sql`case when contract.direction = 'EXPENSE' then contract.paid_amount else 0 end`,
  receivedAmount: sql`case when contract.direction = 'INCOME' then contract.paid_amount else 0 end`,
  invoicedAmount: sql`contract.invoiced_amount`,
  acceptedAmount: sql`contract.accepted_amount`,
  // Net of the retention an income contract's customer holds back until its release.
  outstandingAmount: sql`(coalesce(contract.settled_amount, contract.current_amount) - contract.paid_amount - contract.retention_held_amount)`,
  nextDueDate: sql`coalesce(contract.next_due_date, '9999-12-31')`,
  // The overdue amount as of the past-due day (execution/past-due.ts): today's once the day's job
  // has run, which it does minutes after midnight. Stored, so an index serves it.
  overdueAmount: sql`case when contract.status = 'IN_FORCE' then contract.past_due_open_amount else 0 end`,
};

/**
 * The open money of a contract's plan items due before today, for contracts in force. The
 * contract's next_due_date (the earliest due date with money open, kept by figures.service) is past
 * exactly when some item is overdue, so the subquery only runs for those contracts.
 */
export function overdueAmountSql(today: string): RawBuilder<number> {
  return sql<number>`(case when contract.status = 'IN_FORCE' and contract.next_due_date < ${today} then (select coalesce(sum(i.amount - i.paid_amount), 0) from contract_plan_item i where i.contract_id = contract.id and i.due_date < ${today} and i.paid_amount < i.amount) else 0 end)`;
}

/**
 * Matching in SQL, the same rule as execution.rules.ts `contractMatchingStatus`: paid, invoiced and
 * accepted agree pairwise within the tolerance of the contract's entity (its own settings row), else
 * the group's tolerance passed in (the group root's row, or DEFAULT_TOLERANCE), in total and on
 * every plan item.
 */
function matchedSql(fallback: Tolerance): RawBuilder<boolean> {
  const amount = sql`coalesce((select s.tolerance_amount from contract_execution_setting s where s.entity_id = contract.entity_id), ${fallback.amount})`;
  const rate = sql`coalesce((select s.tolerance_rate from contract_execution_setting s where s.entity_id = contract.entity_id), ${fallback.rate})`;
  const within = (a: RawBuilder<unknown>, b: RawBuilder<unknown>) => {
    const larger = sql`(case when abs(${a}) >= abs(${b}) then abs(${a}) else abs(${b}) end)`;
    const byRate = sql`((${larger} * ${rate}) / 10000)`;
    return sql`abs(${a} - ${b}) <= (case when ${amount} >= ${byRate} then ${amount} else ${byRate} end)`;
  };
  const paid = sql`contract.paid_amount`;
  const invoiced = sql`contract.invoiced_amount`;
  const accepted = sql`contract.accepted_amount`;
  const lines = anyLineMismatched(sql<string>`contract.id`, {
    amount: sql<number>`${amount}`,
    rate: sql<number>`${rate}`,
  });
  return sql<boolean>`(${within(paid, invoiced)} and ${within(paid, accepted)} and ${within(invoiced, accepted)} and not ${lines})`;
}

export interface LedgerSort {
  field: string;
  descending: boolean;
}

export function parseSort(sort: string | undefined): LedgerSort {
  if (!sort) return { field: 'createdAt', descending: true };
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  if (!sortKeys[field]) {
    throw new AppError('VALIDATION_FAILED', {
      detail: `sort: unknown field "${field}" (allowed: ${Object.keys(sortKeys).join(', ')})`,
    });
  }
  return { field, descending };
}

/** The shortest search the trigram indexes serve (three characters: one trigram). */
const TRIGRAM = 3;

/**
 * A contract whose number, name or counterparty contains the keyword, case aside. From three
 * characters on, through the search index (SQLite: the FTS5 trigram table, a phrase query matches
 * any substring; PostgreSQL: the pg_trgm indexes behind these `like`s); a shorter keyword is
 * matched on the rows read in the sort's order.
 */
function keywordMatches(db: Db, keyword: string): RawBuilder<boolean> {
  const lowered = keyword.toLowerCase();
  const pattern = sql`${likePattern(lowered)} escape '\\'`;
  const contains = sql<boolean>`(lower(coalesce(contract.number, '')) like ${pattern} or lower(contract.name) like ${pattern} or lower(contract.partner_name) like ${pattern})`;
  if (!isPostgres(db) && [...lowered].length >= TRIGRAM) {
    // Pieces of the keyword when it holds words in most company names (trigram-search.ts); the
    // rows they find are then checked for the whole keyword.
    const { match, exact } = trigramMatch(lowered);
    const found = sql<boolean>`contract.rowid in (select rowid from contract_search where contract_search match ${match})`;
    return exact ? found : sql<boolean>`(${found} and ${contains})`;
  }
  return contains;
}

/** The filtered, scoped set of ledger rows, before sorting and paging. */
export function ledgerQuery(
  db: Db,
  scope: Scope,
  filter: LedgerFilter,
  today: string,
  groupTolerance: Tolerance = DEFAULT_TOLERANCE,
) {
  let query = withScope(db.selectFrom('contract'), scope, contractScope);
  if (filter.q) query = query.where(keywordMatches(db, filter.q));
  if (filter.status?.length) query = query.where('contract.status', 'in', filter.status);
  if (filter.direction) query = query.where('contract.direction', '=', filter.direction);
  for (const [key, column] of [
    ['categoryId', 'contract.category_id'],
    ['entityId', 'contract.entity_id'],
    ['departmentId', 'contract.department_id'],
    ['ownerId', 'contract.owner_id'],
    ['partnerId', 'contract.partner_id'],
    ['planLineId', 'contract.plan_line_id'],
  ] as const) {
    const value = filter[key];
    if (value) query = query.where(column, '=', value);
  }
  if (filter.signDateFrom) query = query.where('contract.sign_date', '>=', filter.signDateFrom);
  if (filter.signDateTo) query = query.where('contract.sign_date', '<=', filter.signDateTo);
  if (filter.endDateFrom) query = query.where('contract.end_date', '>=', filter.endDateFrom);
  if (filter.endDateTo) query = query.where('contract.end_date', '<=', filter.endDateTo);
  if (filter.amountMin !== undefined) query = query.where('contract.current_amount', '>=', filter.amountMin);
  if (filter.amountMax !== undefined) query = query.where('contract.current_amount', '<=', filter.amountMax);
  if (filter.expiringWithinDays !== undefined) {
    query = query
      .where('contract.status', '=', 'IN_FORCE')
      .where('contract.end_date', 'is not', null)
      .where('contract.end_date', '<=', addDays(today, filter.expiringWithinDays));
  }
  if (filter.overdueOnly) {
    query = query.where('contract.status', '=', 'IN_FORCE').where('contract.next_due_date', '<', today);
  }
  if (filter.matchingStatus) {
    const matched = matchedSql(groupTolerance);
    query = query.where(filter.matchingStatus === 'MATCHED' ? matched : sql<boolean>`not ${matched}`);
  }
  return query;
}

/** Orders by the sort key then the id, continuing after `cursor` (the last row of the previous page). */
export function orderAndContinue<O>(
  query: SelectQueryBuilder<Database, 'contract', O>,
  sort: LedgerSort,
  cursor: { value: unknown; id: string } | null,
): SelectQueryBuilder<Database, 'contract', O> {
  const key = sortKeys[sort.field];
  const direction = sort.descending ? 'desc' : 'asc';
  const after = sort.descending ? '<' : '>';
  // A row value comparison, not `key < v or (key = v and id < x)`: both databases seek the
  // (key, id) index to the cursor with it, where the `or` walks the index from its start. SQLite
  // seeks an index on an expression (a stand-in for null, an amount by direction) by a scalar bound
  // only, not by a row value, so the key's own bound comes first.
  const ordered = cursor
    ? query
        .where(sql<boolean>`${key} ${sql.raw(sort.descending ? '<=' : '>=')} ${cursor.value}`)
        .where(sql<boolean>`(${key}, contract.id) ${sql.raw(after)} (${cursor.value}, ${cursor.id})`)
    : query;
  return ordered.orderBy(key, direction).orderBy('contract.id', direction);
}

/** The key value of a row for the cursor (the same stand-ins as the SQL). */
export function sortValueOf(row: LedgerRow, sort: LedgerSort): unknown {
  const value = {
    number: row.number ?? '',
    name: row.name,
    partnerName: row.partner_name,
    status: row.status,
    amount: row.amount,
    currentAmount: row.current_amount,
    signDate: row.sign_date ?? '0001-01-01',
    endDate: row.end_date ?? '0001-01-01',
    createdAt: row.created_at,
    plannedAmount: row.planned_amount,
    requestedAmount: row.requested_amount,
    paidAmount: row.direction === 'EXPENSE' ? row.paid_amount : 0,
    receivedAmount: row.direction === 'INCOME' ? row.paid_amount : 0,
    invoicedAmount: row.invoiced_amount,
    acceptedAmount: row.accepted_amount,
    outstandingAmount:
      (row.settled_amount ?? row.current_amount) - row.paid_amount - row.retention_held_amount,
    overdueAmount: row.status === 'IN_FORCE' ? row.past_due_open_amount : 0,
    nextDueDate: row.next_due_date ?? '9999-12-31',
  }[sort.field];
  return value;
}

export const ledgerColumns = [
  'contract.id',
  'contract.number',
  'contract.name',
  'contract.partner_id',
  'contract.partner_name',
  'contract.category_id',
  'contract.direction',
  'contract.entity_id',
  'contract.department_id',
  'contract.owner_id',
  'contract.status',
  'contract.currency',
  'contract.amount',
  'contract.tax_rate',
  'contract.tax_exemption',
  'contract.tax_amount',
  'contract.signed_amount',
  'contract.current_amount',
  'contract.sign_date',
  'contract.start_date',
  'contract.end_date',
  'contract.created_at',
  'contract.planned_amount',
  'contract.requested_amount',
  'contract.paid_amount',
  'contract.invoiced_amount',
  'contract.accepted_amount',
  'contract.settled_amount',
  'contract.next_due_date',
  'contract.past_due_open_amount',
  'contract.retention_held_amount',
] as const;

export type { ContractLedgerQuery };

/**
 * The ledger columns of these contracts (the second step of a page read), in no particular order,
 * with what the page shows beside them read in the same statement: the category's name and the
 * matching tolerance in force (the entity's settings row, else the group root's).
 */
export async function ledgerRowsByIds(
  db: Db,
  ids: string[],
  { today, groupRootId }: { today: string; groupRootId: string | null },
  reads?: HeavyReads,
): Promise<LedgerRow[]> {
  const query = ledgerRowsTemplate.bind(db, [today, groupRootId ?? '', ...ids]);
  return reads ? reads.all({ compile: () => query }) : (await db.executeQuery(query)).rows;
}

/** The rows statement built once per count of ids (every page asks it): today, the group root, the ids. */
const ledgerRowsTemplate = new QueryTemplate<LedgerRow>((db, [today, groupRootId, ...ids]) =>
  ledgerRowsQuery(db, ids, { today, groupRootId }),
);

function ledgerRowsQuery(
  db: Db,
  ids: string[],
  { today, groupRootId }: { today: string; groupRootId: string },
) {
  return db
    .selectFrom('contract')
    .leftJoin('contract_category as category', 'category.id', 'contract.category_id')
    .leftJoin('contract_execution_setting as own_setting', 'own_setting.entity_id', 'contract.entity_id')
    .leftJoin('contract_execution_setting as group_setting', (join) =>
      join.on('group_setting.entity_id', '=', groupRootId),
    )
    .select([...ledgerColumns])
    .select('category.name as category_name')
    .select((eb) => [
      eb.fn.coalesce('own_setting.tolerance_amount', 'group_setting.tolerance_amount').as('tolerance_amount'),
      eb.fn.coalesce('own_setting.tolerance_rate', 'group_setting.tolerance_rate').as('tolerance_rate'),
    ])
    .select(overdueAmountSql(today).as('overdue_amount'))
    .select(
      // A plan item off beyond the tolerance makes the contract's verdict MISMATCHED too.
      sql<boolean | number>`(case when ${anyLineMismatched(sql<string>`contract.id`, {
        amount: sql<number>`coalesce(own_setting.tolerance_amount, group_setting.tolerance_amount, ${sql.lit(DEFAULT_TOLERANCE.amount)})`,
        rate: sql<number>`coalesce(own_setting.tolerance_rate, group_setting.tolerance_rate, ${sql.lit(DEFAULT_TOLERANCE.rate)})`,
      })} then 1 else 0 end)`.as('lines_mismatched'),
    )
    .where('contract.id', 'in', ids);
}

/**
 * A contract as the ledger reads it: its ledger columns, the overdue amount as of today, its
 * category's name and its tolerance (null where neither its entity nor the group has a row).
 */
export type LedgerRow = InferResult<ReturnType<typeof ledgerRowsQuery>>[number];
