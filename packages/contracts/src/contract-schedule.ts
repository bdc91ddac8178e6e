import { z } from 'zod';
import { dateSchema, idSchema } from './common.js';
import { MAX_AMOUNT } from './money.js';

/*
 * Payment and receipt plans (付款计划/收款计划) of a contract: milestones with a due date, an
 * amount in 分, an optional share in basis points and the condition that triggers them. The items
 * sum to the contract's executable amount (its current amount, or the settled amount once settled).
 *
 * This file imports only common.ts and money.ts: contracts.ts uses the item schema in change proposals.
 */
export const CONTRACT_SCHEDULE_MAX_ITEMS = 60;

/** One milestone as entered; `id` keeps an existing item (its payments stay linked to it). */
export const contractScheduleItemInputSchema = z.strictObject({
  id: idSchema.optional(),
  name: z.string().trim().min(1).max(100),
  dueDate: dateSchema,
  amount: z.number().int().min(1).max(MAX_AMOUNT),
  /** Share of the contract amount in basis points (3000 = 30%), as entered; the amount rules. */
  percentage: z.number().int().min(0).max(10000).nullable().optional(),
  condition: z.string().trim().max(500).nullable().optional(),
});
export type ContractScheduleItemInput = z.infer<typeof contractScheduleItemInputSchema>;

/** The whole plan of a contract, replacing the previous one (an empty list removes the plan). */
export const contractScheduleItemsSchema = z
  .array(contractScheduleItemInputSchema)
  .max(CONTRACT_SCHEDULE_MAX_ITEMS);

export const contractScheduleReplaceSchema = z.strictObject({
  /** The contract's lockVersion as read; a concurrent write of the contract makes this a CONFLICT. */
  lockVersion: z.number().int().min(0),
  items: contractScheduleItemsSchema,
});
export type ContractScheduleReplace = z.infer<typeof contractScheduleReplaceSchema>;

export const contractScheduleItemSchema = z.object({
  id: idSchema,
  seq: z.number().int(),
  name: z.string(),
  dueDate: dateSchema,
  amount: z.number().int(),
  percentage: z.number().int().nullable(),
  condition: z.string().nullable(),
  /** Payment requests in approval or approved, not yet paid. */
  requested: z.number().int(),
  /** Paid out (expense) or received (income), net of refunds. */
  paid: z.number().int(),
  invoiced: z.number().int(),
  accepted: z.number().int(),
  /** amount − paid. */
  remaining: z.number().int(),
  /** Past its due date (by today in China) and not fully paid. */
  overdue: z.boolean(),
});
export type ContractScheduleItem = z.infer<typeof contractScheduleItemSchema>;

export const contractScheduleTotalsSchema = z.object({
  amount: z.number().int(),
  requested: z.number().int(),
  paid: z.number().int(),
  invoiced: z.number().int(),
  accepted: z.number().int(),
  remaining: z.number().int(),
  /** What remains unpaid on overdue items. */
  overdue: z.number().int(),
  /** Plan sum − the contract's executable amount (0 when the plan is complete and consistent). */
  difference: z.number().int(),
});

export const contractScheduleSchema = z.object({
  contractId: idSchema,
  direction: z.enum(['INCOME', 'EXPENSE']),
  currency: z.string(),
  /** The contract's lockVersion, to send back with a replacement. */
  lockVersion: z.number().int(),
  /** The amount the plan must sum to: the current amount, or the settled amount once settled. */
  executableAmount: z.number().int(),
  currentAmount: z.number().int(),
  settledAmount: z.number().int().nullable(),
  /** Today in China, the date overdue flags are computed against. */
  today: dateSchema,
  /** The caller may replace the plan now (permission, scope and contract status). */
  editable: z.boolean(),
  items: z.array(contractScheduleItemSchema),
  totals: contractScheduleTotalsSchema,
});
export type ContractSchedule = z.infer<typeof contractScheduleSchema>;
