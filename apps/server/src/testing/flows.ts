/** Approval flows for tests: one step done by a named user, published in an entity. */
import type { WfFlow } from '@concord/contracts';
import type { Services } from '../app.js';
import { workflowFactories } from '../platform/workflow/index.js';

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
  services: Services,
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
