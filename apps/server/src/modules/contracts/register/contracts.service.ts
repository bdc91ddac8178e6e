import {
  type Contract,
  type ContractAction,
  type ContractAttachmentType,
  type ContractStatus,
  contractCreateSchema,
  type contractSignSchema,
  type contractUpdateSchema,
  type PartnerBank,
  type PermissionCode,
  splitTax,
} from '@concord/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { newId, nowInstant, readBool, readJson } from '../../../db/index.js';
import { AccessControl, isInScope, type Scope } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import { AppError, invalidReference, notFound, type RequestContext } from '../../../platform/http/index.js';
import type { CategoryForContract, ContractPorts } from '../contracts.ports.js';
import * as repo from './contracts.repository.js';
import { hasEvaluation } from '../evaluation/evaluations.repository.js';
import { actionsFor, type ContractEvent, daysBetween, nextStatus, scopedFacts } from './contracts.rules.js';
import type { ContractTable } from '../contracts.tables.js';
import type { ContractVersions } from '../versions/versions.service.js';

type ContractInput = z.output<typeof contractCreateSchema>;
type ContractUpdate = z.output<typeof contractUpdateSchema>;
type StoredAttachment = { fileId: string; type: ContractAttachmentType };

/** What the register needs from the categories and planning parts of this module (wired in app.ts). */
export interface ContractSetup {
  category(trx: Kysely<any>, categoryId: string): Promise<CategoryForContract>;
  categoryNames(trx: Kysely<any>, ids: string[]): Promise<Map<string, string>>;
  /** The category's custom-field values, checked and normalised; VALIDATION_FAILED otherwise. */
  validateCustomData(
    category: CategoryForContract,
    data: unknown,
    ctx: RequestContext,
  ): Record<string, unknown>;
  /** Refuses (INVALID_REFERENCE) a plan line the caller may not use for a contract of this entity. */
  planLine(
    trx: Kysely<any>,
    ctx: RequestContext,
    planLineId: string,
    input: { entityId: string },
  ): Promise<void>;
}

/** Permissions whose scopes a write may consult; resolved before a transaction (SQLite has one connection). */
const scopesUsedInWrites: PermissionCode[] = [
  'contract.view',
  'partner.view',
  'file.view',
  'contract.plan.view',
];

/** The action permission behind each user action on a contract. */
const permissionOf: Record<ContractAction, PermissionCode> = {
  edit: 'contract.create',
  delete: 'contract.create',
  submit: 'contract.create',
  sign: 'contract.manage',
  complete: 'contract.manage',
  terminate: 'contract.manage',
  void: 'contract.manage',
  change: 'contract.change',
};

/**
 * The contract register: drafts, submission through the approval engine, signing and closing. Every
 * method checks the action permission and the data scope first and writes in one transaction with
 * its audit record; the approval engine reports outcomes through the `on*` methods inside its own.
 */
export class ContractsService {
  constructor(
    private readonly db: Kysely<any>,
    private readonly audit: AuditService,
    private readonly ports: ContractPorts,
    private readonly setup: ContractSetup,
    private readonly versions: ContractVersions,
  ) {}

