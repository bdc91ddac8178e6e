import {
  addDays,
  businessDate,
  businessDayRange,
  isCalendarDate,
  type WfApprovalNode,
  type WfDelayNode,
  zonedInstant,
} from '@concord/contracts';
import { planApprovers } from './workflow.assignees.js';
import { addCcRows, finishInstance } from './workflow.closing.js';
import type { GraphNode } from './workflow.compiler.js';
import { evaluateCond, readField } from './workflow.conditions.js';
import {
  addMs,
  type Ctx,
  durationMs,
  graphNode,
  initiatorFacts,
  log,
  newId,
  nodeDef,
  notify,
} from './workflow.context.js';
import { evaluateNode } from './workflow.outcome.js';
import { createTask } from './workflow.task-create.js';
import type { WfNodeInstanceRow, WfTimerRow } from './workflow.state.js';
import { continueAfter, type Step } from './workflow.steps.js';

/*
 * Moving tokens through the graph: entering a node, splitting at branch nodes, joining, and what
 * each node type does on arrival. Approvers are resolved here, at activation, against the org
 * snapshot of this moment (not at submit), as DingTalk does.
 */

/**
 * Takes the flow as far as it goes: each step is taken in turn, and the steps it leaves are taken
 * before those that were already pending, so the order is that of a depth-first walk (one branch of
 * a split to its end or its wait, then the next). Ends when no step is left.
 */
export function walk(ctx: Ctx, steps: Step[]): void {
  const pending = [...steps].reverse();
  for (let step = pending.pop(); step; step = pending.pop()) {
    const next = step.kind === 'enter' ? enterNode(ctx, step) : arrive(ctx, step.joinId, step.fromId);
    for (let i = next.length - 1; i >= 0; i -= 1) pending.push(next[i]);
  }
}

function enterNode(ctx: Ctx, entry: Extract<Step, { kind: 'enter' }>): Step[] {
  if (ctx.s.instance.status !== 'RUNNING') return [];
  const { nodeId } = entry;
  const g = graphNode(ctx, nodeId);
  // A node entered from the side (return target, resume point) gets fresh one-token joins.
  const joinId = entry.joinId === undefined ? sideJoins(ctx, g) : entry.joinId;
  const iteration = ctx.s.nodes.filter((n) => n.nodeId === nodeId).length + 1;
  const ni: WfNodeInstanceRow = {
    id: newId(ctx, 'n'),
    nodeId,
    iteration,
    epoch: ctx.s.instance.epoch,
    status: 'ACTIVE',
    mode: null,
    ratio: null,
    resolvedAssignees: [],
    autoReason: null,
    joinId,
    fromId: entry.fromId,
    returnEntry: entry.returnEntry ?? false,
    attempts: 0,
    createdAt: ctx.now,
    createdSeq: ctx.s.counter,
    finishedAt: null,
  };
  ctx.s.nodes.push(ni);
  log(ctx, 'NODE_ENTER', 'ROUTED', { nodeId, nodeInstanceId: ni.id, detail: { iteration } });
  switch (g.type) {
    case 'start':
      return passThrough(ctx, ni);
    case 'approval':
    case 'handle':
      return activateApproval(ctx, ni, nodeDef<'approval'>(ctx, nodeId));
    case 'cc':
      return activateCc(ctx, ni);
    case 'condition':
    case 'inclusive':
    case 'parallel':
      return split(ctx, ni, g);
    case 'delay':
      return startDelay(ctx, ni, nodeDef<'delay'>(ctx, nodeId));
    case 'trigger':
      callTrigger(ctx, ni);
      return [];
    case 'subprocess':
      return startSubprocess(ctx, ni);
  }
}

function sideJoins(ctx: Ctx, g: GraphNode): string | null {
  const blocks: string[] = [];
  for (let p = g.parent; p; p = graphNode(ctx, p.nodeId).parent) blocks.unshift(p.nodeId);
  let parentJoinId: string | null = null;
  for (const branchNodeId of blocks) {
    const id = newId(ctx, 'j');
    ctx.s.joins.push({
      id,
      branchNodeId,
      branchNodeInstanceId: null,
      parentJoinId,
      expected: 1,
      arrived: 0,
      done: false,
    });
    parentJoinId = id;
  }
  return parentJoinId;
}

