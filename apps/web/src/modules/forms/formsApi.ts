import type {
  FileObject,
  FormDefinition,
  formDefinitionCreateSchema,
  formDefinitionUpdateSchema,
  Page,
} from '@concord/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiBase, type QueryParams } from '../../app/api/client';
import type { BodyOf } from '../../shared/contractTypes';

export const formKeys = {
  all: ['forms'] as const,
  list: (query: QueryParams) => ['forms', 'list', query] as const,
  available: ['forms', 'available'] as const,
  file: (id: string) => ['files', id] as const,
};

export type FormCreateBody = BodyOf<typeof formDefinitionCreateSchema>;
export type FormUpdateBody = BodyOf<typeof formDefinitionUpdateSchema>;

export function useFormDefinitions(query: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: formKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<FormDefinition>>('/forms', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The active forms the signed-in user may fill in the entity they act in. */
export function useAvailableForms() {
  return useQuery({
    queryKey: formKeys.available,
    queryFn: ({ signal }) => api.get<Page<FormDefinition>>('/forms/available', { pageSize: 200 }, signal),
    select: (data) => data.items,
  });
}

export function useSaveForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; body: FormCreateBody | FormUpdateBody }) =>
      input.id
        ? api.patch<FormDefinition>(`/forms/${input.id}`, input.body)
        : api.post<FormDefinition>('/forms', input.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: formKeys.all }),
  });
}

export function useDeleteForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/forms/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: formKeys.all }),
  });
}

export function useFileObject(id: string | undefined) {
  return useQuery({
    queryKey: formKeys.file(id ?? ''),
    queryFn: ({ signal }) => api.get<FileObject>(`/files/${id}`, undefined, signal),
    enabled: Boolean(id),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const fileUploadUrl = `${apiBase}/files`;
export const fileContentUrl = (id: string) => `${apiBase}/files/${id}/content`;
