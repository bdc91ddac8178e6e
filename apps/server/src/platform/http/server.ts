import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest, LogController } from 'fastify';
import { jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { RequestContext } from './context.js';
import { AppError } from './errors.js';
import { openapiTransform, problemComponent } from './openapi.js';
import { localeOf, sendProblem, toProblem } from './problem.js';
import {
  API_PREFIX,
  checkBuiltResponses,
  type RouteConfig,
  registeredRoutes,
  routeCatalog,
} from './routes.js';
import { type LogFormat, logEachRequestOnce, readableLogStream } from './request-log.js';
import { REVALIDATE, registerWebAssets } from './static-assets.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface HttpServerOptions {
  logLevel: string;
  /** Readable lines in a terminal, JSON elsewhere (request-log.ts); JSON when unset. */
  logFormat?: LogFormat;
  /** Serve the built web app from here (SPA fallback to index.html); skipped when absent. */
  webDistDir?: string;
  /** Turn the per-route rate limits on (off in tests that sign in hundreds of times). */
  rateLimit: boolean;
  /**
   * The proxies (addresses or CIDRs, comma-separated) whose X-Forwarded-For gives the client's
   * address; none when unset, so a client cannot choose its own address (and its rate limit).
   */
  trustProxy?: string;
  /** Builds the context of a signed-in request or throws UNAUTHENTICATED / CSRF_FAILED. */
  authenticate: (request: FastifyRequest, options: { checkCsrf: boolean }) => Promise<RequestContext>;
  /** The context of a request without a session (sign-in, health, docs). */
  anonymous: (request: FastifyRequest) => RequestContext;
  /** Check every `responseAsBuilt` answer against its schema (the test suite; see routes.ts). */
  checkBuiltResponses?: boolean;
}

/** A JSON text with its brotli and gzip forms, for a large document served many times. */
function compressedJson(json: string) {
  return {
    json,
    br: brotliCompressSync(json, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }),
    gzip: gzipSync(json),
  };
}

/** Builds the Fastify instance with Concord's HTTP conventions; modules add routes afterwards. */
export async function createHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logLevel === 'silent'
        ? false
        : {
            level: options.logLevel,
            ...(options.logFormat === 'readable' ? { stream: readableLogStream() } : {}),
          },
    // One line per request instead (logEachRequestOnce).
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    ajv: undefined,
  });
  strictJsonBodies(app);
  logEachRequestOnce(app);
  app.decorate(routeCatalog, []);
  app.decorate(registeredRoutes, []);
  app.decorate(checkBuiltResponses, options.checkBuiltResponses ?? false);
  // Every route, however it was added, so the guard test can find any that bypassed `registerRoutes`.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      app[registeredRoutes].push({
        method,
        url: route.url,
        concord: Boolean((route.config as Partial<RouteConfig>)?.concord),
      });
    }
  });
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // Without the plugin the routes' `rateLimit` settings are inert.
  if (options.rateLimit) {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: () => new AppError('TOO_MANY_REQUESTS'),
    });
  }

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Concord API',
        version: '1.0.0',
        description:
          'Errors are application/problem+json with a stable `code`. State-changing requests need the ' +
          '`X-CSRF-Token` header from GET /api/v1/auth/session.',
      },
      servers: [{ url: '/', description: 'The Concord instance serving this document' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'concord_sid' },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description: 'The csrfToken of GET /api/v1/auth/session, on every POST, PUT, PATCH and DELETE',
          },
        },
        schemas: { Problem: problemComponent as Record<string, unknown> },
      },
    },
    transform: openapiTransform,
    // Named schemas (a flow's recursive node) become components the operations refer to.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  // The description is some 800 KB of JSON: built and compressed once, sent as the client accepts.
  let openapi: ReturnType<typeof compressedJson> | undefined;
  app.get('/api/openapi.json', { schema: { hide: true } }, async (request, reply) => {
    openapi ??= compressedJson(JSON.stringify(app.swagger()));
    const accepts = String(request.headers['accept-encoding'] ?? '');
    reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
    if (/\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send(openapi.br);
    if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(openapi.gzip);
    return reply.send(openapi.json);
  });
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  // Authentication runs before body parsing and validation, so no route answers anything but 401
  // to a caller without a session.
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config as Partial<RouteConfig> | undefined;
    if (!config?.concord || config.auth === 'public') {
      request.ctx = options.anonymous(request);
      return;
    }
    const checkCsrf = !SAFE_METHODS.has(request.method);
    if (checkCsrf) assertSameOrigin(request);
    request.ctx = await options.authenticate(request, { checkCsrf });
    if (request.ctx.passwordChangeRequired && !config.beforePasswordChange)
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
  });

  // PostgreSQL cannot store or compare text with NUL in it (a 500 there, silently cut short in
  // SQLite), so such input is refused up front, the same way on both dialects.
  app.addHook('preValidation', async (request) => {
    if (hasNul(request.query) || hasNul(request.params) || hasNul(request.body)) {
      throw new AppError('VALIDATION_FAILED', { detail: 'text must not contain NUL (\\u0000) characters' });
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const body = toProblem(error, request);
    if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    // The request's own line (request-log.ts) has the status; the code is there for debugging.
    else request.log.debug({ code: body.code, status: body.status }, 'request refused');
    return sendProblem(reply, body);
  });

  const hasWeb = await registerWebAssets(app, options.webDistDir);
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api') || request.url.startsWith('/healthz');
    if (!isApi && request.method === 'GET' && hasWeb) {
      const assetLike = /\.[a-z0-9]+$/i.test(request.url.split('?')[0]);
      if (!assetLike) {
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', REVALIDATE)
          .sendFile('index.html');
      }
    }
    if (!isApi && !hasWeb && request.method === 'GET') {
      return reply
        .type('text/plain; charset=utf-8')
        .send('The web app is not built. Run `npm start` (it builds it) or `npm run build:web`.');
    }
    return sendProblem(reply, toProblem(new AppError('ROUTE_NOT_FOUND'), request));
  });

  return app;
}

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || depth > 32 || Buffer.isBuffer(value)) return false;
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || hasNul(item, depth + 1));
}

/** A state-changing request from another site is refused even before the CSRF token is checked. */
function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  try {
    if (new URL(origin).host !== request.headers.host) throw new AppError('CSRF_FAILED');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('CSRF_FAILED');
  }
}

export { API_PREFIX };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies are decoded strictly: invalid UTF-8 is a 400, where Fastify's own parser replaced it
 * with U+FFFD and the damaged text was stored. Parsing stays Fastify's (prototype poisoning refused).
 */
function strictJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      const detail = { 'zh-CN': '请求体不是有效的 UTF-8 文本', 'en-US': 'the body is not valid UTF-8' };
      return done(new AppError('VALIDATION_FAILED', { detail: detail[localeOf(request)] }), undefined);
    }
    parseJson(request, text, done);
  });
}
