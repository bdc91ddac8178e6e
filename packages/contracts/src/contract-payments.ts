import { z } from 'zod';
import { dateSchema, idSchema, instantSchema, pageQuerySchema } from './common.js';
import { contractDirectionSchema } from './contracts.js';
import { moneySchema } from './money.js';

/*
 * Money moving on a contract (付款申请/付款/收款/退款): payment requests on expense contracts
 * (approved through the engine, then paid by finance), receipts on income contracts, and refunds of
 * either. Every creation carries an idempotency key: the same key and body give the same record.
 */

export const contractPaymentKindSchema = z.enum(['PAYMENT', 'RECEIPT', 'REFUND']);
export type ContractPaymentKind = z.infer<typeof contractPaymentKindSchema>;

/** PAYMENT: IN_APPROVAL → APPROVED → PAID, or REJECTED / WITHDRAWN / CANCELED; RECEIPT: RECEIVED; REFUND: REFUNDED. */
export const contractPaymentStatusSchema = z.enum([
  'IN_APPROVAL',
  'APPROVED',
  'PAID',
  'REJECTED',
  'WITHDRAWN',
  'CANCELED',
  'RECEIVED',
  'REFUNDED',
]);
export type ContractPaymentStatus = z.infer<typeof contractPaymentStatusSchema>;

export const paymentMethodSchema = z.enum(['TRANSFER', 'CHECK', 'CASH', 'ACCEPTANCE_BILL', 'OTHER']);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/** A client-chosen key (a UUID per form opening, say): resending the same request gives the same record. */
export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'only letters, digits, "_", "-", "." and ":"');

/** A positive amount in 分. */
const positiveMoney = moneySchema.refine((v) => v > 0, 'must be more than zero');

export const contractPaymentCreateSchema = z
  .strictObject({
    planItemId: idSchema,
    amount: positiveMoney,
    purpose: z.string().trim().min(1).max(500),
    idempotencyKey: idempotencyKeySchema,
    /** Required when the request goes beyond what was invoiced or accepted (contract.override). */
    overrideReason: z.string().trim().min(1).max(500).optional(),
    /** nodeId → users chosen by the initiator, for 发起人自选 steps. */
    selections: z.record(z.string().max(64), z.array(idSchema).max(20)).optional(),
  })
  .meta({
    examples: [
      {
        planItemId: '0193a1b2-4c5d-7e6f-8a9b-4c1d2e3f4a5b',
        amount: 30000000,
        purpose: '预付款（合同总额 30%）',
        idempotencyKey: '5f0c8a2e-3b1d-4e7f-9a6c-2d8e1f4b7a90',
      },
    ],
  });
export type ContractPaymentCreate = z.input<typeof contractPaymentCreateSchema>;

/** Finance executes an approved payment. */
export const contractPaymentPaySchema = z.strictObject({
  paidOn: dateSchema,
  bankAccount: z.string().trim().min(1).max(100),
  method: paymentMethodSchema,
  reference: z.string().trim().max(100).optional(),
});
export type ContractPaymentPay = z.input<typeof contractPaymentPaySchema>;

export const contractPaymentCancelSchema = z.strictObject({
  reason: z.string().trim().min(1).max(500),
});
export type ContractPaymentCancel = z.input<typeof contractPaymentCancelSchema>;

export const contractReceiptCreateSchema = z.strictObject({
  planItemId: idSchema,
  amount: positiveMoney,
  receivedOn: dateSchema,
  bankAccount: z.string().trim().min(1).max(100),
  method: paymentMethodSchema,
  reference: z.string().trim().max(100).optional(),
  idempotencyKey: idempotencyKeySchema,
});
export type ContractReceiptCreate = z.input<typeof contractReceiptCreateSchema>;

export const contractRefundCreateSchema = z.strictObject({
  amount: positiveMoney,
  refundedOn: dateSchema,
  reason: z.string().trim().min(1).max(500),
  idempotencyKey: idempotencyKeySchema,
});
export type ContractRefundCreate = z.input<typeof contractRefundCreateSchema>;