  async get(ctx: RequestContext, id: string): Promise<Contract> {
    const scope = await ctx.access.require('contract.view');
    const row = await repo.findContract(this.db, id);
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(row));
    return this.present(this.db, ctx, row);
  }

  /** A contract the caller may see, for the other parts of the module (archive, seals, versions). */
  async visible(db: Kysely<any>, ctx: RequestContext, id: string): Promise<ContractTable> {
    const scope = await ctx.access.require('contract.view');
    const row = await repo.findContract(db, id);
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(row));
    return row;
  }

  async create(ctx: RequestContext, input: z.input<typeof contractCreateSchema>): Promise<Contract> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const scope = await ctx.access.require('contract.create');
    await warmScopes(ctx);
    const parsed = contractCreateSchema.parse(input);
    return this.db.transaction().execute(async (trx) => {
      const entityId = parsed.entityId ?? actor.actingEntityId;
      const prepared = await this.prepare(trx, ctx, scope, { ...parsed, entityId });
      const now = nowInstant();
      const row: ContractTable = {
        id: newId(),
        number: null,
        ...prepared,
        signed_amount: null,
        status: 'DRAFT',
        version: 0,
        instance_id: null,
        pending_change_id: null,
        status_reason: null,
        imported: false,
        lock_version: 0,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await repo.insertContract(trx, row);
      await this.audit.record(trx, ctx, {
        entityType: 'contract',
        entityId: row.id,
        action: 'create',
        after: auditable(row),
      });
      return this.present(trx, ctx, row);
    });
  }

  /** Edits a draft as a whole (the category and signing entity stay). */
  async update(ctx: RequestContext, id: string, input: ContractUpdate): Promise<Contract> {
    const scope = await ctx.access.require('contract.create');
    await warmScopes(ctx);
    return this.db.transaction().execute(async (trx) => {
      const before = await this.lockVisible(trx, scope, id);
      nextStatus(before.status as ContractStatus, 'edit');
      if (before.lock_version !== input.lockVersion) throw new AppError('CONFLICT');
      const prepared = await this.prepare(trx, ctx, scope, {
        ...input,
        categoryId: before.category_id,
        entityId: before.entity_id,
      });
      const patch: Partial<ContractTable> = {
        ...prepared,
        lock_version: before.lock_version + 1,
        updated_at: nowInstant(),
      };
      await repo.updateContract(trx, id, patch);
      const after = { ...before, ...patch };
      await this.audit.record(trx, ctx, {
        entityType: 'contract',
        entityId: id,
        action: 'update',
        before: auditable(before),
        after: auditable(after),
      });
      return this.present(trx, ctx, after);
    });
  }

  /** A draft that was never submitted has no number yet, so deleting it leaves no gap. */
  async remove(ctx: RequestContext, id: string): Promise<void> {
    const scope = await ctx.access.require('contract.create');
    await this.db.transaction().execute(async (trx) => {
      const row = await this.lockVisible(trx, scope, id);
      nextStatus(row.status as ContractStatus, 'delete');
      if (row.number || row.version > 0) {
        throw new AppError('CONTRACT_ILLEGAL_TRANSITION', {
          from: 'contract.status.DRAFT',
          action: 'contract.action.delete',
        });
      }
      await repo.deleteContract(trx, id);
      await this.audit.record(trx, ctx, {
        entityType: 'contract',
        entityId: id,
        action: 'delete',
        before: auditable(row),
      });
    });
  }

  /**
   * Submits a draft: the first submission takes the next number of the category's rule; the
   * contract's content becomes a version; its approval starts in the same transaction.
   */
  async submit(
    ctx: RequestContext,
    id: string,
    input: { selections?: Record<string, string[]> },
  ): Promise<Contract> {
    const scope = await ctx.access.require('contract.create');
    await warmScopes(ctx);
    return this.db.transaction().execute(async (trx) => {
      const row = await this.lockVisible(trx, scope, id);
      const status = nextStatus(row.status as ContractStatus, 'submit');
      const category = await this.setup.category(trx, row.category_id);
      assertAttachments(category, readJson<StoredAttachment[]>(row.attachments, []), ['SIGNED_SCAN'], ctx);
      const number = row.number ?? (await this.nextNumber(trx, category, row.entity_id));
      const version = row.version + 1;
      const numbered = { ...row, number, version };
      await this.versions.snapshot(trx, ctx, numbered, 'SUBMIT');
      const instanceId = await this.ports.startApproval(trx, ctx, {
        businessType: 'contract.sign',
        subjectId: id,
        title: `合同审批：${row.name}（${number}）`.slice(0, 200),
        entityId: row.entity_id,
        departmentId: row.department_id,
        amount: row.amount,
        category: category.code,
        formData: approvalFormData(numbered, category),
        selections: input.selections,
        flowKey: category.flowKey,
      });
      const patch: Partial<ContractTable> = {
        number,
        version,
        status,
        instance_id: instanceId,
        status_reason: null,
        lock_version: row.lock_version + 1,
        updated_at: nowInstant(),
      };
      await repo.updateContract(trx, id, patch);
      await this.audit.record(trx, ctx, {
        entityType: 'contract',
        entityId: id,
        action: 'submit',
        changes: [
          { field: 'status', old: row.status, new: status },
          { field: 'number', old: row.number, new: number },
          { field: 'version', old: row.version, new: version },
        ],
      });
      return this.present(trx, ctx, { ...row, ...patch });
    });
  }

  /** Records the signing: the signed scan must be attached; the signed amount is fixed from now on. */
  async sign(ctx: RequestContext, id: string, input: z.output<typeof contractSignSchema>): Promise<Contract> {
    const scope = await ctx.access.require('contract.manage');
    await warmScopes(ctx);
    return this.db.transaction().execute(async (trx) => {
      const row = await this.lockVisible(trx, scope, id);
      const status = nextStatus(row.status as ContractStatus, 'sign');
      const existing = readJson<StoredAttachment[]>(row.attachments, []);
      const added = input.attachments.filter((a) => !existing.some((e) => e.fileId === a.fileId));
      await this.assertFiles(trx, ctx, added);
      const attachments = [...existing, ...added];
      const category = await this.setup.category(trx, row.category_id);
      assertAttachments(category, attachments, [], ctx);
      if (!attachments.some((a) => a.type === 'SIGNED_SCAN')) {
        throw new AppError('CONTRACT_ATTACHMENTS_MISSING', {
          detail: attachmentTypeLabel('SIGNED_SCAN', ctx),
        });
      }
      const version = added.length ? row.version + 1 : row.version;
      const patch: Partial<ContractTable> = {
        status,
        sign_date: input.signDate,
        signed_amount: row.amount,
        current_amount: row.amount,
        attachments,
        version,
        lock_version: row.lock_version + 1,
        updated_at: nowInstant(),
      };
      const after = { ...row, ...patch };
      if (added.length) await this.versions.snapshot(trx, ctx, after, 'SIGN');
      await repo.updateContract(trx, id, patch);
      await this.audit.record(trx, ctx, {
        entityType: 'contract',
        entityId: id,
        action: 'sign',
        before: { status: row.status, signDate: row.sign_date, signedAmount: row.signed_amount },
        after: { status, signDate: input.signDate, signedAmount: row.amount, attachments: added },
      });
      return this.present(trx, ctx, after);
    });
  }

  /** Completing, terminating and voiding: a status change with its reason. */
  async close(
    ctx: RequestContext,
    id: string,
    event: Extract<ContractEvent, 'complete' | 'terminate' | 'void'>,
    reason: string | undefined,
  ): Promise<Contract> {
    const scope = await ctx.access.require('contract.manage');
    return this.db.transaction().execute(async (trx) => {
      const row = await this.lockVisible(trx, scope, id);
      const status = nextStatus(row.status as ContractStatus, event);
      if (row.pending_change_id) throw new AppError('CONTRACT_CHANGE_PENDING');
      // Completing a contract requires its closing evaluation (回归评价, evaluations.service.ts).
      if (event === 'complete' && !(await hasEvaluation(trx, id)))
        throw new AppError('CONTRACT_EVALUATION_REQUIRED');
      const patch: Partial<ContractTable> = {
        status,
        status_reason: reason ?? null,
        lock_version: row.lock_version + 1,
        updated_at: nowInstant(),
      };
      await repo.updateContract(trx, id, patch);
      await this.audit.record(trx, ctx, {
        entityType: 'contract',
        entityId: id,
        action: event,
        changes: [
          { field: 'status', old: row.status, new: status },
          { field: 'statusReason', old: row.status_reason, new: reason ?? null },
        ],
      });
      return this.present(trx, ctx, { ...row, ...patch });
    });
  }

  // ------------------------------------------------------------ approval outcomes (engine's transaction)

  /** The engine reports the contract approval's end; a stale report (status moved on) changes nothing. */
  async approvalEnded(
    trx: Kysely<any>,
    ctx: RequestContext,
    id: string,
    instanceId: string,
    event: Extract<ContractEvent, 'approved' | 'rejected' | 'withdrawn'>,
  ): Promise<void> {
    const row = await repo.lockContract(trx, id);
    if (!row || row.instance_id !== instanceId || row.status !== 'IN_APPROVAL') return;
    const status = nextStatus(row.status as ContractStatus, event);
    await repo.updateContract(trx, id, {
      status,
      lock_version: row.lock_version + 1,
      updated_at: nowInstant(),
    });
    await this.audit.record(trx, ctx, {
      entityType: 'contract',
      entityId: id,
      action: event,
      changes: [{ field: 'status', old: row.status, new: status }],
    });
  }

  /**
   * An approver edited fields their step allows (the body, the attachments, the amount, ...): the
   * contract takes the new values and the edit becomes a version, so the history shows who changed what.
   */
  async approvalEdited(
    trx: Kysely<any>,
    ctx: RequestContext,
    id: string,
    instanceId: string,
    formData: Record<string, unknown>,
  ): Promise<void> {
    const row = await repo.lockContract(trx, id);
    if (!row || row.instance_id !== instanceId || row.status !== 'IN_APPROVAL') return;
    const category = await this.setup.category(trx, row.category_id);
    const patch = await editedFields(row, category, formData, {
      assertFiles: (attachments) => this.assertFiles(trx, ctx, attachments),
      validateCustom: (data) => this.setup.validateCustomData(category, data, ctx),
    });
    if (Object.keys(patch).length === 0) return;
    const after: ContractTable = {
      ...row,
      ...patch,
      version: row.version + 1,
      lock_version: row.lock_version + 1,
      updated_at: nowInstant(),
    };
    await this.versions.snapshot(trx, ctx, after, 'APPROVAL_EDIT');
    await repo.updateContract(trx, id, {
      ...patch,
      version: after.version,
      lock_version: after.lock_version,
      updated_at: after.updated_at,
    });
    await this.audit.record(trx, ctx, {
      entityType: 'contract',
      entityId: id,
      action: 'approval_edit',
      before: auditable(row),
      after: auditable(after),
    });
  }

  // ------------------------------------------------------------ shared with the module

  /** Checks that every attachment is a file the caller may see. */
  async assertFiles(trx: Kysely<any>, ctx: RequestContext, attachments: StoredAttachment[]): Promise<void> {
    const ids = attachments.map((a) => a.fileId);
    if (new Set(ids).size !== ids.length) {
      throw new AppError('VALIDATION_FAILED', { detail: 'attachments: the same file is listed twice' });
    }
    if (!ids.length) return;
    const visible = await this.ports.files.visibleIds(trx, ctx, ids);
    if (ids.some((fileId) => !visible.has(fileId))) throw invalidReference('file');
  }

  /** The API view of a contract row, with names and what the caller may do now. */
  async present(db: Kysely<any>, ctx: RequestContext, row: ContractTable): Promise<Contract> {
    const attachments = readJson<StoredAttachment[]>(row.attachments, []);
    const [entities, departments, users, categories, fileNames] = await Promise.all([
      this.ports.org.entities(db, [row.entity_id]),
      this.ports.org.departments(db, [row.department_id]),
      this.ports.org.userNames(db, [row.owner_id]),
      this.setup.categoryNames(db, [row.category_id]),
      this.ports.files.namesOf(
        db,
        attachments.map((a) => a.fileId),
      ),
    ]);
    const status = row.status as ContractStatus;
    const actions = actionsFor(status, !!row.pending_change_id).filter((action) =>
      ctx.access.has(permissionOf[action]),
    );
    return {
      id: row.id,
      number: row.number,
      name: row.name,
      categoryId: row.category_id,
      categoryName: categories.get(row.category_id) ?? '',
      direction: row.direction as Contract['direction'],
      partnerId: row.partner_id,
      partnerName: row.partner_name,
      partnerCreditCode: row.partner_credit_code,
      partnerBank: readJson<PartnerBank | null>(row.partner_bank, null),
      entityId: row.entity_id,
      entityName: entities.get(row.entity_id)?.name ?? '',
      departmentId: row.department_id,
      departmentName: departments.get(row.department_id)?.name ?? '',
      ownerId: row.owner_id,
      ownerName: users.get(row.owner_id) ?? '',
      amount: Number(row.amount),
      taxRate: Number(row.tax_rate),
      taxAmount: Number(row.tax_amount),
      amountExclTax: Number(row.amount) - Number(row.tax_amount),
      signedAmount: row.signed_amount === null ? null : Number(row.signed_amount),
      currentAmount: Number(row.current_amount),
      currency: row.currency as Contract['currency'],
      signDate: row.sign_date,
      startDate: row.start_date,
      endDate: row.end_date,
      planLineId: row.plan_line_id,
      projectRef: row.project_ref,
      budgetRef: row.budget_ref,
      body: row.body,
      attachments: attachments.map((a) => ({ ...a, name: fileNames.get(a.fileId) ?? '' })),
      customData: readJson<Record<string, unknown>>(row.custom_data, {}),
      status,
      version: Number(row.version),
      instanceId: row.instance_id,
      pendingChangeId: row.pending_change_id,
      statusReason: row.status_reason,
      imported: readBool(row.imported),
      lockVersion: Number(row.lock_version),
      createdBy: row.created_by,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
      actions,
    };
  }

  /** Whoever may see a contract may read the files attached to it (the signed scan, annexes). */
  async mayReadFile(db: Kysely<any>, ctx: RequestContext, fileId: string): Promise<boolean> {
    if (!ctx.access.has('contract.view')) return false;
    const scope = await ctx.access.require('contract.view');
    return (await repo.contractsWithFile(db, fileId)).some((row) => isInScope(scope, scopedFacts(row)));
  }

  /** Days to the end date for in-force contracts, by the app's clock. */
  daysToExpiry(row: Pick<ContractTable, 'status' | 'end_date'>): number | null {
    if (!row.end_date || (row.status !== 'IN_FORCE' && row.status !== 'APPROVED')) return null;
    return daysBetween(this.ports.today(), row.end_date);
  }

  // ------------------------------------------------------------ internals

  private async lockVisible(trx: Kysely<any>, scope: Scope, id: string): Promise<ContractTable> {
    const row = await repo.lockContract(trx, id);
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(row));
    return row;
  }

  private async nextNumber(
    trx: Kysely<any>,
    category: CategoryForContract,
    entityId: string,
  ): Promise<string> {
    const ruleId = category.numberRuleId ?? (await this.ports.numbering.ruleIdByCode(trx, 'contract'));
    if (!ruleId) throw invalidReference('numbering rule');
    const entity = (await this.ports.org.entities(trx, [entityId])).get(entityId);
    if (!entity) throw invalidReference('entity');
    return this.ports.numbering.next(trx, ruleId, { entityCode: entity.code, date: this.ports.today() });
  }

  /** Checks a draft's references and computes its stored columns. */
  private async prepare(
    trx: Kysely<any>,
    ctx: RequestContext,
    scope: Scope,
    input: Omit<ContractInput, 'entityId' | 'categoryId'> & { entityId: string; categoryId: string },
  ) {
    if (
      !isInScope(scope, {
        entityId: input.entityId,
        departmentId: input.departmentId,
        ownerId: input.ownerId,
      })
    ) {
      throw new AppError('FORBIDDEN');
    }
    const category = await this.setup.category(trx, input.categoryId);
    if (!category.active) throw invalidReference('contract category');
    const department = (await this.ports.org.departments(trx, [input.departmentId])).get(input.departmentId);
    if (!department || department.entityId !== input.entityId) throw invalidReference('department');
    if (!(await this.ports.org.activeUserIds(trx, [input.ownerId])).has(input.ownerId)) {
      throw invalidReference('contract owner');
    }
    const partner = await this.ports.partners.forContract(trx, ctx, input.partnerId, input.entityId);
    if (input.planLineId) await this.setup.planLine(trx, ctx, input.planLineId, { entityId: input.entityId });
    assertDateOrder(input.startDate ?? null, input.endDate ?? null);
    await this.assertFiles(trx, ctx, input.attachments);
    const customData = this.setup.validateCustomData(category, input.customData, ctx);
    const { taxAmount } = splitTax(input.amount, input.taxRate);
    const defaultBank = partner.bankAccounts.find((b) => b.isDefault) ?? partner.bankAccounts[0];
    const partnerBank =
      input.partnerBank === undefined
        ? defaultBank
          ? {
              bankName: defaultBank.bankName,
              accountName: defaultBank.accountName,
              accountNumber: defaultBank.accountNumber,
            }
          : null
        : input.partnerBank;
    return {
      name: input.name,
      category_id: category.id,
      direction: category.direction,
      partner_id: partner.id,
      partner_name: partner.name,
      partner_credit_code: partner.creditCode,
      partner_bank: partnerBank,
      entity_id: input.entityId,
      department_id: input.departmentId,
      owner_id: input.ownerId,
      amount: input.amount,
      tax_rate: input.taxRate,
      tax_amount: taxAmount,
      current_amount: input.amount,
      currency: input.currency,
      sign_date: input.signDate ?? null,
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      plan_line_id: input.planLineId ?? null,
      project_ref: input.projectRef ?? null,
      budget_ref: input.budgetRef ?? null,
      body: input.body,
      attachments: input.attachments,
      custom_data: customData,
    } satisfies Partial<ContractTable>;
  }
}

