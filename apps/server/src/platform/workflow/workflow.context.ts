import type { WfApprovalNode, WfBranchNode, WfNode } from '@concord/contracts';
import type { Command, Effect } from './workflow.commands.js';
import type { GraphNode } from './workflow.compiler.js';
import type { InitiatorFacts } from './workflow.conditions.js';
import { WorkflowError } from './workflow.errors.js';
import type { OrgSnapshot } from './workflow.org.js';
import type {
  LogAction,
  ReasonCode,
  WfLogRow,
  WfNodeInstanceRow,
  WfTaskRow,
  WorkflowState,
} from './workflow.state.js';

/**
 * One `decide` call: a private copy of the state that the handlers mutate, the effects they
 * collect, and the facts they may read. Nothing here reads a clock or does I/O.
 */
export interface Ctx {
  s: WorkflowState;
  now: string;
  org: OrgSnapshot;
  cmd: Command;
  effects: Effect[];
}

export const SYSTEM = 'system';

export function newId(ctx: Ctx, prefix: 'n' | 't' | 'c' | 'm' | 'j'): string {
  ctx.s.counter += 1;
  return `${prefix}${ctx.s.counter}`;
}

export function graphNode(ctx: Ctx, nodeId: string): GraphNode {
  const node = ctx.s.graph.nodes[nodeId];
  if (!node) throw new WorkflowError('NOT_FOUND', `no node "${nodeId}" in this flow`, { nodeId });
  return node;
}

type DefOf<T extends WfNode['type']> = T extends 'approval' | 'handle'
  ? WfApprovalNode
  : T extends 'condition' | 'inclusive' | 'parallel'
    ? WfBranchNode
    : Extract<WfNode, { type: T }>;

/** The node's definition, typed by the node type the caller already checked. */
export const nodeDef = <T extends WfNode['type']>(ctx: Ctx, nodeId: string) =>
  graphNode(ctx, nodeId).def as DefOf<T>;

export function log(
  ctx: Ctx,
  action: LogAction,
  reasonCode: ReasonCode,
  fields: Partial<Omit<WfLogRow, 'seq' | 'at' | 'action' | 'reasonCode'>> = {},
): void {
  ctx.s.log.push({
    seq: ctx.s.log.length + 1,
    at: ctx.now,
    action,
    reasonCode,
    actorId: fields.actorId ?? SYSTEM,
    onBehalfOf: fields.onBehalfOf ?? null,
    nodeId: fields.nodeId ?? null,
    nodeInstanceId: fields.nodeInstanceId ?? null,
    taskId: fields.taskId ?? null,
    comment: fields.comment ?? null,
    formDiff: fields.formDiff ?? null,
    detail: fields.detail ?? null,
  });
}

export function notify(
  ctx: Ctx,
  userIds: string[],
  reason: Extract<Effect, { kind: 'notify' }>['reason'],
  extra: { taskId?: string; nodeId?: string } = {},
) {
  const unique = [...new Set(userIds)];
  if (unique.length > 0) ctx.effects.push({ kind: 'notify', userIds: unique, reason, ...extra });
}

export function findTask(ctx: Ctx, taskId: string): WfTaskRow {
  const task = ctx.s.tasks.find((t) => t.id === taskId);
  if (!task) throw new WorkflowError('NOT_FOUND', `no task "${taskId}"`, { taskId });
  return task;
}

export function findNodeInstance(ctx: Ctx, id: string): WfNodeInstanceRow {
  const node = ctx.s.nodes.find((n) => n.id === id);
  if (!node) throw new WorkflowError('NOT_FOUND', `no node instance "${id}"`, { id });
  return node;
}

export function initiatorFacts(ctx: Ctx): InitiatorFacts {
  const { initiatorId, initiatorDeptId, entityId } = ctx.s.instance;
  const departmentIds: string[] = [];
  if (initiatorDeptId) departmentIds.push(initiatorDeptId);
  const roles = Object.values(ctx.s.graph.nodes).flatMap((n) => rolesNamedBy(n.def as WfNode));
  return {
    userId: initiatorId,
    departmentIds,
    roles: [...new Set(roles)].filter((r) => ctx.org.usersWithRole(r, entityId).includes(initiatorId)),
  };
}

/** Role codes a condition may ask about; the snapshot answers per role, so only these are checked. */
function rolesNamedBy(def: WfNode): string[] {
  if (def.type !== 'condition' && def.type !== 'inclusive') return [];
  const out: string[] = [];
  const visit = (c: unknown) => {
    if (!c || typeof c !== 'object') return;
    const cond = c as Record<string, any>;
    if (cond.initiatorIn?.roles) out.push(...cond.initiatorIn.roles);
    for (const child of [...(cond.all ?? []), ...(cond.any ?? [])]) visit(child);
  };
  for (const b of def.branches) visit(b.when);
  return out;
}

// ---- time: pure arithmetic on ISO instants ----
const durationPattern = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Milliseconds of an ISO-8601 duration (days are 24 h: instants are UTC). */
export function durationMs(iso: string): number {
  const m = durationPattern.exec(iso);
  if (!m) throw new WorkflowError('INVALID_COMMAND', `bad duration "${iso}"`);
  const [d, h, min, s] = [m[1], m[2], m[3], m[4]].map((x) => Number(x ?? 0));
  return (((d * 24 + h) * 60 + min) * 60 + s) * 1000;
}

export const addMs = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();
