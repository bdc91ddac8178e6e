import { problemSchema } from '@concord/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asBuiltSerializer } from './as-built-serializer.js';
import type { RequestContext } from './context.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HandlerArgs<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  ctx: RequestContext;
  request: FastifyRequest;
}

/**
 * One API route, declared rather than hand-wired so that every route gets authentication, CSRF
 * defence, validation and problem+json errors the same way, and so that the guard test can walk
 * them all. A route under `/api/v1` that does not come through here fails that test.
 */
export interface RouteDefinition<
  B extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Path under `/api/v1`, e.g. `/org/users/:id`. */
  url: string;
  summary: string;
  tags: string[];
  /** `public` only for sign-in; everything else needs a session. */
  auth?: 'public' | 'session';
  /**
   * Open to a session that must change its password first (a demo password on a server others
   * reach): reading the session, changing the password, the language, signing out. Every other
   * route answers 403 PASSWORD_CHANGE_REQUIRED to such a session.
   */
  beforePasswordChange?: true;
  /**
   * For URLs with `:id`: the kind of record the id names. The guard test fetches a record of this
   * kind from another entity and checks that it stays invisible.
   */
  recordType?: string;
  /** Per-route rate limit (requests per minute per client address). */
  rateLimitPerMinute?: number;
  /** True when the answer is a file download instead of JSON. */
  download?: boolean;
  /**
   * The answer's status when it succeeds: 201 for a route that creates a record (the answer is the
   * record created), 204 for one that has nothing to answer (a delete); 200 otherwise.
   */
  status?: 201 | 204;
  body?: B;
  querystring?: Q;
  params?: P;
  response?: R;
  /**
   * The handler builds its 200 answer field by field in `response`'s shape (no database row passed
   * through), so it is written as it is, without encoding it through the schema on every request
   * (as-built-serializer.ts; the test suite still checks every such answer against the schema).
   * For the hot lists only.
   */
  responseAsBuilt?: true;
  handler: (
    args: HandlerArgs<z.infer<B>, z.infer<Q>, z.infer<P>>,
    reply: FastifyReply,
  ) => Promise<z.infer<R> | FastifyReply>;
}

export const defineRoute = <
  B extends z.ZodType,
  Q extends z.ZodType,
  P extends z.ZodType,
  R extends z.ZodType,
>(
  definition: RouteDefinition<B, Q, P, R>,
): RouteDefinition => definition as unknown as RouteDefinition;

export const API_PREFIX = '/api/v1';

export interface RouteConfig {
  concord: true;
  auth: 'public' | 'session';
  beforePasswordChange: boolean;
  recordType?: string;
  download: boolean;
  status: 200 | 201 | 204;
}

/** Whether answers of `responseAsBuilt` routes are checked against their schema (the test suite). */
export const checkBuiltResponses = Symbol('checkBuiltResponses');

/** Everything registered through `registerRoutes`, for the docs and the route-walking guard test. */
export const routeCatalog = Symbol('routeCatalog');

/** Every route Fastify knows, with whether it came through `registerRoutes`. */
export const registeredRoutes = Symbol('registeredRoutes');

declare module 'fastify' {
  interface FastifyInstance {
    [routeCatalog]: RouteDefinition[];
    [registeredRoutes]: { method: string; url: string; concord: boolean }[];
    [checkBuiltResponses]: boolean;
  }
}

/** Without a declared query schema a route still refuses unknown query parameters. */
const noQuery = z.strictObject({});

export function registerRoutes(app: FastifyInstance, definitions: RouteDefinition[]): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const def of definitions) {
    const auth = def.auth ?? 'session';
    const config: RouteConfig = {
      concord: true,
      auth,
      beforePasswordChange: def.beforePasswordChange === true,
      recordType: def.recordType,
      download: !!def.download,
      status: def.status ?? 200,
    };
    app[routeCatalog].push(def);
    typed.route({
      method: def.method,
      url: `${API_PREFIX}${def.url}`,
      config: {
        ...config,
        ...(def.rateLimitPerMinute ? { rateLimit: { max: def.rateLimitPerMinute, timeWindow: 60_000 } } : {}),
      },
      schema: {
        summary: def.summary,
        tags: def.tags,
        ...(auth === 'session' ? { security: [{ session: [] }] } : {}),
        ...(def.body ? { body: def.body } : {}),
        querystring: def.querystring ?? noQuery,
        ...(def.params ? { params: def.params } : {}),
        ...(def.response && !def.download && config.status !== 204
          ? { response: { [config.status]: def.response, '4xx': problemSchema } }
          : {}),
      },
      ...(def.responseAsBuilt ? { serializerCompiler: asBuiltSerializer(app[checkBuiltResponses]) } : {}),
      handler: async (request, reply) => {
        const answer = await def.handler(
          {
            body: request.body,
            query: request.query,
            params: request.params,
            ctx: request.ctx,
            request,
          },
          reply,
        );
        if (answer === reply || config.status === 200) return answer;
        if (config.status === 204) return reply.code(204).send();
        return reply.code(config.status).send(answer);
      },
    });
  }
}
