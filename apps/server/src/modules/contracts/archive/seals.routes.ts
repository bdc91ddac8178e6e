import {
  idParamsSchema,
  pageOf,
  sealRequestCreateSchema,
  sealRequestListQuerySchema,
  sealRequestSchema,
  sealRequestUsedSchema,
} from '@concord/contracts';
import { defineRoute, type RouteDefinition } from '../../../platform/http/index.js';
import type { ContractSealsService } from './seals.service.js';

export function contractSealsRoutes(seals: ContractSealsService): RouteDefinition[] {
  const tags = ['contracts'];
  return [
    defineRoute({
      method: 'GET',
      url: '/contracts/:id/seals',
      summary: "A contract's seal use requests",
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      querystring: sealRequestListQuerySchema,
      response: pageOf(sealRequestSchema),
      handler: ({ ctx, params, query }) => seals.list(ctx, params.id, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/:id/seals',
      status: 201,
      summary: "Request a seal on the contract's current version (starts its approval)",
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      body: sealRequestCreateSchema,
      response: sealRequestSchema,
      handler: ({ ctx, params, body }) => seals.request(ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-seals/:id',
      summary: 'Get a seal use request',
      tags,
      recordType: 'contractSeal',
      params: idParamsSchema,
      response: sealRequestSchema,
      handler: ({ ctx, params }) => seals.get(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/contract-seals/:id/used',
      summary: 'Record that an approved seal request was stamped (seal keeper)',
      tags,
      recordType: 'contractSeal',
      params: idParamsSchema,
      body: sealRequestUsedSchema,
      response: sealRequestSchema,
      handler: ({ ctx, params, body }) => seals.markUsed(ctx, params.id, body),
    }),
  ];
}
