import type { WfApprovalNode } from '@concord/contracts';
import { walk } from './workflow.activation.js';
import { createTask } from './workflow.task-create.js';
import type { Command } from './workflow.commands.js';
import { cancelTask } from './workflow.closing.js';
import { type Ctx, findNodeInstance, findTask, graphNode, log, nodeDef, notify } from './workflow.context.js';
import { WorkflowError } from './workflow.errors.js';
import { evaluateNode, previousApprovalNode, returnFlow } from './workflow.outcome.js';
import { isOpenTask, type WfNodeInstanceRow, type WfTaskRow } from './workflow.state.js';

/*
 * A person's actions on a task: approve, reject, return, transfer, 加签/减签, 委派 (un-approve has
 * its own file).
 * Each checks who may act and the task's state first (403/409 before anything changes), then
 * changes the rows, logs with USER_ACTION (or ADMIN_FORCE), and re-counts the node.
 */

type TaskCmd<T extends Command['type']> = Extract<Command, { type: T }>;

const closedStatuses = ['APPROVED', 'REJECTED', 'RETURNED', 'TRANSFERRED', 'CANCELED', 'SKIPPED'];

/** Loads the task an action targets and refuses it when it is not this person's turn. */
function actionableTask(
  ctx: Ctx,
  cmd: { taskId: string; actorId: string; asAdmin?: boolean },
  adminMay = false,
  /** An administrator may move a task still waiting its turn (依次审批), as a handover must. */
  waitingToo = false,
) {
  if (ctx.s.instance.status !== 'RUNNING') {
    throw new WorkflowError('INVALID_STATE', `the instance is ${ctx.s.instance.status}`, {
      status: ctx.s.instance.status,
    });
  }
  const task = findTask(ctx, cmd.taskId);
  if (task.assigneeId !== cmd.actorId && !(adminMay && cmd.asAdmin)) {
    throw new WorkflowError('NOT_ASSIGNEE', 'this task is assigned to someone else', { taskId: task.id });
  }
  if (closedStatuses.includes(task.status)) {
    throw new WorkflowError('ALREADY_DECIDED', `this task is already ${task.status}`, {
      taskId: task.id,
      status: task.status,
    });
  }
  if (task.status !== 'PENDING' && !(waitingToo && task.status === 'WAIT')) {
    throw new WorkflowError('INVALID_STATE', `this task is ${task.status}, not waiting for a decision`, {
      taskId: task.id,
    });
  }
  const ni = findNodeInstance(ctx, task.nodeInstanceId);
  const def = nodeDef<'approval'>(ctx, task.nodeId);
  return { task, ni, def };
}

function requireButton(def: WfApprovalNode, button: keyof NonNullable<WfApprovalNode['buttons']>) {
  if (def.buttons?.[button] === false) {
    throw new WorkflowError('ACTION_DISABLED', `"${button}" is switched off on this node`, { button });
  }
}

const by = (task: WfTaskRow) => ({
  onBehalfOf: task.proxyForId,
  nodeId: task.nodeId,
  nodeInstanceId: task.nodeInstanceId,
  taskId: task.id,
});

function decideTask(
  ctx: Ctx,
  task: WfTaskRow,
  status: 'APPROVED' | 'REJECTED',
  actorId: string,
  comment?: string,
) {
  task.status = status;
  task.decidedAt = ctx.now;
  task.decidedBy = actorId;
  task.comment = comment ?? null;
}

export function approve(ctx: Ctx, cmd: TaskCmd<'approve'>) {
  const { task, ni, def } = actionableTask(ctx, cmd);
  if (task.signType === 'DELEGATE')
    throw new WorkflowError('INVALID_STATE', 'a delegate gives an opinion with delegateReply');
  if (def.commentRequired && !cmd.comment?.trim())
    throw new WorkflowError('COMMENT_REQUIRED', 'a comment is required here');
  if (def.signatureRequired && !cmd.signature)
    throw new WorkflowError('SIGNATURE_REQUIRED', 'a signature is required here');
  const formDiff = applyFormPatch(ctx, def, cmd.formPatch);
  if (cmd.selections) Object.assign(ctx.s.instance.variables.selections, cmd.selections);
  decideTask(ctx, task, 'APPROVED', cmd.actorId, cmd.comment);
  log(ctx, 'APPROVE', 'USER_ACTION', {
    ...by(task),
    actorId: cmd.actorId,
    comment: cmd.comment ?? null,
    formDiff,
  });
  afterTaskDecided(ctx, task, ni);
}