/** Resolves the scopes a write consults before its transaction opens (see scopesUsedInWrites). */
export async function warmScopes(ctx: RequestContext): Promise<void> {
  await Promise.all(scopesUsedInWrites.filter((p) => ctx.access.has(p)).map((p) => ctx.access.require(p)));
}

export function assertDateOrder(start: string | null, end: string | null): void {
  if (start && end && end < start) {
    throw new AppError(
      'VALIDATION_FAILED',
      { detail: 'endDate: the end date must not be before the start date' },
      [{ path: 'endDate', message: 'the end date must not be before the start date' }],
    );
  }
}

const attachmentTypeLabels: Record<ContractAttachmentType, { 'zh-CN': string; 'en-US': string }> = {
  SIGNED_SCAN: { 'zh-CN': '合同签署扫描件', 'en-US': 'signed scan' },
  ANNEX: { 'zh-CN': '合同附件', 'en-US': 'annex' },
  QUOTATION: { 'zh-CN': '报价单', 'en-US': 'quotation' },
  TECHNICAL: { 'zh-CN': '技术文件', 'en-US': 'technical document' },
  LICENSE: { 'zh-CN': '资质证照', 'en-US': 'licence' },
  OTHER: { 'zh-CN': '其他', 'en-US': 'other' },
};
const attachmentTypeLabel = (type: ContractAttachmentType, ctx: RequestContext) =>
  attachmentTypeLabels[type][ctx.locale];

