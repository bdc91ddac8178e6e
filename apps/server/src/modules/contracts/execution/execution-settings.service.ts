import type { ExecutionSettings, ExecutionSettingsInput, ExecutionSettingsSource } from '@concord/contracts';
import { executionSettingsInputSchema } from '@concord/contracts';
import type { Db } from '../../../db/index.js';
import type { Clock } from '../../../platform/jobs/index.js';
import { AccessControl, isInScope } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { notFound } from '../../../platform/http/index.js';
import { DEFAULT_TOLERANCE, type Tolerance } from './execution.rules.js';
import * as repo from './execution-settings.repository.js';

/** The settings of contract execution that apply to one entity. */
export interface EffectiveExecutionSettings {
  tolerance: Tolerance;
  /** Days before a due date to remind the owner, e.g. [7, 1]. */
  remindBeforeDays: number[];
  /** Days after the due date to remind the owner, then the department head, then finance. */
  ownerAfterDays: number;
  headAfterDays: number;
  financeAfterDays: number;
  /** Where they come from: the entity's own row, the group root's row, or the defaults below. */
  source: ExecutionSettingsSource;
}

/** What applies when neither the entity nor the group has saved settings. */
export const DEFAULT_EXECUTION_SETTINGS: EffectiveExecutionSettings = {
  tolerance: { ...DEFAULT_TOLERANCE },
  remindBeforeDays: [7, 1],
  ownerAfterDays: 0,
  headAfterDays: 7,
  financeAfterDays: 15,
  source: 'DEFAULT',
};

function effective(
  row: repo.ExecutionSettingRow,
  source: ExecutionSettingsSource,
): EffectiveExecutionSettings {
  return {
    tolerance: { amount: row.toleranceAmount, rate: row.toleranceRate },
    remindBeforeDays: row.remindBeforeDays,
    ownerAfterDays: row.ownerAfterDays,
    headAfterDays: row.headAfterDays,
    financeAfterDays: row.financeAfterDays,
    source,
  };
}

/**
 * Execution settings per entity (容差、催收天数): matching tolerance and collection reminder days.
 * An entity without its own row uses the group root's row, else the defaults. Read by matching,
 * payments (the override flag) and collections through `forEntity`; edited with `contract.settings`.
 */
export class ExecutionSettingsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The settings in force for an entity (call with the caller's transaction when inside one). */
  async forEntity(trx: Db, entityId: string): Promise<EffectiveExecutionSettings> {
    const rootId = await repo.groupRootId(trx);
    const rows = await repo.settingsOf(trx, rootId && rootId !== entityId ? [entityId, rootId] : [entityId]);
    const own = rows.get(entityId);
    if (own) return effective(own, rootId === entityId ? 'GROUP' : 'ENTITY');
    const group = rootId ? rows.get(rootId) : undefined;
    if (group) return effective(group, 'GROUP');
    return {
      ...DEFAULT_EXECUTION_SETTINGS,
      remindBeforeDays: [...DEFAULT_EXECUTION_SETTINGS.remindBeforeDays],
    };
  }

  /** The group root's settings (or the defaults): what applies where an entity has no row. */
  async groupDefault(trx: Db): Promise<EffectiveExecutionSettings> {
    const rootId = await repo.groupRootId(trx);
    return rootId ? this.forEntity(trx, rootId) : { ...DEFAULT_EXECUTION_SETTINGS };
  }

  /** Every entity the caller may see, each with the settings in force there. */
  async list(ctx: RequestContext): Promise<ExecutionSettings[]> {
    const scope = await ctx.access.require('contract.view');
    const editScope = ctx.access.has('contract.settings')
      ? await ctx.access.require('contract.settings')
      : null;
    const entities = (await repo.entities(this.db)).filter((e) => isInScope(scope, { entityId: e.id }));
    const out: ExecutionSettings[] = [];
    for (const entity of entities) out.push(await this.present(this.db, entity, editScope));
    return out;
  }

  async get(ctx: RequestContext, entityId: string): Promise<ExecutionSettings> {
    const scope = await ctx.access.require('contract.view');
    const editScope = ctx.access.has('contract.settings')
      ? await ctx.access.require('contract.settings')
      : null;
    const entity = await repo.entity(this.db, entityId);
    if (!entity) throw notFound();
    AccessControl.assertVisible(scope, { entityId });
    return this.present(this.db, entity, editScope);
  }

  /** Saves the entity's own settings (the group root's row is the group default). Audited. */
  async save(
    ctx: RequestContext,
    entityId: string,
    input: ExecutionSettingsInput,
  ): Promise<ExecutionSettings> {
    const scope = await ctx.access.require('contract.settings');
    const data = executionSettingsInputSchema.parse(input);
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.entity(trx, entityId))) throw notFound();
      AccessControl.assertVisible(scope, { entityId });
      const before = (await repo.settingsOf(trx, [entityId])).get(entityId);
      const row: repo.ExecutionSettingRow = {
        entityId,
        toleranceAmount: data.toleranceAmount,
        toleranceRate: data.toleranceRate,
        remindBeforeDays: [...new Set(data.remindBeforeDays)].sort((a, b) => b - a),
        ownerAfterDays: data.ownerAfterDays,
        headAfterDays: data.headAfterDays,
        financeAfterDays: data.financeAfterDays,
        updatedAt: this.clock.now().toISOString(),
      };
      await repo.upsertSetting(trx, row);
      const { updatedAt: _a, entityId: _b, ...after } = row;
      const previous = before ? (({ updatedAt: _c, entityId: _d, ...rest }) => rest)(before) : undefined;
      await this.audit.record(trx, ctx, {
        entityType: 'contract_execution_setting',
        entityId,
        action: before ? 'update' : 'create',
        before: previous,
        after,
      });
    });
    return this.get(ctx, entityId);
  }

  /** Drops the entity's own settings: the group's (or the defaults) apply again. Audited. */
  async reset(ctx: RequestContext, entityId: string): Promise<ExecutionSettings> {
    const scope = await ctx.access.require('contract.settings');
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.entity(trx, entityId))) throw notFound();
      AccessControl.assertVisible(scope, { entityId });
      const before = (await repo.settingsOf(trx, [entityId])).get(entityId);
      if (!before) return;
      await repo.deleteSetting(trx, entityId);
      const { updatedAt: _a, entityId: _b, ...previous } = before;
      await this.audit.record(trx, ctx, {
        entityType: 'contract_execution_setting',
        entityId,
        action: 'delete',
        before: previous,
      });
    });
    return this.get(ctx, entityId);
  }

  private async present(
    db: Db,
    entity: { id: string; name: string },
    editScope: Awaited<ReturnType<RequestContext['access']['require']>> | null,
  ): Promise<ExecutionSettings> {
    const settings = await this.forEntity(db, entity.id);
    const rootId = await repo.groupRootId(db);
    const own = (await repo.settingsOf(db, [entity.id])).get(entity.id);
    return {
      entityId: entity.id,
      entityName: entity.name,
      isGroup: rootId === entity.id,
      source: settings.source,
      toleranceAmount: settings.tolerance.amount,
      toleranceRate: settings.tolerance.rate,
      remindBeforeDays: settings.remindBeforeDays,
      ownerAfterDays: settings.ownerAfterDays,
      headAfterDays: settings.headAfterDays,
      financeAfterDays: settings.financeAfterDays,
      updatedAt: own?.updatedAt ?? null,
      canEdit: !!editScope && isInScope(editScope, { entityId: entity.id }),
    };
  }
}
