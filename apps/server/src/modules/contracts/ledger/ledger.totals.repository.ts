import { type ContractLedgerCurrencyTotals, compareCurrencies } from '@concord/contracts';
import { type RawBuilder, sql } from 'kysely';
import { countRollup, type Db, type HeavyReads, type RollupWhere, sumRollup } from '../../../db/index.js';
import { type ledgerQuery, overdueAmountSql, sortKeys } from './ledger.repository.js';
import { pastDueIsCurrent } from '../execution/past-due.js';
import { pastDueDay } from '../execution/past-due.repository.js';
import { contractLedgerRollup } from './ledger.rollup.js';

type LedgerSet = ReturnType<typeof ledgerQuery>;
type Currency = ContractLedgerCurrencyTotals['currency'];

/**
 * The totals of the filtered set summed over its rows, one row per currency (amounts in different
 * currencies are never added up), CNY first. Reads every matching contract: only for sets the
 * caller has bounded with `countUpTo` (and for the export, which reads them all anyway). With
 * `reads`, on the heavy-read pool within `budgetMs` (ReadBudgetExceeded past it).
 */
export async function summedTotals(
  query: LedgerSet,
  today: string,
  reads?: { pool: HeavyReads; budgetMs?: number },
): Promise<ContractLedgerCurrencyTotals[]> {
  const sumOf = (key: RawBuilder<unknown>, alias: string) => sql<number>`coalesce(sum(${key}), 0)`.as(alias);
  const summed = query
    .select([
      'contract.currency as currency',
      (eb) => eb.fn.countAll<number>().as('count'),
      sql<number>`coalesce(sum(contract.amount), 0)`.as('amount'),
      sql<number>`coalesce(sum(contract.signed_amount), 0)`.as('signed_amount'),
      sql<number>`coalesce(sum(contract.current_amount), 0)`.as('current_amount'),
      sql<number>`coalesce(sum(contract.settled_amount), 0)`.as('settled_amount'),
      sumOf(sortKeys.plannedAmount, 'planned_amount'),
      sumOf(sortKeys.requestedAmount, 'requested_amount'),
      sumOf(sortKeys.paidAmount, 'paid_amount'),
      sumOf(sortKeys.receivedAmount, 'received_amount'),
      sumOf(sortKeys.invoicedAmount, 'invoiced_amount'),
      sumOf(sortKeys.acceptedAmount, 'accepted_amount'),
      sumOf(sortKeys.outstandingAmount, 'outstanding_amount'),
      sumOf(overdueAmountSql(today), 'overdue_amount'),
    ])
    .groupBy('contract.currency');
  const rows = reads ? await reads.pool.all(summed, { budgetMs: reads.budgetMs }) : await summed.execute();
  // The sums are numbers in both dialects (the PostgreSQL dialect parses numeric and bigint).
  return rows
    .map((row) => ({
      currency: row.currency as Currency,
      count: row.count,
      amount: row.amount,
      signedAmount: row.signed_amount,
      currentAmount: row.current_amount,
      settledAmount: row.settled_amount,
      plannedAmount: row.planned_amount,
      requestedAmount: row.requested_amount,
      paidAmount: row.paid_amount,
      receivedAmount: row.received_amount,
      invoicedAmount: row.invoiced_amount,
      acceptedAmount: row.accepted_amount,
      outstandingAmount: row.outstanding_amount,
      overdueAmount: row.overdue_amount,
    }))
    .sort((a, b) => compareCurrencies(a.currency, b.currency));
}

/** The number of contracts in the buckets (no contract read). */
export const rollupCount = (db: Db, where: RollupWhere<typeof contractLedgerRollup>): Promise<number> =>
  countRollup(db, contractLedgerRollup, where);

/**
 * The totals from the ledger's rollup buckets (no contract read). The overdue amount depends on
 * today: the buckets hold it as of the past-due day (execution/past-due.ts), which is today once the
 * day's job has run; until then it is summed over the overdue contracts (in force with an open item
 * due before today: the index `contract_by_status_next_due` finds them) on the heavy-read pool.
 */
export async function rollupTotals(
  db: Db,
  where: RollupWhere<typeof contractLedgerRollup>,
  overdueSet: LedgerSet,
  today: string,
  reads: HeavyReads,
): Promise<ContractLedgerCurrencyTotals[]> {
  const [buckets, pastDue] = await Promise.all([
    sumRollup(db, contractLedgerRollup, where, ['currency', 'direction']),
    pastDueDay(db),
  ]);
  const overdue = pastDueIsCurrent(pastDue, today)
    ? buckets.map((bucket) => ({ currency: bucket.currency, overdue: bucket.overdue_amount }))
    : await reads.all(
        overdueSet
          .where('contract.status', '=', 'IN_FORCE')
          .where('contract.next_due_date', '<', today)
          .select([
            'contract.currency as currency',
            sql<number>`coalesce(sum(${overdueAmountSql(today)}), 0)`.as('overdue'),
          ])
          .groupBy('contract.currency'),
      );
  const byCurrency = new Map<string, ContractLedgerCurrencyTotals>();
  const totalsOf = (currency: string) => {
    let totals = byCurrency.get(currency);
    if (!totals) {
      totals = { currency: currency as Currency, ...emptyTotals() };
      byCurrency.set(currency, totals);
    }
    return totals;
  };
  for (const bucket of buckets) {
    const totals = totalsOf(bucket.currency);
    const income = bucket.direction === 'INCOME';
    totals.count += bucket.row_count;
    totals.amount += bucket.amount;
    totals.signedAmount += bucket.signed_amount;
    totals.currentAmount += bucket.current_amount;
    totals.settledAmount += bucket.settled_amount;
    totals.plannedAmount += bucket.planned_amount;
    totals.requestedAmount += bucket.requested_amount;
    totals.paidAmount += income ? 0 : bucket.paid_amount;
    totals.receivedAmount += income ? bucket.paid_amount : 0;
    totals.invoicedAmount += bucket.invoiced_amount;
    totals.acceptedAmount += bucket.accepted_amount;
    // The outstanding receivable is net of the retention the customer holds back.
    totals.outstandingAmount += bucket.executable_amount - bucket.paid_amount - bucket.retention_held;
  }
  for (const row of overdue) totalsOf(row.currency).overdueAmount += row.overdue;
  return [...byCurrency.values()]
    .filter((totals) => totals.count > 0)
    .sort((a, b) => compareCurrencies(a.currency, b.currency));
}

function emptyTotals(): Omit<ContractLedgerCurrencyTotals, 'currency'> {
  return {
    count: 0,
    amount: 0,
    signedAmount: 0,
    currentAmount: 0,
    settledAmount: 0,
    plannedAmount: 0,
    requestedAmount: 0,
    paidAmount: 0,
    receivedAmount: 0,
    invoicedAmount: 0,
    acceptedAmount: 0,
    outstandingAmount: 0,
    overdueAmount: 0,
  };
}
