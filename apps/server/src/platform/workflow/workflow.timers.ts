import { addTimer, callTrigger, walk } from './workflow.activation.js';
import { createTask } from './workflow.task-create.js';
import { resolveAssignee } from './workflow.assignees.js';
import type { Command } from './workflow.commands.js';
import { countedTasks } from './workflow.closing.js';
import { readField } from './workflow.conditions.js';
import { type Ctx, SYSTEM, findNodeInstance, log, nodeDef, notify } from './workflow.context.js';
import { WorkflowError } from './workflow.errors.js';
import { evaluateNode, rejectNode } from './workflow.outcome.js';
import type { WfNodeInstanceRow } from './workflow.state.js';
import { continueAfter } from './workflow.steps.js';

/*
 * What the outside world reports back: a timer the job runner fired, a webhook's result, a child
 * flow's outcome. All
 * may arrive late or twice (a retried job, a timer that raced a human action), so anything that
 * no longer applies is a no-op that returns `false` and leaves the state untouched.
 */

export function timerFired(ctx: Ctx, cmd: Extract<Command, { type: 'timerFired' }>): boolean {
  const timer = ctx.s.timers.find((t) => t.id === cmd.timerId);
  if (timer?.status !== 'PENDING' || ctx.s.instance.status !== 'RUNNING') return false;
  const ni = findNodeInstance(ctx, timer.nodeInstanceId);
  if (ni.status !== 'ACTIVE' && ni.status !== 'WAITING') return false;
  timer.status = 'FIRED';
  const where = { nodeId: ni.nodeId, nodeInstanceId: ni.id };
  const pending = () => ctx.s.tasks.filter((t) => t.nodeInstanceId === ni.id && t.status === 'PENDING');

  if (timer.kind === 'DELAY') {
    ni.status = 'COMPLETED';
    ni.finishedAt = ctx.now;
    log(ctx, 'DELAY_DONE', 'DELAY_ELAPSED', where);
    walk(ctx, continueAfter(ctx, ni));
    return true;
  }
  if (timer.kind === 'REMIND') {
    const tasks = pending();
    for (const t of tasks) t.remindCount += 1;
    log(ctx, 'REMIND', 'TIMEOUT_REMIND', { ...where, detail: { users: tasks.map((t) => t.assigneeId) } });
    notify(
      ctx,
      tasks.map((t) => t.assigneeId),
      'REMIND',
      { nodeId: ni.nodeId },
    );
    if ((timer.remaining ?? 0) > 0 && timer.repeatEveryMs) {
      addTimer(ctx, {
        kind: 'REMIND',
        nodeInstanceId: ni.id,
        fireAt: new Date(Date.parse(timer.fireAt) + timer.repeatEveryMs).toISOString(),
        repeatEveryMs: timer.repeatEveryMs,
        remaining: (timer.remaining ?? 0) - 1,
      });
    }
    return true;
  }
  onTimeout(ctx, ni);
  return true;
}

function onTimeout(ctx: Ctx, ni: WfNodeInstanceRow) {
  const def = nodeDef<'approval'>(ctx, ni.nodeId);
  const then = def.timeout?.then ?? 'none';
  const where = { nodeId: ni.nodeId, nodeInstanceId: ni.id };
  const open = countedTasks(ctx, ni).filter((t) => t.status === 'PENDING' || t.status === 'WAIT');
  if (then === 'pass') {
    log(ctx, 'TIMEOUT', 'TIMEOUT_PASS', where);
    for (const t of open) {
      t.status = 'APPROVED';
      t.decidedAt = ctx.now;
      t.decidedBy = SYSTEM;
      t.autoReason = 'TIMEOUT_PASS';
      log(ctx, 'TASK_AUTO_APPROVE', 'TIMEOUT_PASS', { ...where, taskId: t.id });
    }
    return walk(ctx, evaluateNode(ctx, ni));
  }
  if (then === 'reject') {
    log(ctx, 'TIMEOUT', 'TIMEOUT_REJECT', where);
    return walk(ctx, rejectNode(ctx, ni, 'TIMEOUT_REJECT'));
  }
  if (then === 'escalate') {
    // To the configured assignee, else to each waiting approver's own supervisor.
    const targets = def.timeout?.escalateTo
      ? resolveAssignee(ctx, def.timeout.escalateTo, ni.nodeId)
      : [
          ...new Set(
            open.flatMap(
              (t) => ctx.org.supervisorLadder(t.originalAssigneeId).find((r) => r.length > 0) ?? [],
            ),
          ),
        ];
    if (targets.length > 0) {
      log(ctx, 'ESCALATE', 'TIMEOUT_ESCALATE', { ...where, detail: { to: targets } });
      let seq = Math.max(0, ...ctx.s.tasks.filter((t) => t.nodeInstanceId === ni.id).map((t) => t.seq));
      for (const t of open) {
        t.status = 'TRANSFERRED';
        t.decidedAt = ctx.now;
        t.decidedBy = SYSTEM;
        t.autoReason = 'TIMEOUT_ESCALATE';
      }
      for (const userId of targets) {
        seq += 1;
        createTask(ctx, ni, userId, { seq, status: 'PENDING' });
      }
      return;
    }
  }
  log(ctx, 'TIMEOUT', 'TIMEOUT_NOTICE', where);
  notify(
    ctx,
    open.map((t) => t.assigneeId),
    'REMIND',
    { nodeId: ni.nodeId },
  );
}

