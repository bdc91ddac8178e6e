import { z } from 'zod';
import { dateSchema, idSchema, instantSchema } from './common.js';
import { contractScheduleItemsSchema } from './contract-schedule.js';
import { currencySchema, moneySchema } from './money.js';

/*
 * The contract register: contracts, their versions and change orders (the ledger is in
 * contract-ledger.ts). Amounts are integers of 分 including tax; tax rates are integers of basis
 * points (1300 = 13%).
 */

/** Tax rate in basis points: 0 to 100%. */
export const taxRateSchema = z.number().int().min(0).max(10000);
/**
 * The treatment a tax rate of 0 names: 免税 exempt, 不征税 not taxable, 零税率 zero rated (they differ
 * on the invoice and in the tax return); null for a plain rate.
 */
export const taxExemptionSchema = z.enum(['EXEMPT', 'NOT_TAXABLE', 'ZERO_RATED']);
export type TaxExemption = z.infer<typeof taxExemptionSchema>;
/** How screens, exports and imports write each exemption. */
export const taxExemptionLabels: Record<TaxExemption, { 'zh-CN': string; 'en-US': string }> = {
  EXEMPT: { 'zh-CN': '免税', 'en-US': 'Exempt' },
  NOT_TAXABLE: { 'zh-CN': '不征税', 'en-US': 'Not taxable' },
  ZERO_RATED: { 'zh-CN': '零税率', 'en-US': 'Zero rated' },
};

export const contractDirectionSchema = z.enum(['INCOME', 'EXPENSE']);
export type ContractDirection = z.infer<typeof contractDirectionSchema>;

/**
 * draft → in approval → approved → in force (signed) → completed | terminated; a draft or an
 * approved contract may be voided. A rejected or withdrawn approval returns the contract to draft.
 */
export const contractStatusSchema = z.enum([
  'DRAFT',
  'IN_APPROVAL',
  'APPROVED',
  'IN_FORCE',
  'COMPLETED',
  'TERMINATED',
  'VOIDED',
]);
export type ContractStatus = z.infer<typeof contractStatusSchema>;

/** What an attachment of a contract is; a category lists the types a contract must carry. */
export const contractAttachmentTypeSchema = z.enum([
  'SIGNED_SCAN',
  'ANNEX',
  'QUOTATION',
  'TECHNICAL',
  'LICENSE',
  'OTHER',
]);
export type ContractAttachmentType = z.infer<typeof contractAttachmentTypeSchema>;

/**
 * The tax inside a tax-inclusive amount: tax = amount × rate ÷ (10000 + rate), rounded half up to
 * the 分, and the amount excluding tax is what remains, so the two always add up to the amount.
 * Integer arithmetic throughout (BigInt: amount × rate can pass 2^53).
 */
export function splitTax(amount: number, taxRate: number): { taxAmount: number; amountExclTax: number } {
  const numerator = BigInt(amount) * BigInt(taxRate);
  const denominator = BigInt(10000 + taxRate);
  const taxAmount = Number((numerator * 2n + denominator) / (denominator * 2n));
  return { taxAmount, amountExclTax: amount - taxAmount };
}

export const contractAttachmentInputSchema = z.strictObject({
  fileId: idSchema,
  type: contractAttachmentTypeSchema,
});
export const contractAttachmentSchema = z.object({
  fileId: idSchema,
  type: contractAttachmentTypeSchema,
  name: z.string(),
});
export type ContractAttachment = z.infer<typeof contractAttachmentSchema>;

/** The counterparty's bank account as written on the contract (a copy: later edits of the partner do not change it). */
export const partnerBankSchema = z.strictObject({
  bankName: z.string().trim().min(1).max(100),
  accountName: z.string().trim().min(1).max(100),
  accountNumber: z
    .string()
    .trim()
    .min(4)
    .max(40)
    .regex(/^[0-9 -]+$/, 'digits, spaces and "-" only'),
});
export type PartnerBank = z.infer<typeof partnerBankSchema>;

const optionalRef = z.string().trim().min(1).max(64).nullable().optional();
export const CONTRACT_BODY_MAX = 100_000;

