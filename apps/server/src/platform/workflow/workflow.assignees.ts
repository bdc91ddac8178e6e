import type { WfApprovalNode, WfAssignee, WfSupervisorOf } from '@concord/contracts';
import { readField } from './workflow.conditions.js';
import { type Ctx, graphNode } from './workflow.context.js';
import { WorkflowError } from './workflow.errors.js';
import type { ReasonCode, WfNodeInstanceRow } from './workflow.state.js';

/*
 * Approver resolution at node activation: who the assignee rule names, then the edge rules in the
 * order DingTalk applies them: inactive users drop out, the initiator rule (onSelf), the empty
 * rule (onEmpty), random pick, and dedupe. Self and dedupe never apply to a node entered as a
 * return target (yudao's RETURN_FLAG): the person returned to must look again.
 */

export interface ApproverPlan {
  /** In order; `auto` users get an already-approved task (dedupe) so mode counting stays uniform. */
  users: { userId: string; auto: ReasonCode | null }[];
  /** Set when no human acts on this node. */
  outcome: { kind: 'pass' | 'reject' | 'halt'; reason: ReasonCode } | null;
  /** Why the list is not the assignee rule's own answer (EMPTY_ADMIN, SELF_DEPT_HEAD, ...). */
  reasons: ReasonCode[];
}

const unique = (ids: string[]) => [...new Set(ids.filter((id) => typeof id === 'string' && id.length > 0))];

function subjectOf(ctx: Ctx, of: WfSupervisorOf): string | null {
  if (of === 'initiator') return ctx.s.instance.initiatorId;
  const value = readField(ctx.s.instance.formData, of.field);
  return typeof value === 'string' ? value : null;
}

function ladderOf(ctx: Ctx, userId: string | null): string[][] {
  return userId ? ctx.org.supervisorLadder(userId) : [];
}

/** Users an assignee rule names, before any edge rule. */
export function resolveAssignee(ctx: Ctx, assignee: WfAssignee, nodeId: string): string[] {
  const { instance } = ctx.s;
  if ('users' in assignee) return unique(assignee.users);
  if ('role' in assignee) return unique(ctx.org.usersWithRole(assignee.role, instance.entityId));
  if ('supervisor' in assignee) {
    const ladder = ladderOf(ctx, subjectOf(ctx, assignee.supervisor.of));
    const index = assignee.supervisor.level - 1;
    const rung = ladder[index] ?? [];
    if (rung.length > 0 || assignee.fallbackUp === false) return unique(rung);
    // DingTalk: a missing supervisor is replaced by the next one up.
    return unique(ladder.slice(index + 1).find((r) => r.length > 0) ?? []);
  }
  if ('supervisorChain' in assignee) {
    const ladder = ladderOf(ctx, instance.initiatorId).filter((r) => r.length > 0);
    const { until } = assignee.supervisorChain;
    if (until === 'top') return unique(ladder.flat());
    if ('level' in until) return unique(ladder.slice(0, until.level).flat());
    const holders = ctx.org.usersWithRole(until.role, instance.entityId);
    const stop = ladder.findIndex((rung) => rung.some((u) => holders.includes(u)));
    // No holder of the role on the way up: climb to the top [DT-multi].
    return unique((stop < 0 ? ladder : ladder.slice(0, stop + 1)).flat());
  }
  if ('deptHead' in assignee) {
    const of = assignee.deptHead.of;
    const deptId =
      of === 'initiator'
        ? (instance.initiatorDeptId ?? ctx.org.userDepartment(instance.initiatorId))
        : (readField(instance.formData, of.field) as string | undefined);
    const head = typeof deptId === 'string' ? ctx.org.headOfDepartment(deptId) : null;
    return head ? [head] : [];
  }
  if ('initiatorSelect' in assignee || 'previousApproverSelect' in assignee) {
    const picked = instance.variables.selections[nodeId];
    if (!picked?.length && 'previousApproverSelect' in assignee) {
      throw new WorkflowError('MISSING_SELECTION', `choose the approvers of "${nodeId}"`, { nodeId });
    }
    return unique(picked ?? []);
  }
  if ('initiator' in assignee) return [instance.initiatorId];
  const value = readField(instance.formData, assignee.formField);
  return unique(Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : []);
}

