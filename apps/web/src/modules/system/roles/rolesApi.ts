import type { Role, roleCreateSchema, roleUpdateSchema } from '@concord/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api/client';
import type { BodyOf } from '../../../shared/contractTypes';
import { systemKeys } from '../queryKeys';

export type RoleCreateBody = BodyOf<typeof roleCreateSchema>;
export type RoleUpdateBody = BodyOf<typeof roleUpdateSchema>;

export function useRoles(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: systemKeys.roles,
    queryFn: ({ signal }) => api.get<{ items: Role[] }>('/iam/roles', undefined, signal),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

function useInvalidateRoles() {
  const queryClient = useQueryClient();
  // The signed-in user's own permissions may come from the edited role: refresh the session too.
  return () => queryClient.invalidateQueries();
}

export function useSaveRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: (input: { id?: string; body: RoleCreateBody | RoleUpdateBody }) =>
      input.id
        ? api.patch<Role>(`/iam/roles/${input.id}`, input.body)
        : api.post<Role>('/iam/roles', input.body),
    onSuccess: invalidate,
  });
}

export function useDeleteRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/iam/roles/${id}`),
    onSuccess: invalidate,
  });
}
