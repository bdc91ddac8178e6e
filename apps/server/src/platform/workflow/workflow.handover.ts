import type { Db } from '../../db/index.js';
import { AppError, type RequestContext } from '../http/index.js';
import type { HandoverTarget, OpenWorkKind } from '../org/index.js';
import type { Command } from './workflow.commands.js';
import type { MemoryOrg } from './workflow.org.js';
import * as repo from './workflow.monitor.repository.js';
import type { WorkflowService } from './workflow.service.js';
import type { WorkflowState } from './workflow.state.js';

const handoverComment = { 'zh-CN': '离职交接', 'en-US': 'Handed over: the approver left' } as const;

/**
 * A leaving user's approval tasks (their turn now, or later in a sequence), moved by an
 * administrator's forced transfer, so each move is in the instance's log ("A → B, 离职交接") and the
 * new approver is notified as for any transfer.
 */
export function approvalTasksHandover(workflow: WorkflowService): OpenWorkKind {
  return {
    kind: 'approvalTasks',
    async openWork(db: Db, userId: string, limit: number) {
      const [count, rows] = await Promise.all([
        repo.heldTaskCount(db, userId),
        repo.heldTaskPage(db, userId, limit),
      ]);
      return {
        count,
        items: rows.map((row) => ({
          id: row.task_key,
          title: row.title,
          link: `/approvals/${row.instance_id}`,
          detail: row.node_name,
        })),
      };
    },
    async handOver(trx: Db, ctx: RequestContext, fromUserId: string, target: HandoverTarget) {
      let moved = 0;
      for (const instanceId of await repo.instancesWithHeldTasks(trx, fromUserId)) {
        moved += await workflow.applyInTransaction(trx, ctx, instanceId, 'handover', (state, org) =>
          transfersOf(state, org, ctx, fromUserId, target),
        );
      }
      return moved;
    },
  };
}

function transfersOf(
  state: WorkflowState,
  org: MemoryOrg,
  ctx: RequestContext,
  fromUserId: string,
  target: HandoverTarget,
): Command[] {
  const successor = successorIn(state, org, fromUserId, target);
  if (!successor) throw new AppError('HANDOVER_NO_SUCCESSOR', { detail: state.instance.title });
  return state.tasks
    .filter((t) => t.assigneeId === fromUserId && (t.status === 'PENDING' || t.status === 'WAIT'))
    .map((task) => ({
      type: 'transfer',
      taskId: task.id,
      toUserId: successor,
      actorId: ctx.actor?.userId ?? 'system',
      asAdmin: true,
      comment: handoverComment[ctx.locale],
    }));
}

/** Who takes over in this approval: the person named, the leaver's supervisor, or the flow's administrators. */
function successorIn(
  state: WorkflowState,
  org: MemoryOrg,
  fromUserId: string,
  target: HandoverTarget,
): string | null {
  if (target.to === 'user') return target.userId;
  const usable = (ids: string[]) => ids.find((id) => id !== fromUserId && org.isActive(id)) ?? null;
  const admins = state.graph.settings.admins?.length ? state.graph.settings.admins : org.admins;
  if (target.to === 'supervisor') {
    const supervisor = usable(org.supervisorLadder(fromUserId).flat());
    if (supervisor) return supervisor;
  }
  return usable(admins);
}