/** Stable pseudo-random index: the core may not use Math.random, and a replay must pick the same. */
function stablePick(seed: string, size: number): number {
  let hash = 2166136261;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 16777619);
  return (hash >>> 0) % size;
}

/**
 * The node's own approvers: its assignee rule, active users only, with the initiator rule applied.
 * `selfSkipped` is set when onSelf=skip removed the initiator and left nobody (an intended pass).
 * A return target (`guarded`) keeps the initiator, who must look again.
 */
export function ownApprovers(
  ctx: Ctx,
  def: WfApprovalNode,
  guarded: boolean,
): { users: string[]; reasons: ReasonCode[]; selfSkipped: boolean } {
  const { instance } = ctx.s;
  const reasons: ReasonCode[] = [];
  let users = resolveAssignee(ctx, def.assignee, def.id).filter((u) => ctx.org.isActive(u));
  if (!guarded && users.includes(instance.initiatorId)) {
    const onSelf = def.onSelf ?? 'self';
    if (onSelf === 'skip') {
      users = users.filter((u) => u !== instance.initiatorId);
      if (users.length === 0) return { users, reasons, selfSkipped: true };
      reasons.push('SELF_SKIP');
    } else if (onSelf === 'deptHead') {
      const head = ownHead(ctx);
      users = unique(users.flatMap((u) => (u === instance.initiatorId ? (head ? [head] : []) : [u])));
      // No head to stand in: the node has nobody, so the empty rule decides (not a silent pass).
      reasons.push(head ? 'SELF_DEPT_HEAD' : 'SELF_DEPT_HEAD_MISSING');
    }
  }
  return { users, reasons, selfSkipped: false };
}

/**
 * Whether a node would find its own approvers now (before any empty rule), as the submit check and
 * the preview ask. An approver the previous one picks cannot be known yet and counts as found.
 */
export function findsOwnApprovers(ctx: Ctx, def: WfApprovalNode): boolean {
  try {
    return ownApprovers(ctx, def, false).users.length > 0;
  } catch (error) {
    if (error instanceof WorkflowError && error.code === 'MISSING_SELECTION') return true;
    throw error;
  }
}

export type EmptyOutcome = 'admin' | 'users' | 'pass' | 'reject' | 'halt' | 'blocked';

/**
 * Who a node would task if reached now, for the path preview: its own approvers, or, when it has
 * none, what its empty rule does and who stands in (a mandatory node is `blocked`: not submittable).
 */
export function predictApprovers(
  ctx: Ctx,
  def: WfApprovalNode,
): { users: string[]; empty: EmptyOutcome | null } {
  let own: ReturnType<typeof ownApprovers>;
  try {
    own = ownApprovers(ctx, def, false);
  } catch {
    return { users: [], empty: null }; // chosen later (previous approver's pick), not empty
  }
  if (own.users.length > 0 || own.selfSkipped) return { users: own.users, empty: null };
  if (def.mandatory) return { users: [], empty: 'blocked' };
  const onEmpty = emptyRuleOf(def);
  if (onEmpty.do === 'pass' || onEmpty.do === 'reject') return { users: [], empty: onEmpty.do };
  const standIns = emptyFallback(ctx, onEmpty);
  return standIns.length > 0 ? { users: standIns, empty: onEmpty.do } : { users: [], empty: 'halt' };
}

