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
import { contractKeys } from '../contracts/contractsApi';

/** Calls of the invoice registry (/invoices) and of a contract's invoices tab. */
export type InvoiceCreateBody = BodyOf<typeof invoiceCreateSchema>;
export type ContractInvoiceLinkBody = BodyOf<typeof contractInvoiceLinkSchema>;

export const invoiceKeys = {
  all: ['invoices'] as const,
  list: (query: QueryParams) => ['invoices', 'list', query] as const,
  detail: (id: string) => ['invoices', 'detail', id] as const,
  usages: (id: string) => ['invoices', 'detail', id, 'usages'] as const,
};
const contractInvoicesKey = (contractId: string) => [...contractKeys.detail(contractId), 'invoices'] as const;

export function useInvoiceList(query: QueryParams) {
  return useQuery({
    queryKey: invoiceKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<Invoice>>('/invoices', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInvoice(id: string | null) {
  return useQuery({
    queryKey: invoiceKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<Invoice>(`/invoices/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useInvoiceUsages(id: string | null) {
  return useQuery({
    queryKey: invoiceKeys.usages(id ?? ''),
    queryFn: ({ signal }) => api.get<{ items: InvoiceUsage[] }>(`/invoices/${id}/usages`, undefined, signal),
    enabled: !!id,
    select: (data) => data.items,
  });
}

export function useRegisterInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvoiceCreateBody) => api.post<Invoice>('/invoices', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invoiceKeys.all }),
  });
}

export function useVoidInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; reason: string }) =>
      api.post<Invoice>(`/invoices/${input.id}/void`, { reason: input.reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invoiceKeys.all }),
  });
}

export function useContractInvoices(contractId: string) {
  return useQuery({
    queryKey: contractInvoicesKey(contractId),
    queryFn: ({ signal }) =>
      api.get<ContractInvoiceList>(`/contracts/${contractId}/invoices`, undefined, signal),
  });
}

/** Linking or releasing moves the contract's invoiced figures: refresh the contract, the ledger and the registry. */
function useInvalidateContract(contractId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: contractKeys.detail(contractId) });
    void queryClient.invalidateQueries({ queryKey: [...contractKeys.all, 'ledger'] });
    void queryClient.invalidateQueries({ queryKey: ['contract-exceptions'] });
    void queryClient.invalidateQueries({ queryKey: invoiceKeys.all });
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
