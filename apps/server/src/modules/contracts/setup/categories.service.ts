import type {
  ContractAttachmentType,
  ContractCategory,
  ContractCategoryListQuery,
  ContractDirection,
  contractCategoryCreateSchema,
  contractCategoryUpdateSchema,
  EvaluationCriterion,
  FormField,
  Locale,
} from '@concord/contracts';
import { DEFAULT_EVALUATION_CRITERIA } from '@concord/contracts';
import type { z } from 'zod';
import { type Db, newId, readBool, readInstant, readJson, writeJson } from '../../../db/index.js';
import type { Scope } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import {
  AppError,
  duplicate,
  invalidReference,
  notFound,
  type RequestContext,
} from '../../../platform/http/index.js';
import {
  assertFieldDefinitions,
  effectiveDirections,
  normaliseAttachmentTypes,
  validateCustomData,
  validationFailed,
} from './categories.rules.js';
import * as repo from './categories.repository.js';
import type { ContractCategoryTable } from '../contracts.tables.js';
import type { Clock } from '../../../platform/jobs/index.js';

type CategoryCreate = z.infer<typeof contractCategoryCreateSchema>;
type CategoryUpdate = z.infer<typeof contractCategoryUpdateSchema>;

/** What categories check outside the module, wired in the module definition. Each takes the caller's transaction. */
export interface CategoryPorts {
  /** An active numbering rule has this id (platform numbering service). */
  numberRuleExists(trx: Db, id: string): Promise<boolean>;
  /** A published, active workflow definition has this key. */
  flowKeyExists(trx: Db, key: string): Promise<boolean>;
  /** The group's own legal entity (the root): only a scope reaching it manages group-wide categories. */
  groupEntityId(): Promise<string | null>;
}

/** A category as the contract register uses it. */
export interface CategoryForContract {
  id: string;
  code: string;
  name: string;
  direction: ContractDirection;
  numberRuleId: string | null;
  flowKey: string | null;
  requiredAttachmentTypes: ContractAttachmentType[];
  fields: FormField[];
  expiryReminderDays: number;
  active: boolean;
}

/**
 * Contract categories (合同类别): one tree for the whole group. Everybody who may view contracts'
 * set-up reads it; only managers whose scope reaches the group's own entity change it, since a
 * change reaches every subsidiary's contracts.
 */