const contractFields = {
  name: z.string().trim().min(1).max(200),
  categoryId: idSchema,
  partnerId: idSchema,
  /** Our signing entity; the entity the user acts in when absent. */
  entityId: idSchema.optional(),
  departmentId: idSchema,
  ownerId: idSchema,
  amount: moneySchema,
  taxRate: taxRateSchema,
  /** Only with a tax rate of 0. */
  taxExemption: taxExemptionSchema.nullable().optional(),
  currency: currencySchema.default('CNY'),
  signDate: dateSchema.nullable().optional(),
  startDate: dateSchema.nullable().optional(),
  endDate: dateSchema.nullable().optional(),
  planLineId: idSchema.nullable().optional(),
  /** Plain references until the projects and budgets modules land. */
  projectRef: optionalRef,
  budgetRef: optionalRef,
  partnerBank: partnerBankSchema.nullable().optional(),
  body: z.string().max(CONTRACT_BODY_MAX).default(''),
  attachments: z.array(contractAttachmentInputSchema).max(50).default([]),
  /** Values of the category's custom fields, validated against them on the server. */
  customData: z.record(z.string().max(64), z.unknown()).default({}),
};
export const contractCreateSchema = z.strictObject(contractFields).meta({
  examples: [
    {
      name: '城东产业园钢材采购合同',
      categoryId: '0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b',
      partnerId: '0193a1b2-4c5d-7e6f-8a9b-1c1d2e3f4a5b',
      departmentId: '0193a1b2-4c5d-7e6f-8a9b-2c1d2e3f4a5b',
      ownerId: '0193a1b2-4c5d-7e6f-8a9b-3c1d2e3f4a5b',
      amount: 113000000,
      taxRate: 1300,
      currency: 'CNY',
      signDate: null,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      body: '第一条 标的：螺纹钢 100 吨',
    },
  ],
});
export type ContractCreate = z.input<typeof contractCreateSchema>;
/** A draft is edited as a whole; the category and entity stay. */
export const contractUpdateSchema = z.strictObject({
  ...contractFields,
  categoryId: idSchema.optional(),
  lockVersion: z.number().int().min(0),
});

export const contractActionSchema = z.enum([
  'edit',
  'delete',
  'submit',
  'sign',
  'complete',
  'terminate',
  'void',
  'change',
]);
export type ContractAction = z.infer<typeof contractActionSchema>;

export const contractSchema = z.object({
  id: idSchema,
  /** Assigned from the category's numbering rule when the contract is first submitted. */
  number: z.string().nullable(),
  name: z.string(),
  categoryId: idSchema,
  categoryName: z.string(),
  direction: contractDirectionSchema,
  partnerId: idSchema,
  partnerName: z.string(),
  partnerCreditCode: z.string().nullable(),
  partnerBank: partnerBankSchema.nullable(),
  entityId: idSchema,
  entityName: z.string(),
  departmentId: idSchema,
  departmentName: z.string(),
  ownerId: idSchema,
  ownerName: z.string(),
  amount: z.number().int(),
  taxRate: z.number().int(),
  taxExemption: taxExemptionSchema.nullable(),
  taxAmount: z.number().int(),
  amountExclTax: z.number().int(),
  /** The amount when signed; null before. */
  signedAmount: z.number().int().nullable(),
  /** The amount now, after approved change orders. */
  currentAmount: z.number().int(),
  currency: currencySchema,
  signDate: dateSchema.nullable(),
  startDate: dateSchema.nullable(),
  endDate: dateSchema.nullable(),
  planLineId: idSchema.nullable(),
  projectRef: z.string().nullable(),
  budgetRef: z.string().nullable(),
  body: z.string(),
  attachments: z.array(contractAttachmentSchema),
  customData: z.record(z.string(), z.unknown()),
  status: contractStatusSchema,
  /** The latest version number (0 for a draft never submitted). */
  version: z.number().int(),
  /** The approval now running or last run on the contract itself (not its changes). */
  instanceId: idSchema.nullable(),
  /** The change order now in approval, if any. */
  pendingChangeId: idSchema.nullable(),
  statusReason: z.string().nullable(),
  imported: z.boolean(),
  lockVersion: z.number().int(),
  createdBy: idSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  /** What the caller may do now. */
  actions: z.array(contractActionSchema),
});
export type Contract = z.infer<typeof contractSchema>;

