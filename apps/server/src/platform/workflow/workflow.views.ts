import type {
  Currency,
  Page,
  WfActionName,
  WfFieldPerm,
  WfInstanceDetail,
  WfListItem,
  WfPendingTask,
} from '@concord/contracts';
import type { z } from 'zod';
import type {
  wfPendingTaskQuerySchema,
  wfPreviewBodySchema,
  wfTaskListQuerySchema,
} from '@concord/contracts';
import { type Db, newId, readInstant } from '../../db/index.js';
import type { Clock } from '../jobs/index.js';
import { AppError, notFound, type RequestContext } from '../http/index.js';
import { predictApprovers, resolveAssignee } from './workflow.assignees.js';
import { attachmentIdsOf } from './workflow.attachments.js';
import type { Ctx } from './workflow.context.js';
import { previewPath, returnTargetsOf } from './workflow.decide.js';
import { HOME_CURRENCY } from '@concord/contracts';
import type { WorkflowDefinitionsService } from './workflow.definitions.service.js';
import type { MemoryOrg } from './workflow.org.js';
import * as monitorRepo from './workflow.monitor.repository.js';
import * as repo from './workflow.repository.js';
import type { WorkflowService } from './workflow.service.js';
import type { ApprovalSubjects } from './workflow.subjects.js';
import { createInstanceState, isOpenTask, type WorkflowState } from './workflow.state.js';

type ListQuery = z.infer<typeof wfTaskListQuerySchema>;
type PreviewBody = z.infer<typeof wfPreviewBodySchema>;
type PendingQuery = z.infer<typeof wfPendingTaskQuerySchema>;
type PathStep = WfInstanceDetail['path'][number];

/** What users see of approvals: the approval centre's lists and counts, an instance's detail, the path preview. */
export class WorkflowViews {
  private readonly db: Db;

  constructor(
    db: Db,
    private readonly engine: WorkflowService,
    private readonly definitions: WorkflowDefinitionsService,
    private readonly subjects: ApprovalSubjects,
    private readonly people: {
      names: (db: Db, ids: string[]) => Promise<Map<string, string>>;
      departmentName: (db: Db, userId: string) => Promise<string | null>;
      /** Names of uploaded files (comment attachments), from the files module. */
      fileNames?: (db: Db, ids: string[]) => Promise<Map<string, string>>;
      /** Who can no longer sign in (the approval monitor shows and filters their tasks). */
      inactive?: (db: Db) => Promise<string[]>;
    },
    private readonly clock: Clock,
  ) {
    this.db = db;
  }

  async list(ctx: RequestContext, query: ListQuery): Promise<Page<WfListItem>> {
    const userId = requireUser(ctx);
    const page = await repo.centrePage(this.db, query.tab, userId, query, query);
    const names = await this.people.names(this.db, [...new Set(page.items.map((r) => r.initiator_id))]);
    return {
      ...page,
      items: page.items.map((row) => ({
        instanceId: row.instance_id,
        taskId: row.task_key,
        title: row.title,
        businessType: row.business_type,
        initiatorId: row.initiator_id,
        initiatorName: names.get(row.initiator_id) ?? '',
        status: row.status as WfListItem['status'],
        nodeName: row.node_name,
        taskStatus: row.task_status,
        submittedAt: readInstant(row.submitted_at),
        at: readInstant(row.at)!,
        read: query.tab === 'cc' ? row.read_at !== null : null,
      })),
    };
  }

