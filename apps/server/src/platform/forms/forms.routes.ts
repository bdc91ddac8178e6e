import {
  formAvailableQuerySchema,
  formDefinitionCreateSchema,
  formDefinitionListQuerySchema,
  formDefinitionSchema,
  formDefinitionUpdateSchema,
  idParamsSchema,
  pageOf,
} from '@concord/contracts';
import { defineRoute, type RouteDefinition } from '../http/index.js';
import type { FormsService } from './forms.service.js';

export function formsRoutes(forms: FormsService): RouteDefinition[] {
  const tags = ['forms'];
  return [
    defineRoute({
      method: 'GET',
      url: '/forms',
      summary: 'List form definitions (group-wide ones and those of entities in scope)',
      tags,
      querystring: formDefinitionListQuerySchema,
      response: pageOf(formDefinitionSchema),
      handler: ({ ctx, query }) => forms.list(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/forms/available',
      summary: 'Active forms I may submit in the entity I act in',
      tags,
      querystring: formAvailableQuerySchema,
      response: pageOf(formDefinitionSchema),
      handler: ({ ctx, query }) => forms.available(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/forms/:id',
      summary: 'Get a form definition',
      tags,
      recordType: 'formDefinition',
      params: idParamsSchema,
      response: formDefinitionSchema,
      handler: ({ ctx, params }) => forms.get(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/forms',
      status: 201,
      summary: 'Create a form definition',
      tags,
      body: formDefinitionCreateSchema,
      response: formDefinitionSchema,
      handler: ({ ctx, body }) => forms.create(ctx, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/forms/:id',
      summary: 'Update a form definition (its code and entity stay)',
      tags,
      recordType: 'formDefinition',
      params: idParamsSchema,
      body: formDefinitionUpdateSchema,
      response: formDefinitionSchema,
      handler: ({ ctx, params, body }) => forms.update(ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/forms/:id',
      status: 204,
      summary: 'Delete a form definition',
      tags,
      recordType: 'formDefinition',
      params: idParamsSchema,
      handler: async ({ ctx, params }) => {
        await forms.remove(ctx, params.id);
        return { ok: true as const };
      },
    }),
  ];
}
