import { z } from 'zod';
import { dateSchema, idSchema, instantSchema, pageOf, pageQuerySchema } from './common.js';
import { currencySchema } from './money.js';

/*
 * Collections (催收): plan items of contracts in force that fell due with money still open, and the
 * group's oversight list of rule breaches across subsidiaries (集团监督). Amounts are integers of 分.
 */

const direction = z.enum(['INCOME', 'EXPENSE']);

// ---------------------------------------------------------------- overdue items
export const contractOverdueSortFields = [
  'dueDate',
  'daysOverdue',
  'overdueAmount',
  'contractNumber',
  'partnerName',
] as const;

export const contractOverdueQuerySchema = z.strictObject({
  ...pageQuerySchema.shape,
  /** INCOME (overdue receivables, the default) or EXPENSE (overdue payables). */
  direction: direction.default('INCOME'),
  entityId: idSchema.optional(),
  departmentId: idSchema.optional(),
  ownerId: idSchema.optional(),
  partnerId: idSchema.optional(),
  /** Only items overdue by at least this many days. */
  minDaysOverdue: z.coerce.number().int().min(0).max(3650).optional(),
});
export type ContractOverdueQuery = z.input<typeof contractOverdueQuerySchema>;
export const contractOverdueExportQuerySchema = contractOverdueQuerySchema.omit({
  page: true,
  pageSize: true,
});

export const contractOverdueItemSchema = z.object({
  itemId: idSchema,
  contractId: idSchema,
  contractNumber: z.string().nullable(),
  contractName: z.string(),
  direction,
  partnerId: idSchema,
  partnerName: z.string(),
  entityId: idSchema,
  entityName: z.string(),
  departmentId: idSchema,
  departmentName: z.string(),
  ownerId: idSchema,
  ownerName: z.string(),
  /** The contract's currency: every amount of the row is in it. */
  currency: currencySchema,
  seq: z.number().int(),
  itemName: z.string(),
  dueDate: dateSchema,
  amount: z.number().int(),
  paidAmount: z.number().int(),
  /** amount − paid. */
  overdueAmount: z.number().int(),
  daysOverdue: z.number().int(),
});
export type ContractOverdueItem = z.infer<typeof contractOverdueItemSchema>;

export const contractOverdueCurrencyTotalSchema = z.object({
  currency: currencySchema,
  /** Overdue plan items in this currency. */
  count: z.number().int(),
  overdueAmount: z.number().int(),
});
export type ContractOverdueCurrencyTotal = z.infer<typeof contractOverdueCurrencyTotalSchema>;

export const contractOverduePageSchema = pageOf(contractOverdueItemSchema).extend({
  /** The open amount of the whole filtered set per currency (CNY first). */
  overdueByCurrency: z.array(contractOverdueCurrencyTotalSchema),
});
export type ContractOverduePage = z.infer<typeof contractOverduePageSchema>;

// ---------------------------------------------------------------- group oversight
/**
 * OVERRIDE_PAYMENT: a payment request beyond what was invoiced or accepted, let through with an
 * override; PAST_END: in force after its end date; OVERDUE_COLLECTION: an income contract with a
 * receipt milestone past due and unpaid; BLACKLISTED_PARTNER / UNQUALIFIED_PARTNER: an approved or
 * in-force contract whose counterparty is blacklisted or has an expired qualification.
 */
export const contractOversightKindSchema = z.enum([
  'OVERRIDE_PAYMENT',
  'PAST_END',
  'OVERDUE_COLLECTION',
  'BLACKLISTED_PARTNER',
  'UNQUALIFIED_PARTNER',
]);
export type ContractOversightKind = z.infer<typeof contractOversightKindSchema>;

export const contractOversightQuerySchema = z.strictObject({
  ...pageQuerySchema.shape,
  kind: contractOversightKindSchema.optional(),
  entityId: idSchema.optional(),
});
export type ContractOversightQuery = z.input<typeof contractOversightQuerySchema>;
export const contractOversightExportQuerySchema = contractOversightQuerySchema.omit({
  page: true,
  pageSize: true,
});

export const contractOversightItemSchema = z.object({
  kind: contractOversightKindSchema,
  /** The record in breach: the payment (OVERRIDE_PAYMENT) or the contract. */
  recordId: idSchema,
  contractId: idSchema,
  contractNumber: z.string().nullable(),
  contractName: z.string(),
  contractStatus: z.string(),
  partnerId: idSchema,
  partnerName: z.string(),
  entityId: idSchema,
  entityName: z.string(),
  departmentId: idSchema,
  departmentName: z.string(),
  ownerId: idSchema,
  ownerName: z.string(),
  /** The contract's currency (a payment is in its contract's currency): the amount is in it. */
  currency: currencySchema,
  /** The payment's amount, the overdue amount, or the contract's current amount. */
  amount: z.number().int(),
  /** When the breach began: the payment request, the end date, the earliest overdue due date, the sign date. */
  date: dateSchema.nullable(),
  /** The override reason of a payment; null otherwise. */
  detail: z.string().nullable(),
});
export type ContractOversightItem = z.infer<typeof contractOversightItemSchema>;

export const contractOversightPageSchema = pageOf(contractOversightItemSchema).extend({
  /** Breaches per kind in the caller's scope (before the kind filter). */
  counts: z.record(contractOversightKindSchema, z.number().int()),
  asOf: instantSchema,
});
export type ContractOversightPage = z.infer<typeof contractOversightPageSchema>;
