/*
 * The approval engine's pure core: decide(state, command, now, org) → { state, effects }.
 * No database, no clock, no I/O: the service loads the state and an org snapshot, calls decide
 * inside its transaction, persists the changed rows and hands the effects to the outbox.
 *
 * Defaults (DingTalk's where DingTalk and Feishu differ; each is a per-node or per-flow setting):
 * - mode "or" (或签): the first approve OR reject decides the node; the other tasks are cancelled.
 * - onReject: { to: "end" } — a rejection ends the instance as REJECTED (DingTalk 拒绝 = 终止).
 * - onEmpty: "admin" (审批人为空时转交流程管理员): the flow's admins, then the entity's, tasked and told
 *   why (EMPTY_APPROVER); nobody at all stops the instance in ERROR (EMPTY_NO_ADMIN), never a silent
 *   pass. "pass" (自动通过, EMPTY_PASS) only where the flow says so, and never on a mandatory node (必审),
 *   which also refuses a submission whose path reaches it with nobody (MANDATORY_APPROVER_MISSING).
 * - onSelf: "self" (发起人自己审批); "skip" only skips when no co-approver remains.
 * - dedupe: none unless the flow sets it; it only counts human approvals of the current epoch (since
 *   the last return), and never auto-passes a node entered as a return target (yudao RETURN_FLAG).
 * - returnTo: "any" traversed upstream node or the start; resubmit: "rerun" (the path is re-run and
 *   approvers re-resolved, so a changed form field picks the new approver).
 * - initiatorWithdraw: "beforeFirstAction" when a flow says so; a RETURNED instance may always be
 *   withdrawn by its initiator. approverWithdraw (un-approve): off. allowRevoke: off.
 * - buttons (transfer, addSign, delegate, return): on. commentRequired / signatureRequired: off.
 * - supervisor fallbackUp: true (a missing supervisor is replaced by the next one up); a
 *   department-head initiator's level 1 is the parent department's head.
 * - 后加签 (after): adding after-signers records the adder's approval as APPROVING until they pass;
 *   any added signer's rejection rejects the adder's slot; added signers cannot add again.
 * - parallel 加签 joins the node's own mode. Delegation (委派) returns the decision to the delegator.
 * - timeout.then "none" only notifies; escalation without escalateTo goes to each waiting
 *   approver's first supervisor. Reminders fire every `remind.every` up to `remind.max` times.
 * - CC "when": "reach"; "end" delivers on finish (approved or rejected), not on withdraw.
 * - trigger onFail: "halt" (instance goes to ERROR, admins notified); retry.maxAttempts: 3.
 * - vote passRatio is an integer percent; the node fails early once the ratio is out of reach.
 * - 子流程 (subprocess): the child is started by the parent's initiator; wait: true. A child
 *   rejected or withdrawn rejects the node and ends the parent REJECTED; an approved child's final
 *   form is mapped back by outputMap. Without wait the node completes as soon as the child starts.
 * - random mode picks deterministically from the instance and node-instance ids (replayable).
 */
import { walk } from './workflow.activation.js';
import { findsOwnApprovers } from './workflow.assignees.js';
import {
  addSign,
  approve,
  delegate,
  delegateReply,
  reject,
  removeSign,
  returnTargets,
  returnTask,
  transfer,
} from './workflow.actions.js';
import { addCcRows, cancelTask, cancelTimers } from './workflow.closing.js';
import type { Command, Effect } from './workflow.commands.js';
import { evaluateCond } from './workflow.conditions.js';
import { type Ctx, graphNode, initiatorFacts, log, notify } from './workflow.context.js';
import { WorkflowError } from './workflow.errors.js';
import type { OrgSnapshot } from './workflow.org.js';
import { isOpenTask, type WorkflowState } from './workflow.state.js';
import { subprocessResult, timerFired, webhookResult } from './workflow.timers.js';
import { unapprove } from './workflow.unapprove.js';

export interface DecideResult {
  state: WorkflowState;
  effects: Effect[];
}

