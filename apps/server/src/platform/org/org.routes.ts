import {
  departmentCreateSchema,
  departmentListQuerySchema,
  departmentSchema,
  departmentUpdateSchema,
  entityCreateSchema,
  entitySchema,
  entityUpdateSchema,
  idParamsSchema,
  positionCreateSchema,
  positionListQuerySchema,
  positionSchema,
  positionUpdateSchema,
} from '@concord/contracts';
import { z } from 'zod';
import { defineRoute, type RouteDefinition } from '../http/index.js';
import type { OrgService } from './org.service.js';
import type { PositionsService } from './positions.service.js';

const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export function orgRoutes(org: OrgService, positions: PositionsService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/org/entities',
      summary: 'List legal entities (flat; build the tree from parentId)',
      tags: ['org'],
      response: itemsOf(entitySchema),
      handler: async ({ ctx }) => ({ items: await org.listEntities(ctx) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/org/entities/:id',
      summary: 'Get a legal entity',
      tags: ['org'],
      recordType: 'entity',
      params: idParamsSchema,
      response: entitySchema,
      handler: ({ ctx, params }) => org.getEntity(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/org/entities',
      status: 201,
      summary: 'Create a legal entity under a parent',
      tags: ['org'],
      body: entityCreateSchema,
      response: entitySchema,
      handler: ({ ctx, body }) => org.createEntity(ctx, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/org/entities/:id',
      summary: 'Update a legal entity',
      tags: ['org'],
      recordType: 'entity',
      params: idParamsSchema,
      body: entityUpdateSchema,
      response: entitySchema,
      handler: ({ ctx, params, body }) => org.updateEntity(ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/org/departments',
      summary: 'List departments (flat; build the tree from parentId)',
      tags: ['org'],
      querystring: departmentListQuerySchema,
      response: itemsOf(departmentSchema),
      handler: async ({ ctx, query }) => ({ items: await org.listDepartments(ctx, query.entityId) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/org/departments/:id',
      summary: 'Get a department',
      tags: ['org'],
      recordType: 'department',
      params: idParamsSchema,
      response: departmentSchema,
      handler: ({ ctx, params }) => org.getDepartment(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/org/departments',
      status: 201,
      summary: 'Create a department',
      tags: ['org'],
      body: departmentCreateSchema,
      response: departmentSchema,
      handler: ({ ctx, body }) => org.createDepartment(ctx, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/org/departments/:id',
      summary: 'Update a department (move, rename, change head)',
      tags: ['org'],
      recordType: 'department',
      params: idParamsSchema,
      body: departmentUpdateSchema,
      response: departmentSchema,
      handler: ({ ctx, params, body }) => org.updateDepartment(ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/org/departments/:id',
      status: 204,
      summary: 'Delete an empty department',
      tags: ['org'],
      recordType: 'department',
      params: idParamsSchema,
      handler: async ({ ctx, params }) => {
        await org.deleteDepartment(ctx, params.id);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/org/positions',
      summary: 'List positions',
      tags: ['org'],
      querystring: positionListQuerySchema,
      response: itemsOf(positionSchema),
      handler: async ({ ctx, query }) => ({ items: await positions.list(ctx, query.entityId) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/org/positions',
      status: 201,
      summary: 'Create a position',
      tags: ['org'],
      body: positionCreateSchema,
      response: positionSchema,
      handler: ({ ctx, body }) => positions.create(ctx, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/org/positions/:id',
      summary: 'Update a position',
      tags: ['org'],
      recordType: 'position',
      params: idParamsSchema,
      body: positionUpdateSchema,
      response: positionSchema,
      handler: ({ ctx, params, body }) => positions.update(ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/org/positions/:id',
      status: 204,
      summary: 'Delete an unused position',
      tags: ['org'],
      recordType: 'position',
      params: idParamsSchema,
      handler: async ({ ctx, params }) => {
        await positions.delete(ctx, params.id);
        return { ok: true as const };
      },
    }),
  ];
}
