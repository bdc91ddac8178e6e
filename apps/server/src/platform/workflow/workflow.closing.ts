import { type Ctx, SYSTEM, graphNode, log, nodeDef, notify } from './workflow.context.js';
import { isOpenTask, type ReasonCode, type WfNodeInstanceRow, type WfTaskRow } from './workflow.state.js';

/*
 * Closing work: cancelling tasks and timers, ending the instance, delivering CC copies. None of it
 * moves the flow on, so the walk (activation) and the outcomes of a node both use it.
 */

export function cancelTask(
  ctx: Ctx,
  task: WfTaskRow,
  reason: ReasonCode,
  status: 'CANCELED' | 'RETURNED' = 'CANCELED',
) {
  const wasActionable = task.status === 'PENDING' || task.status === 'APPROVING';
  task.status = status;
  task.autoReason = reason;
  task.decidedAt = ctx.now;
  task.decidedBy = SYSTEM;
  log(ctx, 'TASK_CANCEL', reason, {
    nodeId: task.nodeId,
    nodeInstanceId: task.nodeInstanceId,
    taskId: task.id,
  });
  // The cancelled task leaves the todo list; tell the person so a stale notification is not acted on.
  if (wasActionable)
    notify(ctx, [task.assigneeId], 'TASK_CANCELED', { taskId: task.id, nodeId: task.nodeId });
}

export function cancelTimers(ctx: Ctx, nodeInstanceId: string | null) {
  for (const timer of ctx.s.timers) {
    if (timer.status !== 'PENDING' || (nodeInstanceId !== null && timer.nodeInstanceId !== nodeInstanceId))
      continue;
    timer.status = 'CANCELED';
    ctx.effects.push({ kind: 'cancelTimer', timerId: timer.id });
  }
}

export function closeNodeWork(ctx: Ctx, ni: WfNodeInstanceRow, reason: ReasonCode) {
  for (const task of ctx.s.tasks)
    if (task.nodeInstanceId === ni.id && isOpenTask(task)) cancelTask(ctx, task, reason);
  cancelTimers(ctx, ni.id);
}

/** Tasks that count for the node's mode: main slots and parallel-added signers, not gates or opinions. */
export const countedTasks = (ctx: Ctx, ni: WfNodeInstanceRow) =>
  ctx.s.tasks.filter(
    (t) =>
      t.nodeInstanceId === ni.id &&
      (t.signType === null || t.signType === 'PARALLEL') &&
      t.status !== 'TRANSFERRED' &&
      t.status !== 'CANCELED',
  );

export function finishInstance(ctx: Ctx, status: 'APPROVED' | 'REJECTED', reason: ReasonCode) {
  const { instance } = ctx.s;
  instance.status = status;
  instance.finishedAt = ctx.now;
  const closeReason = status === 'REJECTED' ? 'REJECTED_ELSEWHERE' : 'NODE_DECIDED';
  for (const task of ctx.s.tasks) if (isOpenTask(task)) cancelTask(ctx, task, closeReason);
  cancelTimers(ctx, null);
  for (const ni of ctx.s.nodes) {
    if (ni.status === 'ACTIVE' || ni.status === 'WAITING') {
      ni.status = 'CANCELED';
      ni.finishedAt = ctx.now;
    }
  }
  deliverEndCc(ctx);
  log(ctx, status === 'APPROVED' ? 'INSTANCE_APPROVED' : 'INSTANCE_REJECTED', reason);
  notify(ctx, [instance.initiatorId], status);
  ctx.effects.push({ kind: 'subjectCallback', event: status === 'APPROVED' ? 'onApproved' : 'onRejected' });
}

/** CC nodes with `when: "end"` deliver on finish (approved or rejected), DingTalk's ccPosition FINISH. */
function deliverEndCc(ctx: Ctx) {
  for (const ni of ctx.s.nodes) {
    if (graphNode(ctx, ni.nodeId).type !== 'cc' || ni.status !== 'COMPLETED') continue;
    if ((nodeDef<'cc'>(ctx, ni.nodeId).when ?? 'reach') !== 'end') continue;
    addCcRows(ctx, ni.nodeId, ni.resolvedAssignees, 'node', 'CC_END');
  }
}

export function addCcRows(
  ctx: Ctx,
  nodeId: string | null,
  userIds: string[],
  source: 'node' | 'initiator' | 'approver',
  reason: ReasonCode,
  actorId: string = SYSTEM,
) {
  const fresh = [...new Set(userIds)].filter(
    (u) => !ctx.s.ccs.some((c) => c.userId === u && c.nodeId === nodeId),
  );
  for (const userId of fresh) {
    ctx.s.counter += 1;
    ctx.s.ccs.push({ id: `c${ctx.s.counter}`, nodeId, userId, source, createdAt: ctx.now, readAt: null });
  }
  log(ctx, source === 'node' ? 'CC' : 'ADD_CC', reason, { actorId, nodeId, detail: { users: fresh } });
  notify(ctx, fresh, 'CC', nodeId ? { nodeId } : {});
}
