import { problemSchema } from '@concord/contracts';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteConfig } from './routes.js';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/** `POST /api/v1/workflow/definitions/:id/publish` → `postWorkflowDefinitionsIdPublish`. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v1\//, '')
    .split(/[/:\-_.]+/)
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0].toUpperCase() + w.slice(1))].join('');
}

/** The problem+json shape every error answers with, as one component the operations refer to. */
export const problemComponent = z.toJSONSchema(problemSchema, { target: 'openapi-3.0' });

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * The OpenAPI description of a route, from its zod schemas (jsonSchemaTransform), with what the
 * schemas cannot say: an operationId, how it is authenticated (the session cookie; the CSRF header
 * on every state-changing request; nothing for sign-in) and its errors as problem+json. Only the
 * document changes: validation and serialisation still use the route's own schemas.
 */
export function openapiTransform(input: TransformInput) {
  const transformed = jsonSchemaTransform(input);
  const schema = transformed.schema as Record<string, unknown>;
  if (schema.hide) return transformed;
  const route = (input as { route?: { method: string | string[]; config?: Partial<RouteConfig> } }).route;
  const method = Array.isArray(route?.method) ? route.method[0] : (route?.method ?? 'GET');
  const publicRoute = route?.config?.auth === 'public';
  const safe = method === 'GET' || method === 'HEAD';
  schema.operationId ??= operationIdOf(method, input.url);
  schema.security = publicRoute ? [] : safe ? [{ session: [] }] : [{ session: [], csrf: [] }];
  const responses = (schema.response ?? {}) as Record<string, unknown>;
  if (route?.config?.status === 204) {
    delete responses['200'];
    responses['204'] = { description: 'Done: nothing to answer' };
  }
  responses['4XX'] ??= problemResponse('The request was refused: problem+json with a stable `code`');
  responses['5XX'] ??= problemResponse('A defect on the server (problem+json with the request id)');
  schema.response = responses;
  return transformed;
}
