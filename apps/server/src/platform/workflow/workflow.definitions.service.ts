import { createHash } from 'node:crypto';
import type { Currency, WfDefinition, WfDefinitionSummary, WfFlow } from '@concord/contracts';
import type { wfDefinitionCreateSchema, wfDefinitionUpdateSchema } from '@concord/contracts';
import type { z } from 'zod';
import { type Db, newId, readBool, readInstant, readJson, writeJson } from '../../db/index.js';
import type { Clock } from '../jobs/index.js';
import { isInScope } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { AppError, duplicate, invalidReference, notFound, type RequestContext } from '../http/index.js';
import { type CompileError, compileFlow, type FlowGraph } from './workflow.compiler.js';
import { type StaffingGap, type StaffingSource, staffingGaps } from './workflow.staffing.js';
import { webhookUrlErrors } from './workflow.webhook.js';
import { compileMessage } from './workflow.compile-messages.js';
import { HOME_CURRENCY } from '@concord/contracts';
import * as repo from './workflow.repository.js';
import type { MatchedDocument } from './workflow.repository.js';
import type { WfDefinitionTable } from './workflow.tables.js';

type DefinitionCreate = z.infer<typeof wfDefinitionCreateSchema>;
type DefinitionUpdate = z.infer<typeof wfDefinitionUpdateSchema>;

/** Names the form fields of a business type, so the compiler can check field references. */
export type FormFieldsOf = (db: Db, businessType: string) => Promise<string[] | undefined>;

/**
 * Flow definitions: drafts edited in the designer, published as immutable versions (running
 * instances keep theirs), bound to a business type and optional entity, category and amount range.
 */
