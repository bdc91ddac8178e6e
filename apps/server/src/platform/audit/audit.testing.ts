import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { readJson } from '../../db/index.js';
import type { ApiClient, TestApp } from '../../testing/test-app.js';

export const API = '/api/v1';
const rid = () => `req-${randomUUID()}`;

/** Audit entries in the log (those `where` keeps, when given). */
export async function auditCount(t: TestApp, where?: (q: any) => any): Promise<number> {
  let query = t.services.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n'));
  if (where) query = where(query);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** Sends a write with a request id of its own and returns the response with that id. */
export async function writeWithRequestId(
  client: ApiClient,
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const requestId = rid();
  const response = await client.request({
    method,
    url: `${API}${url}`,
    payload: payload as never,
    headers: { 'x-request-id': requestId },
  });
  // A write answers 200, 201 (a record created) or 204 (nothing to answer: a delete).
  expect([200, 201, 204], `${method} ${url}: ${response.body}`).toContain(response.statusCode);
  expect(response.headers['x-request-id']).toBe(requestId);
  return { requestId, body: response.statusCode === 204 ? null : response.json() };
}

/** The entries one request left, their changes parsed. */
export async function entriesWithRequestId(t: TestApp, requestId: string) {
  const rows = await t.services.db
    .selectFrom('audit_log')
    .selectAll()
    .where('request_id', '=', requestId)
    .execute();
  return rows.map((r: any) => ({ ...r, seq: Number(r.seq), changes: readJson(r.changes, []) }));
}

/** The admin, signed in, and the demo entities by code. */
export async function auditCast(
  t: TestApp,
): Promise<{ api: ApiClient; adminId: string; entity: Record<string, string> }> {
  const api = await t.login('admin');
  const entity: Record<string, string> = {};
  for (const code of ['GRP', 'CONS', 'TECH']) entity[code] = (await t.given.entityByCode(code)).id;
  return { api, adminId: api.session.user.id, entity };
}
