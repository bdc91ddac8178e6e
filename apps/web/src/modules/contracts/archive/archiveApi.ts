import type {
  ContractArchive,
  ContractArchiveView,
  ContractBorrow,
  Page,
  SealRequest,
  contractArchiveInputSchema,
  contractBorrowCreateSchema,
  contractBorrowReturnSchema,
  sealRequestCreateSchema,
  sealRequestUsedSchema,
} from '@concord/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type DownloadProgress, downloadFile, type QueryParams } from '../../../app/api/client';
import type { BodyOf } from '../../../shared/contractTypes';
import { keys } from '../../../shared/queryKeys';

/*
 * The archive tab's calls: the archive record and borrow log of a contract's signed original, and
 * its seal use requests. Types come from @concord/contracts.
 */

export type ArchiveBody = BodyOf<typeof contractArchiveInputSchema>;
export type BorrowBody = BodyOf<typeof contractBorrowCreateSchema>;
export type ReturnBody = BodyOf<typeof contractBorrowReturnSchema>;
export type SealRequestBody = BodyOf<typeof sealRequestCreateSchema>;
export type SealUsedBody = BodyOf<typeof sealRequestUsedSchema>;

export function useContractArchive(contractId: string) {
  return useQuery({
    queryKey: keys.contracts.archive(contractId),
    queryFn: ({ signal }) =>
      api.get<ContractArchiveView>(`/contracts/${contractId}/archive`, undefined, signal),
  });
}

export function useContractBorrows(contractId: string, page: number, pageSize = 10) {
  return useQuery({
    queryKey: keys.contracts.borrows(contractId, page),
    queryFn: ({ signal }) =>
      api.get<Page<ContractBorrow>>(`/contracts/${contractId}/borrows`, { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useContractSeals(contractId: string, page: number, pageSize = 10) {
  return useQuery({
    queryKey: keys.contracts.seals(contractId, page),
    queryFn: ({ signal }) =>
      api.get<Page<SealRequest>>(`/contracts/${contractId}/seals`, { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every borrow in the caller's archive scope (the archivists' page). */
/** The archivists' borrows list as filtered and sorted, every row, as .xlsx. */
export const exportBorrows = (query: QueryParams, fileName: string, onProgress?: DownloadProgress) =>
  downloadFile('/contract-borrows/export', query, fileName, onProgress);

export function useBorrowSearch(query: QueryParams) {
  return useQuery({
    queryKey: keys.contractBorrows.list(query),
    queryFn: ({ signal }) => api.get<Page<ContractBorrow>>('/contract-borrows', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** After any write the tab's three lists and the archivists' page may all have changed. */
function useInvalidate(contractId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.contracts.detail(contractId) }),
      client.invalidateQueries({ queryKey: keys.contractBorrows.all }),
    ]);
}

export function useSaveArchive(contractId: string) {
  const invalidate = useInvalidate(contractId);
  return useMutation({
    mutationFn: (body: ArchiveBody) => api.put<ContractArchive>(`/contracts/${contractId}/archive`, body),
    onSuccess: () => invalidate(),
  });
}

export function useBorrowOriginal(contractId: string) {
  const invalidate = useInvalidate(contractId);
  return useMutation({
    mutationFn: (body: BorrowBody) => api.post<ContractBorrow>(`/contracts/${contractId}/borrows`, body),
    onSuccess: () => invalidate(),
  });
}

export function useReturnOriginal(contractId: string) {
  const invalidate = useInvalidate(contractId);
  return useMutation({
    mutationFn: ({ borrowId, body }: { borrowId: string; body: ReturnBody }) =>
      api.post<ContractBorrow>(`/contract-borrows/${borrowId}/return`, body),
    onSuccess: () => invalidate(),
  });
}

export function useRequestSeal(contractId: string) {
  const invalidate = useInvalidate(contractId);
  return useMutation({
    mutationFn: (body: SealRequestBody) => api.post<SealRequest>(`/contracts/${contractId}/seals`, body),
    onSuccess: () => invalidate(),
  });
}

export function useMarkSealUsed(contractId: string) {
  const invalidate = useInvalidate(contractId);
  return useMutation({
    mutationFn: ({ requestId, body }: { requestId: string; body: SealUsedBody }) =>
      api.post<SealRequest>(`/contract-seals/${requestId}/used`, body),
    onSuccess: () => invalidate(),
  });
}
