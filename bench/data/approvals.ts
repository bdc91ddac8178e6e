import { readJson } from '../../apps/server/src/db/index.js';
import type { Db } from '../../apps/server/src/db/index.js';
import { roleHoldersIn } from '../../apps/server/src/platform/iam/index.js';
import {
  compileFlow,
  createInstanceState,
  decide,
  type FlowGraph,
  isOpenTask,
  MemoryOrg,
  type WorkflowState,
} from '../../apps/server/src/platform/workflow/index.js';
import type { WfFlow } from '@concord/contracts';
import type { Random } from './random.js';

/**
 * Approval instances of contracts (合同审批, business type `contract.sign`) with their tasks, CCs and
 * action log, as the approval engine leaves them. The states are not written by hand: the engine's
 * own pure `decide` runs the published flow against the demo's real organisation (the owner's
 * supervisor, the entity's legal and general-manager role holders, finance in CC), once per shape
 * (entity, initiator, amount branch, how far it got), with stand-in ids, title, form and instants;
 * each contract's instance is that shape's JSON with its own values put in. So a pending task can
 * be approved by the real engine afterwards (the benchmark's approvers do), and the projections
 * (wf_task, wf_cc, wf_action_log) are derived from the state as workflow.persistence.ts derives them.
 */
const ID = '@@instance@@';
const TITLE = '@@title@@';
const FORM = '@@form@@';
/** Stand-in instants, one per step: submit, then each decision (`2000-01-01T00:00:0k.000Z`). */
const stepInstant = (k: number) => new Date(Date.UTC(2000, 0, 1) + k * 1000).toISOString();
const stepPattern = /2000-01-01T00:00:0(\d)\.000Z|@@instance@@|@@title@@|"@@form@@"/g;
/** The amount condition's threshold in the demo flow is ¥1M; shapes need one amount either side. */
const SMALL = 100;
const LARGE = 10_000_000_000;

interface Shape {
  /** The stored state's JSON cut at its stand-ins: text, stand-in, text, … (one more text than stand-ins). */
  parts: string[];
  slots: (number | 'id' | 'title' | 'form')[];
  status: string;
  lockVersion: number;
  /** Decisions taken (steps after submit). */
  steps: number;
  tasks: {
    task_key: string;
    node_id: string;
    node_name: string;
    assignee_id: string;
    on_behalf_of: string | null;
    status: string;
    open: boolean;
    created: number;
    decided: number | null;
  }[];
  ccs: { cc_key: string; user_id: string; created: number; read: number | null }[];
  log: {
    seq: number;
    at: number;
    action: string;
    reason_code: string;
    actor_id: string;
    on_behalf_of: string | null;
    node_id: string | null;
    task_key: string | null;
    comment: string | null;
    detail: unknown;
  }[];
  /** The user who decided last (the contract's `approved` audit entry is theirs). */
  lastActor: string;
}

export interface ApprovalRows {
  instance: Record<string, unknown>;
  tasks: Record<string, unknown>[];
  ccs: Record<string, unknown>[];
  log: Record<string, unknown>[];
  lastActor: string;
  finishedAt: string | null;
}

/**
 * What the approvals are drawn from, read from the database once: the published contract.sign flow,
 * the organisation chart and each entity's role holders. Plain data, so the drawing worker
 * (draw.worker.ts) gets a copy and builds the engine's inputs itself.
 */
export interface ApprovalSetup {
  definitionId: string;
  versionId: string;
  flow: WfFlow;
  chart: {
    departments: { id: string; parentId: string | null; headUserId: string | null }[];
    members: Record<string, string>;
    inactive: string[];
  };
  roles: Record<string, Record<string, string[]>>;
}

export async function readApprovalSetup(
  db: Db,
  orgChart: (db: Db) => Promise<ApprovalSetup['chart']>,
  entityIds: string[],
): Promise<ApprovalSetup> {
  const definition = await db
    .selectFrom('wf_definition')
    .select(['id', 'current_version_id'])
    .where('business_type', '=', 'contract.sign')
    .where('entity_id', 'is', null)
    .orderBy('priority', 'desc')
    .executeTakeFirstOrThrow();
  const version = await db
    .selectFrom('wf_definition_version')
    .select(['id', 'flow'])
    .where('id', '=', definition.current_version_id as string)
    .executeTakeFirstOrThrow();
  const roles: ApprovalSetup['roles'] = {};
  for (const entityId of entityIds) roles[entityId] = await roleHoldersIn(db, entityId);
  return {
    definitionId: definition.id,
    versionId: version.id,
    flow: readJson<WfFlow>(version.flow, null as unknown as WfFlow),
    chart: await orgChart(db),
    roles,
  };
}