/** Only fields the node marks "edit" may change (read is the default for approvers). */
function applyFormPatch(ctx: Ctx, def: WfApprovalNode, patch: Record<string, unknown> | undefined) {
  if (!patch || Object.keys(patch).length === 0) return null;
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const [field, value] of Object.entries(patch)) {
    if (def.fieldPerms?.[field] !== 'edit') {
      throw new WorkflowError('FIELD_NOT_EDITABLE', `field "${field}" is not editable on this node`, {
        field,
      });
    }
    const before = ctx.s.instance.formData[field];
    if (before !== value) diff[field] = { before, after: value };
  }
  Object.assign(ctx.s.instance.formData, patch);
  return Object.keys(diff).length > 0 ? diff : null;
}

export function reject(ctx: Ctx, cmd: TaskCmd<'reject'>) {
  const { task, ni, def } = actionableTask(ctx, cmd);
  if (def.type === 'handle')
    throw new WorkflowError('ACTION_DISABLED', 'a handler node cannot reject', { button: 'reject' });
  if (task.signType === 'DELEGATE')
    throw new WorkflowError('INVALID_STATE', 'a delegate gives an opinion with delegateReply');
  if (def.commentRequired && !cmd.comment?.trim())
    throw new WorkflowError('COMMENT_REQUIRED', 'a comment is required here');
  decideTask(ctx, task, 'REJECTED', cmd.actorId, cmd.comment);
  log(ctx, 'REJECT', 'USER_ACTION', { ...by(task), actorId: cmd.actorId, comment: cmd.comment ?? null });
  afterTaskDecided(ctx, task, ni);
}

/** A signer's decision settles their gate first; a main task goes straight to the node count. */
function afterTaskDecided(ctx: Ctx, task: WfTaskRow, ni: WfNodeInstanceRow) {
  if (task.parentTaskId && (task.signType === 'BEFORE' || task.signType === 'AFTER')) {
    settleGate(ctx, findTask(ctx, task.parentTaskId), task.signType);
  }
  walk(ctx, evaluateNode(ctx, ni));
}

/**
 * 前加签: the parent waits (WAIT) until its signers pass, then it decides. 后加签: the parent's
 * approval stays APPROVING until its signers pass. A signer's rejection rejects the parent's slot.
 */
function settleGate(ctx: Ctx, parent: WfTaskRow, signType: 'BEFORE' | 'AFTER') {
  const expected = signType === 'BEFORE' ? 'WAIT' : 'APPROVING';
  if (parent.status !== expected) return;
  const group = ctx.s.tasks.filter(
    (t) =>
      t.parentTaskId === parent.id &&
      t.signType === signType &&
      t.status !== 'CANCELED' &&
      t.status !== 'TRANSFERRED',
  );
  const closeRest = () => {
    for (const t of group) if (isOpenTask(t)) cancelTask(ctx, t, 'NODE_DECIDED');
  };
  const rejecter = group.find((t) => t.status === 'REJECTED');
  if (rejecter) {
    closeRest();
    decideTask(ctx, parent, 'REJECTED', rejecter.decidedBy ?? 'system');
    parent.autoReason = 'MODE_REJECTED';
    log(ctx, 'REJECT', 'MODE_REJECTED', { ...by(parent), detail: { signer: rejecter.assigneeId } });
    return;
  }
  const mode = group[0]?.signMode ?? 'and';
  const approved = group.filter((t) => t.status === 'APPROVED').length;
  const passed = group.length === 0 || (mode === 'or' ? approved > 0 : approved === group.length);
  if (!passed) {
    if (mode === 'seq' && !group.some((t) => t.status === 'PENDING')) {
      const next = group.filter((t) => t.status === 'WAIT').sort((a, b) => a.seq - b.seq)[0];
      if (next) {
        next.status = 'PENDING';
        log(ctx, 'TASK_CREATE', 'SEQ_NEXT', by(next));
        notify(ctx, [next.assigneeId], 'TASK_ASSIGNED', { taskId: next.id, nodeId: next.nodeId });
      }
    }
    return;
  }
  closeRest();
  if (signType === 'BEFORE') {
    parent.status = 'PENDING';
    log(ctx, 'TASK_CREATE', 'SIGNERS_DONE', by(parent));
    notify(ctx, [parent.assigneeId], 'TASK_ASSIGNED', { taskId: parent.id, nodeId: parent.nodeId });
  } else {
    parent.status = 'APPROVED';
    parent.decidedAt = ctx.now;
    log(ctx, 'APPROVE', 'SIGNERS_DONE', by(parent));
  }
}