  /**
   * The approval monitor (审批监控): tasks waiting on someone in running approvals the administrator
   * oversees, oldest first, to move those stuck with someone absent or gone (transfer as admin).
   */
  async pendingTasks(ctx: RequestContext, query: PendingQuery): Promise<Page<WfPendingTask>> {
    const scope = await ctx.access.require('workflow.instance.admin');
    const inactive = new Set((await this.people.inactive?.(this.db)) ?? []);
    const assigneeIds =
      query.disabledOnly === 'true'
        ? [...inactive].filter((id) => !query.assigneeId || id === query.assigneeId)
        : query.assigneeId
          ? [query.assigneeId]
          : undefined;
    const page = await monitorRepo.pendingTaskPage(
      this.db,
      scope,
      { q: query.q, assigneeIds, businessType: query.businessType, sort: query.sort },
      query,
    );
    const names = await this.people.names(this.db, [...new Set(page.items.map((r) => r.assignee_id))]);
    return {
      ...page,
      items: page.items.map((row) => ({
        instanceId: row.instance_id,
        taskId: row.task_key,
        title: row.title,
        businessType: row.business_type,
        nodeName: row.node_name,
        assigneeId: row.assignee_id,
        assigneeName: names.get(row.assignee_id) ?? '',
        assigneeActive: !inactive.has(row.assignee_id),
        waiting: row.status === 'WAIT',
        createdAt: readInstant(row.created_at)!,
      })),
    };
  }

  counts(ctx: RequestContext) {
    return repo.centreCounts(this.db, requireUser(ctx));
  }

  /**
   * An instance as its viewer may see it: the initiator, anyone with a task or a CC on it, or a
   * holder of `workflow.instance.view` whose scope covers its entity. Opening a CC marks it read.
   */
  async detail(ctx: RequestContext, instanceId: string): Promise<WfInstanceDetail> {
    const userId = requireUser(ctx);
    const row = await repo.findInstance(this.db, instanceId);
    if (!row) throw notFound();
    await this.engine.assertVisible(this.db, ctx, row);
    const participant =
      row.initiator_id === userId || (await repo.isParticipant(this.db, instanceId, userId));
    await repo.markCcRead(this.db, instanceId, userId, this.clock.now().toISOString());
    const state = await this.engine.stateOf(this.db, row);
    const org = await this.engine.snapshot(this.db, state);
    const instance = state.instance;
    const myTask = state.tasks.find((t) => t.assigneeId === userId && t.status === 'PENDING') ?? null;
    const myNode = myTask ? state.graph.nodes[myTask.nodeId] : null;
    const isInitiator = instance.initiatorId === userId;

    const perms = this.fieldPerms(state, myNode?.def, isInitiator);
    const formData = Object.fromEntries(
      Object.entries(instance.formData).filter(([key]) => perms[key] !== 'hidden'),
    );
    const people = new Set<string>([instance.initiatorId]);
    for (const task of state.tasks) people.add(task.assigneeId).add(task.originalAssigneeId);
    for (const entry of state.log) if (entry.actorId !== 'system') people.add(entry.actorId);
    for (const entry of state.log) if (entry.onBehalfOf) people.add(entry.onBehalfOf);
    const path = this.path(state, org);
    for (const step of path) for (const a of step.approvers) people.add(a.id);
    const names = await this.people.names(this.db, [...people]);
    const fileIds = [...new Set(state.log.flatMap((entry) => attachmentIdsOf(entry.detail)))];
    const fileNames =
      fileIds.length && this.people.fileNames ? await this.people.fileNames(this.db, fileIds) : null;
    for (const step of path) for (const a of step.approvers) a.name = names.get(a.id) ?? a.id;

    const running = instance.status === 'RUNNING';
    const def = myNode?.def as
      | { buttons?: Record<string, boolean | undefined>; commentRequired?: boolean }
      | undefined;
    const buttons = def?.buttons ?? {};
    const returnTargets = myTask ? returnTargetsOf(state, myTask.id, org) : [];
    const taskActions: WfActionName[] = [];
    if (myTask) {
      taskActions.push('approve');
      if (myNode?.type !== 'handle') taskActions.push('reject');
      if (buttons.return !== false && returnTargets.length) taskActions.push('return');
      if (buttons.transfer !== false) taskActions.push('transfer');
      if (buttons.addSign !== false && !myTask.parentTaskId) taskActions.push('addSign');
      if (buttons.delegate !== false && myTask.signType !== 'DELEGATE') taskActions.push('delegate');
      if (myTask.signType === 'DELEGATE') taskActions.splice(0, taskActions.length, 'delegateReply');
    }
    const actions: WfActionName[] = [];
    const withdrawRule = state.graph.settings.initiatorWithdraw;
    if (isInitiator && running && withdrawRule !== 'never') actions.push('withdraw');
    if (isInitiator && running) actions.push('remind');
    if (running && (isInitiator || participant)) actions.push('addCc');
    if (isInitiator && instance.status === 'RETURNED') actions.push('resubmit');

    return {
      id: instance.id,
      title: instance.title,
      businessType: row.business_type,
      subjectId: row.subject_id,
      status: instance.status,
      lockVersion: instance.lockVersion,
      initiator: {
        id: instance.initiatorId,
        name: names.get(instance.initiatorId) ?? '',
        departmentName: await this.people.departmentName(this.db, instance.initiatorId),
      },
      submittedAt: instance.submittedAt,
      finishedAt: instance.finishedAt,
      fields:
        (await this.subjects.forBusinessType(row.business_type)?.fields?.(this.db, row.subject_id)) ?? null,
      documentLink:
        (await this.subjects
          .forBusinessType(row.business_type)
          ?.link?.(this.db, row.subject_id, row.business_type)) ?? null,
      formData,
      currency: row.currency as Currency,
      fieldPerms: perms,
      path,
      timeline: state.log.map((entry) => ({
        seq: entry.seq,
        at: entry.at,
        action: entry.action,
        reasonCode: entry.reasonCode,
        actorId: entry.actorId,
        actorName: entry.actorId === 'system' ? null : (names.get(entry.actorId) ?? null),
        onBehalfOfName: entry.onBehalfOf ? (names.get(entry.onBehalfOf) ?? null) : null,
        nodeId: entry.nodeId,
        nodeName: entry.nodeId ? (state.graph.nodes[entry.nodeId]?.name ?? null) : null,
        comment: entry.comment,
        detail: entry.detail ?? (entry.formDiff ? { formDiff: entry.formDiff } : null),
        attachments: attachmentIdsOf(entry.detail).map((id) => ({ id, name: fileNames?.get(id) ?? id })),
      })),
      myTask:
        myTask && myNode
          ? {
              taskId: myTask.id,
              nodeId: myNode.id,
              nodeName: myNode.name,
              actions: taskActions,
              commentRequired: def?.commentRequired ?? false,
              returnTargets: returnTargets.map((id) => ({
                nodeId: id,
                name: state.graph.nodes[id]?.name ?? id,
              })),
            }
          : null,
      actions,
    };
  }