/** Compiled versions kept in memory (each a few KB). */
const COMPILED_VERSIONS_KEPT = 500;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export class WorkflowDefinitionsService {
  private readonly db: Db;
  /**
   * Published versions compiled, by version id. A version is never changed once written, and every
   * action of every running approval reads its own (an approval read and compiled it again: ~0.2 ms
   * of the event loop each time). Frozen, since every caller shares them; bounded, oldest first out.
   */
  private readonly compiled = new Map<string, { flow: WfFlow; graph: FlowGraph }>();

  constructor(
    db: Db,
    private readonly audit: AuditService,
    private readonly formFieldsOf: FormFieldsOf,
    private readonly clock: Clock,
    private readonly staffing: StaffingSource,
  ) {
    this.db = db;
  }

  async list(ctx: RequestContext): Promise<WfDefinitionSummary[]> {
    await ctx.access.require('workflow.definition.view');
    const rows = await repo.listDefinitions(this.db);
    return Promise.all(
      rows.map(async (row) => {
        const { draftFlow: _d, versions: _v, ...summary } = await this.load(this.db, row.id);
        return summary;
      }),
    );
  }

  async get(ctx: RequestContext, id: string): Promise<WfDefinition> {
    await ctx.access.require('workflow.definition.view');
    return this.load(this.db, id);
  }

  async validate(
    ctx: RequestContext,
    flow: WfFlow,
    options: { businessType?: string; entityId?: string | null } = {},
  ): Promise<{ errors: CompileError[]; warnings: StaffingGap[] }> {
    await ctx.access.require('workflow.definition.view');
    const fields = options.businessType ? await this.formFieldsOf(this.db, options.businessType) : undefined;
    const result = compileFlow(flow, { formFields: fields });
    const errors = result.ok
      ? []
      : result.errors.map((e) => ({ ...e, message: compileMessage(e.code, e.message, ctx.locale) }));
    const warnings = await staffingGaps(this.db, this.staffing, flow, {
      entityId: options.entityId ?? null,
      locale: ctx.locale,
    });
    return { errors, warnings };
  }

  async create(ctx: RequestContext, input: DefinitionCreate): Promise<WfDefinition> {
    const scope = await ctx.access.require('workflow.definition.manage');
    return this.db.transaction().execute(async (trx) => {
      if (await repo.findDefinitionByKey(trx, input.key)) throw duplicate('code', input.key);
      if (input.entityId && !isInScope(scope, { entityId: input.entityId })) throw invalidReference('entity');
      assertRange(input.minAmount, input.maxAmount);
      const now = this.clock.now().toISOString();
      const row: WfDefinitionTable = {
        id: newId(),
        key: input.key,
        name: input.name,
        business_type: input.businessType,
        entity_id: input.entityId ?? null,
        category: input.category ?? null,
        min_amount: input.minAmount ?? null,
        max_amount: input.maxAmount ?? null,
        amount_currency: input.amountCurrency ?? HOME_CURRENCY,
        priority: input.priority ?? 0,
        active: true,
        draft_flow: input.flow ? writeJson(input.flow) : null,
        current_version_id: null,
        created_at: now,
        updated_at: now,
      };
      await repo.insertDefinition(trx, row);
      const created = await this.load(trx, row.id);
      await this.audit.record(trx, ctx, {
        entityType: 'workflow_definition',
        entityId: row.id,
        action: 'create',
        after: snapshot(created),
      });
      return created;
    });
  }

  async update(ctx: RequestContext, id: string, input: DefinitionUpdate): Promise<WfDefinition> {
    const scope = await ctx.access.require('workflow.definition.manage');
    return this.db.transaction().execute(async (trx) => {
      const before = await this.load(trx, id);
      if (input.entityId && !isInScope(scope, { entityId: input.entityId })) throw invalidReference('entity');
      assertRange(input.minAmount ?? before.minAmount, input.maxAmount ?? before.maxAmount);
      await repo.updateDefinition(trx, id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.entityId !== undefined && { entity_id: input.entityId }),
        ...(input.category !== undefined && { category: input.category }),
        ...(input.minAmount !== undefined && { min_amount: input.minAmount }),
        ...(input.maxAmount !== undefined && { max_amount: input.maxAmount }),
        ...(input.amountCurrency !== undefined && { amount_currency: input.amountCurrency }),
        ...(input.priority !== undefined && { priority: input.priority }),
        ...(input.active !== undefined && { active: input.active }),
        ...(input.flow !== undefined && { draft_flow: writeJson(input.flow) }),
        updated_at: this.clock.now().toISOString(),
      });
      const after = await this.load(trx, id);
      await this.audit.record(trx, ctx, {
        entityType: 'workflow_definition',
        entityId: id,
        action: 'update',
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  /** Compiles the draft and, when it is valid, makes it the next version. */
  async publish(ctx: RequestContext, id: string): Promise<WfDefinition> {
    await ctx.access.require('workflow.definition.manage');
    return this.db.transaction().execute(async (trx) => {
      const definition = await this.load(trx, id);
      if (!definition.draftFlow)
        throw new AppError('WF_FLOW_INVALID', {}, [{ path: 'flow', message: 'no draft to publish' }]);
      const fields = await this.formFieldsOf(trx, definition.businessType);
      const compiled = compileFlow(definition.draftFlow, { formFields: fields });
      if (!compiled.ok) {
        throw new AppError(
          'WF_FLOW_INVALID',
          {},
          compiled.errors.map((e) => ({
            path: e.nodeId,
            message: `${e.code}: ${compileMessage(e.code, e.message, ctx.locale)}`,
          })),
        );
      }
      const badUrls = webhookUrlErrors(compiled.graph);
      if (badUrls.length > 0) throw new AppError('WF_FLOW_INVALID', {}, badUrls);
      const versionId = newId();
      const version = (definition.currentVersion ?? 0) + 1;
      const flowJson = writeJson(definition.draftFlow);
      await repo.insertVersion(trx, {
        id: versionId,
        definition_id: id,
        version,
        flow: flowJson,
        checksum: createHash('sha256').update(flowJson).digest('hex'),
        published_at: this.clock.now().toISOString(),
        published_by: ctx.actor?.userId ?? null,
      });
      await repo.updateDefinition(trx, id, {
        current_version_id: versionId,
        updated_at: this.clock.now().toISOString(),
      });
      await this.audit.record(trx, ctx, {
        entityType: 'workflow_definition',
        entityId: id,
        action: 'publish',
        changes: [{ field: 'version', old: definition.currentVersion, new: version }],
      });
      return this.load(trx, id);
    });
  }

  /** The published version a new document of this kind starts on, or a 409 saying none applies. */
  async resolveFor(
    trx: Db,
    document: MatchedDocument,
  ): Promise<{ definition: WfDefinitionTable; versionId: string; flow: WfFlow; graph: FlowGraph }> {
    const [definition] = await repo.matchingDefinitions(trx, document);
    if (!definition?.current_version_id) throw new AppError('WF_NO_FLOW', { detail: document.businessType });
    return {
      definition,
      versionId: definition.current_version_id,
      ...(await this.compiledVersion(trx, definition.current_version_id)),
    };
  }

  /**
   * The published version of the active definition with this key: a sub-process node names its
   * child flow by key, whatever business type the child is bound to (no business-type matching).
   */
  async resolveByKey(
    trx: Db,
    key: string,
  ): Promise<{ definition: WfDefinitionTable; versionId: string; flow: WfFlow; graph: FlowGraph }> {
    const definition = await repo.findPublishedByKey(trx, key);
    if (!definition?.current_version_id) throw new AppError('WF_NO_FLOW', { detail: key });
    return {
      definition,
      versionId: definition.current_version_id,
      ...(await this.compiledVersion(trx, definition.current_version_id)),
    };
  }

  async compiledVersion(trx: Db, versionId: string): Promise<{ flow: WfFlow; graph: FlowGraph }> {
    const kept = this.compiled.get(versionId);
    if (kept) return kept;
    const version = await repo.findVersion(trx, versionId);
    if (!version) throw notFound();
    const flow = readJson<WfFlow>(version.flow, null as unknown as WfFlow);
    const compiled = compileFlow(flow);
    if (!compiled.ok) throw new Error(`Published version ${versionId} no longer compiles`);
    // A version written in a transaction that rolls back leaves an entry no row names: harmless.
    const entry = deepFreeze({ flow, graph: compiled.graph });
    this.compiled.set(versionId, entry);
    if (this.compiled.size > COMPILED_VERSIONS_KEPT) {
      const oldest = this.compiled.keys().next().value;
      if (oldest !== undefined) this.compiled.delete(oldest);
    }
    return entry;
  }

  private async load(db: Db, id: string): Promise<WfDefinition> {
    const row = await repo.findDefinition(db, id);
    if (!row) throw notFound();
    const versions = await repo.versionsOf(db, id);
    const current = versions.find((v) => v.id === row.current_version_id);
    const draft = readJson<WfFlow | null>(row.draft_flow, null);
    const latest = versions[0] ? await repo.findVersion(db, versions[0].id) : undefined;
    const unpublished =
      draft !== null && (!latest || writeJson(draft) !== writeJson(readJson(latest.flow, null)));
    return {
      ...toSummary(row, current ? current.version : null, unpublished),
      draftFlow: draft,
      versions: versions.map((v) => ({
        id: v.id,
        version: v.version,
        publishedAt: readInstant(v.published_at)!,
        publishedBy: v.published_by,
      })),
    };
  }
}

function toSummary(
  row: WfDefinitionTable,
  currentVersion: number | null,
  unpublished: boolean,
): WfDefinitionSummary {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    businessType: row.business_type,
    entityId: row.entity_id,
    category: row.category,
    minAmount: row.min_amount,
    maxAmount: row.max_amount,
    amountCurrency: row.amount_currency as Currency,
    priority: row.priority,
    active: readBool(row.active),
    currentVersion,
    hasUnpublishedChanges: unpublished,
    updatedAt: readInstant(row.updated_at)!,
  };
}

function assertRange(min: number | null | undefined, max: number | null | undefined) {
  if (min !== null && min !== undefined && max !== null && max !== undefined && min > max) {
    throw new AppError('VALIDATION_FAILED', { detail: 'minAmount must not exceed maxAmount' });
  }
}

function snapshot(d: WfDefinition): Record<string, unknown> {
  const { versions: _v, updatedAt: _u, draftFlow, ...rest } = d;
  return { ...rest, draftFlow: draftFlow ? 'saved' : null };
}
