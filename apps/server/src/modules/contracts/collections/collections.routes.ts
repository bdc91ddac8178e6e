import {
  contractOverdueExportQuerySchema,
  contractOverduePageSchema,
  contractOverdueQuerySchema,
  contractOverdueTotalsQuerySchema,
  contractOverdueTotalsResultSchema,
} from '@concord/contracts';
import { defineRoute, type RouteDefinition } from '../../../platform/http/index.js';
import type { ContractCollectionsService } from './collections.service.js';

export function contractCollectionsRoutes(collections: ContractCollectionsService): RouteDefinition[] {
  const tags = ['contracts'];
  return [
    defineRoute({
      method: 'GET',
      url: '/contract-overdue',
      summary:
        'Overdue receivables (or payables): plan items past due with money open, in scope, paged by keyset',
      tags,
      querystring: contractOverdueQuerySchema,
      response: contractOverduePageSchema,
      responseAsBuilt: true,
      handler: ({ ctx, query }) => collections.overdue(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-overdue/totals',
      summary:
        'Count and open amount per currency of the filtered overdue items (from the rollup where it answers; else summed, or capped)',
      tags,
      querystring: contractOverdueTotalsQuerySchema,
      response: contractOverdueTotalsResultSchema,
      handler: ({ ctx, query }) => collections.overdueTotals(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-overdue/export',
      summary: 'Export the filtered overdue list to .xlsx (streamed)',
      tags,
      download: true,
      querystring: contractOverdueExportQuerySchema,
      handler: ({ ctx, query }, reply) => collections.exportOverdue(ctx, query, reply),
    }),
  ];
}
