import {
  type ContractDirection,
  type ContractPlanLine,
  type ContractPlanLineListQuery,
  type ContractPlanReport,
  type ContractPlanReportQuery,
  type ContractPlanReportRow,
  type ContractPlanReportTotals,
  compareCurrencies,
  type Currency,
  type contractPlanLineCreateSchema,
  type contractPlanLineUpdateSchema,
  executionRateOf,
  type Page,
} from '@concord/contracts';
import type { z } from 'zod';
import { type Db, newId, readInstant } from '../../../db/index.js';
import { AccessControl, isInScope, type Scope } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import {
  AppError,
  applySort,
  fetchPage,
  inBatches,
  invalidReference,
  notFound,
  type RequestContext,
} from '../../../platform/http/index.js';
import type { ContractCategoriesService } from './categories.service.js';
import { validationFailed } from './categories.rules.js';
import * as repo from './plans.repository.js';
import type { ContractPlanLineTable } from '../contracts.tables.js';
import type { PlanLineRow, PlanReportRow } from './plans.repository.js';
import type { Clock } from '../../../platform/jobs/index.js';

type PlanLineCreate = z.infer<typeof contractPlanLineCreateSchema>;
type PlanLineUpdate = z.infer<typeof contractPlanLineUpdateSchema>;
type ReportFilter = Omit<ContractPlanReportQuery, 'page' | 'pageSize'>;

const listSortColumns = {
  year: 'p.year',
  name: 'p.name',
  plannedAmount: 'p.planned_amount',
  createdAt: 'p.created_at',
};
const reportSortColumns = {
  year: 'p.year',
  name: 'p.name',
  plannedAmount: 'p.planned_amount',
  signedAmount: 'signed_sum',
  inProgressAmount: 'in_progress_sum',
  remainingAmount: 'remaining_sum',
};
const fallbackSort = { column: 'p.year', direction: 'desc' as const };

/**
 * Contract planning (合同规划): yearly plan lines per entity and department, with the planned
 * amount contracts are later signed against, and the plan-vs-signed report. Lines belong to their
 * entity and department: the data scope of `contract.plan.view` / `.manage` decides who sees them.
 */
