import { CompiledQuery } from 'kysely';
import { countUpTo, type Db, type HeavyReads, isPostgres } from '../../../db/index.js';
import {
  type LedgerFilter,
  type LedgerSort,
  type ledgerQuery,
  orderAndContinue,
} from './ledger.repository.js';
import type { DensityMemo } from './ledger.density.js';
import type { Scope } from '../../../platform/access/index.js';
import { bucketsAnswering, type LedgerRollupWhere } from './ledger.totals.js';
import { rollupCount } from './ledger.totals.repository.js';

/** The index behind each sort (migration `contract_ledger_sort_indexes`; creation: the first one). */
export const sortIndexes: Record<string, string> = {
  createdAt: 'contract_by_created',
  number: 'contract_sort_number',
  name: 'contract_sort_name',
  partnerName: 'contract_sort_partner_name',
  status: 'contract_sort_status',
  amount: 'contract_sort_amount',
  currentAmount: 'contract_sort_current_amount',
  signDate: 'contract_sort_sign_date',
  endDate: 'contract_sort_end_date',
  plannedAmount: 'contract_sort_planned',
  requestedAmount: 'contract_sort_requested',
  paidAmount: 'contract_sort_paid',
  receivedAmount: 'contract_sort_received',
  invoicedAmount: 'contract_sort_invoiced',
  acceptedAmount: 'contract_sort_accepted',
  outstandingAmount: 'contract_sort_outstanding',
  nextDueDate: 'contract_sort_next_due',
  overdueAmount: 'contract_sort_overdue',
};

/**
 * Up to this many matching contracts, a page is read through the filters' indexes and its few rows
 * sorted; beyond it, in the sort index's order, skipping the rows the filters refuse. A set of M
 * matches among N contracts costs about M log M the first way and limit × N / M the second: at a
 * million contracts and pages of 20 the two meet near 5,000.
 */
export const DENSE_SET = 5_000;

type LedgerSet = ReturnType<typeof ledgerQuery>;

/**
 * The ids of one page in the sort's order, after the cursor. SQLite's planner, told a filter matches
 * a fraction of the table, reads the matches by that filter's index and sorts them all, which at a
 * million contracts is most of the table; it does not price the page's limit. So Concord chooses: a
 * probe counts the matches up to DENSE_SET, and a dense set is read through the sort's index
 * (`indexed by`, see pageIndex).
 * PostgreSQL prices the limit itself. With `reads` (an export's batches) on the heavy-read pool.
 */
export async function ledgerPageIds(
  db: Db,
  base: LedgerSet,
  sort: LedgerSort,
  cursor: { value: unknown; id: string } | null,
  limit: number,
  readBy: string | null,
  reads?: HeavyReads,
): Promise<string[]> {
  const query = orderAndContinue(base.select('contract.id'), sort, cursor).limit(limit);
  const compiled = readBy ? inSortIndexOrder(query.compile(), readBy) : query.compile();
  const rows = reads
    ? await reads.all<{ id: string }>({ compile: () => compiled as CompiledQuery<{ id: string }> })
    : (await db.executeQuery<{ id: string }>(compiled)).rows;
  return rows.map((row) => row.id);
}

/**
 * Indexes that begin with a filter's equalities and end in a sort key: a subsidiary's contracts in
 * one status, newest first, are read in order without skipping the other entities' or statuses'.
 * A dense set read through the sort key's own index would skip them, and when the filter follows
 * the sort (a range of sign dates far from the newest) it skips most of the table first.
 */
const equalityIndexes: {
  sort: string;
  index: string;
  applies: (filter: LedgerFilter) => boolean;
  /** The filters the index's leading columns answer by a seek. */
  seeks: (keyof LedgerFilter)[];
}[] = [
  {
    sort: 'createdAt',
    index: 'contract_by_entity_status_created',
    applies: (filter) => Boolean(filter.entityId) && filter.status?.length === 1,
    seeks: ['entityId', 'status'],
  },
];

