import { sql } from 'kysely';
import { beforeAll, expect } from 'vitest';
import type { ApiClient, TestApp } from '../../testing/test-app.js';

export const USERS = '/api/v1/org/users';
let seq = 0;
/** A username no other test run has used. */
export const uname = (prefix = 'u') => `${prefix}.${Date.now().toString(36)}${seq++}`;

/**
 * What the user-administration test files share: the admin signed in, the demo entities and
 * departments they place users in, and helpers to create, count and list users. Call inside the
 * file's describe; it signs in and looks the demo data up in a beforeAll of its own.
 */
export function userAdministrationKit(t: () => TestApp) {
  const kit = {
    api: undefined as unknown as ApiClient,
    entity: {} as Record<string, string>,
    dept: {} as Record<string, string>,
    validUser: (overrides: Record<string, unknown> = {}) => ({
      username: uname(),
      displayName: '新员工',
      email: 'new@concord.example',
      phone: '+86 138-0000-0000',
      departmentId: kit.dept.PROC,
      password: 'Start2026pw',
      ...overrides,
    }),
    countUsers: async (where?: (q: any) => any) => {
      let query = t().services.db.selectFrom('org_user').select(sql<number>`count(*)`.as('n'));
      if (where) query = where(query);
      return Number((await query.executeTakeFirstOrThrow()).n);
    },
    list: async (query: string) => {
      const response = await kit.api.get(`${USERS}?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { items: any[]; total: number; page: number; pageSize: number };
    },
    usernames: (page: { items: { username: string }[] }) => page.items.map((u) => u.username),
  };
  beforeAll(async () => {
    kit.api = await t().login('admin');
    for (const code of ['GRP', 'CONS', 'TECH']) kit.entity[code] = (await t().given.entityByCode(code)).id;
    for (const [key, e, d] of [
      ['ENG', 'CONS', 'ENG'],
      ['ENG1', 'CONS', 'ENG-1'],
      ['PROC', 'CONS', 'PROC'],
      ['RND', 'TECH', 'RND'],
    ] as const) {
      kit.dept[key] = (await t().given.departmentByCode(e, d)).id;
    }
  });
  return kit;
}
