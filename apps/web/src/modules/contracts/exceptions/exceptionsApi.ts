import type {
  ContractException,
  ExecutionSettings,
  executionSettingsInputSchema,
  Page,
} from '@concord/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type DownloadProgress, downloadFile, type QueryParams } from '../../../app/api/client';
import type { BodyOf } from '../../../shared/contractTypes';
import { keys } from '../../../shared/queryKeys';

/** Calls of the exceptions list and the execution settings page: /contract-exceptions, /contract-settings. */
export type ExecutionSettingsBody = BodyOf<typeof executionSettingsInputSchema>;

export function useContractExceptions(query: QueryParams) {
  return useQuery({
    queryKey: keys.contractExceptions.list(query),
    queryFn: ({ signal }) => api.get<Page<ContractException>>('/contract-exceptions', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The exceptions list as filtered and sorted, every row, as .xlsx. */
export const exportContractExceptions = (
  query: QueryParams,
  fileName: string,
  onProgress?: DownloadProgress,
) => downloadFile('/contract-exceptions/export', query, fileName, onProgress);

/** Every entity the caller may see with the settings in force there (also the exceptions page's entity filter). */
export function useExecutionSettings() {
  return useQuery({
    queryKey: keys.contractSettings,
    queryFn: ({ signal }) => api.get<ExecutionSettings[]>('/contract-settings', undefined, signal),
  });
}

/** A tolerance change moves every entity's matching verdicts: refresh lists and open contracts. */
function useInvalidateSettings() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: keys.contractSettings });
    void queryClient.invalidateQueries({ queryKey: keys.contractExceptions.all });
    void queryClient.invalidateQueries({ queryKey: keys.contracts.all });
  };
}

export function useSaveExecutionSettings() {
  const invalidate = useInvalidateSettings();
  return useMutation({
    mutationFn: ({ entityId, body }: { entityId: string; body: ExecutionSettingsBody }) =>
      api.put<ExecutionSettings>(`/contract-settings/${entityId}`, body),
    onSuccess: invalidate,
  });
}

export function useResetExecutionSettings() {
  const invalidate = useInvalidateSettings();
  return useMutation({
    mutationFn: (entityId: string) => api.delete<ExecutionSettings>(`/contract-settings/${entityId}`),
    onSuccess: invalidate,
  });
}
