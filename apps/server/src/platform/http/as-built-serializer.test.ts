/**
 * `responseAsBuilt` routes: production writes the handler's answer as it is; the test suite still
 * encodes it through the response schema and fails an answer the schema would change (an extra
 * field, a wrong type), so the plain write can only send what the schema allows.
 */
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkBuiltResponses,
  defineRoute,
  registeredRoutes,
  registerRoutes,
  routeCatalog,
} from './routes.js';

const row = z.object({ id: z.uuid(), amount: z.number().int(), note: z.string().nullable() });
const page = z.object({ items: z.array(row) });
const id = '0190f0c2-7b3a-7cde-8f00-0123456789ab';

async function serverAnswering(answer: unknown, check: boolean) {
  const app = Fastify({ logger: false });
  app.decorate(routeCatalog, []);
  app.decorate(registeredRoutes, []);
  app.decorate(checkBuiltResponses, check);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error: Error, _request, reply) => reply.status(500).send({ message: error.message }));
  registerRoutes(app, [
    defineRoute({
      method: 'GET',
      url: '/as-built',
      summary: 'test',
      tags: ['test'],
      auth: 'public',
      response: page,
      responseAsBuilt: true,
      handler: async () => answer as z.infer<typeof page>,
    }),
  ]);
  await app.ready();
  return (await app.inject({ method: 'GET', url: '/api/v1/as-built' })) as {
    statusCode: number;
    body: string;
  };
}

describe('responseAsBuilt serializer', () => {
  const exact = { items: [{ id, amount: 12_345, note: null }] };

  it('writes an answer of exactly the schema as it is, checked or not', async () => {
    for (const check of [true, false]) {
      const response = await serverAnswering(exact, check);
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(JSON.stringify(exact));
    }
  });

  it('fails, under the check, an answer the schema would change', async () => {
    const extra = { items: [{ ...exact.items[0], passwordHash: 'x' }] };
    const mistyped = { items: [{ ...exact.items[0], amount: '12345' }] };
    const missing = { items: [{ id, amount: 1 }] };
    for (const answer of [extra, mistyped, missing]) {
      const response = await serverAnswering(answer, true);
      expect(response.statusCode, JSON.stringify(answer)).toBe(500);
    }
    // Unchecked (production), the extra field would be written: that is what the check guards.
    expect((await serverAnswering(extra, false)).body).toContain('passwordHash');
  });
});
