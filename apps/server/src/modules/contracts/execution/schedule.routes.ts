import { contractScheduleReplaceSchema, contractScheduleSchema, idParamsSchema } from '@concord/contracts';
import { defineRoute, type RouteDefinition } from '../../../platform/http/index.js';
import type { ContractScheduleService } from './schedule.service.js';

/** Payment/receipt plans of a contract: read with figures, replaced as a whole. */
export function contractScheduleRoutes(schedule: ContractScheduleService): RouteDefinition[] {
  const one = { tags: ['contract execution'], recordType: 'contract', params: idParamsSchema };
  return [
    defineRoute({
      method: 'GET',
      url: '/contracts/:id/schedule',
      summary:
        'The payment or receipt plan of a contract, with paid/requested/invoiced/accepted figures and totals',
      ...one,
      response: contractScheduleSchema,
      handler: ({ ctx, params }) => schedule.get(ctx, params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/contracts/:id/schedule',
      summary:
        'Replace the plan: items sum to the executable amount; no item below what is paid or requested',
      ...one,
      body: contractScheduleReplaceSchema,
      response: contractScheduleSchema,
      handler: ({ ctx, params, body }) => schedule.replace(ctx, params.id, body),
    }),
  ];
}
