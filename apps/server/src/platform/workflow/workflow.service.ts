import type { WfActionBody } from '@concord/contracts';
import { type Db, newId } from '../../db/index.js';
import { isInScope } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { AppError, notFound, type RequestContext } from '../http/index.js';
import { bodyHash, toCommand } from './workflow.action-body.js';
import { attachToAction, checkAttachments, type VisibleFileIds } from './workflow.attachments.js';
import type { Command, Effect } from './workflow.commands.js';
import { type DecideResult, decide } from './workflow.decide.js';
import type { WorkflowDefinitionsService } from './workflow.definitions.service.js';
import { refuseUnlikeCurrencies } from './workflow.currency-check.js';
import { type EffectsDeps, WorkflowEffects } from './workflow.effects.js';
import { WorkflowError } from './workflow.errors.js';
import type { MemoryOrg } from './workflow.org.js';
import { fromStored, persistState } from './workflow.persistence.js';
import * as repo from './workflow.repository.js';
import { loadOrgSnapshot, type OrgSource } from './workflow.snapshot.js';
import { childStartInput, type StartInput } from './workflow.start-input.js';
import { createInstanceState, type WorkflowState } from './workflow.state.js';
import type { WfInstanceTable } from './workflow.tables.js';
import type { WebhookOutcome } from './workflow.webhook.js';

export { WORKFLOW_TIMER_JOB } from './workflow.effects.js';
export type { StartInput } from './workflow.start-input.js';
/**
 * Runs approvals: starts an instance for a document and applies every action as one transaction
 * that locks the instance row, decides with the pure core, persists the new state and its
 * projections, and hands side effects to the outbox (notifications, timers) or to the document's
 * approval subject (same transaction).
 */
export class WorkflowService {
  private readonly db: Db;
  private readonly effects: WorkflowEffects;

  constructor(
    db: Db,
    private readonly deps: EffectsDeps & {
      audit: AuditService;
      definitions: WorkflowDefinitionsService;
      orgSource: OrgSource;
      /** Checks comment attachments (FilesService.visibleIds); without it none are accepted. */
      visibleFileIds?: VisibleFileIds;
    },
  ) {
    this.db = db;
    this.effects = new WorkflowEffects(deps, (trx, ctx, state, row, effect) =>
      this.startChild(trx, ctx, state, row, effect),
    );
    // The engine is the subject of its own child flows: a finished child reports to its parent.
    deps.subjects.register({
      type: 'workflow',
      onApproved: (trx, ctx, subjectId, instanceId) =>
        this.childFinished(trx, ctx, subjectId, instanceId, 'approved'),
      onRejected: (trx, ctx, subjectId, instanceId) =>
        this.childFinished(trx, ctx, subjectId, instanceId, 'rejected'),
      onWithdrawn: (trx, ctx, subjectId, instanceId) =>
        this.childFinished(trx, ctx, subjectId, instanceId, 'canceled'),
    });
  }

