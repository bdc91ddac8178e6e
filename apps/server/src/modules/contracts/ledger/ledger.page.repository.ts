import { CompiledQuery } from 'kysely';
import { type Db, isPostgres } from '../../../db/index.js';
import { type LedgerSort, type ledgerQuery, orderAndContinue } from './ledger.repository.js';
import { countUpTo } from './ledger.totals.repository.js';

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
 * probe counts the matches up to DENSE_SET (isDenseSet), and a dense set is read through the sort's
 * index (`indexed by`).
 * PostgreSQL prices the limit itself.
 */
export async function ledgerPageIds(
  db: Db,
  base: LedgerSet,
  sort: LedgerSort,
  cursor: { value: unknown; id: string } | null,
  limit: number,
  today: string,
  dense: boolean,
): Promise<string[]> {
  const query = orderAndContinue(base.select('contract.id'), sort, cursor, today).limit(limit);
  const index = sortIndexes[sort.field];
  if (!index || !dense || isPostgres(db)) return (await query.execute()).map((row) => row.id);
  const result = await db.executeQuery<{ id: string }>(inSortIndexOrder(query.compile(), index));
  return result.rows.map((row) => row.id);
}

/**
 * Whether the set holds more than DENSE_SET contracts, counted no further than that through the
 * filters' indexes: at most DENSE_SET index entries, under a millisecond (summing the rollup's
 * buckets costs more at a million contracts). PostgreSQL plans without it.
 */
export async function isDenseSet(db: Db, base: LedgerSet): Promise<boolean> {
  if (isPostgres(db)) return false;
  return (await countUpTo(db, base, DENSE_SET)) > DENSE_SET;
}

/** The page query, told to read the contracts through the sort's index (SQLite's `indexed by`). */
export function inSortIndexOrder(query: CompiledQuery, index: string): CompiledQuery {
  const from = /from "contract"(?= where | order by )/;
  if (!from.test(query.sql)) throw new Error(`Not a ledger page query: ${query.sql}`);
  return CompiledQuery.raw(query.sql.replace(from, `from "contract" indexed by "${index}"`), [
    ...query.parameters,
  ]);
}
