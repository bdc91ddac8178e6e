import type { QueryParams } from '../../app/api/client';

/**
 * Query keys of the system pages. Mutations invalidate by prefix (`['org', 'departments']`), so a
 * change shows up in every list and picker that reads the same resource.
 */
export const systemKeys = {
  entities: ['org', 'entities'] as const,
  departments: ['org', 'departments'] as const,
  departmentsOf: (entityId: string | undefined) => ['org', 'departments', entityId ?? 'acting'] as const,
  positions: ['org', 'positions'] as const,
  positionsOf: (entityId: string | undefined) => ['org', 'positions', entityId ?? 'acting'] as const,
  users: ['org', 'users'] as const,
  userList: (query: QueryParams) => ['org', 'users', 'list', query] as const,
  userSearch: (q: string, entityId: string | undefined) =>
    ['org', 'users', 'search', q, entityId ?? ''] as const,
  roles: ['iam', 'roles'] as const,
  audit: ['audit'] as const,
  auditList: (query: QueryParams) => ['audit', 'list', query] as const,
};