/** Nodes this task may return to under its node's `returnTo` rule; only traversed nodes qualify. */
export function returnTargets(ctx: Ctx, ni: WfNodeInstanceRow): string[] {
  const def = nodeDef<'approval'>(ctx, ni.nodeId);
  const { rootId } = ctx.s.graph;
  const traversed = new Set(
    ctx.s.nodes
      .filter(
        (n) => n.status === 'COMPLETED' && ['approval', 'handle'].includes(graphNode(ctx, n.nodeId).type),
      )
      .map((n) => n.nodeId),
  );
  const upstream = graphNode(ctx, ni.nodeId).upstream.filter((id) => traversed.has(id));
  const rule = def.returnTo ?? 'any';
  if (rule === 'start') return [rootId];
  if (rule === 'prev') return [previousApprovalNode(ctx, ni.nodeId)];
  if (rule === 'any') return [rootId, ...upstream];
  return rule.filter((id) => id === rootId || upstream.includes(id));
}

export function returnTask(ctx: Ctx, cmd: TaskCmd<'return'>) {
  const { task, ni, def } = actionableTask(ctx, cmd);
  requireButton(def, 'return');
  if (!returnTargets(ctx, ni).includes(cmd.targetNodeId)) {
    throw new WorkflowError('INVALID_RETURN_TARGET', `cannot return to "${cmd.targetNodeId}"`, {
      targetNodeId: cmd.targetNodeId,
    });
  }
  task.status = 'RETURNED';
  task.decidedAt = ctx.now;
  task.decidedBy = cmd.actorId;
  task.comment = cmd.comment ?? null;
  walk(
    ctx,
    returnFlow(ctx, ni, cmd.targetNodeId, def.resubmit ?? 'rerun', {
      actorId: cmd.actorId,
      reason: 'USER_ACTION',
      taskId: task.id,
      comment: cmd.comment,
    }),
  );
}

export function transfer(ctx: Ctx, cmd: TaskCmd<'transfer'>) {
  const { task, ni, def } = actionableTask(ctx, cmd, true, cmd.asAdmin === true);
  const forced = task.assigneeId !== cmd.actorId;
  if (!forced) requireButton(def, 'transfer');
  if (cmd.toUserId === task.assigneeId)
    throw new WorkflowError('INVALID_COMMAND', 'transfer to someone else');
  const waiting = task.status === 'WAIT';
  task.status = 'TRANSFERRED';
  task.decidedAt = ctx.now;
  task.decidedBy = cmd.actorId;
  const next = createTask(ctx, ni, cmd.toUserId, {
    seq: task.seq,
    status: waiting ? 'WAIT' : 'PENDING',
    originalAssigneeId: task.originalAssigneeId,
    parentTaskId: task.parentTaskId,
    signType: task.signType,
    signMode: task.signMode,
    dueAt: task.dueAt,
  });
  for (const child of ctx.s.tasks) if (child.parentTaskId === task.id) child.parentTaskId = next.id;
  log(ctx, 'TRANSFER', forced ? 'ADMIN_FORCE' : 'USER_ACTION', {
    ...by(task),
    actorId: cmd.actorId,
    comment: cmd.comment ?? null,
    detail: { from: task.assigneeId, to: cmd.toUserId, newTaskId: next.id },
  });
}