export class ContractPlansService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly categories: ContractCategoriesService,
    private readonly clock: Clock,
  ) {}

  async list(ctx: RequestContext, query: ContractPlanLineListQuery): Promise<Page<ContractPlanLine>> {
    const scope = await ctx.access.require('contract.plan.view');
    const sorted = applySort(
      repo.visibleLines(this.db, scope, query),
      query.sort,
      listSortColumns,
      fallbackSort,
      'p.id',
    );
    return fetchPage(sorted, query, (row) => toPlanLine(row));
  }

  async get(ctx: RequestContext, id: string): Promise<ContractPlanLine> {
    const scope = await ctx.access.require('contract.plan.view');
    return toPlanLine(await visibleLine(this.db, scope, id));
  }

  async create(ctx: RequestContext, input: PlanLineCreate): Promise<ContractPlanLine> {
    const scope = await ctx.access.require('contract.plan.manage');
    const entityId = input.entityId ?? ctx.actor?.actingEntityId;
    if (!entityId) throw validationFailed([{ path: 'entityId', message: 'required' }]);
    return this.db.transaction().execute(async (trx) => {
      await this.checkDepartment(trx, scope, entityId, input.departmentId);
      const direction = await this.directionFor(trx, input.categoryId, input.direction);
      const now = this.clock.now().toISOString();
      const id = newId();
      await repo.insertLine(trx, {
        id,
        year: input.year,
        entity_id: entityId,
        department_id: input.departmentId,
        project_ref: input.projectRef,
        category_id: input.categoryId,
        direction,
        name: input.name,
        planned_amount: input.plannedAmount,
        currency: input.currency,
        note: input.note || null,
        lock_version: 0,
        created_by: ctx.actor?.userId ?? null,
        created_at: now,
        updated_at: now,
      });
      const after = (await repo.findLine(trx, id))!;
      await this.audit.record(trx, ctx, {
        entityType: 'contract_plan_line',
        entityId: id,
        action: 'create',
        after: snapshot(after),
      });
      return toPlanLine(after);
    });
  }

  async update(ctx: RequestContext, id: string, input: PlanLineUpdate): Promise<ContractPlanLine> {
    const scope = await ctx.access.require('contract.plan.manage');
    return this.db.transaction().execute(async (trx) => {
      const before = await visibleLine(trx, scope, id);
      if (before.lock_version !== input.lockVersion) throw new AppError('CONFLICT');
      if (input.departmentId !== undefined && input.departmentId !== before.department_id)
        await this.checkDepartment(trx, scope, before.entity_id, input.departmentId);
      const categoryId = input.categoryId !== undefined ? input.categoryId : before.category_id;
      // A new category brings its direction unless one is given; otherwise the line keeps its own.
      const direction =
        input.categoryId !== undefined || input.direction !== undefined
          ? await this.directionFor(
              trx,
              categoryId,
              input.direction ?? (input.categoryId ? undefined : (before.direction as ContractDirection)),
            )
          : before.direction;
      const saved = await repo.updateLine(trx, id, input.lockVersion, {
        ...(input.year !== undefined && { year: input.year }),
        ...(input.departmentId !== undefined && { department_id: input.departmentId }),
        ...(input.projectRef !== undefined && { project_ref: input.projectRef }),
        ...(input.categoryId !== undefined && { category_id: input.categoryId }),
        direction,
        ...(input.name !== undefined && { name: input.name }),
        ...(input.plannedAmount !== undefined && { planned_amount: input.plannedAmount }),
        ...(input.currency !== undefined && { currency: input.currency }),
        ...(input.note !== undefined && { note: input.note || null }),
        updated_at: this.clock.now().toISOString(),
      });
      if (!saved) throw new AppError('CONFLICT');
      const after = (await repo.findLine(trx, id))!;
      await this.audit.record(trx, ctx, {
        entityType: 'contract_plan_line',
        entityId: id,
        action: 'update',
        before: snapshot(before),
        after: snapshot(after),
      });
      return toPlanLine(after);
    });
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    const scope = await ctx.access.require('contract.plan.manage');
    await this.db.transaction().execute(async (trx) => {
      const before = await visibleLine(trx, scope, id);
      const linked = await repo.linkedContractCount(trx, id);
      if (linked > 0) throw new AppError('CONTRACT_SETUP_IN_USE', { what: 'plan line', count: linked });
      await repo.deleteLine(trx, id);
      await this.audit.record(trx, ctx, {
        entityType: 'contract_plan_line',
        entityId: id,
        action: 'delete',
        before: snapshot(before),
      });
    });
  }

  /**
   * The plan line a contract is linked to, for the register (inside its transaction). Throws
   * INVALID_REFERENCE (plan line) when the caller may not see it, when it belongs to another
   * entity than the contract's, or, when given, has another direction or currency. Resolve the
   * caller's `contract.plan.view` scope before opening the transaction (resolving it reads the org
   * tree outside the transaction, which SQLite's single connection cannot serve meanwhile).
   */
  async lineForContract(
    trx: Db,
    ctx: RequestContext,
    planLineId: string,
    contract: { entityId: string; direction?: ContractDirection; currency?: Currency },
  ): Promise<ContractPlanLine> {
    if (!ctx.access.has('contract.plan.view')) throw invalidReference('plan line');
    const scope = await ctx.access.require('contract.plan.view');
    const row = await repo.findLine(trx, planLineId);
    if (
      !row ||
      !isInScope(scope, { entityId: row.entity_id, departmentId: row.department_id }) ||
      row.entity_id !== contract.entityId ||
      (contract.direction && row.direction !== contract.direction) ||
      (contract.currency && row.currency !== contract.currency)
    )
      throw invalidReference('plan line');
    return toPlanLine(row);
  }

  /** Plan vs signed: one page of lines with their figures, and the totals of the whole filtered set. */
  async report(ctx: RequestContext, query: ContractPlanReportQuery): Promise<ContractPlanReport> {
    const scope = await ctx.access.require('contract.plan.view');
    const rows = await this.sortedReport(scope, query)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    const [total, totalsByCurrency] = [
      await repo.countLines(this.db, scope, query),
      await this.totalsOf(scope, query),
    ];
    return {
      items: rows.map((row) => toReportRow(row)),
      total,
      page: query.page,
      pageSize: query.pageSize,
      totalsByCurrency,
    };
  }

  /**
   * The whole filtered report for export, in batches (bounded memory), with its totals. The access
   * check runs before the first row is asked for, so a refusal still answers as a problem.
   */
  async reportExport(
    ctx: RequestContext,
    query: ReportFilter,
  ): Promise<{ rows: AsyncGenerator<ContractPlanReportRow>; totals: ContractPlanReportTotals[] }> {
    const scope = await ctx.access.require('contract.plan.view');
    const sorted = this.sortedReport(scope, query);
    const totals = await this.totalsOf(scope, query);
    async function* rows() {
      for await (const row of inBatches(sorted, 500)) yield toReportRow(row);
    }
    return { rows: rows(), totals };
  }

  private sortedReport(scope: Scope, query: ReportFilter) {
    return applySort(
      repo.reportLines(this.db, scope, query),
      query.sort,
      reportSortColumns,
      fallbackSort,
      'p.id',
    );
  }

  /** One totals row per currency, CNY first: amounts of different currencies are never added. */
  private async totalsOf(scope: Scope, filter: ReportFilter): Promise<ContractPlanReportTotals[]> {
    const sums = await repo.reportTotals(this.db, scope, filter);
    return sums
      .map((sum) => ({
        currency: sum.currency as Currency,
        lines: sum.lines,
        plannedAmount: sum.planned,
        signedAmount: sum.signed,
        inProgressAmount: sum.in_progress,
        contractCount: sum.contracts,
        remainingAmount: sum.planned - sum.signed,
        executionRate: executionRateOf(sum.signed, sum.planned),
      }))
      .sort((a, b) => compareCurrencies(a.currency, b.currency));
  }

  /** The department must belong to the line's entity and lie within the caller's scope. */
  private async checkDepartment(trx: Db, scope: Scope, entityId: string, departmentId: string) {
    const departmentEntity = await repo.departmentEntity(trx, departmentId);
    if (departmentEntity !== entityId || !isInScope(scope, { entityId, departmentId }))
      throw invalidReference('department');
  }

  /** The line's direction: the one given, else its category's; both given must agree. */
  private async directionFor(
    trx: Db,
    categoryId: string | null,
    given: ContractDirection | undefined,
  ): Promise<ContractDirection> {
    if (!categoryId) {
      if (!given) throw validationFailed([{ path: 'direction', message: 'required without a category' }]);
      return given;
    }
    const category = await this.categories.forContract(trx, categoryId);
    if (given && given !== category.direction)
      throw validationFailed([{ path: 'direction', message: `the category is ${category.direction}` }]);
    return category.direction;
  }
}

