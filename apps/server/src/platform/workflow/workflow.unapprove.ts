import type { Command } from './workflow.commands.js';
import { type Ctx, findNodeInstance, findTask, graphNode, log } from './workflow.context.js';
import { WorkflowError } from './workflow.errors.js';
import { cancelTask, cancelTimers } from './workflow.closing.js';
import { isOpenTask, type WfNodeInstanceRow } from './workflow.state.js';

type TaskCmd<T extends Command['type']> = Extract<Command, { type: T }>;

/**
 * 撤回 by an approver: reopens their approval while the flow after it is untouched. Node instances
 * the completion created (following `fromId`) are cancelled; any human decision there is a 409.
 */
export function unapprove(ctx: Ctx, cmd: TaskCmd<'unapprove'>) {
  if (!ctx.s.graph.settings.approverWithdraw) {
    throw new WorkflowError('ACTION_DISABLED', 'approvers may not withdraw in this flow', {
      button: 'unapprove',
    });
  }
  if (ctx.s.instance.status !== 'RUNNING')
    throw new WorkflowError('INVALID_STATE', `the instance is ${ctx.s.instance.status}`);
  const task = findTask(ctx, cmd.taskId);
  if (task.decidedBy !== cmd.actorId)
    throw new WorkflowError('NOT_ASSIGNEE', 'only who approved may withdraw it');
  if (task.status !== 'APPROVED') throw new WorkflowError('INVALID_STATE', `this task is ${task.status}`);
  const ni = findNodeInstance(ctx, task.nodeInstanceId);
  if (ni.status === 'COMPLETED') reopenNode(ctx, ni);
  else if (ni.status !== 'ACTIVE') throw new WorkflowError('INVALID_STATE', `the node is ${ni.status}`);
  // 依次: whoever the approval had activated waits again until this task is decided anew.
  if (ni.mode === 'seq') {
    for (const t of ctx.s.tasks) {
      if (t.nodeInstanceId === ni.id && t.seq > task.seq && t.status === 'PENDING' && t.signType === null)
        t.status = 'WAIT';
    }
  }
  task.status = 'PENDING';
  task.decidedAt = null;
  task.decidedBy = null;
  task.comment = null;
  log(ctx, 'UNAPPROVE', 'USER_ACTION', {
    actorId: cmd.actorId,
    onBehalfOf: task.proxyForId,
    nodeId: task.nodeId,
    nodeInstanceId: task.nodeInstanceId,
    taskId: task.id,
  });
}

function reopenNode(ctx: Ctx, ni: WfNodeInstanceRow) {
  const downstream: WfNodeInstanceRow[] = [];
  const frontier = [ni.id];
  while (frontier.length > 0) {
    const from = frontier.pop()!;
    for (const n of ctx.s.nodes) {
      if (n.fromId === from && n.createdSeq > ni.createdSeq && !downstream.includes(n)) {
        downstream.push(n);
        frontier.push(n.id);
      }
    }
  }
  const ids = new Set(downstream.map((n) => n.id));
  const acted = ctx.s.tasks.some(
    (t) => ids.has(t.nodeInstanceId) && t.decidedBy !== null && t.decidedBy !== 'system' && !isOpenTask(t),
  );
  if (acted) throw new WorkflowError('NEXT_NODE_ACTED', 'the next approver has already acted');
  for (const n of downstream) {
    for (const t of ctx.s.tasks)
      if (t.nodeInstanceId === n.id && isOpenTask(t)) cancelTask(ctx, t, 'UNAPPROVED');
    cancelTimers(ctx, n.id);
    if (n.status === 'ACTIVE' || n.status === 'WAITING' || n.status === 'COMPLETED') n.status = 'CANCELED';
    n.finishedAt = ctx.now;
  }
  for (const join of ctx.s.joins)
    if (join.branchNodeInstanceId && ids.has(join.branchNodeInstanceId)) join.done = true;
  // The token had left this node: take it back from the join it reached, if any.
  const join =
    graphNode(ctx, ni.nodeId).next === null ? ctx.s.joins.find((j) => j.id === ni.joinId) : undefined;
  if (join) {
    join.arrived = Math.max(0, join.arrived - 1);
    join.done = false;
  }
  ni.status = 'ACTIVE';
  ni.finishedAt = null;
  // Or-sign peers closed by this approval get their tasks back.
  for (const t of ctx.s.tasks) {
    if (
      t.nodeInstanceId === ni.id &&
      t.status === 'CANCELED' &&
      (t.autoReason === 'OR_SIGN_DECIDED' || t.autoReason === 'NODE_DECIDED')
    ) {
      t.status = 'PENDING';
      t.autoReason = null;
      t.decidedAt = null;
      t.decidedBy = null;
    }
  }
}
