import { executionSettingsInputSchema, executionSettingsSchema, idParamsSchema } from '@concord/contracts';
import { z } from 'zod';
import { defineRoute, type RouteDefinition } from '../../../platform/http/index.js';
import type { ExecutionSettingsService } from './execution-settings.service.js';

/** Execution settings per entity; `:id` is the entity's id. */
export function executionSettingsRoutes(settings: ExecutionSettingsService): RouteDefinition[] {
  const tags = ['contracts'];
  return [
    defineRoute({
      method: 'GET',
      url: '/contract-settings',
      summary: 'Execution settings (matching tolerance, collection days) of every visible entity',
      tags,
      response: z.array(executionSettingsSchema),
      handler: ({ ctx }) => settings.list(ctx),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-settings/:id',
      summary: "The execution settings in force for an entity (its own, else the group's, else defaults)",
      tags,
      recordType: 'entity',
      params: idParamsSchema,
      response: executionSettingsSchema,
      handler: ({ ctx, params }) => settings.get(ctx, params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/contract-settings/:id',
      summary: "Save an entity's own execution settings (the group root's are the group default)",
      tags,
      recordType: 'entity',
      params: idParamsSchema,
      body: executionSettingsInputSchema,
      response: executionSettingsSchema,
      handler: ({ ctx, params, body }) => settings.save(ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/contract-settings/:id',
      summary: "Drop an entity's own execution settings so the group's apply again",
      tags,
      recordType: 'entity',
      params: idParamsSchema,
      response: executionSettingsSchema,
      handler: ({ ctx, params }) => settings.reset(ctx, params.id),
    }),
  ];
}