  /** The approvers a document would meet, before it is submitted. */
  async preview(ctx: RequestContext, body: PreviewBody) {
    const userId = requireUser(ctx);
    const actor = ctx.actor!;
    const entityId = body.entityId ?? actor.actingEntityId;
    const resolved = await this.definitions.resolveFor(this.db, {
      businessType: body.businessType,
      entityId,
      amount: body.amount ?? null,
      currency: body.currency ?? HOME_CURRENCY,
      category: body.category ?? null,
    });
    const state = createInstanceState(resolved.graph, {
      id: newId(),
      title: '',
      initiatorId: userId,
      initiatorDeptId: actor.mainDepartmentId,
      entityId,
      currency: body.currency ?? HOME_CURRENCY,
      // A document's submission carries its amount in the form as well (a contract's `amount`), and
      // conditions read the form: the preview routes on the same, so a top-level amount counts.
      formData:
        body.amount !== undefined && body.formData.amount === undefined
          ? { ...body.formData, amount: body.amount }
          : body.formData,
    });
    const org = await this.engine.snapshot(this.db, state);
    const path = this.path(state, org);
    const names = await this.people.names(this.db, [
      ...new Set(path.flatMap((s) => s.approvers.map((a) => a.id))),
    ]);
    for (const step of path) for (const a of step.approvers) a.name = names.get(a.id) ?? a.id;
    return { definitionId: resolved.definition.id, definitionName: resolved.definition.name, path };
  }

