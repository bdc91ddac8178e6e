import type {
  ContractEvaluation,
  ContractEvaluationView,
  ContractSettlement,
  ContractSettlementView,
  contractEvaluationCreateSchema,
  contractSettlementCreateSchema,
  retentionReleaseSchema,
} from '@concord/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../app/api/client';
import type { BodyOf } from '../../../../shared/contractTypes';
import { keys } from '../../../../shared/queryKeys';

/** Calls of the settlement and evaluation tabs, and the partner's rating history. */
export type SettlementBody = BodyOf<typeof contractSettlementCreateSchema>;
export type EvaluationBody = BodyOf<typeof contractEvaluationCreateSchema>;
export type RetentionReleaseBody = BodyOf<typeof retentionReleaseSchema>;

export function useSettlementView(contractId: string) {
  return useQuery({
    queryKey: keys.contracts.settlement(contractId),
    queryFn: ({ signal }) =>
      api.get<ContractSettlementView>(`/contracts/${contractId}/settlement`, undefined, signal),
    enabled: Boolean(contractId),
  });
}

/** After a write on the contract: its detail, tabs and the ledger's figures move. */
function useRefreshContract() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: keys.contracts.all });
}

export function useCreateSettlement(contractId: string) {
  const refresh = useRefreshContract();
  return useMutation({
    mutationFn: (body: SettlementBody) =>
      api.post<ContractSettlement>(`/contracts/${contractId}/settlement`, body),
    onSuccess: refresh,
  });
}

export function useReleaseRetention() {
  const refresh = useRefreshContract();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RetentionReleaseBody }) =>
      api.post<ContractSettlement>(`/contract-settlements/${id}/release-retention`, body),
    onSuccess: refresh,
  });
}

export function useEvaluationView(contractId: string) {
  return useQuery({
    queryKey: keys.contracts.evaluation(contractId),
    queryFn: ({ signal }) =>
      api.get<ContractEvaluationView>(`/contracts/${contractId}/evaluation`, undefined, signal),
    enabled: Boolean(contractId),
  });
}

export function useCreateEvaluation(contractId: string) {
  const refresh = useRefreshContract();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EvaluationBody) =>
      api.post<ContractEvaluation>(`/contracts/${contractId}/evaluation`, body),
    onSuccess: (evaluation) => {
      refresh();
      // The partner's rating moved.
      void queryClient.invalidateQueries({ queryKey: keys.partners.all });
      void queryClient.invalidateQueries({ queryKey: keys.partners.ratingHistory(evaluation.partnerId) });
    },
  });
}
