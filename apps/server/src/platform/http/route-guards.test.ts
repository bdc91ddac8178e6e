/**
 * Guards that cover every route, present and future. Nothing here names a route: the tests walk
 * what is registered, so a new module is covered by registering its routes.
 *   (a) without a session every route answers 401, except sign-in;
 *   (b) malformed input gives a 4xx problem+json, never a 500;
 *   (c) a user whose data scope is one subsidiary cannot reach another subsidiary's records.
 */
import { allPermissionCodes } from '@concord/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { okSchema } from '@concord/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allRecordTypes } from '../../app.js';
import { findRouteDefects, PUBLIC_ROUTES, routeLabel } from '../../testing/route-defects.js';
import {
  acceptsNumber,
  acceptsString,
  exampleFor,
  inputJsonSchema,
  invalidQueryValue,
} from '../../testing/examples.js';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';
import {
  API_PREFIX,
  createHttpServer,
  defineRoute,
  type RouteDefinition,
  registerRoutes,
  routeCatalog,
} from './index.js';

const NIL_ID = '00000000-0000-4000-8000-000000000000';

const label = routeLabel;
const urlWith = (r: RouteDefinition, id: string) => `${API_PREFIX}${r.url.replace(/:id\b/g, id)}`;

/**
 * Soft assertions: the suites below probe every route in one loop, and one route answering wrongly
 * must not hide the others (the test still fails, listing each).
 */
function expectProblem(response: LightMyRequestResponse, context: string, statuses?: number[]) {
  const where = `${context} → ${response.statusCode} ${response.body.slice(0, 200)}`;
  expect.soft(response.statusCode, where).toBeGreaterThanOrEqual(400);
  expect.soft(response.statusCode, where).toBeLessThan(500);
  if (statuses) expect.soft(statuses, where).toContain(response.statusCode);
  const contentType = String(response.headers['content-type']);
  expect.soft(contentType, where).toContain('application/problem+json');
  if (!contentType.includes('application/problem+json')) return;
  const body = response.json();
  expect.soft(typeof body.code, where).toBe('string');
  expect.soft(typeof body.detail, where).toBe('string');
  expect.soft(body.status, where).toBe(response.statusCode);
}

