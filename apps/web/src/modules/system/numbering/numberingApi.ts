import type {
  NumberingRule,
  Page,
  numberingRuleCreateSchema,
  numberingRuleUpdateSchema,
} from '@concord/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../app/api/client';
import type { BodyOf } from '../../../shared/contractTypes';

export type NumberingRuleCreateBody = BodyOf<typeof numberingRuleCreateSchema>;
export type NumberingRuleUpdateBody = BodyOf<typeof numberingRuleUpdateSchema>;

export const numberingKeys = {
  all: ['numbering', 'rules'] as const,
  list: (query: QueryParams) => ['numbering', 'rules', 'list', query] as const,
};

export function useNumberingRules(query: QueryParams) {
  return useQuery({
    queryKey: numberingKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<NumberingRule>>('/numbering/rules', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSaveNumberingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; body: NumberingRuleCreateBody | NumberingRuleUpdateBody }) =>
      input.id
        ? api.patch<NumberingRule>(`/numbering/rules/${input.id}`, input.body)
        : api.post<NumberingRule>('/numbering/rules', input.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: numberingKeys.all }),
  });
}
