import type {
  ContractPayment,
  ContractPaymentPage,
  ContractPaymentPosition,
  contractPaymentCancelSchema,
  contractPaymentCreateSchema,
  contractPaymentPaySchema,
  contractReceiptCreateSchema,
  contractRefundCreateSchema,
} from '@concord/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../app/api/client';
import type { BodyOf } from '../../../../shared/contractTypes';
import { keys } from '../../../../shared/queryKeys';

/* The payments tab's calls: the list with totals, the position before a request, and the writes. */

export type PaymentRequestBody = BodyOf<typeof contractPaymentCreateSchema>;
export type ReceiptBody = BodyOf<typeof contractReceiptCreateSchema>;
export type PayBody = BodyOf<typeof contractPaymentPaySchema>;
export type CancelBody = BodyOf<typeof contractPaymentCancelSchema>;
export type RefundBody = BodyOf<typeof contractRefundCreateSchema>;

export function useContractPayments(contractId: string, page: number, pageSize = 10) {
  return useQuery({
    queryKey: keys.contracts.payments(contractId, page),
    queryFn: ({ signal }) =>
      api.get<ContractPaymentPage>(`/contracts/${contractId}/payments`, { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePaymentPosition(contractId: string, enabled = true) {
  return useQuery({
    queryKey: keys.contracts.paymentPosition(contractId),
    queryFn: ({ signal }) =>
      api.get<ContractPaymentPosition>(`/contracts/${contractId}/payment-position`, undefined, signal),
    enabled,
  });
}

/** Any write changes the contract's figures: its plan, ledger row and this tab. */
function useInvalidate(contractId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.contracts.detail(contractId) }),
      client.invalidateQueries({ queryKey: keys.contracts.lists }),
    ]);
}

export function useRequestPayment(contractId: string) {
  const invalidate = useInvalidate(contractId);
  return useMutation({
    mutationFn: (body: PaymentRequestBody) =>
      api.post<ContractPayment>(`/contracts/${contractId}/payments`, body),
    onSuccess: invalidate,
  });
}

export function useRegisterReceipt(contractId: string) {
  const invalidate = useInvalidate(contractId);
  return useMutation({
    mutationFn: (body: ReceiptBody) => api.post<ContractPayment>(`/contracts/${contractId}/receipts`, body),
    onSuccess: invalidate,
  });
}

export function usePaymentAction(contractId: string) {
  const invalidate = useInvalidate(contractId);
  return useMutation({
    mutationFn: ({
      id,
      action,
      body,
    }: {
      id: string;
      action: 'pay' | 'cancel' | 'refund';
      body: PayBody | CancelBody | RefundBody;
    }) => api.post<ContractPayment>(`/contract-payments/${id}/${action}`, body),
    onSuccess: invalidate,
  });
}