describeEachDialect('route guards', (t) => {
  const catalog = () => t().app[routeCatalog];

  it('registers every /api/v1 route through registerRoutes, with schemas for what it takes', () => {
    expect(t().app[routeCatalog].length).toBeGreaterThan(20);
    expect(findRouteDefects(t().app)).toEqual([]);
  });

  it('(a) answers 401 problem+json without a session, or with a forged one', async () => {
    for (const route of catalog()) {
      if (PUBLIC_ROUTES.has(label(route))) continue;
      for (const cookie of [undefined, 'concord_sid=forged-session-token']) {
        const response = await t().app.inject({
          method: route.method,
          url: urlWith(route, NIL_ID),
          headers: cookie ? { cookie } : {},
          payload: route.body ? {} : undefined,
        });
        expectProblem(response, `${label(route)} without session`, [401]);
        if (response.statusCode === 401)
          expect.soft(response.json().code, label(route)).toBe('UNAUTHENTICATED');
      }
    }
  });

  it('(b) refuses malformed bodies, wrong types, huge strings, unknown and missing fields with 4xx', async () => {
    const admin = await t().login('admin');
    let checks = 0;
    for (const route of catalog()) {
      if (!route.body) continue;
      const url = urlWith(route, NIL_ID);
      const send = (payload: unknown, contentType = 'application/json') =>
        admin.request({
          method: route.method,
          url,
          headers: { 'content-type': contentType },
          payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
        });
      const schema = inputJsonSchema(route.body);
      const example = exampleFor(schema) as Record<string, unknown>;
      expect(route.body.safeParse(example).success, `${label(route)}: could not build a valid example`).toBe(
        true,
      );

      const bad: [string, LightMyRequestResponse][] = [
        ['malformed JSON', await send('{"unterminated": ')],
        ['array body', await send([])],
        ['string body', await send('"text"')],
        ['number body', await send('42')],
        ['null body', await send('null')],
        ['text/plain body', await send('hello', 'text/plain')],
        ['unknown field', await send({ ...example, unknownFieldXyz: 1 })],
      ];
      for (const key of schema.required ?? []) {
        const { [key]: _removed, ...rest } = example;
        bad.push([`missing ${key}`, await send(rest)]);
      }
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        bad.push([`${key} as an object`, await send({ ...example, [key]: { wrong: true } })]);
        if (!acceptsNumber(property)) {
          bad.push([`${key} as a number`, await send({ ...example, [key]: 12345 })]);
        }
        if (acceptsString(property))
          bad.push([`${key} huge`, await send({ ...example, [key]: 'x'.repeat(200_000) })]);
      }
      bad.push(['over the body limit', await send({ ...example, padding: 'x'.repeat(1_200_000) })]);
      for (const [what, response] of bad) {
        expectProblem(response, `${label(route)} ${what}`);
        checks += 1;
      }
    }
    expect(checks).toBeGreaterThan(100);
  });

  it('(b) refuses unknown, wrongly typed and oversized query parameters and malformed ids', async () => {
    const admin = await t().login('admin');
    for (const route of catalog()) {
      const base = urlWith(route, route.url.includes(':') ? 'not-a-uuid' : NIL_ID);
      if (route.url.includes(':')) {
        expectProblem(
          await admin.request({ method: route.method, url: base, payload: route.body ? {} : undefined }),
          `${label(route)} bad id`,
          [400],
        );
        continue;
      }
      if (route.method !== 'GET') continue;
      expectProblem(await admin.get(`${base}?unknownParamXyz=1`), `${label(route)} unknown query`, [400]);
      const properties = route.querystring ? (inputJsonSchema(route.querystring).properties ?? {}) : {};
      for (const [key, property] of Object.entries(properties)) {
        const wrong = invalidQueryValue(property);
        expect(
          wrong,
          `${label(route)}: query parameter ${key} accepts any string of any length`,
        ).not.toBeNull();
        expectProblem(
          await admin.get(`${base}?${key}=${encodeURIComponent(wrong!)}`),
          `${label(route)} ?${key}`,
          [400],
        );
      }
    }
  });

  it('(c) keeps every record of another subsidiary out of reach of a user scoped to one', async () => {
    const { given, services } = t();
    const cons = await given.entityByCode('CONS');
    const tech = await given.entityByCode('TECH');
    const group = await given.entityByCode('GRP');
    const everything = await given.role({ permissions: allPermissionCodes, dataScope: 'entity' });
    const department = await given.departmentByCode('CONS', 'ENG');
    const insider = await given.user({
      departmentId: department.id,
      roles: [{ roleId: everything.id, entityId: cons.id }],
    });
    const client: ApiClient = await t().login(insider.username, insider.password);

    // Probed by id: records of the sibling subsidiary and of the group. Searched for in lists: the
    // sibling's (CONS legitimately names its parent, the group, as parentId).
    const foreign = new Map<string, string[]>();
    const sibling = new Map<string, string[]>();
    const own: string[] = [];
    for (const recordType of allRecordTypes) {
      if (!recordType.entityOwned) continue;
      const ids: string[] = [];
      for (const entity of [tech, group]) {
        const id = await recordType.sampleIn(services.db, entity.id);
        if (id) ids.push(id);
      }
      expect(ids.length, `no ${recordType.type} sample outside CONS: extend the demo data`).toBeGreaterThan(
        0,
      );
      foreign.set(recordType.type, ids);
      sibling.set(recordType.type, ids.slice(0, 1));
      const ownId = await recordType.sampleIn(services.db, cons.id);
      if (ownId) own.push(ownId);
    }

    let probes = 0;
    for (const route of catalog()) {
      if (route.url === '/auth/logout') continue;
      if (route.recordType) {
        const ids = foreign.get(route.recordType);
        if (!ids) continue; // shared by the group, e.g. roles
        for (const id of ids) {
          const payload = route.body ? exampleFor(inputJsonSchema(route.body)) : undefined;
          const response = await client.request({
            method: route.method,
            url: urlWith(route, id),
            payload: payload as never,
          });
          expectProblem(response, `${label(route)} on ${route.recordType} ${id}`, [403, 404]);
          probes += 1;
        }
      } else if (route.method === 'GET' && !route.download) {
        const response = await client.get(`${API_PREFIX}${route.url}`);
        if (response.statusCode !== 200) continue;
        for (const [type, ids] of sibling) {
          for (const id of ids)
            expect.soft(response.body, `${label(route)} leaks ${type} ${id}`).not.toContain(id);
        }
        probes += 1;
      }
    }
    expect(probes).toBeGreaterThan(10);
    // A positive control: the same user does see their own entity's records.
    const users = await client.get(`${API_PREFIX}/org/users?pageSize=200`);
    expect(own.some((id) => users.body.includes(id))).toBe(true);
  });
});

describe('the route guard itself', () => {
  it('flags routes added without registerRoutes, without schemas or public by mistake', async () => {
    const app = await createHttpServer({
      logLevel: 'silent',
      rateLimit: false,
      anonymous: () => ({}) as never,
      authenticate: async () => ({}) as never,
    });
    app.get(`${API_PREFIX}/raw/thing`, async () => ({ leaked: true }));
    registerRoutes(app, [
      defineRoute({
        method: 'POST',
        url: '/loose/things',
        summary: 's',
        tags: [],
        response: okSchema,
        handler: async () => ({ ok: true as const }),
      }),
      defineRoute({
        method: 'GET',
        url: '/loose/things/:id',
        summary: 's',
        tags: [],
        response: okSchema,
        handler: async () => ({ ok: true as const }),
      }),
      defineRoute({
        method: 'GET',
        url: '/loose/open',
        auth: 'public',
        summary: 's',
        tags: [],
        handler: async () => ({ ok: true as const }),
      }),
      defineRoute({
        method: 'PATCH',
        url: '/loose/lax',
        summary: 's',
        tags: [],
        body: z.object({ a: z.string() }),
        response: okSchema,
        handler: async () => ({ ok: true as const }),
      }),
    ]);
    await app.ready();
    expect(findRouteDefects(app)).toEqual([
      `GET ${API_PREFIX}/raw/thing bypasses registerRoutes (no auth or validation)`,
      'POST /loose/things has no body schema',
      'GET /loose/things/:id has no params schema',
      'GET /loose/things/:id does not say which kind of record its id names',
      'GET /loose/open has no response schema',
      'GET /loose/open is public',
      'PATCH /loose/lax accepts unknown fields',
    ]);
    await app.close();
  });
});