/** The category's required attachment types, except those checked later (the signed scan at signing). */
function assertAttachments(
  category: CategoryForContract,
  attachments: StoredAttachment[],
  later: ContractAttachmentType[],
  ctx: RequestContext,
): void {
  const missing = category.requiredAttachmentTypes.filter(
    (type) => !later.includes(type) && !attachments.some((a) => a.type === type),
  );
  if (missing.length) {
    throw new AppError('CONTRACT_ATTACHMENTS_MISSING', {
      detail: missing
        .map((type) => attachmentTypeLabel(type, ctx))
        .join(ctx.locale === 'zh-CN' ? '、' : ', '),
    });
  }
}

/**
 * What the approval sees of a contract: the fields its conditions and approvers use. Approvers may
 * edit the keys their step marks "edit"; `approvalEdited` takes the edits back.
 */
export function approvalFormData(row: ContractTable, category: CategoryForContract): Record<string, unknown> {
  const attachments = readJson<StoredAttachment[]>(row.attachments, []);
  return {
    ...readJson<Record<string, unknown>>(row.custom_data, {}),
    number: row.number,
    name: row.name,
    category: category.code,
    categoryName: category.name,
    direction: row.direction,
    partnerName: row.partner_name,
    amount: Number(row.amount),
    taxRate: Number(row.tax_rate),
    startDate: row.start_date,
    endDate: row.end_date,
    body: row.body,
    attachments: attachments.map((a) => a.fileId),
  };
}

