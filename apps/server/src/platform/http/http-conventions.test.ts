import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-app.js';
import { routeCatalog } from './index.js';

describeEachDialect('HTTP conventions', (t) => {
  it('answers a create with 201 and the record, a delete with 204 and nothing', async () => {
    const admin = await t().login('admin');
    const created = await admin.post('/api/v1/iam/roles', {
      code: `r201_${Date.now().toString(36)}`,
      name: '状态码测试角色',
      permissions: ['audit.view'],
      dataScope: 'self',
    });
    expect(created.statusCode, created.body).toBe(201);
    const deleted = await admin.delete(`/api/v1/iam/roles/${created.json().id}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await admin.delete(`/api/v1/iam/roles/${created.json().id}`)).statusCode).toBe(404);
  });

  it('answers /healthz', async () => {
    const response = await t().app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('echoes a given request id and makes one up otherwise', async () => {
    const given = await t().app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'req-12345678' },
    });
    expect(given.headers['x-request-id']).toBe('req-12345678');
    const made = await t().app.inject({ method: 'GET', url: '/healthz' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const problem = await t().app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { 'x-request-id': 'req-abcdefgh' },
    });
    expect(problem.json().requestId).toBe('req-abcdefgh');
  });

  it('sends security headers', async () => {
    const response = await t().app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['strict-transport-security']).toBeDefined();
  });

  it('publishes OpenAPI 3.1 with every API route and serves the docs UI', async () => {
    const spec = (await t().app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    for (const route of t().app[routeCatalog]) {
      const path = `/api/v1${route.url.replace(/:(\w+)/g, '{$1}')}`;
      expect(
        spec.paths[path]?.[route.method.toLowerCase()],
        `${route.method} ${path} missing from OpenAPI`,
      ).toBeDefined();
    }
    // A create answers 201 with the record, a delete 204 with nothing; the main operations carry examples.
    expect(Object.keys(spec.paths['/api/v1/partners'].post.responses)).toEqual(['201', '4XX', '5XX']);
    expect(Object.keys(spec.paths['/api/v1/iam/roles/{id}'].delete.responses)).toEqual(['204', '4XX', '5XX']);
    expect(Object.keys(spec.paths['/api/v1/contracts/{id}/submit'].post.responses)).toContain('200');
    for (const [path, field] of [
      ['/api/v1/auth/login', 'username'],
      ['/api/v1/contracts', 'taxRate'],
      ['/api/v1/partners', 'creditCode'],
      ['/api/v1/contracts/{id}/payments', 'idempotencyKey'],
      ['/api/v1/contracts/import/runs', 'layout'],
    ])
      expect(
        spec.paths[path].post.requestBody.content['application/json'].example,
        `${path} example`,
      ).toHaveProperty(field);
    const createUser = spec.paths['/api/v1/org/users'].post;
    expect(createUser.requestBody.content['application/json'].schema.required).toContain('username');
    // Every operation has an id, says how it is authenticated and answers errors as problem+json.
    const operations = Object.values(spec.paths).flatMap((methods) => Object.values(methods as object));
    const ids = operations.map((op: { operationId?: string }) => op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(createUser).toMatchObject({
      operationId: 'postOrgUsers',
      security: [{ session: [], csrf: [] }],
      responses: {
        '4XX': {
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    });
    expect(spec.paths['/api/v1/auth/login'].post.security).toEqual([]);
    expect(spec.components.schemas).toHaveProperty('Problem');
    expect(spec.components.schemas).toHaveProperty('WfNode');
    expect(spec.servers).toEqual([expect.objectContaining({ url: '/' })]);
    // Served compressed to a client that accepts it.
    const gzipped = await t().app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzipped.rawPayload).toString('utf8')).openapi).toBe('3.1.0');
    expect(gzipped.rawPayload.length).toBeLessThan(JSON.stringify(spec).length / 5);
    const ui = await t().app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('answers unknown API paths with a 404 problem', async () => {
    const response = await t().app.inject({ method: 'GET', url: '/api/v1/no/such/thing' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('ROUTE_NOT_FOUND');
  });

  it('words problems in the language asked for, and in the user language once signed in', async () => {
    const zh = await t().app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(zh.json().detail).toBe('请先登录');
    const en = await t().app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.json().detail).toBe('Please sign in first');
    // lin.feng's own language is English, whatever the browser sends.
    const linFeng = await t().login('lin.feng');
    const forbidden = await linFeng.get('/api/v1/iam/roles');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'FORBIDDEN', detail: 'You are not allowed to do this' });
  });

  it('refuses a JSON body that is not valid UTF-8 with a 400, instead of storing U+FFFD', async () => {
    const admin = await t().login('admin');
    const body = Buffer.concat([
      Buffer.from('{"name":"'),
      Buffer.from([0xe5, 0x90]), // the first two bytes of a three-byte character, then none
      Buffer.from('","kinds":["customer"]}'),
    ]);
    const response = await admin.request({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toBe('输入有误：请求体不是有效的 UTF-8 文本');
    // Valid UTF-8 (Chinese included) is parsed as before; its problems are the schema's.
    const valid = await admin.request({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: Buffer.from('{"name":"合作伙伴"}'),
    });
    expect(valid.statusCode).toBe(400);
    expect(valid.json().code).toBe('VALIDATION_FAILED');
    expect(valid.json().detail).not.toContain('UTF-8');
  });

  it('lists validation errors field by field', async () => {
    const admin = await t().login('admin');
    const response = await admin.post('/api/v1/org/users', { username: '!', password: 'x' });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.username', 'body.password', 'body.displayName', 'body.departmentId']),
    );
  });
});

describeEachDialect(
  'sign-in rate limit',
  (t) => {
    /**
     * The statuses of 21 failed sign-ins from one connection's address, each with a new name (one
     * name's repeated failures are throttled sooner, login-throttle.ts) and these headers.
     */
    const failedSignIns = async (remoteAddress: string, headers: (i: number) => Record<string, string>) => {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) {
        const response = await t().app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress,
          headers: headers(i),
          payload: { username: `nobody${i}`, password: 'whatever1' },
        });
        statuses.push(response.statusCode);
      }
      return statuses;
    };

    it('refuses the 21st sign-in attempt within a minute from one address with 429', async () => {
      const statuses = await failedSignIns('10.9.8.7', () => ({}));
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses[20]).toBe(429);
    });

    it('does not take the address from X-Forwarded-For when no proxy is trusted (the default)', async () => {
      // A new address claimed every time: trusted, it would reset the limit at each attempt.
      const statuses = await failedSignIns('10.9.8.6', (i) => ({ 'x-forwarded-for': `203.0.113.${i + 1}` }));
      expect(statuses[20]).toBe(429);
    });
  },
  { demo: false, rateLimit: true },
);

describeEachDialect(
  'sign-in rate limit behind a trusted proxy',
  (t) => {
    it("limits each client by the address the trusted proxy forwards, not the proxy's own", async () => {
      const attempt = (client: string, username: string) =>
        t().app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '10.0.0.10',
          headers: { 'x-forwarded-for': client },
          payload: { username, password: 'whatever1' },
        });
      const first: number[] = [];
      for (let i = 0; i < 21; i++) first.push((await attempt('198.51.100.7', `nobody${i}`)).statusCode);
      expect(first[20]).toBe(429);
      // Another client through the same proxy is not held back by the first one's attempts.
      expect((await attempt('198.51.100.8', 'nobody0')).statusCode).toBe(401);
    });
  },
  { demo: false, rateLimit: true, trustProxy: '10.0.0.10' },
);