function passThrough(ctx: Ctx, ni: WfNodeInstanceRow): Step[] {
  ni.status = 'COMPLETED';
  ni.finishedAt = ctx.now;
  return continueAfter(ctx, ni);
}

function arrive(ctx: Ctx, joinId: string | null, fromId: string): Step[] {
  if (ctx.s.instance.status !== 'RUNNING') return [];
  if (joinId === null) {
    finishInstance(ctx, 'APPROVED', 'ALL_PASSED');
    return [];
  }
  const join = ctx.s.joins.find((j) => j.id === joinId);
  if (!join || join.done) return [];
  join.arrived += 1;
  log(ctx, 'JOIN', 'JOINED', {
    nodeId: join.branchNodeId,
    nodeInstanceId: join.branchNodeInstanceId,
    detail: { arrived: join.arrived, expected: join.expected },
  });
  if (join.arrived < join.expected) return [];
  join.done = true;
  const next = graphNode(ctx, join.branchNodeId).next;
  if (next) return [{ kind: 'enter', nodeId: next, joinId: join.parentJoinId, fromId }];
  return [{ kind: 'arrive', joinId: join.parentJoinId, fromId }];
}

function split(ctx: Ctx, ni: WfNodeInstanceRow, g: GraphNode): Step[] {
  const branches = g.branches ?? [];
  const facts = initiatorFacts(ctx);
  const matches = (b: (typeof branches)[number]) =>
    b.when !== undefined && evaluateCond(b.when, ctx.s.instance.formData, facts, ctx.s.instance.currency);
  let chosen = branches;
  let reason: 'CONDITION_MATCHED' | 'DEFAULT_BRANCH' | 'PARALLEL_SPLIT' = 'PARALLEL_SPLIT';
  if (g.type !== 'parallel') {
    // Condition: the first match by priority; inclusive: every match. Either falls back to the default.
    const matched = g.type === 'condition' ? branches.filter(matches).slice(0, 1) : branches.filter(matches);
    chosen = matched.length > 0 ? matched : branches.filter((b) => b.when === undefined);
    reason = matched.length > 0 ? 'CONDITION_MATCHED' : 'DEFAULT_BRANCH';
  }
  ni.status = 'COMPLETED';
  ni.finishedAt = ctx.now;
  log(ctx, 'BRANCH', reason, {
    nodeId: g.id,
    nodeInstanceId: ni.id,
    detail: { branches: chosen.map((b) => b.id) },
  });
  if (chosen.length === 0) return continueAfter(ctx, ni);
  const joinId = newId(ctx, 'j');
  ctx.s.joins.push({
    id: joinId,
    branchNodeId: g.id,
    branchNodeInstanceId: ni.id,
    parentJoinId: ni.joinId,
    expected: chosen.length,
    arrived: 0,
    done: false,
  });
  return chosen.map(
    (branch): Step =>
      branch.first
        ? { kind: 'enter', nodeId: branch.first, joinId, fromId: ni.id }
        : { kind: 'arrive', joinId, fromId: ni.id },
  );
}