/** The contract fields an approval may edit, and how to read them back from the form data. */
async function editedFields(
  row: ContractTable,
  category: CategoryForContract,
  formData: Record<string, unknown>,
  checks: {
    assertFiles(attachments: StoredAttachment[]): Promise<void>;
    validateCustom(data: Record<string, unknown>): Record<string, unknown>;
  },
): Promise<Partial<ContractTable>> {
  const current = approvalFormData(row, category);
  const changed = (key: string) => JSON.stringify(formData[key]) !== JSON.stringify(current[key]);
  const fail = (field: string) => {
    throw new AppError('VALIDATION_FAILED', { detail: `${field}: invalid value` }, [
      { path: field, message: 'invalid value' },
    ]);
  };
  const patch: Partial<ContractTable> = {};
  if (changed('name')) {
    const name = formData.name;
    if (typeof name !== 'string' || !name.trim() || name.length > 200) fail('name');
    patch.name = (name as string).trim();
  }
  if (changed('body')) {
    if (typeof formData.body !== 'string' || formData.body.length > 100_000) fail('body');
    patch.body = formData.body as string;
  }
  if (changed('amount') || changed('taxRate')) {
    const amount = formData.amount;
    const taxRate = formData.taxRate;
    if (!Number.isSafeInteger(amount) || (amount as number) < 0) fail('amount');
    if (!Number.isInteger(taxRate) || (taxRate as number) < 0 || (taxRate as number) > 10000) fail('taxRate');
    patch.amount = amount as number;
    patch.current_amount = amount as number;
    patch.tax_rate = taxRate as number;
    patch.tax_amount = splitTax(amount as number, taxRate as number).taxAmount;
  }
  for (const [key, column] of [
    ['startDate', 'start_date'],
    ['endDate', 'end_date'],
  ] as const) {
    if (!changed(key)) continue;
    const value = formData[key];
    if (value !== null && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))) fail(key);
    patch[column] = value as string | null;
  }
  assertDateOrder(patch.start_date ?? row.start_date, patch.end_date ?? row.end_date);
  if (changed('attachments')) {
    const ids = formData.attachments;
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) fail('attachments');
    const existing = readJson<StoredAttachment[]>(row.attachments, []);
    const next: StoredAttachment[] = (ids as string[]).map(
      (fileId) => existing.find((a) => a.fileId === fileId) ?? { fileId, type: 'ANNEX' },
    );
    await checks.assertFiles(next.filter((a) => !existing.some((e) => e.fileId === a.fileId)));
    patch.attachments = next;
  }
  const customKeys = category.fields.map((f) => f.key);
  if (customKeys.some(changed)) {
    const custom = Object.fromEntries(customKeys.map((key) => [key, formData[key]]));
    patch.custom_data = checks.validateCustom(custom);
  }
  return patch;
}

/** The audit view of a contract: its business fields, without bookkeeping columns. */
export function auditable(row: ContractTable): Record<string, unknown> {
  return {
    number: row.number,
    name: row.name,
    categoryId: row.category_id,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    partnerBank: row.partner_bank,
    entityId: row.entity_id,
    departmentId: row.department_id,
    ownerId: row.owner_id,
    amount: row.amount,
    taxRate: row.tax_rate,
    taxAmount: row.tax_amount,
    currency: row.currency,
    signDate: row.sign_date,
    startDate: row.start_date,
    endDate: row.end_date,
    planLineId: row.plan_line_id,
    projectRef: row.project_ref,
    budgetRef: row.budget_ref,
    body: row.body,
    attachments: row.attachments,
    customData: row.custom_data,
    status: row.status,
  };
}
