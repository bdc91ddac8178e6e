import { z } from 'zod';
import { codeSchema, idSchema, instantSchema, nameSchema, queryBool } from './common.js';
import { contractAttachmentTypeSchema, contractDirectionSchema } from './contracts.js';
import { currencySchema, moneySchema } from './money.js';
import { evaluationCriteriaSchema, evaluationCriterionSchema } from './contract-closing.js';
import { formFieldSchema } from './forms.js';

/*
 * Setting up the contract register: the group-wide tree of contract categories (合同类别) and the
 * yearly plan lines (合同规划) contracts are signed against. Amounts are integers of 分.
 */

// ---------------------------------------------------------------- categories
export const CONTRACT_CATEGORY_MAX_FIELDS = 50;
export const CONTRACT_EXPIRY_REMINDER_DEFAULT_DAYS = 30;

export const contractCategorySchema = z.object({
  id: idSchema,
  /** Stable: approval flows are bound to `contract.sign` with this code as their category. */
  code: z.string(),
  name: z.string(),
  parentId: idSchema.nullable(),
  /** The effective direction: the category's own, or inherited from the nearest ancestor that sets one. */
  direction: contractDirectionSchema,
  /** True when the direction comes from an ancestor (the category sets none of its own). */
  directionInherited: z.boolean(),
  /** The numbering rule contract numbers of this category come from; null = the register's default. */
  numberRuleId: idSchema.nullable(),
  /** The key of the workflow definition to use; null = definitions bound to `contract.sign` and this code. */
  flowKey: z.string().nullable(),
  requiredAttachmentTypes: z.array(contractAttachmentTypeSchema),
  /** Custom fields of contracts of this category (the forms mechanism). */
  fields: z.array(formFieldSchema),
  /** Days before a contract's end date when its expiry reminder goes out (0 = on the day). */
  expiryReminderDays: z.number().int(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  /** The closing evaluation's scorecard: the category's own, or the default one. */
  evaluationCriteria: z.array(evaluationCriterionSchema),
  /** True when the category sets no scorecard of its own (the default applies). */
  evaluationCriteriaDefault: z.boolean(),
  description: z.string().nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type ContractCategory = z.infer<typeof contractCategorySchema>;

const categoryFields = {
  name: nameSchema,
  parentId: idSchema.nullable(),
  /** Required on a top-level category; a child without one inherits its parent's. */
  direction: contractDirectionSchema.nullable(),
  numberRuleId: idSchema.nullable(),
  flowKey: codeSchema.nullable(),
  requiredAttachmentTypes: z
    .array(contractAttachmentTypeSchema)
    .max(contractAttachmentTypeSchema.options.length),
  fields: z.array(formFieldSchema).max(CONTRACT_CATEGORY_MAX_FIELDS),
  expiryReminderDays: z.number().int().min(0).max(365),
  /** The closing evaluation's scorecard (weights sum to 10000); null = the default one. */
  evaluationCriteria: evaluationCriteriaSchema.nullable(),
  active: z.boolean(),
  sortOrder: z.number().int().min(0).max(100000),
  description: z.string().trim().max(500).nullable(),
};

export const contractCategoryCreateSchema = z.strictObject({
  code: codeSchema,
  name: categoryFields.name,
  parentId: categoryFields.parentId.default(null),
  direction: categoryFields.direction.default(null),
  numberRuleId: categoryFields.numberRuleId.default(null),
  flowKey: categoryFields.flowKey.default(null),
  requiredAttachmentTypes: categoryFields.requiredAttachmentTypes.default([]),
  fields: categoryFields.fields.default([]),
  expiryReminderDays: categoryFields.expiryReminderDays.default(CONTRACT_EXPIRY_REMINDER_DEFAULT_DAYS),
  evaluationCriteria: categoryFields.evaluationCriteria.optional(),
  active: categoryFields.active.default(true),
  sortOrder: categoryFields.sortOrder.default(0),
  description: categoryFields.description.default(null),
});
export type ContractCategoryCreate = z.input<typeof contractCategoryCreateSchema>;

/** The code stays as created (flows are bound to it); everything else may change. */
export const contractCategoryUpdateSchema = z.strictObject({
  name: categoryFields.name.optional(),
  parentId: categoryFields.parentId.optional(),
  direction: categoryFields.direction.optional(),
  numberRuleId: categoryFields.numberRuleId.optional(),
  flowKey: categoryFields.flowKey.optional(),
  requiredAttachmentTypes: categoryFields.requiredAttachmentTypes.optional(),
  fields: categoryFields.fields.optional(),
  expiryReminderDays: categoryFields.expiryReminderDays.optional(),
  evaluationCriteria: categoryFields.evaluationCriteria.optional(),
  active: categoryFields.active.optional(),
  sortOrder: categoryFields.sortOrder.optional(),
  description: categoryFields.description.optional(),
});
export type ContractCategoryUpdate = z.input<typeof contractCategoryUpdateSchema>;

/** The category tree is small master data: it is listed whole (flat, parents before children). */
export const contractCategoryListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  active: queryBool,
  direction: contractDirectionSchema.optional(),
});
export type ContractCategoryListQuery = z.infer<typeof contractCategoryListQuerySchema>;
export const contractCategoryListSchema = z.object({ items: z.array(contractCategorySchema) });

// ---------------------------------------------------------------- plan lines
export const PLAN_YEAR_MIN = 2000;
export const PLAN_YEAR_MAX = 2100;
const yearSchema = z.number().int().min(PLAN_YEAR_MIN).max(PLAN_YEAR_MAX);
const queryYear = z.coerce.number().int().min(PLAN_YEAR_MIN).max(PLAN_YEAR_MAX).optional();

export const contractPlanLineSchema = z.object({
  id: idSchema,
  year: z.number().int(),
  entityId: idSchema,
  entityName: z.string(),
  departmentId: idSchema,
  departmentName: z.string(),
  /** A plain project reference until the projects module lands. */
  projectRef: z.string().nullable(),
  categoryId: idSchema.nullable(),
  categoryName: z.string().nullable(),
  direction: contractDirectionSchema,
  name: z.string(),
  plannedAmount: z.number().int(),
  currency: currencySchema,
  note: z.string().nullable(),
  lockVersion: z.number().int(),
  createdBy: idSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type ContractPlanLine = z.infer<typeof contractPlanLineSchema>;

const planLineFields = {
  year: yearSchema,
  departmentId: idSchema,
  projectRef: z.string().trim().min(1).max(64).nullable(),
  categoryId: idSchema.nullable(),
  /** Defaults to the category's direction; required without a category. */
  direction: contractDirectionSchema,
  name: z.string().trim().min(1).max(200),
  plannedAmount: moneySchema,
  currency: currencySchema,
  note: z.string().trim().max(1000).nullable(),
};

export const contractPlanLineCreateSchema = z.strictObject({
  year: planLineFields.year,
  /** The entity that plans; the entity the user acts in when absent. */
  entityId: idSchema.optional(),
  departmentId: planLineFields.departmentId,
  projectRef: planLineFields.projectRef.default(null),
  categoryId: planLineFields.categoryId.default(null),
  direction: planLineFields.direction.optional(),
  name: planLineFields.name,
  plannedAmount: planLineFields.plannedAmount,
  currency: planLineFields.currency.default('CNY'),
  note: planLineFields.note.default(null),
});
export type ContractPlanLineCreate = z.input<typeof contractPlanLineCreateSchema>;

/** The entity stays as created. */
export const contractPlanLineUpdateSchema = z.strictObject({
  year: planLineFields.year.optional(),
  departmentId: planLineFields.departmentId.optional(),
  projectRef: planLineFields.projectRef.optional(),
  categoryId: planLineFields.categoryId.optional(),
  direction: planLineFields.direction.optional(),
  name: planLineFields.name.optional(),
  plannedAmount: planLineFields.plannedAmount.optional(),
  currency: planLineFields.currency.optional(),
  note: planLineFields.note.optional(),
  lockVersion: z.number().int().min(0),
});
export type ContractPlanLineUpdate = z.input<typeof contractPlanLineUpdateSchema>;

const planFilters = {
  year: queryYear,
  entityId: idSchema.optional(),
  departmentId: idSchema.optional(),
  categoryId: idSchema.optional(),
  direction: contractDirectionSchema.optional(),
  /** Name or project reference contains. */
  q: z.string().trim().max(100).optional(),
};
const pagingFields = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z
    .string()
    .max(30)
    .regex(/^-?[a-zA-Z]+$/, 'sort must be a field name, optionally prefixed with "-"')
    .optional(),
};

export const contractPlanLineSortFields = ['year', 'name', 'plannedAmount', 'createdAt'] as const;
export const contractPlanLineListQuerySchema = z.strictObject({ ...planFilters, ...pagingFields });
export type ContractPlanLineListQuery = z.infer<typeof contractPlanLineListQuerySchema>;

// ---------------------------------------------------------------- plan vs signed
/**
 * Per plan line: what was planned, what has been signed against it (contracts in force, completed
 * or terminated, at their current amount) and what is on the way (draft, in approval, approved).
 * Voided contracts and contracts in another currency than the line's do not count.
 */
export const contractPlanReportRowSchema = z.object({
  planLineId: idSchema,
  year: z.number().int(),
  name: z.string(),
  entityId: idSchema,
  entityName: z.string(),
  departmentId: idSchema,
  departmentName: z.string(),
  categoryId: idSchema.nullable(),
  categoryName: z.string().nullable(),
  direction: contractDirectionSchema,
  projectRef: z.string().nullable(),
  currency: currencySchema,
  plannedAmount: z.number().int(),
  signedAmount: z.number().int(),
  inProgressAmount: z.number().int(),
  /** Contracts linked to the line that count (signed or in progress). */
  contractCount: z.number().int(),
  /** Planned − signed; negative when signed beyond the plan. */
  remainingAmount: z.number().int(),
  /** Signed ÷ planned in basis points (10000 = 100%); null when nothing was planned. */
  executionRate: z.number().int().nullable(),
});
export type ContractPlanReportRow = z.infer<typeof contractPlanReportRowSchema>;

/** The totals of the report's lines in one currency (amounts of different currencies are never added). */
export const contractPlanReportTotalsSchema = z.object({
  currency: currencySchema,
  lines: z.number().int(),
  plannedAmount: z.number().int(),
  signedAmount: z.number().int(),
  inProgressAmount: z.number().int(),
  contractCount: z.number().int(),
  remainingAmount: z.number().int(),
  executionRate: z.number().int().nullable(),
});
export type ContractPlanReportTotals = z.infer<typeof contractPlanReportTotalsSchema>;

export const contractPlanReportSortFields = [
  'year',
  'name',
  'plannedAmount',
  'signedAmount',
  'inProgressAmount',
  'remainingAmount',
] as const;
export const contractPlanReportQuerySchema = z.strictObject({ ...planFilters, ...pagingFields });
export type ContractPlanReportQuery = z.infer<typeof contractPlanReportQuerySchema>;
export const contractPlanReportExportQuerySchema = contractPlanReportQuerySchema.omit({
  page: true,
  pageSize: true,
});

export const contractPlanReportSchema = z.object({
  items: z.array(contractPlanReportRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Totals of the whole filtered set, not just this page: one row per currency, CNY first. */
  totalsByCurrency: z.array(contractPlanReportTotalsSchema),
});
export type ContractPlanReport = z.infer<typeof contractPlanReportSchema>;

/** Signed ÷ planned in basis points, rounded half up; null when nothing was planned. Integer arithmetic. */
export function executionRateOf(signed: number, planned: number): number | null {
  if (planned <= 0) return null;
  const numerator = BigInt(signed) * 10000n * 2n + BigInt(planned);
  return Number(numerator / (BigInt(planned) * 2n));
}