function activateApproval(ctx: Ctx, ni: WfNodeInstanceRow, def: WfApprovalNode): Step[] {
  ni.mode = def.mode;
  ni.ratio = def.passRatio ?? null;
  const plan = planApprovers(ctx, def, ni);
  if (plan.outcome) {
    ni.autoReason = plan.outcome.reason;
    ni.finishedAt = ctx.now;
    if (plan.outcome.kind === 'pass') {
      ni.status = 'SKIPPED';
      log(ctx, 'NODE_SKIP', plan.outcome.reason, { nodeId: def.id, nodeInstanceId: ni.id });
      return continueAfter(ctx, ni);
    }
    if (plan.outcome.kind === 'halt') {
      // Nobody to approve and no administrator to hand it to: the instance waits in ERROR, as a
      // failed trigger does, and the initiator learns that it is stuck.
      ni.status = 'WAITING';
      ni.finishedAt = null;
      ctx.s.instance.status = 'ERROR';
      log(ctx, 'INSTANCE_ERROR', plan.outcome.reason, { nodeId: def.id, nodeInstanceId: ni.id });
      notify(ctx, [ctx.s.instance.initiatorId], 'ERROR', { nodeId: def.id });
      return [];
    }
    ni.status = 'REJECTED';
    log(ctx, 'NODE_REJECT', plan.outcome.reason, { nodeId: def.id, nodeInstanceId: ni.id });
    finishInstance(ctx, 'REJECTED', plan.outcome.reason);
    return [];
  }
  ni.resolvedAssignees = plan.users.map((u) => u.userId);
  ni.autoReason = plan.reasons[0] ?? null;
  const deadline = def.timeout ? timeoutAt(ctx, def.timeout.after) : null;
  let firstHuman = true;
  // Administrators standing in for nobody are told why the task is theirs.
  const notice = plan.reasons.includes('EMPTY_ADMIN') ? 'EMPTY_APPROVER' : 'TASK_ASSIGNED';
  plan.users.forEach(({ userId, auto }, seq) => {
    const waiting = def.mode === 'seq' && !auto && !firstHuman;
    if (!auto) firstHuman = false;
    const task = createTask(
      ctx,
      ni,
      userId,
      { seq, status: auto ? 'APPROVED' : waiting ? 'WAIT' : 'PENDING', dueAt: deadline },
      notice,
    );
    if (auto) {
      task.decidedAt = ctx.now;
      task.decidedBy = 'system';
      task.autoReason = auto;
      log(ctx, 'TASK_AUTO_APPROVE', auto, { nodeId: def.id, nodeInstanceId: ni.id, taskId: task.id });
    }
  });
  for (const reason of plan.reasons)
    log(ctx, 'NODE_ENTER', reason, { nodeId: def.id, nodeInstanceId: ni.id });
  if (def.timeout && deadline) scheduleNodeTimers(ctx, ni, def, deadline);
  return evaluateNode(ctx, ni);
}

/**
 * A form date (YYYY-MM-DD) means "by the end of that day" where the business is (Asia/Shanghai:
 * a deadline of 5 March ends at 2026-03-05T16:00Z, not at UTC midnight); an instant is taken as is.
 */
function timeoutAt(ctx: Ctx, after: string | { field: string }): string | null {
  if (typeof after === 'string') return addMs(ctx.now, durationMs(after));
  const value = readField(ctx.s.instance.formData, after.field);
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return isCalendarDate(value) ? businessDayRange(value).to : null;
  return new Date(value).toISOString();
}

function scheduleNodeTimers(ctx: Ctx, ni: WfNodeInstanceRow, def: WfApprovalNode, deadline: string) {
  const timeout = def.timeout!;
  if (timeout.remind) {
    const every = durationMs(timeout.remind.every);
    addTimer(ctx, {
      kind: 'REMIND',
      nodeInstanceId: ni.id,
      fireAt: addMs(ctx.now, every),
      repeatEveryMs: every,
      remaining: timeout.remind.max - 1,
    });
  }
  addTimer(ctx, {
    kind: 'TIMEOUT',
    nodeInstanceId: ni.id,
    fireAt: deadline,
    repeatEveryMs: null,
    remaining: null,
  });
}

export function addTimer(ctx: Ctx, fields: Omit<WfTimerRow, 'id' | 'status'>): WfTimerRow {
  const timer: WfTimerRow = { id: newId(ctx, 'm'), status: 'PENDING', ...fields };
  ctx.s.timers.push(timer);
  ctx.effects.push({ kind: 'scheduleTimer', timer: { ...timer } });
  return timer;
}

function activateCc(ctx: Ctx, ni: WfNodeInstanceRow): Step[] {
  const def = nodeDef<'cc'>(ctx, ni.nodeId);
  // Reuse the approver resolution for "who" only; CC has no empty/self rules.
  const users = resolveCcUsers(ctx, def);
  ni.resolvedAssignees = users;
  if ((def.when ?? 'reach') === 'reach') addCcRows(ctx, ni.nodeId, users, 'node', 'CC_REACH');
  else log(ctx, 'CC', 'CC_END', { nodeId: ni.nodeId, nodeInstanceId: ni.id, detail: { deferred: users } });
  return passThrough(ctx, ni);
}

