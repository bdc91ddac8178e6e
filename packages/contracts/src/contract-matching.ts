import { z } from 'zod';
import { idSchema, instantSchema, pageQuerySchema } from './common.js';
import { contractDirectionSchema } from './contracts.js';
import { currencySchema } from './money.js';

/*
 * Matching 款、票、物 (money paid or received, invoices, goods or services accepted) with a tolerance,
 * the exceptions list of contracts whose figures disagree, and the execution settings per entity
 * (tolerance and collection reminder days).
 */

// ---------------------------------------------------------------- execution settings
/** Where the settings in force for an entity come from: its own row, the group's row, or the defaults. */
export const executionSettingsSourceSchema = z.enum(['ENTITY', 'GROUP', 'DEFAULT']);
export type ExecutionSettingsSource = z.infer<typeof executionSettingsSourceSchema>;

const daysSchema = z.number().int().min(0).max(365);

export const executionSettingsInputSchema = z
  .strictObject({
    /** Matching tolerance in 分. */
    toleranceAmount: z.number().int().min(0).max(100_000_000_00),
    /** Matching tolerance in basis points of the larger compared figure (the larger form applies). */
    toleranceRate: z.number().int().min(0).max(10000),
    /** Days before a due date to remind the owner, e.g. [7, 1]. */
    remindBeforeDays: z.array(z.number().int().min(1).max(365)).max(10),
    /** Days after the due date to remind the owner, then the department head, then finance. */
    ownerAfterDays: daysSchema,
    headAfterDays: daysSchema,
    financeAfterDays: daysSchema,
  })
  .refine((v) => v.ownerAfterDays <= v.headAfterDays && v.headAfterDays <= v.financeAfterDays, {
    message: 'escalation days must not decrease (owner ≤ head ≤ finance)',
    path: ['headAfterDays'],
  });
export type ExecutionSettingsInput = z.input<typeof executionSettingsInputSchema>;

export const executionSettingsSchema = z.object({
  entityId: idSchema,
  entityName: z.string(),
  /** The group's root entity: its settings are the group default. */
  isGroup: z.boolean(),
  source: executionSettingsSourceSchema,
  toleranceAmount: z.number().int(),
  toleranceRate: z.number().int(),
  remindBeforeDays: z.array(z.number().int()),
  ownerAfterDays: z.number().int(),
  headAfterDays: z.number().int(),
  financeAfterDays: z.number().int(),
  /** When the entity's own row was last saved (null when the group's row or the defaults apply). */
  updatedAt: instantSchema.nullable(),
  /** The caller may change these settings. */
  canEdit: z.boolean(),
});
export type ExecutionSettings = z.infer<typeof executionSettingsSchema>;

export const executionSettingsParamsSchema = z.strictObject({ entityId: idSchema });

// ---------------------------------------------------------------- matching
export const matchingStatusSchema = z.enum(['MATCHED', 'MISMATCHED']);
export type MatchingStatusCode = z.infer<typeof matchingStatusSchema>;

/** Three figures, their differences (paid − invoiced, paid − accepted, invoiced − accepted) and the verdict. */
const matchingFigures = {
  paid: z.number().int(),
  invoiced: z.number().int(),
  accepted: z.number().int(),
  paidVsInvoiced: z.number().int(),
  paidVsAccepted: z.number().int(),
  invoicedVsAccepted: z.number().int(),
  status: matchingStatusSchema,
};

/**
 * A plan item's figures as matching compares them: what is tied to it plus its share of what is tied
 * to no item (in plan order by due date, each item filled up to its amount, the rest on the last).
 */
export const matchingLineSchema = z.object({
  /** The plan item; null for figures left unallocated (a contract whose items' figures are not refreshed). */
  planItemId: idSchema.nullable(),
  seq: z.number().int().nullable(),
  name: z.string(),
  amount: z.number().int().nullable(),
  ...matchingFigures,
});
export type MatchingLine = z.infer<typeof matchingLineSchema>;

export const contractMatchingSchema = z.object({
  contractId: idSchema,
  direction: contractDirectionSchema,
  /** The amount the contract is executed against (settled, else current). */
  executableAmount: z.number().int(),
  tolerance: z.object({ amount: z.number().int(), rate: z.number().int() }),
  toleranceSource: executionSettingsSourceSchema,
  /** The totals; their status is MATCHED only when every line is MATCHED too. */
  total: z.object(matchingFigures),
  lines: z.array(matchingLineSchema),
});
export type ContractMatching = z.infer<typeof contractMatchingSchema>;

// ---------------------------------------------------------------- exceptions list
export const contractExceptionsQuerySchema = pageQuerySchema
  .extend({
    entityId: idSchema.optional(),
    direction: contractDirectionSchema.optional(),
  })
  .strict();
export type ContractExceptionsQuery = z.input<typeof contractExceptionsQuerySchema>;
/** The exceptions list's filters and sort, for its Excel export (every row, no paging). */
export const contractExceptionsExportQuerySchema = contractExceptionsQuerySchema.omit({
  page: true,
  pageSize: true,
});
export type ContractExceptionsExportQuery = z.input<typeof contractExceptionsExportQuerySchema>;

export const contractExceptionSchema = z.object({
  contractId: idSchema,
  number: z.string().nullable(),
  name: z.string(),
  direction: contractDirectionSchema,
  partnerName: z.string(),
  entityId: idSchema,
  entityName: z.string(),
  status: z.string(),
  /** The contract's currency: the figures and differences are in it (the tolerance amount is in 分). */
  currency: currencySchema,
  executableAmount: z.number().int(),
  paid: z.number().int(),
  invoiced: z.number().int(),
  accepted: z.number().int(),
  paidVsInvoiced: z.number().int(),
  paidVsAccepted: z.number().int(),
  invoicedVsAccepted: z.number().int(),
  /** The largest of the three absolute differences, of the totals or of any plan item. */
  maxDifference: z.number().int(),
  toleranceAmount: z.number().int(),
  toleranceRate: z.number().int(),
});
export type ContractException = z.infer<typeof contractExceptionSchema>;
