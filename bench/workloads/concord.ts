/**
 * Concord on a real port (the app as main.ts builds it, without the job runner: W7 drains jobs itself),
 * signed-in sessions of the demo users, the statements a request runs (captured through the app's
 * `onQuery`), and the bare Fastify server the baselines answer on.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp, type Services } from '../../apps/server/src/app.js';
import { HttpError, type HttpClient, httpClient } from './http-client.js';

export { HttpError, PASSWORD, type Session } from './http-client.js';

export interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

export interface Concord extends HttpClient {
  app: FastifyInstance;
  services: Services;
  base: string;
  filesDir: string;
  /** The statements Concord ran while `work` ran (nothing else should run meanwhile). */
  capture<T>(work: () => Promise<T>): Promise<{ result: T; statements: Statement[] }>;
  close(): Promise<void>;
}

export async function startConcord(url: string): Promise<Concord> {
  let capturing: Statement[] | null = null;
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-bench-files-'));
  const { app, services } = await buildApp({
    databaseUrl: url,
    filesDir,
    // BENCH_LOG=error shows the server's errors (a 500's cause).
    logLevel: process.env.BENCH_LOG ?? 'silent',
    rateLimit: false,
    cookieSecure: false,
    sessionTtlHours: 12,
    onQuery: (sql, parameters) => capturing?.push({ sql, parameters }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;

  const { login, call } = httpClient(base);

  async function capture<T>(work: () => Promise<T>) {
    const statements: Statement[] = [];
    capturing = statements;
    try {
      return { result: await work(), statements };
    } finally {
      capturing = null;
    }
  }

  return {
    app,
    services,
    base,
    filesDir,
    login,
    call,
    capture,
    async close() {
      await app.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** The bare Fastify route: one URL per baseline, its handler set by the workload before it runs. */
export interface BareRoute {
  base: string;
  /** GET or POST `${base}/w/${name}` answers with `handler(query or body)`. */
  set(name: string, handler: (input: Record<string, unknown>) => Promise<unknown>): void;
  close(): Promise<void>;
}

export async function startBareRoute(): Promise<BareRoute> {
  const handlers = new Map<string, (input: Record<string, unknown>) => Promise<unknown>>();
  const bare = Fastify({ logger: false });
  const handle = (input: Record<string, unknown>, name: string) => {
    const handler = handlers.get(name);
    if (!handler) throw new Error(`no bare route ${name}`);
    return handler(input);
  };
  bare.get<{ Params: { name: string } }>('/w/:name', (request) =>
    handle(request.query as Record<string, unknown>, request.params.name),
  );
  bare.post<{ Params: { name: string } }>('/w/:name', (request) =>
    handle(request.body as Record<string, unknown>, request.params.name),
  );
  await bare.listen({ port: 0, host: '127.0.0.1' });
  return {
    base: `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`,
    set: (name, handler) => handlers.set(name, handler),
    close: () => bare.close(),
  };
}

/** A request to the bare route; its JSON answer. */
export async function bareCall<T>(
  route: BareRoute,
  name: string,
  input?: Record<string, unknown>,
): Promise<T> {
  const response = input
    ? await fetch(`${route.base}/w/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      })
    : await fetch(`${route.base}/w/${encodeURIComponent(name)}`);
  const text = await response.text();
  if (response.status !== 200) throw new HttpError(response.status, text, `bare ${name}`);
  return JSON.parse(text) as T;
}
