import type { ContractSchedule, contractScheduleReplaceSchema } from '@concord/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../app/api/client';
import type { BodyOf } from '../../../../shared/contractTypes';
import { keys } from '../../../../shared/queryKeys';

/** Calls of the plan tab: GET/PUT /contracts/:id/schedule. */
export type ScheduleReplaceBody = BodyOf<typeof contractScheduleReplaceSchema>;

export function useContractSchedule(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.contracts.schedule(id),
    queryFn: ({ signal }) => api.get<ContractSchedule>(`/contracts/${id}/schedule`, undefined, signal),
    enabled: enabled && Boolean(id),
  });
}

export function useReplaceSchedule(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleReplaceBody) => api.put<ContractSchedule>(`/contracts/${id}/schedule`, body),
    onSuccess: (schedule) => {
      queryClient.setQueryData(keys.contracts.schedule(id), schedule);
      // The contract's lockVersion and the ledger's planned figures moved.
      void queryClient.invalidateQueries({
        queryKey: keys.contracts.all,
        predicate: (query) => JSON.stringify(query.queryKey) !== JSON.stringify(keys.contracts.schedule(id)),
      });
    },
  });
}
