/**
 * Concord's HTTP API as a benchmark calls it: sign in as a demo user (a cookie and the CSRF token),
 * then JSON requests as that user. One client per base URL: the runner's in-process Concord, or a
 * node or the proxy of `bench:cluster`.
 */

export const PASSWORD = 'Concord2026';

export interface Session {
  username: string;
  userId: string;
  entityId: string;
  departmentId: string;
  permissions: string[];
  headers: Record<string, string>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: ${status} ${body.slice(0, 300)}`);
  }
}

export interface HttpClient {
  login(username: string): Promise<Session>;
  /** A JSON request as `session`; throws HttpError on a status other than 200. */
  call<T = Record<string, unknown>>(
    session: Session,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T>;
}

/** A client of the API at `base` (`http://host:port/api/v1`). */
export function httpClient(base: string): HttpClient {
  async function call<T>(session: Session, method: string, url: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}${url}`, {
      method,
      headers:
        body === undefined ? session.headers : { ...session.headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    // 200, or 201 for a record created (a payment request), 204 with nothing to answer.
    if (response.status < 200 || response.status > 299)
      throw new HttpError(response.status, text, `${method} ${url}`);
    return (response.status === 204 ? undefined : JSON.parse(text)) as T;
  }

  async function login(username: string): Promise<Session> {
    const response = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (response.status !== 200)
      throw new HttpError(response.status, await response.text(), `login ${username}`);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken };
    const me = await call<{
      user: { id: string; departmentId: string };
      actingEntity: { id: string };
      permissions: string[];
    }>({ headers } as unknown as Session, 'GET', '/auth/session');
    return {
      username,
      userId: me.user.id,
      entityId: me.actingEntity.id,
      departmentId: me.user.departmentId,
      permissions: me.permissions,
      headers,
    };
  }

  return { login, call };
}
