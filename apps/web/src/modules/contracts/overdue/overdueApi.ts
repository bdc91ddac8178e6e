import type {
  ContractOverduePage,
  ContractOverdueTotalsResult,
  ContractOversightCounts,
  ContractOversightPage,
} from '@concord/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type DownloadProgress, downloadFile, type QueryParams } from '../../../app/api/client';
import { keys } from '../../../shared/queryKeys';

/* Calls of the overdue list (/contract-overdue) and group oversight (/contract-oversight). */

/** A page of the overdue list (filters, sort, limit and the keyset cursor). */
export function useContractOverdue(query: QueryParams) {
  return useQuery({
    queryKey: keys.contractOverdue(query),
    queryFn: ({ signal }) => api.get<ContractOverduePage>('/contract-overdue', query, signal),
    // Keep the current page on screen while the next one loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });
}

/**
 * The count and overdue amounts of the filtered list (no sort, cursor or limit), asked for apart
 * from its pages: the rows show at once, the totals when they arrive. No previous data kept: totals
 * of other filters would pass for these ones, so the totals row says 'pending' instead.
 */
export function useContractOverdueTotals(filters: QueryParams) {
  return useQuery({
    queryKey: keys.contractOverdueTotals(filters),
    queryFn: ({ signal }) =>
      api.get<ContractOverdueTotalsResult>('/contract-overdue/totals', filters, signal),
  });
}

/** The filtered list as Excel, in the list's sort (filters and sort, no cursor or limit). */
export const exportContractOverdue = (query: QueryParams, fileName: string, onProgress?: DownloadProgress) =>
  downloadFile('/contract-overdue/export', query, fileName, onProgress);

/** A page of the oversight list (kind, entity, sort, limit and the keyset cursor). */
export function useContractOversight(query: QueryParams) {
  return useQuery({
    queryKey: keys.contractOversight(query),
    queryFn: ({ signal }) => api.get<ContractOversightPage>('/contract-oversight', query, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * The breaches per kind (each counted up to a cap) for the entity filter, asked for apart from the
 * pages: the rows show at once, the counts when they arrive. No previous data kept: another
 * entity's counts would pass for this one's.
 */
export function useContractOversightCounts(filters: QueryParams) {
  return useQuery({
    queryKey: keys.contractOversightCounts(filters),
    queryFn: ({ signal }) => api.get<ContractOversightCounts>('/contract-oversight/counts', filters, signal),
  });
}

export const exportContractOversight = (
  query: QueryParams,
  fileName: string,
  onProgress?: DownloadProgress,
) => downloadFile('/contract-oversight/export', query, fileName, onProgress);
