import {
  contractOversightExportQuerySchema,
  contractOversightPageSchema,
  contractOversightQuerySchema,
} from '@concord/contracts';
import { defineRoute, type RouteDefinition } from '../../../platform/http/index.js';
import type { ContractOversightService } from './oversight.service.js';

export function contractOversightRoutes(oversight: ContractOversightService): RouteDefinition[] {
  const tags = ['contracts'];
  return [
    defineRoute({
      method: 'GET',
      url: '/contract-oversight',
      summary: 'Group oversight: rule breaches across the subsidiaries in scope, paged, by kind',
      tags,
      querystring: contractOversightQuerySchema,
      response: contractOversightPageSchema,
      handler: ({ ctx, query }) => oversight.list(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-oversight/export',
      summary: 'Export the oversight list to .xlsx (streamed)',
      tags,
      download: true,
      querystring: contractOversightExportQuerySchema,
      handler: ({ ctx, query }, reply) => oversight.export(ctx, query, reply),
    }),
  ];
}
