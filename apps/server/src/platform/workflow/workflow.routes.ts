import {
  idParamsSchema,
  pageOf,
  wfActionBodySchema,
  wfCountsSchema,
  wfDefinitionCreateSchema,
  wfDefinitionSchema,
  wfDefinitionSummarySchema,
  wfDefinitionUpdateSchema,
  wfInstanceDetailSchema,
  wfListItemSchema,
  wfBusinessTypeSchema,
  wfPendingTaskQuerySchema,
  wfPendingTaskSchema,
  wfPreviewBodySchema,
  wfPreviewResultSchema,
  wfProxyListQuerySchema,
  wfProxyRuleCreateSchema,
  wfProxyRuleSchema,
  wfTaskListQuerySchema,
  wfValidateBodySchema,
  wfValidateResultSchema,
} from '@concord/contracts';
import { z } from 'zod';
import { defineRoute, type RouteDefinition } from '../http/index.js';
import type { WorkflowDefinitionsService } from './workflow.definitions.service.js';
import type { WorkflowProxiesService } from './workflow.proxies.js';
import type { WorkflowService } from './workflow.service.js';
import type { ApprovalSubjects } from './workflow.subjects.js';
import type { WorkflowViews } from './workflow.views.js';

export function workflowRoutes(
  definitions: WorkflowDefinitionsService,
  engine: WorkflowService,
  views: WorkflowViews,
  proxies?: WorkflowProxiesService,
  subjects?: ApprovalSubjects,
): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/workflow/definitions',
      summary: 'List approval flow definitions',
      tags: ['workflow'],
      response: z.object({ items: z.array(wfDefinitionSummarySchema) }),
      handler: async ({ ctx }) => ({ items: await definitions.list(ctx) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/workflow/definitions/:id',
      summary: 'Get a flow definition with its draft and versions',
      tags: ['workflow'],
      recordType: 'workflowDefinition',
      params: idParamsSchema,
      response: wfDefinitionSchema,
      handler: ({ ctx, params }) => definitions.get(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/workflow/definitions',
      status: 201,
      summary: 'Create a flow definition bound to a business type',
      tags: ['workflow'],
      body: wfDefinitionCreateSchema,
      response: wfDefinitionSchema,
      handler: ({ ctx, body }) => definitions.create(ctx, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/workflow/definitions/:id',
      summary: 'Update a definition or save its draft flow',
      tags: ['workflow'],
      recordType: 'workflowDefinition',
      params: idParamsSchema,
      body: wfDefinitionUpdateSchema,
      response: wfDefinitionSchema,
      handler: ({ ctx, params, body }) => definitions.update(ctx, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/workflow/definitions/:id/publish',
      summary: 'Compile the draft and publish it as the next version (400 lists compile errors)',
      tags: ['workflow'],
      recordType: 'workflowDefinition',
      params: idParamsSchema,
      body: z.strictObject({}),
      response: wfDefinitionSchema,
      handler: ({ ctx, params }) => definitions.publish(ctx, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/workflow/business-types',
      summary: 'The business types modules approve through the engine, by name (forms add theirs)',
      tags: ['workflow'],
      response: z.array(wfBusinessTypeSchema),
      handler: async ({ ctx }) => {
        await ctx.access.require('workflow.definition.view');
        return subjects?.businessTypes(ctx.locale) ?? [];
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/workflow/validate',
      summary: 'Compile a flow and list its errors (for the designer)',
      tags: ['workflow'],
      body: wfValidateBodySchema,
      response: wfValidateResultSchema,
      handler: ({ ctx, body }) => definitions.validate(ctx, body.flow, { entityId: body.entityId }),
    }),
    defineRoute({
      method: 'GET',
      url: '/workflow/admin/tasks',
      summary:
        'The approval monitor: tasks waiting on someone, in the administrator’s scope (move them by a transfer action)',
      tags: ['workflow'],
      querystring: wfPendingTaskQuerySchema,
      response: pageOf(wfPendingTaskSchema),
      handler: ({ ctx, query }) => views.pendingTasks(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/workflow/tasks',
      summary: 'The approval centre: todo, done, initiated and CC lists',
      tags: ['workflow'],
      querystring: wfTaskListQuerySchema,
      response: pageOf(wfListItemSchema),
      responseAsBuilt: true,
      handler: ({ ctx, query }) => views.list(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/workflow/tasks/counts',
      summary: 'Counts for the approval centre tabs',
      tags: ['workflow'],
      response: wfCountsSchema,
      handler: ({ ctx }) => views.counts(ctx),
    }),
    defineRoute({
      method: 'GET',
      url: '/workflow/instances/:id',
      summary: 'An approval with its form, path, timeline and the viewer’s allowed actions',
      tags: ['workflow'],
      recordType: 'workflowInstance',
      params: idParamsSchema,
      response: wfInstanceDetailSchema,
      handler: ({ ctx, params }) => views.detail(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/workflow/instances/:id/actions',
      summary: 'Approve, reject, return, transfer, add signers, withdraw, remind, ... (409 when stale)',
      tags: ['workflow'],
      recordType: 'workflowInstance',
      params: idParamsSchema,
      body: wfActionBodySchema,
      response: wfInstanceDetailSchema,
      responseAsBuilt: true,
      handler: async ({ ctx, params, body }) => {
        await engine.act(ctx, params.id, body);
        return views.detail(ctx, params.id);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/workflow/preview',
      summary: 'The approvers a document would meet, before submitting it',
      tags: ['workflow'],
      body: wfPreviewBodySchema,
      response: wfPreviewResultSchema,
      handler: ({ ctx, body }) => views.preview(ctx, body),
    }),
    ...(proxies ? proxyRoutes(proxies) : []),
  ];
}

/** Proxy while away (审批代理): each user manages their own rules. */
function proxyRoutes(proxies: WorkflowProxiesService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/workflow/proxies',
      summary: 'My proxy rules; view=all lists every rule in the approval administrator’s scope',
      tags: ['workflow'],
      querystring: wfProxyListQuerySchema,
      response: z.object({ items: z.array(wfProxyRuleSchema) }),
      handler: async ({ ctx, query }) => ({ items: await proxies.list(ctx, query.view) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/workflow/proxies',
      status: 201,
      summary: 'Name a proxy who takes my approvals for a period (400 when it overlaps another rule)',
      tags: ['workflow'],
      body: wfProxyRuleCreateSchema,
      response: wfProxyRuleSchema,
      handler: ({ ctx, body }) => proxies.create(ctx, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/workflow/proxies/:id',
      status: 204,
      summary: 'Remove a proxy rule (its owner, or an approval administrator in scope)',
      tags: ['workflow'],
      recordType: 'workflowProxyRule',
      params: idParamsSchema,
      handler: async ({ ctx, params }) => {
        await proxies.remove(ctx, params.id);
        return { ok: true as const };
      },
    }),
  ];
}
