import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp, type Services } from '../app.js';
import { DEMO_PASSWORD } from '../cli/demo-data.js';
import type { DialectName } from '../db/index.js';
import type { RequestContext, RouteDefinition } from '../platform/http/index.js';
import type { Clock } from '../platform/jobs/index.js';
import { testDatabaseTarget, testDialects } from './dialects.js';
import { Given } from './given.js';

export interface TestApp {
  dialect: DialectName;
  app: FastifyInstance;
  services: Services;
  routes: RouteDefinition[];
  given: Given;
  /** Signs in through the API and returns a client that sends the cookie and CSRF token. */
  login(username: string, password?: string): Promise<ApiClient>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Start with the demo group (about 20 users), as `seedDemo` leaves it. */
  demo?: boolean;
  /** Turn on the per-route rate limits (off by default: suites sign in many times). */
  rateLimit?: boolean;
  /** Proxies trusted for X-Forwarded-For (none by default, as in production). */
  trustProxy?: string;
  /** A controllable clock for the job runner (reminders, timeouts). */
  clock?: Clock;
  /** Called with the SQL of every statement the app runs. */
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
  /** As when Concord serves other machines: the demo password must be changed at sign-in. */
  demoPasswordsMustChange?: boolean;
}

/**
 * A test app on a database of its own: a copy of the template (migrated, with the demo group
 * seeded at the clock's current instant when `demo`), with a copy of the template's attachments.
 */
export async function createTestApp(dialect: DialectName, options: TestAppOptions = {}): Promise<TestApp> {
  const target = await testDatabaseTarget(dialect, { demo: options.demo ?? false, clock: options.clock });
  const { app, services, routes } = await buildApp({
    databaseUrl: target.url,
    sqliteBytes: target.sqliteBytes,
    filesDir: target.filesDir,
    logLevel: 'silent',
    rateLimit: options.rateLimit ?? false,
    trustProxy: options.trustProxy,
    clock: options.clock,
    onQuery: options.onQuery,
    demoPasswordsMustChange: options.demoPasswordsMustChange,
    cookieSecure: false,
    // Sessions expire on the app's clock: a suite that moves a manual clock on by weeks keeps its
    // users signed in, as if they had stayed at their desks.
    sessionTtlHours: options.clock ? 24 * 366 : 12,
  });
  return {
    dialect,
    app,
    services,
    routes,
    given: new Given(services),
    login: (username, password = DEMO_PASSWORD) => ApiClient.login(app, username, password),
    close: async () => {
      await app.close();
      await target.drop();
    },
  };
}

/**
 * Runs a suite once per dialect in DIALECTS against a fresh database with the demo group:
 * `describeEachDialect('users', (t) => { it('...', async () => { t().app ... }) })`.
 */
export function describeEachDialect(
  name: string,
  body: (testApp: () => TestApp) => void,
  options: TestAppOptions = { demo: true },
): void {
  for (const dialect of testDialects()) {
    describe(`${name} [${dialect}]`, () => {
      let current: TestApp | undefined;
      beforeAll(async () => {
        current = await createTestApp(dialect, options);
      });
      afterAll(async () => {
        await current?.close();
      });
      body(() => {
        if (!current) throw new Error('test app not ready');
        return current;
      });
    });
  }
}

export class ApiClient {
  private constructor(
    private readonly app: FastifyInstance,
    private cookie: string,
    public csrfToken: string,
    public readonly session: Record<string, any>,
  ) {}

  static async login(app: FastifyInstance, username: string, password: string): Promise<ApiClient> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (response.statusCode !== 200)
      throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'concord_sid');
    if (!cookie) throw new Error('no session cookie');
    const session = response.json();
    return new ApiClient(app, `concord_sid=${cookie.value}`, session.csrfToken, session);
  }

  /** The service-level context of this session, for tests that call services directly as this user. */
  context(services: Services): Promise<RequestContext> {
    return services.auth.authenticate(
      { requestId: `test-${Date.now()}`, ip: null, userAgent: null, locale: 'zh-CN' },
      this.cookie.replace(/^concord_sid=/, ''),
      { checkCsrf: false, csrfHeader: undefined },
    );
  }

  request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const { csrf = true, headers, ...rest } = options;
    return this.app.inject({
      ...rest,
      headers: {
        cookie: this.cookie,
        ...(csrf ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(headers ?? {}),
      },
    });
  }
  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  }
  put(url: string, payload?: unknown) {
    return this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] });
  }
  patch(url: string, payload?: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
}
