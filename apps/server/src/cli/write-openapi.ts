/**
 * Writes the OpenAPI document of this Concord to a file (`npm run lint:api` lints it): the routes of
 * every module, described from their zod schemas, with an in-memory database so nothing is written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from '../app.js';

const target = path.resolve(process.argv[2] ?? 'openapi.json');
const { app } = await buildApp({
  databaseUrl: 'sqlite::memory:',
  logLevel: 'silent',
  rateLimit: false,
  cookieSecure: false,
  sessionTtlHours: 12,
});
try {
  const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (response.statusCode !== 200) throw new Error(`openapi.json answered ${response.statusCode}`);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, response.body);
  console.log(`OpenAPI document written to ${path.relative(process.cwd(), target)}`);
} finally {
  await app.close();
}