/**
 * The index a page is to be read through (SQLite's `indexed by`), or null to let the planner read a
 * sparse set by its filters and sort it. A set is dense when it holds more than DENSE_SET contracts,
 * counted one of two ways:
 * - from the ledger's rollup (no contract read) when its buckets hold exactly the filtered set in
 *   `scope` and the filter has a sign-date range: the bounded probe would read every index entry the
 *   range refuses on the way (the dates follow the index's creation order, so a range years back is
 *   reached last: about 10 ms at a million contracts), where the buckets' sum costs under 1 ms;
 * - else by the bounded probe, which stops after DENSE_SET matches, as cheap as that sum.
 * `memo` remembers the answer per filtered query for a while (ledger.density.ts). PostgreSQL
 * prices the page's limit itself: always null there.
 */
export async function pageIndex(
  db: Db,
  base: LedgerSet,
  sort: LedgerSort,
  options: { filter?: LedgerFilter; scope?: Scope; memo?: DensityMemo } = {},
): Promise<string | null> {
  const { filter, scope, memo } = options;
  const index = denseReadIndex(sort, filter);
  if (!index || isPostgres(db)) return null;
  const buckets = scope && filter ? bucketsCountingDates(scope, filter) : null;
  const measure = async () =>
    (buckets ? await rollupCount(db, buckets) : await countUpTo(db, base, DENSE_SET)) > DENSE_SET;
  if (!memo) return (await measure()) ? index : null;
  const { sql, parameters } = base.select('contract.id').compile();
  return (await memo.dense(`${sql}\u0000${JSON.stringify(parameters)}`, measure)) ? index : null;
}

/** The buckets that count a filtered set with a sign-date range (see pageIndex), or null. */
function bucketsCountingDates(scope: Scope, filter: LedgerFilter): LedgerRollupWhere | null {
  if (!filter.signDateFrom && !filter.signDateTo) return null;
  const { sort: _sort, ...setFilter } = filter;
  return bucketsAnswering(scope, setFilter);
}

/**
 * Whether a page's ids are read on the heavy-read pool rather than on SQLite's one connection. A
 * page with no filter, or with only the equalities its index begins with, is read in the index's
 * order and stops after `limit` entries (0.15 ms at a million contracts): the pool's round trip
 * would cost more than it saves. Any other filter may skip thousands of index entries (a range of
 * sign dates years back: 35,000 entries, 1.9 ms at tier L) or sort up to DENSE_SET matches, and on
 * the one connection every other request waits for it.
 */
export function pageReadsMany(filter: LedgerFilter, readBy: string | null): boolean {
  const { sort: _sort, ...set } = filter;
  const filtered = Object.entries(set).filter(([, value]) =>
    Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '' && value !== false,
  );
  if (filtered.length === 0) return false;
  const equality = equalityIndexes.find((e) => e.index === readBy);
  const seeks = (key: string) => equality?.seeks.includes(key as keyof LedgerFilter) ?? false;
  return !(equality?.applies(filter) && filtered.every(([key]) => seeks(key)));
}

/** The index a dense set is read through: one of the equality indexes when it fits, else the sort's. */
export function denseReadIndex(sort: LedgerSort, filter?: LedgerFilter): string | null {
  const equality = filter && equalityIndexes.find((e) => e.sort === sort.field && e.applies(filter));
  return equality?.index ?? sortIndexes[sort.field] ?? null;
}

/** The page query, told to read the contracts through the sort's index (SQLite's `indexed by`). */
export function inSortIndexOrder(query: CompiledQuery, index: string): CompiledQuery {
  const from = /from "contract"(?= where | order by )/;
  if (!from.test(query.sql)) throw new Error(`Not a ledger page query: ${query.sql}`);
  return CompiledQuery.raw(query.sql.replace(from, `from "contract" indexed by "${index}"`), [
    ...query.parameters,
  ]);
}
