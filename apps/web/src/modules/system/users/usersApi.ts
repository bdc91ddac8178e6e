import type {
  HandoverTarget,
  Page,
  User,
  UserOpenWork,
  userCreateSchema,
  userUpdateSchema,
} from '@concord/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../app/api/client';
import type { BodyOf } from '../../../shared/contractTypes';
import { systemKeys } from '../queryKeys';

export type UserCreateBody = BodyOf<typeof userCreateSchema>;
export type UserUpdateBody = BodyOf<typeof userUpdateSchema>;

export function useUserList(query: QueryParams) {
  return useQuery({
    queryKey: systemKeys.userList(query),
    queryFn: ({ signal }) => api.get<Page<User>>('/org/users', query, signal),
    // Keep the current page on screen while the next one loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  // Member counts of departments and user counts of roles change with the users.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: systemKeys.users }),
      queryClient.invalidateQueries({ queryKey: systemKeys.departments }),
      queryClient.invalidateQueries({ queryKey: systemKeys.roles }),
    ]);
}

export function useSaveUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: { id?: string; body: UserCreateBody | UserUpdateBody }) =>
      input.id
        ? api.patch<User>(`/org/users/${input.id}`, input.body)
        : api.post<User>('/org/users', input.body),
    onSuccess: invalidate,
  });
}

export function useSetUserActive() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: { id: string; active: boolean; handover?: HandoverTarget }) =>
      api.post<User>(`/org/users/${input.id}/active`, { active: input.active, handover: input.handover }),
    onSuccess: invalidate,
  });
}

/** Lifts a user's sign-in block without changing the password. */
export function useUnlockUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) => api.post<User>(`/org/users/${id}/unlock`, {}),
    onSuccess: invalidate,
  });
}

/** What a user holds that others must take over before they are disabled (pending approvals, ...). */
export function useUserOpenWork(id: string | null) {
  return useQuery({
    queryKey: [...systemKeys.users, 'open-work', id],
    queryFn: ({ signal }) => api.get<UserOpenWork>(`/org/users/${id}/open-work`, undefined, signal),
    enabled: id !== null,
    staleTime: 0,
  });
}

export function useResetUserPassword() {
  return useMutation({
    mutationFn: (input: { id: string; newPassword: string }) =>
      api.post<{ ok: true }>(`/org/users/${input.id}/password`, { newPassword: input.newPassword }),
  });
}

export function useSetUserRoles() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: { id: string; assignments: { roleId: string; entityId: string }[] }) =>
      api.put<User>(`/org/users/${input.id}/roles`, { assignments: input.assignments }),
    onSuccess: invalidate,
  });
}
