import { randomUUID } from 'node:crypto';
import type { Currency } from '@concord/contracts';
import type { ApiClient, TestApp } from './test-app.js';

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