  /** Starts the approval of a document, inside the caller's transaction (the document's own write). */
  async start(trx: Db, ctx: RequestContext, input: StartInput): Promise<string> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const resolved = input.flowKey
      ? await this.deps.definitions.resolveByKey(trx, input.flowKey)
      : await this.deps.definitions.resolveFor(trx, input);
    return this.startOn(trx, ctx, input, actor.userId, resolved);
  }

  private async startOn(
    trx: Db,
    ctx: RequestContext,
    input: StartInput,
    initiatorId: string,
    { definition, versionId, graph }: Awaited<ReturnType<WorkflowDefinitionsService['resolveFor']>>,
  ): Promise<string> {
    await refuseUnlikeCurrencies(trx, this.deps.subjects, input, definition.name, graph);
    const now = this.now();
    const id = newId();
    const draft = createInstanceState(graph, {
      id,
      versionId,
      title: input.title,
      initiatorId,
      initiatorDeptId: input.departmentId,
      entityId: input.entityId,
      currency: input.currency,
      formData: input.formData,
    });
    const org = await this.snapshot(trx, draft);
    const result = this.decideOrRefuse(
      draft,
      { type: 'submit', actorId: initiatorId, selections: input.selections },
      now,
      org,
    );
    await repo.insertInstance(trx, {
      id,
      definition_id: definition.id,
      version_id: versionId,
      business_type: input.businessType,
      subject_id: input.subjectId,
      entity_id: input.entityId,
      department_id: input.departmentId,
      title: input.title,
      initiator_id: initiatorId,
      amount: input.amount,
      currency: input.currency,
      status: draft.instance.status,
      lock_version: draft.instance.lockVersion,
      state: { ...draft, graph: undefined },
      submitted_at: null,
      finished_at: null,
      created_at: now,
      updated_at: now,
    });
    await persistState(trx, draft, result.state, ctx.requestId, now);
    await this.effects.apply(trx, ctx, result.state, result.effects);
    await this.deps.audit.record(trx, ctx, {
      entityType: 'workflow_instance',
      entityId: id,
      action: 'submit',
      changes: [{ field: 'status', old: null, new: result.state.instance.status }],
    });
    return id;
  }

  /** One action by the signed-in user; idempotent per `requestId`. */
  async act(ctx: RequestContext, instanceId: string, body: WfActionBody): Promise<void> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const asAdmin = ctx.access.has('workflow.instance.admin');
    // Before the transaction: the access check behind file visibility reads outside it (SQLite has one connection).
    const attachmentIds = await checkAttachments(this.db, ctx, body.attachmentIds, this.deps.visibleFileIds);
    await this.db.transaction().execute(async (trx) => {
      if (body.requestId) {
        const seen = await repo.findRequest(trx, body.requestId);
        const hash = bodyHash(instanceId, body);
        if (seen) {
          if (seen.body_hash !== hash || seen.actor_id !== actor.userId) {
            throw new AppError('CONFLICT');
          }
          return; // already applied: the caller gets the current detail, no second effect
        }
        await repo.insertRequest(trx, {
          request_id: body.requestId,
          instance_id: instanceId,
          actor_id: actor.userId,
          body_hash: hash,
          created_at: this.now(),
        });
      }
      const row = await repo.lockInstance(trx, instanceId);
      if (!row) throw notFound();
      await this.assertVisible(trx, ctx, row);
      const state = await this.stateOf(trx, row);
      const command = toCommand(body, actor.userId, asAdmin);
      const result = this.decideOrRefuse(state, command, this.now(), await this.snapshot(trx, state));
      attachToAction(state, result.state, actor.userId, attachmentIds);
      if (result.state === state) return; // nothing changed (e.g. a repeated remind)
      await persistState(trx, state, result.state, ctx.requestId, this.now());
      await this.reportFormChange(trx, ctx, row, state, result.state);
      await this.effects.apply(trx, ctx, result.state, result.effects, row);
      await this.deps.audit.record(trx, ctx, {
        entityType: 'workflow_instance',
        entityId: instanceId,
        action: body.action,
        changes: [{ field: 'status', old: state.instance.status, new: result.state.instance.status }],
      });
    });
  }

  /**
   * Commands Concord issues itself on an instance inside the caller's transaction (a leaving user's
   * tasks handed over): `commandsFor` sees the locked state and the org snapshot and returns the
   * commands to apply in turn; the result is persisted, its effects applied and the action audited.
   */
  async applyInTransaction(
    trx: Db,
    ctx: RequestContext,
    instanceId: string,
    auditAction: string,
    commandsFor: (state: WorkflowState, org: MemoryOrg) => Command[],
  ): Promise<number> {
    const row = await repo.lockInstance(trx, instanceId);
    if (!row) return 0;
    const before = await this.stateOf(trx, row);
    const org = await this.snapshot(trx, before);
    const commands = commandsFor(before, org);
    let state = before;
    const effects: Effect[] = [];
    for (const command of commands) {
      const result = this.decideOrRefuse(state, command, this.now(), org);
      state = result.state;
      effects.push(...result.effects);
    }
    if (state === before) return 0;
    await persistState(trx, before, state, ctx.requestId, this.now());
    await this.effects.apply(trx, ctx, state, effects, row);
    await this.deps.audit.record(trx, ctx, {
      entityType: 'workflow_instance',
      entityId: instanceId,
      action: auditAction,
      changes: [{ field: 'status', old: before.instance.status, new: state.instance.status }],
    });
    return commands.length;
  }

  /** A reminder, timeout or delay came due (run by the job runner). */
  async fireTimer(instanceId: string, timerId: string, ctx: RequestContext): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await repo.lockInstance(trx, instanceId);
      if (!row) return;
      const state = await this.stateOf(trx, row);
      const result = decide(
        state,
        { type: 'timerFired', timerId },
        this.now(),
        await this.snapshot(trx, state),
      );
      if (result.state === state) return; // cancelled meanwhile: nothing to do
      await persistState(trx, state, result.state, null, this.now());
      await this.effects.apply(trx, ctx, result.state, result.effects, row);
    });
  }

  /** A trigger node's call came back (run by the webhook job); a result for an older attempt is ignored. */
  async webhookResult(
    instanceId: string,
    nodeInstanceId: string,
    attempt: number,
    outcome: WebhookOutcome,
    ctx: RequestContext,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await repo.lockInstance(trx, instanceId);
      if (!row) return;
      const state = await this.stateOf(trx, row);
      if (state.nodes.find((n) => n.id === nodeInstanceId)?.attempts !== attempt) return;
      const result = decide(
        state,
        { type: 'webhookResult', nodeInstanceId, ...outcome },
        this.now(),
        await this.snapshot(trx, state),
      );
      if (result.state === state) return; // no longer waiting: nothing to do
      await persistState(trx, state, result.state, null, this.now());
      await this.effects.apply(trx, ctx, result.state, result.effects, row);
    });
  }

  /**
   * Starts a sub-process node's child (effect startSubprocess) in the parent's transaction: the
   * active, published flow with that key, by the parent's initiator, in the parent's entity.
   */
  private async startChild(
    trx: Db,
    ctx: RequestContext,
    state: WorkflowState,
    row: WfInstanceTable | undefined,
    effect: Extract<Effect, { kind: 'startSubprocess' }>,
  ): Promise<void> {
    const parent = state.instance;
    const resolved = await this.deps.definitions.resolveByKey(trx, effect.definitionKey);
    await this.startOn(trx, ctx, childStartInput(state, row, effect), parent.initiatorId, resolved);
  }

  /**
   * A child instance finished: feeds `subprocessResult` to its parent, whose row is locked in the
   * child's transaction (the same `trx`: SQLite has one connection). Outputs: the child's final form.
   */
  private async childFinished(
    trx: Db,
    ctx: RequestContext,
    subjectId: string,
    childId: string,
    outcome: 'approved' | 'rejected' | 'canceled',
  ): Promise<void> {
    const [parentId, nodeInstanceId] = subjectId.split(':');
    if (!parentId || !nodeInstanceId) return;
    const child = await repo.findInstance(trx, childId);
    const outputs = child ? (await this.stateOf(trx, child)).instance.formData : {};
    const row = await repo.lockInstance(trx, parentId);
    if (!row) return;
    const state = await this.stateOf(trx, row);
    const result = decide(
      state,
      { type: 'subprocessResult', nodeInstanceId, outcome, outputs },
      this.now(),
      await this.snapshot(trx, state),
    );
    if (result.state === state) return; // the parent no longer waits (no-wait node, withdrawn)
    await persistState(trx, state, result.state, ctx.requestId, this.now());
    await this.effects.apply(trx, ctx, result.state, result.effects, row);
  }

  /**
   * Who may see (and so act on) an instance: its initiator, anyone with a task or a CC on it, or a
   * holder of `workflow.instance.view` whose scope covers it. Everyone else gets 404.
   */
  async assertVisible(db: Db, ctx: RequestContext, row: WfInstanceTable): Promise<void> {
    const userId = ctx.actor?.userId;
    if (!userId) throw new AppError('UNAUTHENTICATED');
    if (row.initiator_id === userId || (await repo.isParticipant(db, row.id, userId))) return;
    if (!ctx.access.has('workflow.instance.view')) throw notFound();
    const scope = await ctx.access.require('workflow.instance.view');
    if (
      !isInScope(scope, {
        entityId: row.entity_id,
        departmentId: row.department_id,
        ownerId: row.initiator_id,
      })
    ) {
      throw notFound();
    }
  }

  async stateOf(db: Db, row: WfInstanceTable): Promise<WorkflowState> {
    const { graph } = await this.deps.definitions.compiledVersion(db, row.version_id);
    return fromStored(row, graph);
  }

  snapshot(db: Db, state: WorkflowState): Promise<MemoryOrg> {
    return loadOrgSnapshot(db, this.deps.orgSource, {
      entityId: state.instance.entityId!,
      flowAdmins: state.graph.settings.admins,
      at: this.now(),
    });
  }

  /**
   * An approver edited fields their step may edit (or the initiator resubmitted changed data): the
   * document's subject hears of it in this transaction, so it can keep its own copy and a version.
   */
  private async reportFormChange(
    trx: Db,
    ctx: RequestContext,
    row: { id: string; business_type: string; subject_id: string },
    before: WorkflowState,
    after: WorkflowState,
  ): Promise<void> {
    if (JSON.stringify(before.instance.formData) === JSON.stringify(after.instance.formData)) return;
    const subject = this.deps.subjects.forBusinessType(row.business_type);
    await subject?.onFormChanged?.(
      trx,
      ctx,
      row.subject_id,
      row.id,
      after.instance.formData,
      row.business_type,
    );
  }

  private decideOrRefuse(state: WorkflowState, command: Command, now: string, org: MemoryOrg): DecideResult {
    try {
      return decide(state, command, now, org);
    } catch (error) {
      if (error instanceof WorkflowError) {
        throw new AppError(`WF_${error.code}` as never, { detail: error.message });
      }
      throw error;
    }
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
