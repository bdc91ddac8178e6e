import type { ContractOverduePage, ContractOversightPage } from '@concord/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type DownloadProgress, downloadFile, type QueryParams } from '../../../app/api/client';
import { keys } from '../../../shared/queryKeys';

/** Calls of the overdue list (/contract-overdue) and group oversight (/contract-oversight). */
export function useContractOverdue(query: QueryParams) {
  return useQuery({
    queryKey: keys.contractOverdue(query),
    queryFn: ({ signal }) => api.get<ContractOverduePage>('/contract-overdue', query, signal),
    placeholderData: keepPreviousData,
  });
}

export const exportContractOverdue = (query: QueryParams, fileName: string, onProgress?: DownloadProgress) =>
  downloadFile('/contract-overdue/export', query, fileName, onProgress);

export function useContractOversight(query: QueryParams) {
  return useQuery({
    queryKey: keys.contractOversight(query),
    queryFn: ({ signal }) => api.get<ContractOversightPage>('/contract-oversight', query, signal),
    placeholderData: keepPreviousData,
  });
}

export const exportContractOversight = (
  query: QueryParams,
  fileName: string,
  onProgress?: DownloadProgress,
) => downloadFile('/contract-oversight/export', query, fileName, onProgress);
