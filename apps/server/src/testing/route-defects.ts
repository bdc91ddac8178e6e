import type { FastifyInstance } from 'fastify';
import { allRecordTypes } from '../app.js';
import { API_PREFIX, type RouteDefinition, registeredRoutes, routeCatalog } from '../platform/http/index.js';
import { inputJsonSchema } from './examples.js';

/** The only routes reachable without a session. Adding one here needs a reason in review. */
export const PUBLIC_ROUTES = new Set(['POST /auth/login']);
/**
 * POST routes that take no JSON body. File uploads are multipart/form-data, which a JSON schema
 * cannot describe; the upload route refuses anything else with a 400 problem itself.
 */
const BODILESS = new Set([
  'POST /auth/logout',
  'POST /files',
  'POST /contracts/import',
  'POST /contracts/import/inspect',
]);

export const routeLabel = (r: RouteDefinition) => `${r.method} ${r.url}`;

/**
 * What is wrong with the app's routes, statically: a route that bypassed `registerRoutes`, a
 * public route not on the list, a write without a body schema, an id without a params schema or
 * record type, a JSON answer without a response schema, or a schema that accepts unknown fields.
 */
export function findRouteDefects(app: FastifyInstance): string[] {
  const defects: string[] = [];
  for (const route of app[registeredRoutes]) {
    if (route.url.startsWith(API_PREFIX) && route.method !== 'HEAD' && !route.concord) {
      defects.push(`${route.method} ${route.url} bypasses registerRoutes (no auth or validation)`);
    }
  }
  const knownTypes = new Set(allRecordTypes.map((r) => r.type));
  for (const route of app[routeCatalog]) {
    const label = routeLabel(route);
    if (['POST', 'PUT', 'PATCH'].includes(route.method) && !route.body && !BODILESS.has(label)) {
      defects.push(`${label} has no body schema`);
    }
    if (route.url.includes(':')) {
      if (!route.params) defects.push(`${label} has no params schema`);
      if (!route.recordType) defects.push(`${label} does not say which kind of record its id names`);
      else if (!knownTypes.has(route.recordType)) defects.push(`${label} names an unknown record type`);
    }
    if (!route.download && route.status !== 204 && !route.response)
      defects.push(`${label} has no response schema`);
    if (route.auth === 'public' && !PUBLIC_ROUTES.has(label)) defects.push(`${label} is public`);
    for (const schema of [route.body, route.querystring]) {
      if (schema && inputJsonSchema(schema).additionalProperties !== false) {
        defects.push(`${label} accepts unknown fields`);
      }
    }
  }
  return defects;
}
