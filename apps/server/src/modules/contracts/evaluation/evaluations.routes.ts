import {
  contractEvaluationCreateSchema,
  contractEvaluationSchema,
  contractEvaluationViewSchema,
  idParamsSchema,
} from '@concord/contracts';
import { defineRoute, type RouteDefinition } from '../../../platform/http/index.js';
import type { ContractEvaluationsService } from './evaluations.service.js';

export function contractEvaluationRoutes(evaluations: ContractEvaluationsService): RouteDefinition[] {
  const tags = ['contracts'];
  return [
    defineRoute({
      method: 'GET',
      url: '/contracts/:id/evaluation',
      summary: "A contract's closing evaluation and its category's criteria",
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      response: contractEvaluationViewSchema,
      handler: ({ ctx, params }) => evaluations.view(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/:id/evaluation',
      status: 201,
      summary:
        'Evaluate a contract against its category’s weighted criteria (once; recomputes the partner rating)',
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      body: contractEvaluationCreateSchema,
      response: contractEvaluationSchema,
      handler: ({ ctx, params, body }) => evaluations.create(ctx, params.id, body),
    }),
  ];
}
