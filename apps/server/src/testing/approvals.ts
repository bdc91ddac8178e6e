import { randomUUID } from 'node:crypto';
import type { Currency, WfFlow } from '@concord/contracts';
import type { ApiClient, TestApp } from './test-app.js';
import { workflowFactories } from '../platform/workflow/index.js';

/**
 * Starts an approval as a signed-in user the way a document's service does: inside a transaction,
 * in the entity and department the user acts in. Returns the instance id.
 */
export async function startApproval(
  app: TestApp,
  client: ApiClient,
  input: {
    businessType: string;
    title?: string;
    amount?: number | null;
    /** The document's currency; CNY unless the test is about another. */
    currency?: Currency;
    formData?: Record<string, unknown>;
    selections?: Record<string, string[]>;
  },
): Promise<string> {
  const ctx = await client.context(app.services);
  const actor = ctx.actor!;
  return app.services.db.transaction().execute((trx) =>
    app.services.workflow.start(trx, ctx, {
      businessType: input.businessType,
      subjectId: randomUUID(),
      title: input.title ?? `${input.businessType} ${randomUUID().slice(0, 6)}`,
      entityId: actor.actingEntityId,
      departmentId: actor.mainDepartmentId,
      amount: input.amount ?? null,
      currency: input.currency ?? 'CNY',
      category: null,
      formData: input.formData ?? {},
      selections: input.selections,
    }),
  );
}

/** Acts on an approval through the API with the user's open task, the lock version seen and a fresh request id. */
export async function actOnApproval(client: ApiClient, instanceId: string, action: Record<string, unknown>) {
  const detail = (await client.get(`/api/v1/workflow/instances/${instanceId}`)).json();
  return client.post(`/api/v1/workflow/instances/${instanceId}/actions`, {
    taskId: detail.myTask?.taskId,
    lockVersion: detail.lockVersion,
    requestId: randomUUID(),
    ...action,
  });
}

/** One approval step done by `approverId`: what most tests need to route a document to someone. */
export function oneStepFlow(approverId: string, step = { id: 'approve', name: '审批' }): WfFlow {
  return {
    schemaVersion: 1,
    settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
    root: {
      id: 'start',
      name: '发起',
      type: 'start',
      next: { ...step, type: 'approval', assignee: { users: [approverId] }, mode: 'or' },
    },
  } as WfFlow;
}

/**
 * Creates and publishes a one-step flow bound to a business type in an entity (and a category when
 * given), at a priority above the demo's flows so it wins for that entity. Returns the definition.
 */
export async function publishOneStepFlow(
  services: TestApp['services'],
  input: {
    key: string;
    name: string;
    businessType: string;
    entityId: string;
    category?: string;
    approverId: string;
    step?: { id: string; name: string };
  },
): Promise<{ id: string }> {
  return workflowFactories.publishedFlow(services, services.systemContext('test'), {
    key: input.key,
    name: input.name,
    businessType: input.businessType,
    entityId: input.entityId,
    ...(input.category ? { category: input.category } : {}),
    priority: 1000,
    flow: oneStepFlow(input.approverId, input.step),
  });
}
