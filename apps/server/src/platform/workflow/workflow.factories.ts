/**
 * Factories of approval flows for tests and for the demo seed: a flow definition created and
 * published (schema-checked like the API's body), and an approval of one's own open task. They
 * write through the services, so every row is validated and audited like an API write.
 */
import { type WfFlow, wfDefinitionCreateSchema } from '@concord/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../http/index.js';
import type { WorkflowDefinitionsService } from './workflow.definitions.service.js';
import type { WorkflowService } from './workflow.service.js';
import type { WorkflowViews } from './workflow.views.js';

type DefinitionInput = Omit<z.input<typeof wfDefinitionCreateSchema>, 'flow'> & { flow: WfFlow };

/** A flow definition bound to a business type, created and published as its first version. */
export async function publishedFlow(
  services: { workflowDefinitions: WorkflowDefinitionsService },
  ctx: RequestContext,
  input: DefinitionInput,
) {
  const created = await services.workflowDefinitions.create(ctx, wfDefinitionCreateSchema.parse(input));
  return services.workflowDefinitions.publish(ctx, created.id);
}

/** Approves the caller's open task of an approval; refuses when the caller holds none. */
export async function approveOwnTask(
  services: { workflowViews: WorkflowViews; workflow: WorkflowService },
  ctx: RequestContext,
  instanceId: string,
  comment = '同意',
): Promise<void> {
  const task = (await services.workflowViews.detail(ctx, instanceId)).myTask;
  if (!task) throw new Error(`${ctx.actor?.userId ?? 'the caller'} holds no task of approval ${instanceId}`);
  await services.workflow.act(ctx, instanceId, { action: 'approve', taskId: task.taskId, comment });
}

/** The workflow factories, as the part's index exports them. */
export const workflowFactories = { publishedFlow, approveOwnTask };
