import {
  contractOversightCountsQuerySchema,
  contractOversightCountsSchema,
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
      summary:
        'Group oversight: rule breaches across the subsidiaries in scope, paged by keyset (never counted)',
      tags,
      querystring: contractOversightQuerySchema,
      response: contractOversightPageSchema,
      handler: ({ ctx, query }) => oversight.list(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-oversight/counts',
      summary: 'Group oversight: breaches per kind in scope, each counted up to a cap',
      tags,
      querystring: contractOversightCountsQuerySchema,
      response: contractOversightCountsSchema,
      handler: ({ ctx, query }) => oversight.counts(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-oversight/export',
      summary: 'Export the oversight list to .xlsx (streamed by keyset, in the list’s order)',
      tags,
      download: true,
      querystring: contractOversightExportQuerySchema,
      handler: ({ ctx, query }, reply) => oversight.export(ctx, query, reply),
    }),
  ];
}