async function visibleLine(db: Db, scope: Scope, id: string): Promise<PlanLineRow> {
  const row = await repo.findLine(db, id);
  if (!row) throw notFound();
  AccessControl.assertVisible(scope, { entityId: row.entity_id, departmentId: row.department_id });
  return row;
}

export function toPlanLine(row: PlanLineRow): ContractPlanLine {
  return {
    id: row.id,
    year: row.year,
    entityId: row.entity_id,
    entityName: row.entity_name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    projectRef: row.project_ref,
    categoryId: row.category_id,
    categoryName: row.category_name,
    direction: row.direction as ContractDirection,
    name: row.name,
    plannedAmount: row.planned_amount,
    currency: row.currency as Currency,
    note: row.note,
    lockVersion: row.lock_version,
    createdBy: row.created_by,
    createdAt: readInstant(row.created_at)!,
    updatedAt: readInstant(row.updated_at)!,
  };
}

function toReportRow(row: PlanReportRow): ContractPlanReportRow {
  const planned = row.planned_amount;
  const signed = row.signed_sum;
  return {
    planLineId: row.id,
    year: row.year,
    name: row.name,
    entityId: row.entity_id,
    entityName: row.entity_name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    categoryId: row.category_id,
    categoryName: row.category_name,
    direction: row.direction as ContractDirection,
    projectRef: row.project_ref,
    currency: row.currency as Currency,
    plannedAmount: planned,
    signedAmount: signed,
    inProgressAmount: row.in_progress_sum,
    contractCount: row.contract_count,
    remainingAmount: planned - signed,
    executionRate: executionRateOf(signed, planned),
  };
}

function snapshot(row: PlanLineRow): Record<string, unknown> {
  const { entity_name: _e, department_name: _d, category_name: _c, ...rest } = row;
  return rest satisfies ContractPlanLineTable;
}
