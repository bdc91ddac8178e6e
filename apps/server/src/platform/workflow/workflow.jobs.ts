import { z } from 'zod';
import type { RequestContext } from '../http/context.js';
import { defineJob, type JobDefinition } from '../jobs/index.js';
import { WORKFLOW_TIMER_JOB, type WorkflowService } from './workflow.service.js';

/** Reminders, timeouts and delays: each pending timer is a job that runs at its time. */
export function workflowJobs(engine: WorkflowService, systemContext: () => RequestContext): JobDefinition[] {
  return [
    defineJob({
      type: WORKFLOW_TIMER_JOB,
      payload: z.object({ instanceId: z.string(), timerId: z.string() }),
      handler: async (payload) => {
        await engine.fireTimer(payload.instanceId, payload.timerId, systemContext());
      },
    }),
  ];
}
