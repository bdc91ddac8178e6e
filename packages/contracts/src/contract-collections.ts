import { z } from 'zod';
import { dateSchema, idSchema, instantSchema } from './common.js';
import { contractLedgerTotalsSourceSchema } from './contract-ledger.js';
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

/**
 * The overdue list is a ledger (see docs/architecture.md, "The ledger pattern"): pages by keyset
 * (`cursor` from the previous page's `nextCursor`), never counted; the totals asked for apart
 * (`/contract-overdue/totals`, the same filters).
 */
export const contractOverdueQuerySchema = z.strictObject({
  /** INCOME (overdue receivables, the default) or EXPENSE (overdue payables). */
  direction: direction.default('INCOME'),
  entityId: idSchema.optional(),
  departmentId: idSchema.optional(),
  ownerId: idSchema.optional(),
  partnerId: idSchema.optional(),
  /** Only items overdue by at least this many days. */
  minDaysOverdue: z.coerce.number().int().min(0).max(3650).optional(),
  /** Part of the contract's number or name, the counterparty's name or the item's name. */
  q: z.string().trim().max(100).optional(),
  sort: z
    .enum([...contractOverdueSortFields, ...contractOverdueSortFields.map((f) => `-${f}` as const)], {
      message: `sort must be one of ${contractOverdueSortFields.join(', ')}, optionally prefixed with "-"`,
    })
    .optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type ContractOverdueQuery = z.input<typeof contractOverdueQuerySchema>;
export const contractOverdueExportQuerySchema = contractOverdueQuerySchema.omit({
  cursor: true,
  limit: true,
});
/** The totals take the list's filters (sort and paging do not change them). */
export const contractOverdueTotalsQuerySchema = contractOverdueQuerySchema.omit({
  cursor: true,
  limit: true,
  sort: true,
});
export type ContractOverdueTotalsQuery = z.input<typeof contractOverdueTotalsQuerySchema>;

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

export const contractOverduePageSchema = z.object({
  items: z.array(contractOverdueItemSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ContractOverduePage = z.infer<typeof contractOverduePageSchema>;

/**
 * The overdue items of the whole filtered set and their open amount per currency (CNY first):
 * `source` as the contract ledger's totals (`rollup`, `computed`, or `capped`: `count` a lower
 * bound and no amounts).
 */
export const contractOverdueTotalsResultSchema = z.object({
  count: z.number().int(),
  source: contractLedgerTotalsSourceSchema,
  byCurrency: z.array(contractOverdueCurrencyTotalSchema),
});
export type ContractOverdueTotalsResult = z.infer<typeof contractOverdueTotalsResultSchema>;

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

/**
 * The sorts the oversight list offers, each read through an index per kind (oversight.repository.ts):
 * `date`, when the breach began (then the record's id), and `kind` (then the date, then the id). The
 * amount and the contract number are not offered: no index gives them over a kind's breaches
 * without sorting all of them (the overdue amount is computed; the number's index walks contracts in
 * no breach).
 */
export const contractOversightSortFields = ['date', 'kind'] as const;

/**
 * Group oversight is a ledger (docs/architecture.md, "The ledger pattern"): pages by keyset
 * (`cursor` from the previous page's `nextCursor`), never counted; the counts per kind asked for
 * apart (`/contract-oversight/counts`, the same filters).
 */
export const contractOversightQuerySchema = z.strictObject({
  kind: contractOversightKindSchema.optional(),
  entityId: idSchema.optional(),
  sort: z
    .enum([...contractOversightSortFields, ...contractOversightSortFields.map((f) => `-${f}` as const)], {
      message: `sort must be one of ${contractOversightSortFields.join(', ')}, optionally prefixed with "-"`,
    })
    .optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type ContractOversightQuery = z.input<typeof contractOversightQuerySchema>;
export const contractOversightExportQuerySchema = contractOversightQuerySchema.omit({
  cursor: true,
  limit: true,
});
/** The counts take the list's filters but the kind (every kind is counted), sort and paging. */
export const contractOversightCountsQuerySchema = contractOversightQuerySchema.omit({
  kind: true,
  sort: true,
  cursor: true,
  limit: true,
});
export type ContractOversightCountsQuery = z.input<typeof contractOversightCountsQuerySchema>;

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

export const contractOversightPageSchema = z.object({
  items: z.array(contractOversightItemSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  asOf: instantSchema,
});
export type ContractOversightPage = z.infer<typeof contractOversightPageSchema>;

/** The breaches of one kind: counted no further than a cap (`capped`: there are more than `count`). */
export const contractOversightKindCountSchema = z.object({
  count: z.number().int(),
  capped: z.boolean(),
});
export type ContractOversightKindCount = z.infer<typeof contractOversightKindCountSchema>;

/** Breaches per kind in the caller's scope (and entity), each counted up to the cap. */
export const contractOversightCountsSchema = z.object({
  byKind: z.record(contractOversightKindSchema, contractOversightKindCountSchema),
  asOf: instantSchema,
});
export type ContractOversightCounts = z.infer<typeof contractOversightCountsSchema>;
