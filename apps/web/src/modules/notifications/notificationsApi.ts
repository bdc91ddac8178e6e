import type {
  Notification,
  NotificationPreferences,
  Page,
  Robot,
  robotCreateSchema,
  robotUpdateSchema,
} from '@concord/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../app/api/client';
import type { BodyOf } from '../../shared/contractTypes';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (query: QueryParams) => ['notifications', 'list', query] as const,
  unread: ['notifications', 'unread'] as const,
  preferences: ['notifications', 'preferences'] as const,
  robots: ['notification-robots'] as const,
  robotList: (query: QueryParams) => ['notification-robots', 'list', query] as const,
};

/** The bell polls: new notifications arrive from other people's actions, not this tab's. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api.get<{ count: number }>('/notifications/unread-count', undefined, signal),
    select: (data) => data.count,
    refetchInterval: 60_000,
  });
}

export function useNotifications(query: { page: number; pageSize: number; unread?: boolean }) {
  return useQuery({
    queryKey: notificationKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<Notification>>('/notifications', query, signal),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateNotifications() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
}

export function useMarkRead() {
  const invalidate = useInvalidateNotifications();
  return useMutation({
    mutationFn: (id: string) => api.post<Notification>(`/notifications/${id}/read`, {}),
    onSuccess: invalidate,
  });
}

export function useMarkAllRead() {
  const invalidate = useInvalidateNotifications();
  return useMutation({
    mutationFn: () => api.post<{ count: number }>('/notifications/read-all', {}),
    onSuccess: invalidate,
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) =>
      api.get<NotificationPreferences>('/notifications/preferences', undefined, signal),
  });
}

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { emailEnabled: boolean }) =>
      api.put<NotificationPreferences>('/notifications/preferences', body),
    onSuccess: (data) => queryClient.setQueryData(notificationKeys.preferences, data),
  });
}

export type RobotCreateBody = BodyOf<typeof robotCreateSchema>;
export type RobotUpdateBody = BodyOf<typeof robotUpdateSchema>;

export function useRobots(query: { entityId?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: notificationKeys.robotList(query),
    queryFn: ({ signal }) => api.get<Page<Robot>>('/notification-robots', query, signal),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateRobots() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationKeys.robots });
}

export function useSaveRobot() {
  const invalidate = useInvalidateRobots();
  return useMutation({
    mutationFn: (input: { id?: string; body: RobotCreateBody | RobotUpdateBody }) =>
      input.id
        ? api.patch<Robot>(`/notification-robots/${input.id}`, input.body)
        : api.post<Robot>('/notification-robots', input.body),
    onSuccess: invalidate,
  });
}

export function useDeleteRobot() {
  const invalidate = useInvalidateRobots();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/notification-robots/${id}`),
    onSuccess: invalidate,
  });
}

export function useTestRobot() {
  return useMutation({
    mutationFn: (id: string) => api.post<{ ok: true }>(`/notification-robots/${id}/test`, {}),
  });
}
