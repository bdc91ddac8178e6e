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
  json: string;
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

export class ContractApprovals {
  readonly #shapes = new Map<string, Shape>();

  private constructor(
    private readonly graph: FlowGraph,
    private readonly definitionId: string,
    private readonly versionId: string,
    private readonly orgs: Map<string, MemoryOrg>,
    private readonly amountThreshold: number,
  ) {}

  static async load(
    db: Db,
    orgChart: (db: Db) => Promise<{
      departments: { id: string; parentId: string | null; headUserId: string | null }[];
      members: Record<string, string>;
      inactive: string[];
    }>,
    entityIds: string[],
  ): Promise<ContractApprovals> {
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
    const compiled = compileFlow(readJson<WfFlow>(version.flow, null as unknown as WfFlow));
    if (!compiled.ok)
      throw new Error(`contract.sign flow does not compile: ${JSON.stringify(compiled.errors)}`);
    const chart = await orgChart(db);
    const orgs = new Map<string, MemoryOrg>();
    for (const entityId of entityIds) {
      const roles = await roleHoldersIn(db, entityId);
      orgs.set(
        entityId,
        new MemoryOrg({
          departments: chart.departments.map((d) => ({
            id: d.id,
            parentId: d.parentId,
            heads: d.headUserId ? [d.headUserId] : [],
          })),
          members: chart.members,
          roles,
          inactive: chart.inactive,
          admins: roles.admin ?? [],
          proxies: [],
        }),
      );
    }
    return new ContractApprovals(compiled.graph, definition.id, version.id, orgs, 100_000_000);
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
    const large = contract.amount >= this.amountThreshold;
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
    const state = shape.json.replace(stepPattern, (match, step: string | undefined) => {
      if (step !== undefined) return at(Number(step));
      if (match === ID) return instanceId;
      if (match === TITLE) return JSON.stringify(title).slice(1, -1);
      return JSON.stringify(formData);
    });
    const finishedAt = pending ? null : at(shape.steps);
    return {
      instance: {
        id: instanceId,
        definition_id: this.definitionId,
        version_id: this.versionId,
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
    const org = this.orgs.get(entityId);
    if (!org) throw new Error(`no organisation for entity ${entityId}`);
    let state: WorkflowState = createInstanceState(this.graph, {
      id: ID,
      versionId: this.versionId,
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
    const nodeName = (nodeId: string) => this.graph.nodes[nodeId]?.name ?? nodeId;
    const shape: Shape = {
      json,
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
