import type {
  ContractInvoice,
  ContractInvoiceList,
  contractInvoiceLinkSchema,
  Invoice,
  invoiceCreateSchema,
  InvoiceUsage,
  Page,
} from '@concord/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../app/api/client';
import type { BodyOf } from '../../shared/contractTypes';
import { keys } from '../../shared/queryKeys';

/** Calls of the invoice registry (/invoices) and of a contract's invoices tab. */
export type InvoiceCreateBody = BodyOf<typeof invoiceCreateSchema>;
export type ContractInvoiceLinkBody = BodyOf<typeof contractInvoiceLinkSchema>;

export function useInvoiceList(query: QueryParams) {
  return useQuery({
    queryKey: keys.invoices.list(query),
    queryFn: ({ signal }) => api.get<Page<Invoice>>('/invoices', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInvoice(id: string | null) {
  return useQuery({
    queryKey: keys.invoices.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<Invoice>(`/invoices/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useInvoiceUsages(id: string | null) {
  return useQuery({
    queryKey: keys.invoices.usages(id ?? ''),
    queryFn: ({ signal }) => api.get<{ items: InvoiceUsage[] }>(`/invoices/${id}/usages`, undefined, signal),
    enabled: !!id,
    select: (data) => data.items,
  });
}

export function useRegisterInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvoiceCreateBody) => api.post<Invoice>('/invoices', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.invoices.all }),
  });
}

export function useVoidInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; reason: string }) =>
      api.post<Invoice>(`/invoices/${input.id}/void`, { reason: input.reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.invoices.all }),
  });
}

export function useContractInvoices(contractId: string) {
  return useQuery({
    queryKey: keys.contracts.invoices(contractId),
    queryFn: ({ signal }) =>
      api.get<ContractInvoiceList>(`/contracts/${contractId}/invoices`, undefined, signal),
  });
}

/** Linking or releasing moves the contract's invoiced figures: refresh the contract, the ledger and the registry. */
function useInvalidateContract(contractId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: keys.contracts.detail(contractId) });
    void queryClient.invalidateQueries({ queryKey: keys.contracts.lists });
    void queryClient.invalidateQueries({ queryKey: keys.contractExceptions.all });
    void queryClient.invalidateQueries({ queryKey: keys.invoices.all });
  };
}

export function useLinkContractInvoice(contractId: string) {
  const invalidate = useInvalidateContract(contractId);
  return useMutation({
    mutationFn: (body: ContractInvoiceLinkBody) =>
      api.post<ContractInvoice>(`/contracts/${contractId}/invoices`, body),
    onSuccess: invalidate,
  });
}

export function useReleaseContractInvoice(contractId: string) {
  const invalidate = useInvalidateContract(contractId);
  return useMutation({
    mutationFn: (usageId: string) => api.delete<ContractInvoiceList>(`/contract-invoices/${usageId}`),
    onSuccess: invalidate,
  });
}