export class ContractCategoriesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly ports: CategoryPorts,
    private readonly clock: Clock,
  ) {}

  async list(
    ctx: RequestContext,
    query: ContractCategoryListQuery = {},
  ): Promise<{ items: ContractCategory[] }> {
    await ctx.access.require('contract.category.view');
    return { items: treeOrder((await repo.listCategories(this.db, query)).map(toCategory)) };
  }

  async get(ctx: RequestContext, id: string): Promise<ContractCategory> {
    await ctx.access.require('contract.category.view');
    const row = await repo.findCategory(this.db, id);
    if (!row) throw notFound();
    return toCategory(row);
  }

  async create(ctx: RequestContext, input: CategoryCreate): Promise<ContractCategory> {
    await this.assertGroupManager(await ctx.access.require('contract.category.manage'));
    assertFieldDefinitions(input.fields);
    if (!input.parentId && !input.direction) throw directionRequired();
    return this.db.transaction().execute(async (trx) => {
      if (await repo.findCategoryByCode(trx, input.code)) throw duplicate('code', input.code);
      let inherited: ContractDirection | null = null;
      if (input.parentId) {
        const parent = await repo.findCategory(trx, input.parentId);
        if (!parent) throw invalidReference('parent category');
        inherited = parent.direction as ContractDirection;
      }
      await this.checkReferences(trx, input.numberRuleId, input.flowKey);
      const now = this.clock.now().toISOString();
      const id = newId();
      await repo.insertCategory(trx, {
        id,
        code: input.code,
        name: input.name,
        parent_id: input.parentId,
        direction: (input.direction ?? inherited)!,
        direction_inherited: !input.direction,
        number_rule_id: input.numberRuleId,
        flow_key: input.flowKey,
        required_attachment_types: writeJson(normaliseAttachmentTypes(input.requiredAttachmentTypes)),
        fields: writeJson(input.fields),
        expiry_reminder_days: input.expiryReminderDays,
        evaluation_criteria: input.evaluationCriteria ? writeJson(input.evaluationCriteria) : null,
        active: input.active,
        sort_order: input.sortOrder,
        description: input.description || null,
        created_at: now,
        updated_at: now,
      });
      const after = (await repo.findCategory(trx, id))!;
      await this.audit.record(trx, ctx, {
        entityType: 'contract_category',
        entityId: id,
        action: 'create',
        after: snapshot(after),
      });
      return toCategory(after);
    });
  }

  async update(ctx: RequestContext, id: string, input: CategoryUpdate): Promise<ContractCategory> {
    await this.assertGroupManager(await ctx.access.require('contract.category.manage'));
    if (input.fields) assertFieldDefinitions(input.fields);
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.findCategory(trx, id);
      if (!before) throw notFound();
      const parentId = input.parentId !== undefined ? input.parentId : before.parent_id;
      if (input.parentId && input.parentId !== before.parent_id) {
        if (!(await repo.findCategory(trx, input.parentId))) throw invalidReference('parent category');
        if ((await repo.subtreeIds(trx, id)).includes(input.parentId))
          throw new AppError('TREE_CYCLE', { what: 'contract category' });
      }
      const own =
        input.direction !== undefined
          ? input.direction
          : readBool(before.direction_inherited)
            ? null
            : (before.direction as ContractDirection);
      if (!parentId && !own) throw directionRequired();
      await this.checkReferences(
        trx,
        input.numberRuleId !== undefined && input.numberRuleId !== before.number_rule_id
          ? input.numberRuleId
          : null,
        input.flowKey !== undefined && input.flowKey !== before.flow_key ? input.flowKey : null,
      );
      await repo.updateCategory(trx, id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.parentId !== undefined && { parent_id: input.parentId }),
        // The effective value is filled in by the tree pass below.
        ...(own ? { direction: own, direction_inherited: false } : { direction_inherited: true }),
        ...(input.numberRuleId !== undefined && { number_rule_id: input.numberRuleId }),
        ...(input.flowKey !== undefined && { flow_key: input.flowKey }),
        ...(input.requiredAttachmentTypes !== undefined && {
          required_attachment_types: writeJson(normaliseAttachmentTypes(input.requiredAttachmentTypes)),
        }),
        ...(input.fields !== undefined && { fields: writeJson(input.fields) }),
        ...(input.expiryReminderDays !== undefined && { expiry_reminder_days: input.expiryReminderDays }),
        ...(input.evaluationCriteria !== undefined && {
          evaluation_criteria: input.evaluationCriteria ? writeJson(input.evaluationCriteria) : null,
        }),
        ...(input.active !== undefined && { active: input.active }),
        ...(input.sortOrder !== undefined && { sort_order: input.sortOrder }),
        ...(input.description !== undefined && { description: input.description || null }),
        updated_at: this.clock.now().toISOString(),
      });
      const moved = await this.refreshDirections(trx, id);
      const after = (await repo.findCategory(trx, id))!;
      await this.audit.record(trx, ctx, {
        entityType: 'contract_category',
        entityId: id,
        action: 'update',
        before: snapshot(before),
        after: snapshot(after),
      });
      for (const [childId, change] of moved) {
        await this.audit.record(trx, ctx, {
          entityType: 'contract_category',
          entityId: childId,
          action: 'update',
          changes: [{ field: 'direction', old: change.from, new: change.to }],
        });
      }
      return toCategory(after);
    });
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.assertGroupManager(await ctx.access.require('contract.category.manage'));
    await this.db.transaction().execute(async (trx) => {
      const before = await repo.findCategory(trx, id);
      if (!before) throw notFound();
      if (await repo.hasChildren(trx, id)) throw new AppError('HAS_CHILDREN', { what: 'contract category' });
      const uses = await repo.usageCount(trx, id);
      if (uses > 0) throw new AppError('CONTRACT_SETUP_IN_USE', { what: 'contract category', count: uses });
      await repo.deleteCategory(trx, id);
      await this.audit.record(trx, ctx, {
        entityType: 'contract_category',
        entityId: id,
        action: 'delete',
        before: snapshot(before),
      });
    });
  }

  /**
   * The category a contract is registered in, for the register (inside its transaction). Throws
   * INVALID_REFERENCE (contract category) when there is none; an inactive one is returned with
   * `active: false` for the register to refuse on new contracts.
   */
  async forContract(trx: Db, categoryId: string): Promise<CategoryForContract> {
    const row = await repo.findCategory(trx, categoryId);
    if (!row) throw invalidReference('contract category');
    const category = toCategory(row);
    return {
      id: category.id,
      code: category.code,
      name: category.name,
      direction: category.direction,
      numberRuleId: category.numberRuleId,
      flowKey: category.flowKey,
      requiredAttachmentTypes: category.requiredAttachmentTypes,
      fields: category.fields,
      expiryReminderDays: category.expiryReminderDays,
      active: category.active,
    };
  }

  /** Category names by id (missing ids are left out). Pass the transaction when inside one. */
  namesOf(trx: Db, ids: string[]): Promise<Map<string, string>> {
    return repo.namesOf(trx, ids);
  }

  /**
   * A contract's custom data validated against its category's fields; throws VALIDATION_FAILED with
   * `customData.<key>` field errors, else returns the normalised data.
   */
  validateCustomData(
    category: { fields: FormField[] },
    data: unknown,
    locale: Locale = 'zh-CN',
  ): Record<string, unknown> {
    return validateCustomData(category, data, locale);
  }

  private async assertGroupManager(scope: Scope): Promise<void> {
    if (scope.all) return;
    const group = await this.ports.groupEntityId();
    if (!group || !scope.entityIds.has(group)) throw new AppError('FORBIDDEN');
  }

  private async checkReferences(trx: Db, numberRuleId: string | null, flowKey: string | null) {
    if (numberRuleId && !(await this.ports.numberRuleExists(trx, numberRuleId)))
      throw invalidReference('numbering rule');
    if (flowKey && !(await this.ports.flowKeyExists(trx, flowKey))) throw invalidReference('approval flow');
  }

  /** Re-derives inherited directions below a changed category; returns the descendants whose direction moved. */
  private async refreshDirections(trx: Db, id: string): Promise<Map<string, { from: string; to: string }>> {
    const rows = await repo.listCategories(trx);
    const effective = effectiveDirections(
      rows.map((r) => ({
        id: r.id,
        parentId: r.parent_id,
        own: readBool(r.direction_inherited) ? null : (r.direction as ContractDirection),
      })),
    );
    const subtree = new Set(await repo.subtreeIds(trx, id));
    const moved = new Map<string, { from: string; to: string }>();
    for (const row of rows) {
      const direction = effective.get(row.id);
      if (!subtree.has(row.id) || !direction || direction === row.direction) continue;
      await repo.updateCategory(trx, row.id, { direction });
      if (row.id !== id) moved.set(row.id, { from: row.direction, to: direction });
    }
    return moved;
  }
}

