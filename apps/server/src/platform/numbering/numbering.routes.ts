import {
  idParamsSchema,
  numberingPreviewQuerySchema,
  numberingPreviewSchema,
  numberingRuleCreateSchema,
  numberingRuleListQuerySchema,
  numberingRuleSchema,
  numberingRuleUpdateSchema,
  pageOf,
} from '@concord/contracts';
import { defineRoute, type RouteDefinition } from '../http/index.js';
import type { NumberingService } from './numbering.service.js';

export function numberingRoutes(numbering: NumberingService): RouteDefinition[] {
  const tags = ['numbering'];
  return [
    defineRoute({
      method: 'GET',
      url: '/numbering/rules',
      summary: 'List numbering rules, each with the next number in the acting entity today',
      tags,
      querystring: numberingRuleListQuerySchema,
      response: pageOf(numberingRuleSchema),
      handler: ({ ctx, query }) => numbering.list(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/numbering/rules/:id',
      summary: 'Get a numbering rule',
      tags,
      recordType: 'numberingRule',
      params: idParamsSchema,
      response: numberingRuleSchema,
      handler: ({ ctx, params }) => numbering.get(ctx, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/numbering/rules/:id/preview',
      summary: 'The next number of a rule for an entity and date, without using it up',
      tags,
      recordType: 'numberingRule',
      params: idParamsSchema,
      querystring: numberingPreviewQuerySchema,
      response: numberingPreviewSchema,
      handler: ({ ctx, params, query }) => numbering.previewFor(ctx, params.id, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/numbering/rules',
      status: 201,
      summary: 'Create a numbering rule',
      tags,
      body: numberingRuleCreateSchema,
      response: numberingRuleSchema,
      handler: ({ ctx, body }) => numbering.create(ctx, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/numbering/rules/:id',
      summary: 'Update a numbering rule (its code stays)',
      tags,
      recordType: 'numberingRule',
      params: idParamsSchema,
      body: numberingRuleUpdateSchema,
      response: numberingRuleSchema,
      handler: ({ ctx, params, body }) => numbering.update(ctx, params.id, body),
    }),
  ];
}
