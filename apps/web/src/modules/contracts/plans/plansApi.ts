import type {
  ContractPlanLine,
  ContractPlanReport,
  contractPlanLineCreateSchema,
  contractPlanLineUpdateSchema,
  Page,
} from '@concord/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type DownloadProgress, downloadFile, type QueryParams } from '../../../app/api/client';
import type { BodyOf } from '../../../shared/contractTypes';
import { keys } from '../../../shared/queryKeys';

export type PlanLineCreateBody = BodyOf<typeof contractPlanLineCreateSchema>;
export type PlanLineUpdateBody = BodyOf<typeof contractPlanLineUpdateSchema>;

export function usePlanLineList(query: QueryParams, enabled = true) {
  return useQuery({
    queryKey: keys.contractPlans.list(query),
    queryFn: ({ signal }) => api.get<Page<ContractPlanLine>>('/contract-plans', query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePlanReport(query: QueryParams, enabled = true) {
  return useQuery({
    queryKey: keys.contractPlans.report(query),
    queryFn: ({ signal }) => api.get<ContractPlanReport>('/contract-plans/report', query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function exportPlanReport(
  query: QueryParams,
  fileName: string,
  onProgress?: DownloadProgress,
): Promise<void> {
  return downloadFile('/contract-plans/report/export', query, fileName, onProgress);
}

export function useSavePlanLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; body: PlanLineCreateBody | PlanLineUpdateBody }) =>
      input.id
        ? api.patch<ContractPlanLine>(`/contract-plans/${input.id}`, input.body)
        : api.post<ContractPlanLine>('/contract-plans', input.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.contractPlans.all }),
  });
}

export function useDeletePlanLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/contract-plans/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.contractPlans.all }),
  });
}