function directionRequired(): AppError {
  return validationFailed([{ path: 'direction', message: 'a top-level category needs a direction' }]);
}

export function toCategory(row: ContractCategoryTable): ContractCategory {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    parentId: row.parent_id,
    direction: row.direction as ContractDirection,
    directionInherited: readBool(row.direction_inherited),
    numberRuleId: row.number_rule_id,
    flowKey: row.flow_key,
    requiredAttachmentTypes: readJson<ContractAttachmentType[]>(row.required_attachment_types, []),
    // Kept in the order the admin arranged them; readJson sorts keys within each field only.
    fields: readJson<FormField[]>(row.fields, []),
    expiryReminderDays: row.expiry_reminder_days,
    active: readBool(row.active),
    ...criteriaOf(row.evaluation_criteria),
    sortOrder: row.sort_order,
    description: row.description,
    createdAt: readInstant(row.created_at)!,
    updatedAt: readInstant(row.updated_at)!,
  };
}

/** The category's own scorecard, or the default one when it sets none. */
function criteriaOf(stored: unknown): {
  evaluationCriteria: EvaluationCriterion[];
  evaluationCriteriaDefault: boolean;
} {
  const own = readJson<EvaluationCriterion[] | null>(stored, null);
  return own?.length
    ? { evaluationCriteria: own, evaluationCriteriaDefault: false }
    : { evaluationCriteria: DEFAULT_EVALUATION_CRITERIA, evaluationCriteriaDefault: true };
}

function snapshot(row: ContractCategoryTable): Record<string, unknown> {
  return {
    ...row,
    direction_inherited: readBool(row.direction_inherited),
    active: readBool(row.active),
    required_attachment_types: readJson(row.required_attachment_types, []),
    fields: readJson(row.fields, []),
    evaluation_criteria: readJson(row.evaluation_criteria, null),
  };
}

/** Parents before their children, siblings in their order; orphans of a filtered list keep their place. */
function treeOrder(items: ContractCategory[]): ContractCategory[] {
  const ids = new Set(items.map((c) => c.id));
  const children = new Map<string | null, ContractCategory[]>();
  for (const item of items) {
    const parent = item.parentId && ids.has(item.parentId) ? item.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  const out: ContractCategory[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length) {
    const next = stack.pop()!;
    out.push(next);
    stack.push(...[...(children.get(next.id) ?? [])].reverse());
  }
  return out;
}
