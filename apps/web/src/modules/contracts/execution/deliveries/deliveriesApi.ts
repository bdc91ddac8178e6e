import type {
  ContractMatching,
  Delivery,
  DeliverySummary,
  deliveryAcceptSchema,
  deliveryCreateSchema,
  deliveryRejectSchema,
  Page,
} from '@concord/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../app/api/client';
import type { BodyOf } from '../../../../shared/contractTypes';
import { keys } from '../../../../shared/queryKeys';

/** Calls of the deliveries and matching tabs: /contracts/:id/deliveries, /contract-deliveries/:id/*, /contracts/:id/matching. */
export type DeliveryCreateBody = BodyOf<typeof deliveryCreateSchema>;
export type DeliveryAcceptBody = BodyOf<typeof deliveryAcceptSchema>;
export type DeliveryRejectBody = BodyOf<typeof deliveryRejectSchema>;

export function useDeliveries(contractId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...keys.contracts.deliveries(contractId), 'list', page, pageSize],
    queryFn: ({ signal }) =>
      api.get<Page<Delivery>>(`/contracts/${contractId}/deliveries`, { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDeliverySummary(contractId: string) {
  return useQuery({
    queryKey: [...keys.contracts.deliveries(contractId), 'summary'],
    queryFn: ({ signal }) =>
      api.get<DeliverySummary>(`/contracts/${contractId}/delivery-summary`, undefined, signal),
  });
}

export function useContractMatching(contractId: string) {
  return useQuery({
    queryKey: keys.contracts.matching(contractId),
    queryFn: ({ signal }) =>
      api.get<ContractMatching>(`/contracts/${contractId}/matching`, undefined, signal),
  });
}

/** Every delivery write moves the contract's figures (ledger, plan, matching): refresh the contract. */
function useInvalidateContract(contractId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: keys.contracts.detail(contractId) });
    void queryClient.invalidateQueries({ queryKey: keys.contracts.lists });
    void queryClient.invalidateQueries({ queryKey: keys.contractExceptions.all });
  };
}

export function useRecordDelivery(contractId: string) {
  const invalidate = useInvalidateContract(contractId);
  return useMutation({
    mutationFn: (body: DeliveryCreateBody) => api.post<Delivery>(`/contracts/${contractId}/deliveries`, body),
    onSuccess: invalidate,
  });
}

export function useAcceptDelivery(contractId: string) {
  const invalidate = useInvalidateContract(contractId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DeliveryAcceptBody }) =>
      api.post<Delivery>(`/contract-deliveries/${id}/accept`, body),
    onSuccess: invalidate,
  });
}

export function useRejectDelivery(contractId: string) {
  const invalidate = useInvalidateContract(contractId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DeliveryRejectBody }) =>
      api.post<Delivery>(`/contract-deliveries/${id}/reject`, body),
    onSuccess: invalidate,
  });
}
