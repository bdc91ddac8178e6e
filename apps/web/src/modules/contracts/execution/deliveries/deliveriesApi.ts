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
import { contractKeys } from '../../contractsApi';

/** Calls of the deliveries and matching tabs: /contracts/:id/deliveries, /contract-deliveries/:id/*, /contracts/:id/matching. */
export type DeliveryCreateBody = BodyOf<typeof deliveryCreateSchema>;
export type DeliveryAcceptBody = BodyOf<typeof deliveryAcceptSchema>;
export type DeliveryRejectBody = BodyOf<typeof deliveryRejectSchema>;

/** Under the contract's detail key, so every write on the contract refreshes these too. */
export const deliveriesKey = (id: string) => [...contractKeys.detail(id), 'deliveries'] as const;
export const matchingKey = (id: string) => [...contractKeys.detail(id), 'matching'] as const;

export function useDeliveries(contractId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...deliveriesKey(contractId), 'list', page, pageSize],
    queryFn: ({ signal }) =>
      api.get<Page<Delivery>>(`/contracts/${contractId}/deliveries`, { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDeliverySummary(contractId: string) {
  return useQuery({
    queryKey: [...deliveriesKey(contractId), 'summary'],
    queryFn: ({ signal }) =>
      api.get<DeliverySummary>(`/contracts/${contractId}/delivery-summary`, undefined, signal),
  });
}

export function useContractMatching(contractId: string) {
  return useQuery({
    queryKey: matchingKey(contractId),
    queryFn: ({ signal }) =>
      api.get<ContractMatching>(`/contracts/${contractId}/matching`, undefined, signal),
  });
}

/** Every delivery write moves the contract's figures (ledger, plan, matching): refresh the contract. */
function useInvalidateContract(contractId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: contractKeys.detail(contractId) });
    void queryClient.invalidateQueries({ queryKey: [...contractKeys.all, 'ledger'] });
    void queryClient.invalidateQueries({ queryKey: ['contract-exceptions'] });
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