export class ContractApprovals {
  readonly #shapes = new Map<string, Shape>();
  readonly #graph: FlowGraph;
  readonly #orgs = new Map<string, MemoryOrg>();
  /** The demo flow's amount condition: ¥1M and more goes to the general manager. */
  readonly #amountThreshold = 100_000_000;

  constructor(private readonly setup: ApprovalSetup) {
    const compiled = compileFlow(setup.flow);
    if (!compiled.ok)
      throw new Error(`contract.sign flow does not compile: ${JSON.stringify(compiled.errors)}`);
    this.#graph = compiled.graph;
    const departments = setup.chart.departments.map((d) => ({
      id: d.id,
      parentId: d.parentId,
      heads: d.headUserId ? [d.headUserId] : [],
    }));
    for (const [entityId, roles] of Object.entries(setup.roles)) {
      this.#orgs.set(
        entityId,
        new MemoryOrg({
          departments,
          members: setup.chart.members,
          roles,
          inactive: setup.chart.inactive,
          admins: roles.admin ?? [],
          proxies: [],
        }),
      );
    }
  }

  /**
   * The instance of a submitted contract: `pending` leaves it running at a random open task
   * (IN_APPROVAL), else approved. `times` gives the instants of submit and each decision.
   */
  instanceFor(
    random: Random,
    contract: {
      id: string;
      name: string;
      number: string | null;
      entity_id: string;
      department_id: string;
      owner_id: string;
      amount: number;
      currency: string;
    },
    formData: Record<string, unknown>,
    pending: boolean,
    submittedAt: string,
  ): ApprovalRows {
    const large = contract.amount >= this.#amountThreshold;
    const full = this.shape(contract.entity_id, contract.owner_id, contract.department_id, large, null);
    const shape = pending
      ? this.shape(
          contract.entity_id,
          contract.owner_id,
          contract.department_id,
          large,
          random.int(0, Math.max(0, full.steps - 1)),
        )
      : full;
    // Decisions a few working hours to two days apart.
    const times = [Date.parse(submittedAt)];
    for (let k = 1; k <= shape.steps; k++) times.push(times[k - 1] + random.int(600, 2 * 86_400) * 1000);
    const at = (k: number) => new Date(times[k]).toISOString();
    const title = `合同审批：${contract.name}（${contract.number}）`.slice(0, 200);
    const instanceId = random.id();
    const instants = times.map((_, k) => at(k));
    const values = {
      id: instanceId,
      title: JSON.stringify(title).slice(1, -1),
      form: JSON.stringify(formData),
    };
    let state = shape.parts[0];
    for (let i = 0; i < shape.slots.length; i++) {
      const slot = shape.slots[i];
      state += (typeof slot === 'number' ? instants[slot] : values[slot]) + shape.parts[i + 1];
    }
    const finishedAt = pending ? null : at(shape.steps);
    return {
      instance: {
        id: instanceId,
        definition_id: this.setup.definitionId,
        version_id: this.setup.versionId,
        business_type: 'contract.sign',
        subject_id: contract.id,
        entity_id: contract.entity_id,
        department_id: contract.department_id,
        title,
        initiator_id: contract.owner_id,
        amount: contract.amount,
        currency: contract.currency,
        status: shape.status,
        lock_version: shape.lockVersion,
        state,
        submitted_at: at(0),
        finished_at: finishedAt,
        created_at: at(0),
        updated_at: at(shape.steps),
      },
      tasks: shape.tasks.map((t) => ({
        instance_id: instanceId,
        task_key: t.task_key,
        node_id: t.node_id,
        node_name: t.node_name,
        assignee_id: t.assignee_id,
        on_behalf_of: t.on_behalf_of,
        status: t.status,
        open: t.open,
        created_at: at(t.created),
        decided_at: t.decided === null ? null : at(t.decided),
      })),
      ccs: shape.ccs.map((c) => ({
        instance_id: instanceId,
        cc_key: c.cc_key,
        user_id: c.user_id,
        created_at: at(c.created),
        read_at: c.read === null ? null : at(c.read),
      })),
      log: shape.log.map((l) => ({
        instance_id: instanceId,
        seq: l.seq,
        at: at(l.at),
        action: l.action,
        reason_code: l.reason_code,
        actor_id: l.actor_id,
        on_behalf_of: l.on_behalf_of,
        node_id: l.node_id,
        task_key: l.task_key,
        comment: l.comment,
        detail: l.detail,
        request_id: null,
      })),
      lastActor: shape.lastActor,
      finishedAt,
    };
  }

  /** The engine's state after submit and `stopAfter` approvals (null: until it finishes). */
  private shape(
    entityId: string,
    ownerId: string,
    departmentId: string,
    large: boolean,
    stopAfter: number | null,
  ): Shape {
    const key = `${entityId}|${ownerId}|${departmentId}|${large}|${stopAfter}`;
    const known = this.#shapes.get(key);
    if (known) return known;
    const org = this.#orgs.get(entityId);
    if (!org) throw new Error(`no organisation for entity ${entityId}`);
    let state: WorkflowState = createInstanceState(this.#graph, {
      id: ID,
      versionId: this.setup.versionId,
      title: TITLE,
      initiatorId: ownerId,
      initiatorDeptId: departmentId,
      entityId,
      currency: 'CNY',
      formData: { amount: large ? LARGE : SMALL },
    });
    state = decide(state, { type: 'submit', actorId: ownerId }, stepInstant(0), org).state;
    let steps = 0;
    let lastActor = ownerId;
    while (state.instance.status === 'RUNNING' && (stopAfter === null || steps < stopAfter)) {
      const task = state.tasks.find((t) => t.status === 'PENDING');
      if (!task) break;
      steps += 1;
      if (steps > 9) throw new Error('contract.sign shape takes more than 9 decisions');
      lastActor = task.assigneeId;
      state = decide(
        state,
        { type: 'approve', actorId: task.assigneeId, taskId: task.id, comment: '同意' },
        stepInstant(steps),
        org,
      ).state;
    }
    const stepOf = (instant: string | null) => (instant === null ? null : Number(instant.slice(18, 19)));
    const { graph: _graph, ...stored } = state;
    const json = JSON.stringify({ ...stored, instance: { ...stored.instance, formData: FORM } });
    // Cut once here; each contract's state is then a join of the parts with its own values.
    const parts: string[] = [];
    const slots: Shape['slots'] = [];
    let from = 0;
    for (const match of json.matchAll(stepPattern)) {
      parts.push(json.slice(from, match.index));
      slots.push(
        match[1] !== undefined
          ? Number(match[1])
          : match[0] === ID
            ? 'id'
            : match[0] === TITLE
              ? 'title'
              : 'form',
      );
      from = (match.index ?? 0) + match[0].length;
    }
    parts.push(json.slice(from));
    const nodeName = (nodeId: string) => this.#graph.nodes[nodeId]?.name ?? nodeId;
    const shape: Shape = {
      parts,
      slots,
      status: state.instance.status,
      lockVersion: state.instance.lockVersion,
      steps,
      tasks: state.tasks.map((t) => ({
        task_key: t.id,
        node_id: t.nodeId,
        node_name: nodeName(t.nodeId),
        assignee_id: t.assigneeId,
        on_behalf_of: t.proxyForId,
        status: t.status,
        open: isOpenTask(t) && t.status !== 'WAIT',
        created: stepOf(t.createdAt) as number,
        decided: stepOf(t.decidedAt),
      })),
      ccs: state.ccs.map((c) => ({
        cc_key: c.id,
        user_id: c.userId,
        created: stepOf(c.createdAt) as number,
        read: stepOf(c.readAt),
      })),
      log: state.log.map((l) => ({
        seq: l.seq,
        at: stepOf(l.at) as number,
        action: l.action,
        reason_code: l.reasonCode,
        actor_id: l.actorId,
        on_behalf_of: l.onBehalfOf,
        node_id: l.nodeId,
        task_key: l.taskId,
        comment: l.comment,
        detail: l.detail ?? (l.formDiff ? { formDiff: l.formDiff } : null),
      })),
      lastActor,
    };
    this.#shapes.set(key, shape);
    return shape;
  }
}
