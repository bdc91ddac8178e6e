import {
  contractExceptionSchema,
  contractExceptionsExportQuerySchema,
  contractExceptionsQuerySchema,
  contractMatchingSchema,
  idParamsSchema,
  pageOf,
} from '@concord/contracts';
import { defineRoute, type RouteDefinition } from '../../../platform/http/index.js';
import type { ContractMatchingService } from './matching.service.js';

export function contractMatchingRoutes(matching: ContractMatchingService): RouteDefinition[] {
  const tags = ['contracts'];
  return [
    defineRoute({
      method: 'GET',
      url: '/contracts/:id/matching',
      summary:
        'Matching 款票物: paid vs invoiced vs accepted, per contract and per plan item, with tolerance. Figures tied to no plan item count on the items in plan order (due date, then position), filling each up to its planned amount, the rest on the last; the contract is MATCHED only when its totals and every line are',
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      response: contractMatchingSchema,
      handler: ({ ctx, params }) => matching.forContract(ctx, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-exceptions',
      summary:
        'Contracts whose paid, invoiced and accepted figures disagree beyond tolerance, in total or on a plan item',
      tags,
      querystring: contractExceptionsQuerySchema,
      response: pageOf(contractExceptionSchema),
      handler: ({ ctx, query }) => matching.exceptions(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-exceptions/export',
      summary: 'Export the filtered exceptions list to .xlsx (streamed)',
      tags,
      download: true,
      querystring: contractExceptionsExportQuerySchema,
      handler: ({ ctx, query }, reply) => matching.exportExceptions(ctx, query, reply),
    }),
  ];
}
