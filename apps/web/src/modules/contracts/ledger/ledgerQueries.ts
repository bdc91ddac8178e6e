import type { ContractLedgerPage, ContractLedgerTotalsResult } from '@concord/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../app/api/client';
import type { PrefetchTarget } from '../../../app/moduleKit';
import { keys } from '../../../shared/queryKeys';
import { ledgerQueryOf, ledgerValuesOf } from './useLedgerFilters';

/** A page of the ledger (filters, sort, limit and the keyset cursor). */
export const ledgerPageQuery = (query: QueryParams) =>
  queryOptions({
    queryKey: keys.contracts.list(query),
    queryFn: ({ signal }) => api.get<ContractLedgerPage>('/contracts', query, signal),
    // Keep the current page on screen while the next one loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });

/**
 * The totals of the filtered ledger, asked for apart from its pages: the page shows at once and the
 * totals when they arrive (from the server's rollups, or summed when the filter needs the rows).
 */
export const ledgerTotalsQuery = (filters: QueryParams) =>
  queryOptions({
    queryKey: keys.contracts.totals(filters),
    queryFn: ({ signal }) => api.get<ContractLedgerTotalsResult>('/contracts/totals', filters, signal),
  });

/**
 * The ledger's first page of the URL's filters, asked for while the page's code loads. Not the
 * totals: they may hold the server longer (at tier L an unfiltered group-wide sum took 1.7 s of its
 * event loop), and the page's code still on its way would queue behind them; the page asks for
 * them once it is there.
 */
export function prefetchLedger({ search, queryClient }: PrefetchTarget): void {
  const { filterQuery, limit } = ledgerQueryOf(ledgerValuesOf(search));
  void queryClient.prefetchQuery(ledgerPageQuery({ ...filterQuery, limit }));
}