export function addSign(ctx: Ctx, cmd: TaskCmd<'addSign'>) {
  const { task, def } = actionableTask(ctx, cmd);
  requireButton(def, 'addSign');
  // Added signers cannot add again [HB]; nor can a delegate.
  if (task.signType !== null)
    throw new WorkflowError('ADD_SIGN_NOT_ALLOWED', 'an added signer cannot add signers');
  const users = [...new Set(cmd.userIds)].filter((u) => u !== task.assigneeId);
  if (users.length === 0) throw new WorkflowError('INVALID_COMMAND', 'name at least one other signer');
  const mode = cmd.mode ?? 'and';
  const signType = cmd.signType === 'before' ? 'BEFORE' : cmd.signType === 'after' ? 'AFTER' : 'PARALLEL';
  if (signType === 'BEFORE') task.status = 'WAIT';
  if (signType === 'AFTER') {
    // Feishu's 后加签: adding after means "I agree, and they decide after me".
    task.status = 'APPROVING';
    task.decidedBy = cmd.actorId;
    task.comment = cmd.comment ?? null;
  }
  const ni = findNodeInstance(ctx, task.nodeInstanceId);
  log(ctx, 'ADD_SIGN', 'USER_ACTION', {
    ...by(task),
    actorId: cmd.actorId,
    comment: cmd.comment ?? null,
    detail: { signType, mode, users },
  });
  users.forEach((userId, i) => {
    createTask(ctx, ni, userId, {
      seq: task.seq * 100 + i + 1,
      status: mode === 'seq' && i > 0 && signType !== 'PARALLEL' ? 'WAIT' : 'PENDING',
      parentTaskId: task.id,
      signType,
      signMode: signType === 'PARALLEL' ? null : mode,
      dueAt: task.dueAt,
    });
  });
}

export function removeSign(ctx: Ctx, cmd: TaskCmd<'removeSign'>) {
  if (ctx.s.instance.status !== 'RUNNING')
    throw new WorkflowError('INVALID_STATE', `the instance is ${ctx.s.instance.status}`);
  const signer = findTask(ctx, cmd.taskId);
  const parent = signer.parentTaskId ? findTask(ctx, signer.parentTaskId) : null;
  if (!parent || signer.signType === null || signer.signType === 'DELEGATE') {
    throw new WorkflowError('INVALID_COMMAND', 'only an added signer can be removed');
  }
  if (parent.assigneeId !== cmd.actorId && !cmd.asAdmin) {
    throw new WorkflowError('NOT_ASSIGNEE', 'only who added the signer may remove them');
  }
  if (signer.status !== 'PENDING' && signer.status !== 'WAIT') {
    throw new WorkflowError('ALREADY_DECIDED', 'this signer has already acted', { taskId: signer.id });
  }
  cancelTask(ctx, signer, 'REMOVED_SIGN');
  log(ctx, 'REMOVE_SIGN', 'USER_ACTION', {
    ...by(signer),
    actorId: cmd.actorId,
    detail: { removed: signer.assigneeId },
  });
  if (signer.signType !== 'PARALLEL') settleGate(ctx, parent, signer.signType);
  walk(ctx, evaluateNode(ctx, findNodeInstance(ctx, signer.nodeInstanceId)));
}

export function delegate(ctx: Ctx, cmd: TaskCmd<'delegate'>) {
  const { task, ni, def } = actionableTask(ctx, cmd);
  requireButton(def, 'delegate');
  if (task.signType === 'DELEGATE')
    throw new WorkflowError('INVALID_STATE', 'a delegate cannot delegate again');
  task.status = 'WAIT';
  const child = createTask(ctx, ni, cmd.toUserId, {
    seq: task.seq,
    status: 'PENDING',
    parentTaskId: task.id,
    signType: 'DELEGATE',
    dueAt: task.dueAt,
  });
  log(ctx, 'DELEGATE_START', 'USER_ACTION', {
    ...by(task),
    actorId: cmd.actorId,
    comment: cmd.comment ?? null,
    detail: { to: cmd.toUserId, delegateTaskId: child.id },
  });
}

export function delegateReply(ctx: Ctx, cmd: TaskCmd<'delegateReply'>) {
  const { task } = actionableTask(ctx, cmd);
  if (task.signType !== 'DELEGATE' || !task.parentTaskId)
    throw new WorkflowError('INVALID_COMMAND', 'not a delegated task');
  // The delegate's opinion closes their task; the decision goes back to who delegated.
  decideTask(ctx, task, 'APPROVED', cmd.actorId, cmd.comment);
  const parent = findTask(ctx, task.parentTaskId);
  parent.status = 'PENDING';
  log(ctx, 'DELEGATE_END', 'USER_ACTION', {
    ...by(task),
    actorId: cmd.actorId,
    comment: cmd.comment ?? null,
  });
  notify(ctx, [parent.assigneeId], 'TASK_ASSIGNED', { taskId: parent.id, nodeId: parent.nodeId });
}
