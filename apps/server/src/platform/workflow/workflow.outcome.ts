import { cancelTask, cancelTimers, closeNodeWork, countedTasks, finishInstance } from './workflow.closing.js';
import { type Ctx, SYSTEM, graphNode, log, nodeDef, notify } from './workflow.context.js';
import { isOpenTask, type ReasonCode, type WfNodeInstanceRow } from './workflow.state.js';
import { continueAfter, type Step } from './workflow.steps.js';

/*
 * How a node ends: mode counting over a node's tasks, completion, rejection and returns. Each
 * does its closing work at once (and logs why) and returns the steps that move the flow on, for
 * the caller to `walk`.
 */

/** Re-counts a node after any task change and moves the flow on when the mode is decided. */
export function evaluateNode(ctx: Ctx, ni: WfNodeInstanceRow): Step[] {
  if (ni.status !== 'ACTIVE' || ctx.s.instance.status !== 'RUNNING') return [];
  const tasks = countedTasks(ctx, ni);
  const total = tasks.length;
  const approved = tasks.filter((t) => t.status === 'APPROVED').length;
  const rejected = tasks.filter((t) => t.status === 'REJECTED').length;
  const mode = ni.mode ?? 'and';
  if (mode === 'vote') {
    const ratio = ni.ratio ?? 100;
    if (approved * 100 >= ratio * total) return completeNode(ctx, ni, 'MODE_PASSED');
    // Fail early once the remaining voters can no longer reach the ratio.
    if ((total - rejected) * 100 < ratio * total) return rejectNode(ctx, ni, 'MODE_REJECTED');
    return [];
  }
  if (mode === 'or') {
    if (approved > 0) return completeNode(ctx, ni, 'OR_SIGN_DECIDED');
    if (rejected > 0) return rejectNode(ctx, ni, 'OR_SIGN_DECIDED');
    return [];
  }
  if (rejected > 0) return rejectNode(ctx, ni, 'MODE_REJECTED');
  if (approved === total) return completeNode(ctx, ni, 'ALL_PASSED');
  if (mode === 'seq' && !tasks.some((t) => t.status === 'PENDING' || t.status === 'APPROVING')) {
    const next = tasks.filter((t) => t.status === 'WAIT').sort((a, b) => a.seq - b.seq)[0];
    if (next) {
      next.status = 'PENDING';
      log(ctx, 'TASK_CREATE', 'SEQ_NEXT', { nodeId: ni.nodeId, nodeInstanceId: ni.id, taskId: next.id });
      notify(ctx, [next.assigneeId], 'TASK_ASSIGNED', { taskId: next.id, nodeId: ni.nodeId });
    }
  }
  return [];
}

export function completeNode(ctx: Ctx, ni: WfNodeInstanceRow, reason: ReasonCode): Step[] {
  closeNodeWork(ctx, ni, mode(ni) === 'or' ? 'OR_SIGN_DECIDED' : 'NODE_DECIDED');
  ni.status = 'COMPLETED';
  ni.finishedAt = ctx.now;
  log(ctx, 'NODE_COMPLETE', reason, { nodeId: ni.nodeId, nodeInstanceId: ni.id });
  const back = ctx.s.instance.returnInfo;
  if (ni.returnEntry && back?.resubmit === 'backToReturner' && back.fromNodeId !== ni.nodeId) {
    // The node returned to has looked again: go straight back to whoever returned (ES).
    ctx.s.instance.returnInfo = null;
    return [{ kind: 'enter', nodeId: back.fromNodeId, fromId: ni.id, returnEntry: true }];
  }
  if (ni.returnEntry) ctx.s.instance.returnInfo = null;
  return continueAfter(ctx, ni);
}

const mode = (ni: WfNodeInstanceRow) => ni.mode;

export function rejectNode(ctx: Ctx, ni: WfNodeInstanceRow, reason: ReasonCode): Step[] {
  closeNodeWork(ctx, ni, 'NODE_DECIDED');
  ni.status = 'REJECTED';
  ni.finishedAt = ctx.now;
  log(ctx, 'NODE_REJECT', reason, { nodeId: ni.nodeId, nodeInstanceId: ni.id });
  const g = graphNode(ctx, ni.nodeId);
  const def = g.type === 'approval' || g.type === 'handle' ? nodeDef<'approval'>(ctx, ni.nodeId) : null;
  const onReject = def?.onReject ?? { to: 'end' as const };
  if (onReject.to === 'end') {
    finishInstance(ctx, 'REJECTED', 'NODE_REJECTED');
    return [];
  }
  const target =
    onReject.to === 'node' && onReject.nodeId ? onReject.nodeId : previousApprovalNode(ctx, ni.nodeId);
  return returnFlow(ctx, ni, target, def?.resubmit ?? 'rerun', { actorId: SYSTEM, reason: 'NODE_REJECTED' });
}

/** The latest completed approval node upstream of `nodeId` (its "previous node"), else the start. */
export function previousApprovalNode(ctx: Ctx, nodeId: string): string {
  const upstream = graphNode(ctx, nodeId).upstream;
  const done = ctx.s.nodes
    .filter((n) => n.status === 'COMPLETED' && upstream.includes(n.nodeId) && n.nodeId !== nodeId)
    .filter((n) => ['approval', 'handle'].includes(graphNode(ctx, n.nodeId).type))
    .sort((a, b) => b.createdSeq - a.createdSeq);
  return done[0]?.nodeId ?? ctx.s.graph.rootId;
}

/**
 * Sends the flow back to `targetNodeId` (退回, or a reject with a return target): all open work is
 * closed, the epoch moves on (dedupe forgets older approvals) and the target is re-entered.
 */
export function returnFlow(
  ctx: Ctx,
  from: WfNodeInstanceRow,
  targetNodeId: string,
  resubmit: 'rerun' | 'backToReturner',
  by: { actorId: string; reason: ReasonCode; taskId?: string; comment?: string },
): Step[] {
  for (const task of ctx.s.tasks) if (isOpenTask(task)) cancelTask(ctx, task, 'RETURNED');
  cancelTimers(ctx, null);
  for (const ni of ctx.s.nodes) {
    if (ni.status === 'ACTIVE' || ni.status === 'WAITING') {
      ni.status = ni.id === from.id ? 'RETURNED' : 'CANCELED';
      ni.finishedAt = ctx.now;
    }
  }
  for (const join of ctx.s.joins) join.done = true;
  const { instance } = ctx.s;
  instance.epoch += 1;
  instance.returnInfo = { fromNodeId: from.nodeId, resubmit };
  log(ctx, 'RETURN', by.reason, {
    actorId: by.actorId,
    nodeId: from.nodeId,
    nodeInstanceId: from.id,
    taskId: by.taskId ?? null,
    comment: by.comment ?? null,
    detail: { target: targetNodeId },
  });
  if (targetNodeId === ctx.s.graph.rootId) {
    instance.status = 'RETURNED';
    notify(ctx, [instance.initiatorId], 'RETURNED', { nodeId: from.nodeId });
    return [];
  }
  return [{ kind: 'enter', nodeId: targetNodeId, fromId: from.id, returnEntry: true }];
}