export function planApprovers(ctx: Ctx, def: WfApprovalNode, nodeInstance: WfNodeInstanceRow): ApproverPlan {
  const { instance } = ctx.s;
  const guarded = nodeInstance.returnEntry;
  const own = ownApprovers(ctx, def, guarded);
  const reasons = own.reasons;
  let users = own.users;
  if (own.selfSkipped) return { users: [], outcome: { kind: 'pass', reason: 'SELF_SKIP' }, reasons };

  if (users.length === 0) {
    const onEmpty = emptyRuleOf(def);
    const passReason = reasons.includes('SELF_DEPT_HEAD_MISSING') ? 'SELF_DEPT_HEAD_MISSING' : 'EMPTY_PASS';
    if (onEmpty.do === 'pass') return { users: [], outcome: { kind: 'pass', reason: passReason }, reasons };
    if (onEmpty.do === 'reject')
      return { users: [], outcome: { kind: 'reject', reason: 'EMPTY_REJECT' }, reasons };
    users = emptyFallback(ctx, onEmpty);
    // Nobody to hand to either: the flow stops in ERROR for an administrator rather than passing a
    // step nobody reviewed (a contract approved without its legal review).
    if (users.length === 0)
      return { users: [], outcome: { kind: 'halt', reason: 'EMPTY_NO_ADMIN' }, reasons };
    reasons.push(onEmpty.do === 'users' ? 'EMPTY_USERS' : 'EMPTY_ADMIN');
  }

  if (def.mode === 'random' && users.length > 1) {
    users = [users[stablePick(`${instance.id}:${nodeInstance.id}`, users.length)]];
  }

  const deduped = guarded ? new Set<string>() : dedupeSet(ctx, nodeInstance);
  return {
    users: users.map((userId) => ({ userId, auto: deduped.has(userId) ? 'DEDUPE' : null })),
    outcome: null,
    reasons,
  };
}

/** A node's rule for an empty approver list: the flow's administrators unless the flow says otherwise. */
export function emptyRuleOf(def: WfApprovalNode): NonNullable<WfApprovalNode['onEmpty']> {
  return def.onEmpty ?? { do: 'admin' };
}

/** Who stands in for nobody: the users named, else the flow's administrators, else the entity's. Active ones only. */
export function emptyFallback(ctx: Ctx, onEmpty: NonNullable<WfApprovalNode['onEmpty']>): string[] {
  const fallback =
    onEmpty.do === 'users'
      ? (onEmpty.users ?? [])
      : ctx.s.graph.settings.admins?.length
        ? ctx.s.graph.settings.admins
        : ctx.org.admins;
  return unique(fallback).filter((u) => ctx.org.isActive(u));
}

/** The initiator's own department head, or their first supervisor when they are that head. */
function ownHead(ctx: Ctx): string | null {
  const { initiatorId, initiatorDeptId } = ctx.s.instance;
  const deptId = initiatorDeptId ?? ctx.org.userDepartment(initiatorId);
  const head = deptId ? ctx.org.headOfDepartment(deptId) : null;
  if (head && head !== initiatorId) return head;
  return ctx.org.supervisorLadder(initiatorId).find((r) => r.length > 0)?.[0] ?? null;
}

/**
 * Users whose earlier approval in this epoch carries over: `all` = any earlier human approval,
 * `consecutive` = an approval on the approval node completed just before this one.
 */
function dedupeSet(ctx: Ctx, current: WfNodeInstanceRow): Set<string> {
  const { dedupe } = ctx.s.graph.settings;
  if (dedupe === 'none') return new Set();
  const earlier = ctx.s.nodes.filter(
    (n) =>
      n.id !== current.id &&
      n.epoch === current.epoch &&
      n.status === 'COMPLETED' &&
      (graphNode(ctx, n.nodeId).type === 'approval' || graphNode(ctx, n.nodeId).type === 'handle'),
  );
  const scope =
    dedupe === 'all'
      ? earlier
      : earlier.length > 0
        ? [earlier.reduce((a, b) => (a.createdSeq > b.createdSeq ? a : b))]
        : [];
  const ids = new Set(scope.map((n) => n.id));
  return new Set(
    ctx.s.tasks
      .filter((t) => ids.has(t.nodeInstanceId) && t.status === 'APPROVED' && t.decidedBy !== 'system')
      .map((t) => t.proxyForId ?? t.assigneeId),
  );
}
