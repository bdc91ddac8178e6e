import { contractDirectionSchema, contractLedgerSortFields } from '@concord/contracts';
import { useMemo } from 'react';
import type { QueryParams } from '../../../app/api/client';
import { type UrlFilterValues, useUrlFilters } from '../../../shared/useUrlFilters';
import { contractStatuses } from '../shared/labels';
import { yuanTextToFen } from '../shared/money';

const filterKeys = [
  'q',
  'status',
  'direction',
  'categoryId',
  'entityId',
  'departmentId',
  'ownerId',
  'ownerName',
  'partnerId',
  'signDateFrom',
  'signDateTo',
  'endDateFrom',
  'endDateTo',
  'amountMin',
  'amountMax',
  'expiringWithinDays',
  'matchingStatus',
  'overdueOnly',
  'sort',
  'limit',
] as const;

export type LedgerFilterKey = (typeof filterKeys)[number];
export const defaultLedgerLimit = 20;
/** Filters folded behind "more filters": the bar opens folded unless one of them is set. */
export const foldedFilterKeys: LedgerFilterKey[] = [
  'entityId',
  'departmentId',
  'ownerId',
  'partnerId',
  'endDateFrom',
  'endDateTo',
  'amountMin',
  'amountMax',
  'expiringWithinDays',
  'matchingStatus',
  'overdueOnly',
];

const sortFields = new Set<string>(contractLedgerSortFields);
const statusSet = new Set<string>(contractStatuses);
const isoDate = (value: string | undefined) =>
  value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;

/**
 * The ledger's state from the URL (a link reproduces the view), and the API query derived from it.
 * Values the server would refuse (a hand-edited sort field, "abc" as an amount) are dropped here
 * instead of producing a 400. Amounts are yuan in the URL (readable) and 分 in the query.
 */
export function useLedgerFilters() {
  const { values, update, reset } = useUrlFilters(filterKeys);
  const { filterQuery, limit } = useMemo(() => ledgerQueryOf(values), [values]);
  return { values, filterQuery, limit, update, reset };
}

/** The ledger's filter values in a URL's search params (as useLedgerFilters reads them). */
export function ledgerValuesOf(search: URLSearchParams): UrlFilterValues<LedgerFilterKey> {
  const values: UrlFilterValues<LedgerFilterKey> = {};
  for (const key of filterKeys) {
    const value = search.get(key);
    if (value !== null && value !== '') values[key] = value;
  }
  return values;
}

/** The API query of the ledger's filter values, and the page size. */
export function ledgerQueryOf(values: UrlFilterValues<LedgerFilterKey>): {
  filterQuery: QueryParams;
  limit: number;
} {
  const sort = values.sort && sortFields.has(values.sort.replace(/^-/, '')) ? values.sort : undefined;
  const statuses = (values.status ?? '').split(',').filter((s) => statusSet.has(s));
  const direction = contractDirectionSchema.safeParse(values.direction).success
    ? values.direction
    : undefined;
  const money = (text: string | undefined) => {
    const fen = yuanTextToFen(text);
    return fen !== null && fen >= 0 ? fen : undefined;
  };
  const days = Number(values.expiringWithinDays);
  const filterQuery: QueryParams = {
    q: values.q,
    status: statuses.length ? statuses.join(',') : undefined,
    direction,
    categoryId: values.categoryId,
    entityId: values.entityId,
    departmentId: values.departmentId,
    ownerId: values.ownerId,
    partnerId: values.partnerId,
    signDateFrom: isoDate(values.signDateFrom),
    signDateTo: isoDate(values.signDateTo),
    endDateFrom: isoDate(values.endDateFrom),
    endDateTo: isoDate(values.endDateTo),
    amountMin: money(values.amountMin),
    amountMax: money(values.amountMax),
    expiringWithinDays:
      Number.isInteger(days) && days >= 0 && days <= 3650 && values.expiringWithinDays ? days : undefined,
    matchingStatus:
      values.matchingStatus === 'MATCHED' || values.matchingStatus === 'MISMATCHED'
        ? values.matchingStatus
        : undefined,
    overdueOnly: values.overdueOnly === 'true' ? 'true' : undefined,
    sort,
  };
  const parsed = Number(values.limit);
  const limit = Number.isInteger(parsed) && parsed >= 1 && parsed <= 200 ? parsed : defaultLedgerLimit;
  return { filterQuery, limit };
}