/**
 * Applies one command. Throws WorkflowError (nothing changed) when the command is not allowed.
 * Late timers and duplicate webhook results return the input state and no effects.
 */
export function decide(state: WorkflowState, command: Command, now: string, org: OrgSnapshot): DecideResult {
  const ctx: Ctx = { s: structuredClone(state), now, org, cmd: command, effects: [] };
  if ('expectedLockVersion' in command && command.expectedLockVersion !== undefined) {
    if (command.expectedLockVersion !== state.instance.lockVersion) {
      throw new WorkflowError('STALE', 'the approval changed meanwhile; reload and try again', {
        expected: command.expectedLockVersion,
        actual: state.instance.lockVersion,
      });
    }
  }
  const changed = dispatch(ctx, command);
  if (!changed) return { state, effects: [] };
  ctx.s.instance.lockVersion += 1;
  return { state: ctx.s, effects: ctx.effects };
}

function dispatch(ctx: Ctx, command: Command): boolean {
  switch (command.type) {
    case 'submit':
      submit(ctx, command);
      return true;
    case 'resubmit':
      resubmit(ctx, command);
      return true;
    case 'approve':
      approve(ctx, command);
      return true;
    case 'reject':
      reject(ctx, command);
      return true;
    case 'return':
      returnTask(ctx, command);
      return true;
    case 'withdraw':
      withdraw(ctx, command);
      return true;
    case 'unapprove':
      unapprove(ctx, command);
      return true;
    case 'transfer':
      transfer(ctx, command);
      return true;
    case 'addSign':
      addSign(ctx, command);
      return true;
    case 'removeSign':
      removeSign(ctx, command);
      return true;
    case 'delegate':
      delegate(ctx, command);
      return true;
    case 'delegateReply':
      delegateReply(ctx, command);
      return true;
    case 'remind':
      remind(ctx, command);
      return true;
    case 'addCc':
      addCc(ctx, command);
      return true;
    case 'timerFired':
      return timerFired(ctx, command);
    case 'webhookResult':
      return webhookResult(ctx, command);
    case 'subprocessResult':
      return subprocessResult(ctx, command);
  }
}

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>;

function requireInitiator(ctx: Ctx, actorId: string) {
  if (actorId !== ctx.s.instance.initiatorId)
    throw new WorkflowError('NOT_INITIATOR', 'only the initiator may do this');
}

/**
 * Nodes the flow would pass through with the current form (DingTalk's path preview): the chosen
 * branches of condition/inclusive nodes, every branch of a parallel one.
 */
export function previewPath(state: WorkflowState, org: OrgSnapshot): string[] {
  const ctx: Ctx = { s: state, now: '', org, cmd: { type: 'timerFired', timerId: '' }, effects: [] };
  const facts = initiatorFacts(ctx);
  const path: string[] = [];
  const walk = (first: string | null) => {
    for (let id = first; id; id = graphNode(ctx, id).next) {
      const node = graphNode(ctx, id);
      path.push(id);
      if (!node.branches) continue;
      const matches = node.branches.filter(
        (b) => b.when && evaluateCond(b.when, state.instance.formData, facts, state.instance.currency),
      );
      const taken = node.type === 'condition' ? matches.slice(0, 1) : matches;
      const fallback = node.branches.filter((b) => !b.when);
      const picked = node.type === 'parallel' ? node.branches : taken.length > 0 ? taken : fallback;
      for (const branch of picked) walk(branch.first);
    }
  };
  walk(state.graph.rootId);
  return path;
}

/** Where the holder of `taskId` may return the flow to (for the return dialog). */
export function returnTargetsOf(state: WorkflowState, taskId: string, org: OrgSnapshot): string[] {
  const ctx: Ctx = { s: state, now: '', org, cmd: { type: 'timerFired', timerId: '' }, effects: [] };
  const task = state.tasks.find((t) => t.id === taskId);
  const ni = task && state.nodes.find((n) => n.id === task.nodeInstanceId);
  return ni ? returnTargets(ctx, ni) : [];
}

