import type { Position, positionCreateSchema, positionUpdateSchema } from '@concord/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api/client';
import type { BodyOf } from '../../../shared/contractTypes';
import { systemKeys } from '../queryKeys';

export type PositionCreateBody = BodyOf<typeof positionCreateSchema>;
export type PositionUpdateBody = BodyOf<typeof positionUpdateSchema>;

export function usePositions(entityId: string | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: systemKeys.positionsOf(entityId),
    queryFn: ({ signal }) => api.get<{ items: Position[] }>('/org/positions', { entityId }, signal),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

function useInvalidatePositions() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: systemKeys.positions }),
      queryClient.invalidateQueries({ queryKey: systemKeys.users }),
    ]);
}

export function useSavePosition() {
  const invalidate = useInvalidatePositions();
  return useMutation({
    mutationFn: (input: { id?: string; body: PositionCreateBody | PositionUpdateBody }) =>
      input.id
        ? api.patch<Position>(`/org/positions/${input.id}`, input.body)
        : api.post<Position>('/org/positions', input.body),
    onSuccess: invalidate,
  });
}

export function useDeletePosition() {
  const invalidate = useInvalidatePositions();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/org/positions/${id}`),
    onSuccess: invalidate,
  });
}
