import { z } from 'zod';
import type { RequestContext } from '../http/index.js';
import { defineJob, type JobDefinition } from '../jobs/index.js';
import { WORKFLOW_TIMER_JOB, type WorkflowService } from './workflow.service.js';
import { callWebhook, WORKFLOW_WEBHOOK_JOB } from './workflow.webhook.js';

const httpSpec = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  url: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.string().optional(),
  responseMap: z.record(z.string(), z.string()).optional(),
});

/**
 * Reminders, timeouts and delays: each pending timer is a job that runs at its time. Trigger nodes:
 * each attempt is a job that makes the HTTP call and reports the outcome to the core, which decides
 * on retries (new jobs) or halting; only infrastructure errors make the job itself fail.
 */
export function workflowJobs(engine: WorkflowService, systemContext: () => RequestContext): JobDefinition[] {
  return [
    defineJob({
      type: WORKFLOW_TIMER_JOB,
      payload: z.object({ instanceId: z.string(), timerId: z.string() }),
      handler: async (payload) => {
        await engine.fireTimer(payload.instanceId, payload.timerId, systemContext());
      },
    }),
    defineJob({
      type: WORKFLOW_WEBHOOK_JOB,
      payload: z.object({
        instanceId: z.string(),
        nodeInstanceId: z.string(),
        attempt: z.number().int().min(1),
        idempotencyKey: z.string(),
        http: httpSpec,
      }),
      handler: async (payload) => {
        const outcome = await callWebhook(payload.http, payload.idempotencyKey);
        await engine.webhookResult(
          payload.instanceId,
          payload.nodeInstanceId,
          payload.attempt,
          outcome,
          systemContext(),
        );
      },
    }),
  ];
}