export const contractSubmitSchema = z.strictObject({
  /** nodeId → users chosen by the initiator, for 发起人自选 steps. */
  selections: z.record(z.string().max(64), z.array(idSchema).max(20)).optional(),
});
export const contractSignSchema = z.strictObject({
  signDate: dateSchema,
  /** The signed scan, when not attached yet. */
  attachments: z.array(contractAttachmentInputSchema).max(10).default([]),
});
export const contractReasonSchema = z.strictObject({
  reason: z.string().trim().min(1).max(1000),
});
export const contractCompleteSchema = z.strictObject({
  reason: z.string().trim().max(1000).optional(),
});

// ---------------------------------------------------------------- versions
export const contractVersionReasonSchema = z.enum(['SUBMIT', 'APPROVAL_EDIT', 'SIGN', 'CHANGE', 'IMPORT']);
export const contractVersionSummarySchema = z.object({
  id: idSchema,
  version: z.number().int(),
  reason: contractVersionReasonSchema,
  /** The change order that made this version. */
  changeId: idSchema.nullable(),
  note: z.string().nullable(),
  createdBy: idSchema.nullable(),
  createdByName: z.string().nullable(),
  createdAt: instantSchema,
});
export type ContractVersionSummary = z.infer<typeof contractVersionSummarySchema>;
export const contractVersionSchema = contractVersionSummarySchema.extend({
  /** The contract's fields at this version (name, amount, taxRate, dates, partner, customData, ...). */
  fields: z.record(z.string(), z.unknown()),
  body: z.string(),
  attachments: z.array(contractAttachmentSchema),
});
export type ContractVersion = z.infer<typeof contractVersionSchema>;

/** Absent: the latest version (`to`) and the one before it (`from`). */
export const contractCompareQuerySchema = z.strictObject({
  from: z.coerce.number().int().min(1).max(100000).optional(),
  to: z.coerce.number().int().min(1).max(100000).optional(),
});
export const contractCompareSchema = z.object({
  from: contractVersionSummarySchema,
  to: contractVersionSummarySchema,
  /** Fields whose value differs, in a stable order. */
  fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  /** The body, line by line: unchanged lines, lines removed from `from` and lines added in `to`. */
  body: z.array(z.object({ op: z.enum(['equal', 'removed', 'added']), line: z.string() })),
  attachments: z.object({
    added: z.array(contractAttachmentSchema),
    removed: z.array(contractAttachmentSchema),
  }),
});
export type ContractCompare = z.infer<typeof contractCompareSchema>;

// ---------------------------------------------------------------- change orders
export const contractChangeKindSchema = z.enum(['CHANGE', 'SUPPLEMENT']);
export const contractChangeStatusSchema = z.enum(['IN_APPROVAL', 'APPROVED', 'REJECTED', 'WITHDRAWN']);
/** What a change order may alter. Absent = unchanged. */
export const contractChangeProposalSchema = z.strictObject({
  name: contractFields.name.optional(),
  amount: moneySchema.optional(),
  taxRate: taxRateSchema.optional(),
  startDate: dateSchema.nullable().optional(),
  endDate: dateSchema.nullable().optional(),
  partnerBank: partnerBankSchema.nullable().optional(),
  body: z.string().max(CONTRACT_BODY_MAX).optional(),
  attachments: z.array(contractAttachmentInputSchema).max(50).optional(),
  customData: z.record(z.string().max(64), z.unknown()).optional(),
  /** The full new payment/receipt plan: required when the amount changes and the contract has a plan. */
  schedule: contractScheduleItemsSchema.optional(),
});
export type ContractChangeProposal = z.infer<typeof contractChangeProposalSchema>;
export const contractChangeCreateSchema = z.strictObject({
  kind: contractChangeKindSchema.default('CHANGE'),
  reason: z.string().trim().min(1).max(2000),
  proposed: contractChangeProposalSchema,
  selections: z.record(z.string().max(64), z.array(idSchema).max(20)).optional(),
});
export const contractChangeSchema = z.object({
  id: idSchema,
  contractId: idSchema,
  number: z.string(),
  kind: contractChangeKindSchema,
  reason: z.string(),
  status: contractChangeStatusSchema,
  /** The proposed values, and the contract's values they replace. */
  proposed: z.record(z.string(), z.unknown()),
  before: z.record(z.string(), z.unknown()),
  instanceId: idSchema.nullable(),
  /** The contract version the approved change produced. */
  resultingVersion: z.number().int().nullable(),
  createdBy: idSchema,
  createdByName: z.string(),
  createdAt: instantSchema,
  decidedAt: instantSchema.nullable(),
});
export type ContractChange = z.infer<typeof contractChangeSchema>;
