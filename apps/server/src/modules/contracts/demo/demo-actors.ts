import type { ContractsDemoServices as Services } from './demo-services.js';
import type { RequestContext } from '../../../platform/http/index.js';

/** A demo user's context in their home entity, as seeding acts on their behalf. */
export async function demoContext(services: Services, username: string): Promise<RequestContext> {
  const user = await services.users.findByUsername(username);
  if (!user) throw new Error(`demo user ${username} missing`);
  return services.auth.contextForUser(user.id, user.entity_id, 'seed-demo');
}

/**
 * Approves every open task of an instance, as whoever holds it, until it ends (or nobody can act):
 * demo documents reach "approved" through the engine, like any other.
 */
export async function approveAll(services: Services, instanceId: string): Promise<void> {
  const system = services.systemContext('seed-demo');
  const usernames = (await services.users.list(system, { page: 1, pageSize: 200 })).items.map(
    (u) => u.username,
  );
  for (let round = 0; round < 10; round++) {
    let acted = false;
    for (const username of usernames) {
      const ctx = await demoContext(services, username);
      const detail = await services.workflowViews.detail(ctx, instanceId).catch(() => null);
      if (!detail?.myTask) continue;
      await services.workflow.act(ctx, instanceId, {
        action: 'approve',
        taskId: detail.myTask.taskId,
        comment: '同意',
      });
      acted = true;
    }
    if (!acted) return;
  }
}
