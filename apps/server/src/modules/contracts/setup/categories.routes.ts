import {
  contractCategoryCreateSchema,
  contractCategoryListQuerySchema,
  contractCategoryListSchema,
  contractCategorySchema,
  contractCategoryUpdateSchema,
  idParamsSchema,
} from '@concord/contracts';
import { defineRoute, type RouteDefinition } from '../../../platform/http/index.js';
import type { ContractCategoriesService } from './categories.service.js';

export function contractCategoriesRoutes(categories: ContractCategoriesService): RouteDefinition[] {
  const tags = ['contract categories'];
  return [
    defineRoute({
      method: 'GET',
      url: '/contract-categories',
      summary: 'The contract category tree (flat, parents before children)',
      tags,
      querystring: contractCategoryListQuerySchema,
      response: contractCategoryListSchema,
      handler: ({ ctx, query }) => categories.list(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-categories/:id',
      summary: 'Get a contract category',
      tags,
      recordType: 'contractCategory',
      params: idParamsSchema,
      response: contractCategorySchema,
      handler: ({ ctx, params }) => categories.get(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/contract-categories',
      status: 201,
      summary: 'Create a contract category',
      tags,
      body: contractCategoryCreateSchema,
      response: contractCategorySchema,
      handler: ({ ctx, body }) => categories.create(ctx, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/contract-categories/:id',
      summary: 'Update a contract category (its code stays)',
      tags,
      recordType: 'contractCategory',
      params: idParamsSchema,
      body: contractCategoryUpdateSchema,
      response: contractCategorySchema,
      handler: ({ ctx, params, body }) => categories.update(ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/contract-categories/:id',
      status: 204,
      summary: 'Delete a contract category without children that no contract or plan line uses',
      tags,
      recordType: 'contractCategory',
      params: idParamsSchema,
      handler: async ({ ctx, params }) => {
        await categories.remove(ctx, params.id);
        return { ok: true as const };
      },
    }),
  ];
}
