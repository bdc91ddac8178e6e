import { idParamsSchema, idSchema } from '@concord/contracts';
import { z } from 'zod';
import { defineRoute, type RouteDefinition } from '../http/index.js';
import type { FormSubmissionsService } from './form-submissions.service.js';

const submissionBodySchema = z.strictObject({
  /** Field values by key; validated against the form definition on the server. */
  data: z.record(z.string().max(64), z.unknown()),
  /** nodeId → users chosen by the initiator, for 发起人自选 approver nodes. */
  selections: z.record(z.string().max(64), z.array(idSchema).max(20)).optional(),
});

export function formSubmissionsRoutes(submissions: FormSubmissionsService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/forms/:id/submissions',
      status: 201,
      summary: 'Submit a form: validates it and starts its approval',
      tags: ['forms'],
      recordType: 'formDefinition',
      params: idParamsSchema,
      body: submissionBodySchema,
      response: z.object({ submissionId: idSchema, instanceId: idSchema }),
      handler: ({ ctx, params, body }) => submissions.submit(ctx, params.id, body),
    }),
  ];
}