  /** Steps passed (from the node instances) followed by the predicted rest of the way. */
  private path(state: WorkflowState, org: MemoryOrg): PathStep[] {
    const steps: PathStep[] = [];
    const visited = new Set<string>();
    for (const ni of [...state.nodes].sort((a, b) => a.createdSeq - b.createdSeq)) {
      const node = state.graph.nodes[ni.nodeId];
      if (!node || node.type === 'condition' || node.type === 'parallel' || node.type === 'inclusive')
        continue;
      visited.add(ni.nodeId);
      const tasks = state.tasks.filter((t) => t.nodeInstanceId === ni.id);
      steps.push({
        nodeId: ni.nodeId,
        name: node.name,
        type: node.type,
        state:
          ni.status === 'ACTIVE' || ni.status === 'WAITING'
            ? 'active'
            : ni.status === 'SKIPPED'
              ? 'skipped'
              : 'done',
        approvers: (tasks.length
          ? tasks.map((t) => ({ id: t.assigneeId, status: t.status }))
          : ni.resolvedAssignees.map((id) => ({ id, status: null }))
        ).map((a) => ({ ...a, name: a.id })),
      });
    }
    const running = state.instance.status === 'RUNNING' || state.instance.status === 'DRAFT';
    if (!running) return steps;
    const ctx: Ctx = {
      s: state,
      now: this.clock.now().toISOString(),
      org,
      cmd: { type: 'timerFired', timerId: '' },
      effects: [],
    };
    for (const nodeId of previewPath(state, org)) {
      const node = state.graph.nodes[nodeId];
      if (!node || visited.has(nodeId) || !['approval', 'handle', 'cc', 'start'].includes(node.type))
        continue;
      const def = node.def as { assignee?: Parameters<typeof resolveAssignee>[1] };
      const select = def.assignee && 'initiatorSelect' in def.assignee ? def.assignee.initiatorSelect : null;
      const approval = node.def.type === 'approval' || node.def.type === 'handle' ? node.def : null;
      // An approval step's empty rule shows in the preview; the initiator's pick is never "empty".
      const predicted =
        approval && !select
          ? predictApprovers(ctx, approval)
          : {
              users:
                node.type === 'start'
                  ? [state.instance.initiatorId]
                  : def.assignee
                    ? safeResolve(ctx, def.assignee, nodeId)
                    : [],
              empty: null,
            };
      steps.push({
        nodeId,
        name: node.name,
        type: node.type,
        state: 'pending',
        approvers: predicted.users.map((id) => ({ id, name: id, status: null })),
        select: select ? { multiple: select.multiple, range: select.range ?? null } : null,
        ...(approval && { mandatory: approval.mandatory === true, empty: predicted.empty }),
      });
    }
    return steps;
  }

  /** Per form field, what the viewer may do: the node's settings for an approver, the start node's for the initiator. */
  private fieldPerms(
    state: WorkflowState,
    nodeDef: unknown,
    isInitiator: boolean,
  ): Record<string, WfFieldPerm> {
    const keys = Object.keys(state.instance.formData);
    const startDef = state.graph.nodes[state.graph.rootId]?.def as
      | { fieldPerms?: Record<string, WfFieldPerm> }
      | undefined;
    const startPerms = startDef?.fieldPerms ?? {};
    const nodePerms = (nodeDef as { fieldPerms?: Record<string, WfFieldPerm> } | undefined)?.fieldPerms;
    const editableByInitiator = isInitiator && state.instance.status === 'RETURNED';
    const perms: Record<string, WfFieldPerm> = {};
    for (const key of keys) {
      if (nodePerms) perms[key] = nodePerms[key] ?? 'read';
      else if (editableByInitiator) perms[key] = startPerms[key] ?? 'edit';
      else perms[key] = startPerms[key] === 'hidden' && !isInitiator ? 'hidden' : 'read';
    }
    return perms;
  }
}

function safeResolve(ctx: Ctx, assignee: Parameters<typeof resolveAssignee>[1], nodeId: string): string[] {
  try {
    return resolveAssignee(ctx, assignee, nodeId);
  } catch {
    return []; // e.g. an initiator-select node before the selection is made
  }
}

function requireUser(ctx: RequestContext): string {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor.userId;
}

export { isOpenTask };
