import {
  addDays,
  type ContractLedgerTotalsResult,
  type contractLedgerTotalsQuerySchema,
} from '@concord/contracts';
import type { z } from 'zod';
import type { RollupWhere } from '../../../db/index.js';
import type { Scope } from '../../../platform/access/index.js';
import type { contractLedgerRollup } from './ledger.rollup.js';

export type LedgerTotalsFilter = z.output<typeof contractLedgerTotalsQuerySchema>;
export type LedgerRollupWhere = RollupWhere<typeof contractLedgerRollup>;

/**
 * How many contracts the ledger sums on request when its rollups cannot answer the filter: about
 * 50 ms of reading on SQLite. A larger set answers with its count capped ("50,000+") and no amounts,
 * and the user narrows the filter (or filters by what the rollups answer).
 */
export const TOTALS_ROW_LIMIT = 50_000;

/** How long summing a filtered set may take before the totals answer capped instead. */
export const TOTALS_BUDGET_MS = 3_000;

/** The filters the rollup buckets answer: every other one needs the contracts themselves. */
const answeredByBuckets = new Set<keyof LedgerTotalsFilter>([
  'status',
  'direction',
  'categoryId',
  'entityId',
  'signDateFrom',
  'signDateTo',
]);

/**
 * The buckets of the ledger's rollup that hold exactly the filtered contracts of this scope, or
 * null when no set of buckets does: a scope by department or person (buckets are per entity), a
 * search, an amount, a date range that splits a month, matching or overdue status.
 */
export function bucketsAnswering(scope: Scope, filter: LedgerTotalsFilter): LedgerRollupWhere | null {
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && !answeredByBuckets.has(key as keyof LedgerTotalsFilter)) return null;
  }
  if (!scope.all && (scope.departmentIds.size || scope.userIds.size)) return null;
  const months = signMonths(filter.signDateFrom, filter.signDateTo);
  if (months === null) return null;

  const where: LedgerRollupWhere = {};
  if (!scope.all) {
    where.entity_id = [...scope.entityIds].filter((id) => !filter.entityId || id === filter.entityId);
  } else if (filter.entityId) {
    where.entity_id = [filter.entityId];
  }
  if (filter.status?.length) where.status = filter.status;
  if (filter.direction) where.direction = [filter.direction];
  if (filter.categoryId) where.category_id = [filter.categoryId];
  if (months) where.sign_month = months;
  return where;
}

/**
 * The months a sign-date range covers whole (`undefined` when there is no range; null when it
 * starts or ends inside a month). A range excludes unsigned contracts (bucket month ''), as
 * `sign_date >= …` does in SQL, so an open start begins after ''.
 */
function signMonths(
  from: string | undefined,
  to: string | undefined,
): { from: string; to?: string } | null | undefined {
  if (from === undefined && to === undefined) return undefined;
  if (from !== undefined && !from.endsWith('-01')) return null;
  if (to !== undefined && !addDays(to, 1).endsWith('-01')) return null;
  return { from: from?.slice(0, 7) ?? '0000-00', ...(to !== undefined && { to: to.slice(0, 7) }) };
}

/** The answer for a set too large to sum on request. */
export function cappedTotals(): ContractLedgerTotalsResult {
  return { count: TOTALS_ROW_LIMIT, source: 'capped', byCurrency: [] };
}
