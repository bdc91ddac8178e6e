import type {
  Contract,
  ContractCategory,
  ContractChange,
  ContractCompare,
  ContractPlanLine,
  ContractVersion,
  ContractVersionSummary,
  contractChangeCreateSchema,
  contractCompleteSchema,
  contractCreateSchema,
  contractReasonSchema,
  contractSignSchema,
  contractSubmitSchema,
  contractUpdateSchema,
  Page,
  PartnerDetail,
} from '@concord/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadFile } from '../../app/api/client';
import type { BodyOf } from '../../shared/contractTypes';
import { keys } from '../../shared/queryKeys';

/*
 * Every call of the contract register's pages to /api/v1/contracts (and the pickers it needs:
 * partners, audit). Types come from @concord/contracts so a changed API breaks the build here.
 */

export type ContractCreateBody = BodyOf<typeof contractCreateSchema>;
export type ContractUpdateBody = BodyOf<typeof contractUpdateSchema>;
export type ContractSubmitBody = BodyOf<typeof contractSubmitSchema>;
export type ContractSignBody = BodyOf<typeof contractSignSchema>;
export type ContractReasonBody = BodyOf<typeof contractReasonSchema>;
export type ContractCompleteBody = BodyOf<typeof contractCompleteSchema>;
export type ContractChangeBody = BodyOf<typeof contractChangeCreateSchema>;

// ---------------------------------------------------------------- ledger
// The ledger's page and totals queries are in ledger/ledgerQueries.ts (the route prefetches them).
export { exportContracts } from './import/transferApi';
export const downloadImportTemplate = () =>
  downloadFile('/contracts/import/template', {}, 'contract-import-template.xlsx');

// ---------------------------------------------------------------- one contract
export function useContract(id: string | undefined) {
  return useQuery({
    queryKey: keys.contracts.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<Contract>(`/contracts/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useContractVersions(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.contracts.versions(id),
    queryFn: ({ signal }) =>
      api.get<ContractVersionSummary[]>(`/contracts/${id}/versions`, undefined, signal),
    enabled,
  });
}

export function useContractVersion(id: string, number: number | undefined) {
  return useQuery({
    queryKey: keys.contracts.version(id, number ?? 0),
    queryFn: ({ signal }) => api.get<ContractVersion>(`/contracts/${id}/version`, { number }, signal),
    enabled: Boolean(number),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useContractCompare(id: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: keys.contracts.compare(id, from ?? 0, to ?? 0),
    queryFn: ({ signal }) => api.get<ContractCompare>(`/contracts/${id}/compare`, { from, to }, signal),
    // Versions never change once written, so a comparison can be kept for the session.
    enabled: Boolean(from && to && from !== to),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useContractChanges(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.contracts.changes(id),
    queryFn: ({ signal }) => api.get<ContractChange[]>(`/contracts/${id}/changes`, undefined, signal),
    enabled,
  });
}

/**
 * After any write the ledger, the detail and its tabs may all have changed. The new contract is put
 * in the cache at once; the rest reloads in the background, so a dialog closes without waiting.
 */
function useInvalidateContracts() {
  const queryClient = useQueryClient();
  return (contract?: Contract) => {
    if (contract) queryClient.setQueryData(keys.contracts.detail(contract.id), contract);
    void queryClient.invalidateQueries({
      queryKey: keys.contracts.all,
      // The detail just written is fresh; everything else under the prefix is not.
      predicate: (query) =>
        !contract || JSON.stringify(query.queryKey) !== JSON.stringify(keys.contracts.detail(contract.id)),
    });
    // Submitting starts an approval: the approval centre's lists and badge change too.
    void queryClient.invalidateQueries({ queryKey: keys.workflow.all });
  };
}

export function useSaveContract() {
  const invalidate = useInvalidateContracts();
  return useMutation({
    mutationFn: (input: { id?: string; body: ContractCreateBody | ContractUpdateBody }) =>
      input.id
        ? api.put<Contract>(`/contracts/${input.id}`, input.body)
        : api.post<Contract>('/contracts', input.body),
    onSuccess: (contract) => invalidate(contract),
  });
}

export function useDeleteContract() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/contracts/${id}`),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: keys.contracts.detail(id) });
      return queryClient.invalidateQueries({ queryKey: keys.contracts.all });
    },
  });
}

export type ContractCommand =
  | { action: 'submit'; body: ContractSubmitBody }
  | { action: 'sign'; body: ContractSignBody }
  | { action: 'complete'; body: ContractCompleteBody }
  | { action: 'terminate'; body: ContractReasonBody }
  | { action: 'void'; body: ContractReasonBody };

/** The status transitions: submit, sign, complete, terminate, void. */
export function useContractCommand(id: string) {
  const invalidate = useInvalidateContracts();
  return useMutation({
    mutationFn: (command: ContractCommand) =>
      api.post<Contract>(`/contracts/${id}/${command.action}`, command.body),
    onSuccess: (contract) => invalidate(contract),
  });
}

/** Submits a contract just saved (the form's "save and submit"). */
export function submitContract(id: string, body: ContractSubmitBody) {
  return api.post<Contract>(`/contracts/${id}/submit`, body);
}

export function useCreateChange(id: string) {
  const invalidate = useInvalidateContracts();
  return useMutation({
    mutationFn: (body: ContractChangeBody) => api.post<ContractChange>(`/contracts/${id}/changes`, body),
    onSuccess: () => invalidate(),
  });
}

// ---------------------------------------------------------------- partners (picker)
export function usePartnerDetail(id: string | undefined) {
  return useQuery({
    queryKey: keys.partners.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<PartnerDetail>(`/partners/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

// ---------------------------------------------------------------- categories and plan lines (pickers)
/** The whole category tree, flat (parents before children): small master data. */
export function useContractCategories() {
  return useQuery({
    queryKey: keys.contractCategories.picker,
    queryFn: ({ signal }) =>
      api.get<{ items: ContractCategory[] }>('/contract-categories', undefined, signal),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

/** Plan lines a contract of this entity may be signed against (optionally one year's). */
export function usePlanLines(entityId: string | undefined, year: number | undefined, enabled = true) {
  return useQuery({
    queryKey: keys.contractPlans.picker(entityId ?? '', year),
    queryFn: ({ signal }) =>
      api.get<Page<ContractPlanLine>>(
        '/contract-plans',
        { entityId, year, pageSize: 200, sort: 'name' },
        signal,
      ),
    select: (data) => data.items,
    enabled: enabled && Boolean(entityId),
  });
}