/** Initiator-selected approvers must be chosen up front for every node on the predicted path. */
function checkSelections(ctx: Ctx) {
  const selections = ctx.s.instance.variables.selections;
  for (const nodeId of previewPath(ctx.s, ctx.org)) {
    const def = graphNode(ctx, nodeId).def;
    if (!('assignee' in def) || !('initiatorSelect' in def.assignee)) continue;
    const { multiple, range } = def.assignee.initiatorSelect;
    const picked = selections[nodeId] ?? [];
    if (picked.length === 0)
      throw new WorkflowError('MISSING_SELECTION', `choose the approvers of "${def.name}"`, { nodeId });
    if ((!multiple && picked.length > 1) || (range && picked.some((u) => !range.includes(u)))) {
      throw new WorkflowError('INVALID_SELECTION', `the approvers chosen for "${def.name}" are not allowed`, {
        nodeId,
      });
    }
  }
}

/**
 * A mandatory node on the predicted path whose own rule names nobody refuses the submission: the
 * flow administrator standing in would not be the review the node exists for (legal, finance).
 */
function checkMandatoryApprovers(ctx: Ctx) {
  for (const nodeId of previewPath(ctx.s, ctx.org)) {
    const def = graphNode(ctx, nodeId).def;
    if ((def.type !== 'approval' && def.type !== 'handle') || !def.mandatory) continue;
    if (!findsOwnApprovers(ctx, def)) {
      throw new WorkflowError('MANDATORY_APPROVER_MISSING', def.name, { nodeId });
    }
  }
}

function mergeStart(ctx: Ctx, cmd: Cmd<'submit'> | Cmd<'resubmit'>) {
  const { instance } = ctx.s;
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const [field, value] of Object.entries(cmd.formData ?? {})) {
    if (instance.formData[field] !== value) diff[field] = { before: instance.formData[field], after: value };
    instance.formData[field] = value;
  }
  if (cmd.selections) Object.assign(instance.variables.selections, cmd.selections);
  checkSelections(ctx);
  checkMandatoryApprovers(ctx);
  return Object.keys(diff).length > 0 ? diff : null;
}

function submit(ctx: Ctx, cmd: Cmd<'submit'>) {
  const { instance, graph } = ctx.s;
  requireInitiator(ctx, cmd.actorId);
  if (instance.status !== 'DRAFT')
    throw new WorkflowError('INVALID_STATE', `the instance is ${instance.status}`);
  const start = graph.nodes[graph.rootId].def;
  if (start.type === 'start' && start.initiators) {
    const facts = initiatorFacts(ctx);
    const { users, depts, roles } = start.initiators;
    const allowed =
      users?.includes(cmd.actorId) ||
      depts?.some((d) => facts.departmentIds.includes(d)) ||
      roles?.some((r) => ctx.org.usersWithRole(r, instance.entityId).includes(cmd.actorId));
    if (!allowed) throw new WorkflowError('NOT_ALLOWED_INITIATOR', 'you may not start this approval');
  }
  const formDiff = mergeStart(ctx, cmd);
  instance.status = 'RUNNING';
  instance.submittedAt = ctx.now;
  log(ctx, 'SUBMIT', 'USER_ACTION', { actorId: cmd.actorId, comment: cmd.comment ?? null, formDiff });
  walk(ctx, [{ kind: 'enter', nodeId: graph.rootId, joinId: null, fromId: null }]);
}

function resubmit(ctx: Ctx, cmd: Cmd<'resubmit'>) {
  const { instance, graph } = ctx.s;
  requireInitiator(ctx, cmd.actorId);
  if (instance.status !== 'RETURNED')
    throw new WorkflowError('INVALID_STATE', `the instance is ${instance.status}`);
  const formDiff = mergeStart(ctx, cmd);
  instance.status = 'RUNNING';
  const back = instance.returnInfo;
  instance.returnInfo = null;
  log(ctx, 'RESUBMIT', 'USER_ACTION', {
    actorId: cmd.actorId,
    comment: cmd.comment ?? null,
    formDiff,
    detail: { resume: back?.resubmit ?? 'rerun' },
  });
  if (back?.resubmit === 'backToReturner')
    walk(ctx, [{ kind: 'enter', nodeId: back.fromNodeId, fromId: null, returnEntry: true }]);
  else walk(ctx, [{ kind: 'enter', nodeId: graph.rootId, joinId: null, fromId: null }]);
}