function resolveCcUsers(ctx: Ctx, def: ReturnType<typeof nodeDef<'cc'>>): string[] {
  const plan = planApprovers(
    ctx,
    { ...def, type: 'approval', mode: 'and', onEmpty: { do: 'pass' }, onSelf: 'self' },
    { returnEntry: true } as WfNodeInstanceRow,
  );
  return plan.users.map((u) => u.userId);
}

function startDelay(ctx: Ctx, ni: WfNodeInstanceRow, def: WfDelayNode): Step[] {
  const fireAt = delayUntil(ctx, def.wait);
  if (!fireAt || fireAt <= ctx.now) {
    log(ctx, 'DELAY_DONE', 'DELAY_ELAPSED', { nodeId: ni.nodeId, nodeInstanceId: ni.id });
    return passThrough(ctx, ni);
  }
  ni.status = 'WAITING';
  addTimer(ctx, { kind: 'DELAY', nodeInstanceId: ni.id, fireAt, repeatEveryMs: null, remaining: null });
  log(ctx, 'DELAY_WAIT', 'ROUTED', { nodeId: ni.nodeId, nodeInstanceId: ni.id, detail: { until: fireAt } });
  return [];
}

/** timeOfDay is a time in Beijing (Asia/Shanghai): the next 09:00 there, today's if still ahead. */
function delayUntil(ctx: Ctx, wait: WfDelayNode['wait']): string | null {
  if ('duration' in wait) return addMs(ctx.now, durationMs(wait.duration));
  if ('timeOfDay' in wait) {
    const date = businessDate(ctx.now);
    const today = zonedInstant(date, wait.timeOfDay);
    return today > ctx.now ? today : zonedInstant(addDays(date, 1), wait.timeOfDay);
  }
  const value = readField(ctx.s.instance.formData, wait.field);
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null;
}

/**
 * 子流程: asks the service to start the child (effect `startSubprocess`). With `wait` (the default)
 * the node waits for `subprocessResult`; without it the node completes at once and the flow goes on.
 */
function startSubprocess(ctx: Ctx, ni: WfNodeInstanceRow): Step[] {
  const def = nodeDef<'subprocess'>(ctx, ni.nodeId);
  const formData: Record<string, unknown> = {};
  for (const [childField, parentField] of Object.entries(def.inputMap ?? {})) {
    const value = readField(ctx.s.instance.formData, parentField);
    if (value !== undefined) formData[childField] = value;
  }
  ctx.effects.push({
    kind: 'startSubprocess',
    nodeInstanceId: ni.id,
    nodeId: ni.nodeId,
    definitionKey: def.definitionKey,
    formData,
  });
  const where = { nodeId: ni.nodeId, nodeInstanceId: ni.id };
  if (def.wait ?? true) {
    ni.status = 'WAITING';
    log(ctx, 'SUBPROCESS_START', 'SUBPROCESS_WAITING', { ...where, detail: { key: def.definitionKey } });
    return [];
  }
  log(ctx, 'SUBPROCESS_START', 'SUBPROCESS_STARTED', { ...where, detail: { key: def.definitionKey } });
  return passThrough(ctx, ni);
}

export function callTrigger(ctx: Ctx, ni: WfNodeInstanceRow) {
  const def = nodeDef<'trigger'>(ctx, ni.nodeId);
  ni.status = 'WAITING';
  ni.attempts += 1;
  ctx.effects.push({
    kind: 'callWebhook',
    nodeInstanceId: ni.id,
    nodeId: ni.nodeId,
    attempt: ni.attempts,
    ...(ni.attempts > 1 && def.retry?.backoff ? { after: def.retry.backoff } : {}),
    http: def.http,
    idempotencyKey: `${ctx.s.instance.id}:${ni.id}:${ni.attempts}`,
  });
  log(ctx, 'TRIGGER_CALL', ni.attempts > 1 ? 'TRIGGER_RETRY' : 'ROUTED', {
    nodeId: ni.nodeId,
    nodeInstanceId: ni.id,
    detail: { attempt: ni.attempts },
  });
}
