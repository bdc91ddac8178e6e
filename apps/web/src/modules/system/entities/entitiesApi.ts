import type { Entity, entityCreateSchema, entityUpdateSchema } from '@concord/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api/client';
import { usePermissions } from '../../../app/auth/session';
import type { BodyOf } from '../../../shared/contractTypes';
import { systemKeys } from '../queryKeys';

export type EntityCreateBody = BodyOf<typeof entityCreateSchema>;
export type EntityUpdateBody = BodyOf<typeof entityUpdateSchema>;

export function useEntities(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: systemKeys.entities,
    queryFn: ({ signal }) => api.get<{ items: Entity[] }>('/org/entities', undefined, signal),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/**
 * Entities to offer in pickers. The full list needs `org.entity.view`; without it, the entities the
 * user holds roles in (from the session) are what they can work with anyway.
 */
export function useEntityOptions(sessionEntities: { id: string; name: string }[]) {
  const { can } = usePermissions();
  const mayList = can('org.entity.view');
  const { data, isLoading } = useEntities({ enabled: mayList });
  const entities = mayList && data ? data.filter((entity) => entity.active) : sessionEntities;
  return {
    isLoading: mayList && isLoading,
    options: entities.map((entity) => ({ value: entity.id, label: entity.name })),
  };
}

export function useSaveEntity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; body: EntityCreateBody | EntityUpdateBody }) =>
      input.id
        ? api.patch<Entity>(`/org/entities/${input.id}`, input.body)
        : api.post<Entity>('/org/entities', input.body),
    // Entity names also appear in the session (entity switcher), so refresh it as well.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