export const contractPaymentSchema = z.object({
  id: idSchema,
  contractId: idSchema,
  contractNumber: z.string().nullable(),
  contractName: z.string(),
  kind: contractPaymentKindSchema,
  number: z.string(),
  planItemId: idSchema.nullable(),
  planItemSeq: z.number().int().nullable(),
  planItemName: z.string().nullable(),
  amount: z.number().int(),
  status: contractPaymentStatusSchema,
  refundOfId: idSchema.nullable(),
  refundOfNumber: z.string().nullable(),
  /** Purpose of a payment request, or the reason of a refund. */
  purpose: z.string().nullable(),
  requestedBy: idSchema,
  requestedByName: z.string(),
  instanceId: idSchema.nullable(),
  /** Paid, received or refunded on. */
  paidOn: dateSchema.nullable(),
  bankAccount: z.string().nullable(),
  method: paymentMethodSchema.nullable(),
  reference: z.string().nullable(),
  overrideReason: z.string().nullable(),
  overrideBy: idSchema.nullable(),
  overrideByName: z.string().nullable(),
  /** Refunded so far (PAID payments and receipts). */
  refundedAmount: z.number().int(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type ContractPayment = z.infer<typeof contractPaymentSchema>;

export const contractPaymentSortFields = ['createdAt', 'amount', 'number', 'status', 'paidOn'] as const;

export const contractPaymentListQuerySchema = z.strictObject({
  page: pageQuerySchema.shape.page,
  pageSize: pageQuerySchema.shape.pageSize,
  sort: pageQuerySchema.shape.sort,
  kind: contractPaymentKindSchema.optional(),
  status: contractPaymentStatusSchema.optional(),
});
export type ContractPaymentListQuery = z.infer<typeof contractPaymentListQuerySchema>;

/** Totals of a contract's money (all pages). */
export const contractPaymentTotalsSchema = z.object({
  /** Payment requests in approval or approved, not yet paid. */
  requested: z.number().int(),
  /** Paid out (PAID payments). */
  paid: z.number().int(),
  /** Received (receipts). */
  received: z.number().int(),
  refunded: z.number().int(),
  /** Money settled net of refunds (the contract's paid figure). */
  net: z.number().int(),
});
export type ContractPaymentTotals = z.infer<typeof contractPaymentTotalsSchema>;

export const contractPaymentPageSchema = z.object({
  items: z.array(contractPaymentSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  totals: contractPaymentTotalsSchema,
});
export type ContractPaymentPage = z.infer<typeof contractPaymentPageSchema>;

/** Where a contract stands before a new payment or receipt: what the form shows before submission. */
export const contractPaymentPositionSchema = z.object({
  contractId: idSchema,
  direction: contractDirectionSchema,
  status: z.string(),
  /** The amount the contract is executed against (settled, else current). */
  amount: z.number().int(),
  paid: z.number().int(),
  requested: z.number().int(),
  invoiced: z.number().int(),
  accepted: z.number().int(),
  /** Room left on the contract as a whole. */
  room: z.number().int(),
  tolerance: z.object({ amount: z.number().int(), rate: z.number().int() }),
  /** The contract's status allows new payment requests (expense) or receipts (income). */
  open: z.boolean(),
  items: z.array(
    z.object({
      id: idSchema,
      seq: z.number().int(),
      name: z.string(),
      dueDate: dateSchema,
      amount: z.number().int(),
      paid: z.number().int(),
      requested: z.number().int(),
      invoiced: z.number().int(),
      accepted: z.number().int(),
      /** paymentRoom: what a new request (or receipt) on this item may still be. */
      room: z.number().int(),
    }),
  ),
  /** What the caller may do here. */
  can: z.object({ request: z.boolean(), pay: z.boolean(), override: z.boolean() }),
});
export type ContractPaymentPosition = z.infer<typeof contractPaymentPositionSchema>;
