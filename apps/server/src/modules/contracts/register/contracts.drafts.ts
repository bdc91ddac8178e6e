import {
  type ContractAttachmentType,
  type contractCreateSchema,
  type Locale,
  type PermissionCode,
  splitTax,
  type TaxExemption,
} from '@concord/contracts';
import type { z } from 'zod';
import { type Db, readJson } from '../../../db/index.js';
import { AccessControl, isInScope, type Scope } from '../../../platform/access/index.js';
import { AppError, invalidReference, notFound, type RequestContext } from '../../../platform/http/index.js';
import type { CategoryForContract, ContractPorts } from '../contracts.ports.js';
import type { ContractTable } from '../contracts.tables.js';
import * as repo from './contracts.repository.js';
import { scopedFacts } from './contracts.rules.js';

type ContractInput = z.output<typeof contractCreateSchema>;
export type StoredAttachment = { fileId: string; type: ContractAttachmentType };

/** What the register needs from the categories and planning parts of this module (wired in the module definition). */
export interface ContractSetup {
  category(trx: Db, categoryId: string): Promise<CategoryForContract>;
  categoryNames(trx: Db, ids: string[]): Promise<Map<string, string>>;
  /** The category's custom-field values, checked and normalised; VALIDATION_FAILED otherwise. */
  validateCustomData(
    category: CategoryForContract,
    data: unknown,
    ctx: RequestContext,
  ): Record<string, unknown>;
  /** Refuses (INVALID_REFERENCE) a plan line the caller may not use for a contract of this entity. */
  planLine(trx: Db, ctx: RequestContext, planLineId: string, input: { entityId: string }): Promise<void>;
}

/** Permissions whose scopes a write may consult; resolved before a transaction (SQLite has one connection). */
const scopesUsedInWrites: PermissionCode[] = [
  'contract.view',
  'partner.view',
  'file.view',
  'contract.plan.view',
];

/** Resolves the scopes a write consults before its transaction opens (see scopesUsedInWrites). */
export async function warmScopes(ctx: RequestContext): Promise<void> {
  await Promise.all(scopesUsedInWrites.filter((p) => ctx.access.has(p)).map((p) => ctx.access.require(p)));
}

/** Locks a contract for a write, refusing one outside the caller's scope. */
export async function lockVisible(trx: Db, scope: Scope, id: string): Promise<ContractTable> {
  const row = await repo.lockContract(trx, id);
  if (!row) throw notFound();
  AccessControl.assertVisible(scope, scopedFacts(row));
  return row;
}

/** Checks that every attachment is a file the caller may see. */
export async function assertFiles(
  trx: Db,
  ctx: RequestContext,
  ports: ContractPorts,
  attachments: StoredAttachment[],
): Promise<void> {
  const ids = attachments.map((a) => a.fileId);
  if (new Set(ids).size !== ids.length) {
    throw new AppError('VALIDATION_FAILED', { detail: 'attachments: the same file is listed twice' });
  }
  if (!ids.length) return;
  const visible = await ports.files.visibleIds(trx, ctx, ids);
  if (ids.some((fileId) => !visible.has(fileId))) throw invalidReference('file');
}

/** Checks a draft's references and computes its stored columns. */
export async function prepareDraft(
  trx: Db,
  ctx: RequestContext,
  scope: Scope,
  deps: { ports: ContractPorts; setup: ContractSetup },
  input: Omit<ContractInput, 'entityId' | 'categoryId'> & { entityId: string; categoryId: string },
) {
  const { ports, setup } = deps;
  if (
    !isInScope(scope, {
      entityId: input.entityId,
      departmentId: input.departmentId,
      ownerId: input.ownerId,
    })
  ) {
    throw new AppError('FORBIDDEN');
  }
  const category = await setup.category(trx, input.categoryId);
  if (!category.active) throw invalidReference('contract category');
  const department = (await ports.org.departments(trx, [input.departmentId])).get(input.departmentId);
  if (!department || department.entityId !== input.entityId) throw invalidReference('department');
  if (!(await ports.org.activeUserIds(trx, [input.ownerId])).has(input.ownerId)) {
    throw invalidReference('contract owner');
  }
  const partner = await ports.partners.forContract(trx, ctx, input.partnerId, input.entityId);
  if (input.planLineId) await setup.planLine(trx, ctx, input.planLineId, { entityId: input.entityId });
  assertDateOrder(input.startDate ?? null, input.endDate ?? null);
  assertExemption(input.taxRate, input.taxExemption ?? null, ctx.locale);
  await assertFiles(trx, ctx, ports, input.attachments);
  const customData = setup.validateCustomData(category, input.customData, ctx);
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
    tax_exemption: input.taxExemption ?? null,
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

/** A tax exemption (免税, 不征税, 零税率) is a kind of rate 0: refused beside any other rate. */
export function assertExemption(taxRate: number, exemption: TaxExemption | null, locale: Locale): void {
  if (!exemption || taxRate === 0) return;
  const message =
    locale === 'zh-CN'
      ? '免税、不征税或零税率时税率应为 0%，请改为 0% 或清除免税类型'
      : 'an exemption (exempt, not taxable, zero rated) goes with a tax rate of 0%: set 0% or clear it';
  throw new AppError('VALIDATION_FAILED', { detail: message }, [{ path: 'taxExemption', message }]);
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
export const attachmentTypeLabel = (type: ContractAttachmentType, ctx: RequestContext) =>
  attachmentTypeLabels[type][ctx.locale];

/** The category's required attachment types, except those checked later (the signed scan at signing). */
export function assertAttachments(
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
    amount: row.amount,
    taxRate: row.tax_rate,
    startDate: row.start_date,
    endDate: row.end_date,
    body: row.body,
    attachments: attachments.map((a) => a.fileId),
  };
}

/** The contract fields an approval may edit, and how to read them back from the form data. */
export async function editedFields(
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
    // The exemption is a kind of 0%: an approver's other rate ends it.
    if (taxRate !== 0) patch.tax_exemption = null;
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
    // JSON columns parsed: SQLite returns their text, PostgreSQL the value, and the log must not differ.
    partnerBank: readJson(row.partner_bank, null),
    entityId: row.entity_id,
    departmentId: row.department_id,
    ownerId: row.owner_id,
    amount: row.amount,
    taxRate: row.tax_rate,
    taxExemption: row.tax_exemption ?? null,
    taxAmount: row.tax_amount,
    currency: row.currency,
    signDate: row.sign_date,
    startDate: row.start_date,
    endDate: row.end_date,
    planLineId: row.plan_line_id,
    projectRef: row.project_ref,
    budgetRef: row.budget_ref,
    body: row.body,
    attachments: readJson(row.attachments, null),
    customData: readJson(row.custom_data, null),
    status: row.status,
  };
}