export function webhookResult(ctx: Ctx, cmd: Extract<Command, { type: 'webhookResult' }>): boolean {
  const ni = ctx.s.nodes.find((n) => n.id === cmd.nodeInstanceId);
  if (ni?.status !== 'WAITING' || ctx.s.instance.status !== 'RUNNING') return false;
  const def = nodeDef<'trigger'>(ctx, ni.nodeId);
  if (def.type !== 'trigger') throw new WorkflowError('INVALID_COMMAND', 'not a trigger node');
  const where = { nodeId: ni.nodeId, nodeInstanceId: ni.id };
  if (cmd.ok) {
    const diff: Record<string, { before: unknown; after: unknown }> = {};
    for (const [field, path] of Object.entries(def.http.responseMap ?? {})) {
      const value = readField((cmd.response ?? {}) as Record<string, unknown>, path);
      if (value === undefined) continue;
      diff[field] = { before: ctx.s.instance.formData[field], after: value };
      ctx.s.instance.formData[field] = value;
    }
    log(ctx, 'TRIGGER_RESULT', 'TRIGGER_OK', { ...where, formDiff: Object.keys(diff).length ? diff : null });
    ni.status = 'COMPLETED';
    ni.finishedAt = ctx.now;
    walk(ctx, continueAfter(ctx, ni));
    return true;
  }
  if (ni.attempts < (def.retry?.maxAttempts ?? 3)) {
    log(ctx, 'TRIGGER_RESULT', 'TRIGGER_RETRY', {
      ...where,
      detail: { attempt: ni.attempts, error: cmd.error ?? null },
    });
    callTrigger(ctx, ni);
    return true;
  }
  log(ctx, 'TRIGGER_RESULT', 'TRIGGER_FAILED', {
    ...where,
    detail: { attempt: ni.attempts, error: cmd.error ?? null },
  });
  if ((def.onFail ?? 'halt') === 'continue') {
    ni.status = 'COMPLETED';
    ni.autoReason = 'TRIGGER_SKIPPED';
    ni.finishedAt = ctx.now;
    walk(ctx, continueAfter(ctx, ni));
    return true;
  }
  // Halt: the instance waits in ERROR for an administrator (retry or cancel) instead of going on blind.
  ctx.s.instance.status = 'ERROR';
  log(ctx, 'INSTANCE_ERROR', 'TRIGGER_FAILED', where);
  const admins = ctx.s.graph.settings.admins?.length ? ctx.s.graph.settings.admins : ctx.org.admins;
  notify(ctx, admins, 'ERROR', { nodeId: ni.nodeId });
  return true;
}

/**
 * A sub-process node's child finished. Approved: the child's outputs are mapped into the parent's
 * form by outputMap and the flow goes on. Rejected or withdrawn: the node is rejected and the parent
 * ends REJECTED (DingTalk-like; there is no reject target for a sub-process node).
 */
export function subprocessResult(ctx: Ctx, cmd: Extract<Command, { type: 'subprocessResult' }>): boolean {
  const ni = ctx.s.nodes.find((n) => n.id === cmd.nodeInstanceId);
  if (ni?.status !== 'WAITING' || ctx.s.instance.status !== 'RUNNING') return false;
  const def = nodeDef<'subprocess'>(ctx, ni.nodeId);
  if (def.type !== 'subprocess') throw new WorkflowError('INVALID_COMMAND', 'not a sub-process node');
  const where = { nodeId: ni.nodeId, nodeInstanceId: ni.id };
  if (cmd.outcome === 'approved') {
    const diff: Record<string, { before: unknown; after: unknown }> = {};
    for (const [parentField, childField] of Object.entries(def.outputMap ?? {})) {
      const value = readField(cmd.outputs ?? {}, childField);
      if (value === undefined) continue;
      diff[parentField] = { before: ctx.s.instance.formData[parentField], after: value };
      ctx.s.instance.formData[parentField] = value;
    }
    log(ctx, 'SUBPROCESS_RESULT', 'SUBPROCESS_APPROVED', {
      ...where,
      formDiff: Object.keys(diff).length ? diff : null,
    });
    ni.status = 'COMPLETED';
    ni.finishedAt = ctx.now;
    walk(ctx, continueAfter(ctx, ni));
    return true;
  }
  const reason = cmd.outcome === 'rejected' ? 'SUBPROCESS_REJECTED' : 'SUBPROCESS_CANCELED';
  log(ctx, 'SUBPROCESS_RESULT', reason, where);
  walk(ctx, rejectNode(ctx, ni, reason));
  return true;
}