function withdraw(ctx: Ctx, cmd: Cmd<'withdraw'>) {
  const { instance, graph } = ctx.s;
  requireInitiator(ctx, cmd.actorId);
  if (instance.status !== 'RUNNING' && instance.status !== 'RETURNED') {
    throw new WorkflowError('INVALID_STATE', `the instance is ${instance.status}`);
  }
  const policy = graph.settings.initiatorWithdraw;
  if (instance.status === 'RUNNING') {
    if (policy === 'never')
      throw new WorkflowError('ACTION_DISABLED', 'this approval cannot be withdrawn', { button: 'withdraw' });
    const someoneActed = ctx.s.log.some(
      (l) =>
        l.actorId !== instance.initiatorId &&
        (l.reasonCode === 'USER_ACTION' || l.reasonCode === 'ADMIN_FORCE'),
    );
    if (policy === 'beforeFirstAction' && someoneActed) {
      throw new WorkflowError(
        'ALREADY_ACTED',
        'an approver has already acted; it can no longer be withdrawn',
      );
    }
  }
  for (const task of ctx.s.tasks) if (isOpenTask(task)) cancelTask(ctx, task, 'WITHDRAWN');
  cancelTimers(ctx, null);
  for (const ni of ctx.s.nodes) {
    if (ni.status === 'ACTIVE' || ni.status === 'WAITING') {
      ni.status = 'CANCELED';
      ni.finishedAt = ctx.now;
    }
  }
  instance.status = 'CANCELED';
  instance.finishedAt = ctx.now;
  log(ctx, 'WITHDRAW', 'USER_ACTION', { actorId: cmd.actorId, comment: cmd.comment ?? null });
  log(ctx, 'INSTANCE_CANCELED', 'WITHDRAWN');
  ctx.effects.push({ kind: 'subjectCallback', event: 'onWithdrawn' });
}

function remind(ctx: Ctx, cmd: Cmd<'remind'>) {
  if (!cmd.asAdmin) requireInitiator(ctx, cmd.actorId);
  if (ctx.s.instance.status !== 'RUNNING')
    throw new WorkflowError('INVALID_STATE', `the instance is ${ctx.s.instance.status}`);
  const tasks = ctx.s.tasks.filter((t) => t.status === 'PENDING' && (!cmd.taskId || t.id === cmd.taskId));
  for (const t of tasks) t.remindCount += 1;
  log(ctx, 'REMIND', cmd.asAdmin ? 'ADMIN_FORCE' : 'USER_ACTION', {
    actorId: cmd.actorId,
    taskId: cmd.taskId ?? null,
    detail: { users: tasks.map((t) => t.assigneeId) },
  });
  notify(
    ctx,
    tasks.map((t) => t.assigneeId),
    'REMIND',
  );
}

/** Mid-flow CC: the initiator or anyone who holds or held a task here. */
function addCc(ctx: Ctx, cmd: Cmd<'addCc'>) {
  const { instance } = ctx.s;
  if (instance.status === 'DRAFT') throw new WorkflowError('INVALID_STATE', 'submit the approval first');
  const isInitiator = cmd.actorId === instance.initiatorId;
  const isParticipant = ctx.s.tasks.some((t) => t.assigneeId === cmd.actorId);
  if (!isInitiator && !isParticipant && !cmd.asAdmin) {
    throw new WorkflowError('NOT_ASSIGNEE', 'only participants may copy others in');
  }
  const users = cmd.userIds.filter((u) => ctx.org.isActive(u));
  addCcRows(
    ctx,
    null,
    users,
    isInitiator ? 'initiator' : 'approver',
    cmd.asAdmin && !isInitiator && !isParticipant ? 'ADMIN_FORCE' : 'USER_ACTION',
    cmd.actorId,
  );
}
