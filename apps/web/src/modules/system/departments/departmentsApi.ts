import type { Department, departmentCreateSchema, departmentUpdateSchema } from '@concord/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api/client';
import type { BodyOf } from '../../../shared/contractTypes';
import { systemKeys } from '../queryKeys';

export type DepartmentCreateBody = BodyOf<typeof departmentCreateSchema>;
export type DepartmentUpdateBody = BodyOf<typeof departmentUpdateSchema>;

/** Departments of one entity (the acting entity when none is given), as the server's flat list. */
export function useDepartments(entityId: string | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: systemKeys.departmentsOf(entityId),
    queryFn: ({ signal }) => api.get<{ items: Department[] }>('/org/departments', { entityId }, signal),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

function useInvalidateDepartments() {
  const queryClient = useQueryClient();
  // Users show their department names, so their lists go stale with the departments.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: systemKeys.departments }),
      queryClient.invalidateQueries({ queryKey: systemKeys.users }),
    ]);
}

export function useSaveDepartment() {
  const invalidate = useInvalidateDepartments();
  return useMutation({
    mutationFn: (input: { id?: string; body: DepartmentCreateBody | DepartmentUpdateBody }) =>
      input.id
        ? api.patch<Department>(`/org/departments/${input.id}`, input.body)
        : api.post<Department>('/org/departments', input.body),
    onSuccess: invalidate,
  });
}

export function useDeleteDepartment() {
  const invalidate = useInvalidateDepartments();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/org/departments/${id}`),
    onSuccess: invalidate,
  });
}
