import type { WfApprovalNode, WfFlow, WfNode, WfSettings } from '@concord/contracts';
import type { Command, Effect } from './workflow.commands.js';
import { compileFlow } from './workflow.compiler.js';
import { decide } from './workflow.decide.js';
import { MemoryOrg, type MemoryOrgInit } from './workflow.org.js';
import { createInstanceState, type WfTaskRow, type WorkflowState } from './workflow.state.js';

/*
 * Test kit for the engine core: terse flow builders and a `Run` that feeds commands to `decide`
 * the way the service will (state in, state out, effects collected), with a hand-moved clock.
 */

export const T0 = '2026-03-02T01:00:00.000Z';

type ApprovalInput = Partial<Omit<WfApprovalNode, 'id' | 'assignee'>>;

export const approval = (
  id: string,
  assignee: WfApprovalNode['assignee'],
  extra: ApprovalInput = {},
): WfNode => ({ id, name: id, type: 'approval', assignee, mode: 'and', ...extra }) as WfNode;
export const users = (...ids: string[]) => ({ users: ids });

/** Links nodes through `next`, returning the first. */
export function chain(...nodes: WfNode[]): WfNode {
  for (let i = 0; i < nodes.length - 1; i++) nodes[i].next = nodes[i + 1];
  return nodes[0];
}

export function flow(first: WfNode | undefined, settings: Partial<WfSettings> = {}): WfFlow {
  return {
    schemaVersion: 1,
    settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction', ...settings },
    root: { id: 'start', name: 'start', type: 'start', ...(first ? { next: first } : {}) },
  };
}

/**
 * A small company: CEO heads ROOT; MGR heads SALES (under ROOT); LEAD heads TEAM (under SALES).
 * EMP, A..E work in TEAM.
 */
export const baseOrg: MemoryOrgInit = {
  departments: [
    { id: 'ROOT', parentId: null, heads: ['CEO'] },
    { id: 'SALES', parentId: 'ROOT', heads: ['MGR'] },
    { id: 'TEAM', parentId: 'SALES', heads: ['LEAD'] },
  ],
  members: {
    CEO: 'ROOT',
    MGR: 'SALES',
    LEAD: 'TEAM',
    EMP: 'TEAM',
    A: 'TEAM',
    B: 'TEAM',
    C: 'TEAM',
    D: 'TEAM',
    E: 'TEAM',
  },
  roles: {},
  admins: ['ADMIN'],
};

export class Run {
  /** Called with every state a scenario reaches (the persistence test stores each one). */
  static observe: ((state: WorkflowState) => void) | null = null;
  state: WorkflowState;
  now = T0;
  effects: Effect[] = [];
  readonly org: MemoryOrg;

  constructor(
    wf: WfFlow,
    opts: { org?: Partial<MemoryOrgInit>; form?: Record<string, unknown>; initiator?: string } = {},
  ) {
    const compiled = compileFlow(wf);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const initiator = opts.initiator ?? 'EMP';
    const orgInit = { ...baseOrg, ...opts.org };
    this.org = new MemoryOrg(orgInit);
    this.state = createInstanceState(compiled.graph, {
      id: 'i1',
      title: 'test',
      initiatorId: initiator,
      initiatorDeptId: orgInit.members[initiator] ?? null,
      formData: opts.form ?? {},
    });
  }

  do(command: Command): this {
    const result = decide(this.state, command, this.now, this.org);
    this.state = result.state;
    Run.observe?.(result.state);
    this.effects = result.effects;
    return this;
  }

  submit(extra: Partial<Extract<Command, { type: 'submit' }>> = {}): this {
    return this.do({ type: 'submit', actorId: this.state.instance.initiatorId, ...extra });
  }

  /** The open (PENDING) task of a user; throws if there is none, so tests read as assertions. */
  task(userId: string): WfTaskRow {
    const task = this.state.tasks.find((t) => t.assigneeId === userId && t.status === 'PENDING');
    if (!task) throw new Error(`${userId} has no pending task; pending: ${this.pending().join(',')}`);
    return task;
  }

  approve(userId: string, extra: Record<string, unknown> = {}): this {
    return this.do({ type: 'approve', taskId: this.task(userId).id, actorId: userId, ...extra });
  }

  reject(userId: string, comment?: string): this {
    return this.do({ type: 'reject', taskId: this.task(userId).id, actorId: userId, comment });
  }

  pending(): string[] {
    return this.state.tasks.filter((t) => t.status === 'PENDING').map((t) => t.assigneeId);
  }

  tasksOf(userId: string): WfTaskRow[] {
    return this.state.tasks.filter((t) => t.assigneeId === userId);
  }

  get status() {
    return this.state.instance.status;
  }

  actions(): string[] {
    return this.state.log.map((l) => l.action);
  }

  reasons(): string[] {
    return this.state.log.map((l) => l.reasonCode);
  }

  /** Moves the clock to the earliest pending timer of a kind and fires it. */
  fire(kind: 'REMIND' | 'TIMEOUT' | 'DELAY'): this {
    const timer = this.state.timers
      .filter((t) => t.status === 'PENDING' && t.kind === kind)
      .sort((a, b) => a.fireAt.localeCompare(b.fireAt))[0];
    if (!timer) throw new Error(`no pending ${kind} timer`);
    this.now = timer.fireAt;
    return this.do({ type: 'timerFired', timerId: timer.id });
  }

  nodeStatus(nodeId: string): string[] {
    return this.state.nodes.filter((n) => n.nodeId === nodeId).map((n) => n.status);
  }
}
