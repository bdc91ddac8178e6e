import type {
  ContractCategory,
  contractCategoryCreateSchema,
  contractCategoryUpdateSchema,
  NumberingRule,
  Page,
  WfDefinitionSummary,
} from '@concord/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api/client';
import type { BodyOf } from '../../../shared/contractTypes';
import { keys } from '../../../shared/queryKeys';

export type CategoryCreateBody = BodyOf<typeof contractCategoryCreateSchema>;
export type CategoryUpdateBody = BodyOf<typeof contractCategoryUpdateSchema>;

/** The whole tree, flat (the server lists parents before children). */
export function useCategoryTree() {
  return useQuery({
    queryKey: keys.contractCategories.admin,
    queryFn: ({ signal }) =>
      api.get<{ items: ContractCategory[] }>('/contract-categories', undefined, signal),
    select: (data) => data.items,
  });
}

export function useSaveCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; body: CategoryCreateBody | CategoryUpdateBody }) =>
      input.id
        ? api.patch<ContractCategory>(`/contract-categories/${input.id}`, input.body)
        : api.post<ContractCategory>('/contract-categories', input.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.contractCategories.all }),
  });
}

export function useDeleteCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/contract-categories/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.contractCategories.all }),
  });
}

/** Numbering rules to pick from (needs numbering.rule.view; the select falls back to an id input without). */
export function useNumberingRuleOptions(enabled: boolean) {
  return useQuery({
    queryKey: keys.numbering.ruleOptions,
    queryFn: ({ signal }) =>
      api.get<Page<NumberingRule>>('/numbering/rules', { pageSize: 200, sort: 'code' }, signal),
    select: (data) => data.items,
    enabled,
  });
}

/** Published contract-approval flows (business type contract.sign) a category may name by key. */
export function useContractFlowOptions(enabled: boolean) {
  return useQuery({
    queryKey: keys.workflow.definitions('contract.sign'),
    queryFn: ({ signal }) =>
      api.get<{ items: WfDefinitionSummary[] }>('/workflow/definitions', undefined, signal),
    select: (data) =>
      data.items.filter((d) => d.businessType === 'contract.sign' && d.active && d.currentVersion !== null),
    enabled,
  });
}
