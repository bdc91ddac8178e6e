import { z } from 'zod';
import { dateSchema, idSchema, instantSchema, pageQuerySchema } from './common.js';
import { moneySchema } from './money.js';

/*
 * Deliveries and their acceptance (交付/验收) on a contract: what was delivered (quantity, amount),
 * then accepted in whole or in part (with acceptance documents) or rejected. Accepted amounts feed
 * the contract's matching figures (款、票、物).
 */

export const deliveryStatusSchema = z.enum(['DELIVERED', 'ACCEPTED', 'REJECTED']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/** A quantity is decimal text ("12.5"), not a float: up to 12 digits and 4 decimals. */
const quantitySchema = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,4})?$/, 'must be a decimal number such as 12.5');

const fileIdsSchema = z.array(idSchema).max(20);

export const deliveryCreateSchema = z.strictObject({
  /** The plan item (milestone) the delivery belongs to, if any. */
  planItemId: idSchema.nullable().optional(),
  description: z.string().trim().min(1).max(500),
  quantity: quantitySchema.nullable().optional(),
  unit: z.string().trim().max(20).nullable().optional(),
  /** Value of what was delivered, in 分; more than zero. */
  deliveredAmount: moneySchema.min(1),
  deliveredOn: dateSchema,
  /** Delivery notes, waybills, photos. */
  fileIds: fileIdsSchema.default([]),
});
export type DeliveryCreate = z.input<typeof deliveryCreateSchema>;

export const deliveryAcceptSchema = z.strictObject({
  /** Up to the delivered amount; less when only part is accepted. */
  acceptedAmount: moneySchema,
  acceptedOn: dateSchema,
  note: z.string().trim().max(1000).nullable().optional(),
  /** Acceptance documents (验收单, test reports). */
  fileIds: fileIdsSchema.default([]),
});
export type DeliveryAccept = z.input<typeof deliveryAcceptSchema>;

export const deliveryRejectSchema = z.strictObject({
  note: z.string().trim().min(1).max(1000),
});
export type DeliveryReject = z.input<typeof deliveryRejectSchema>;

export const deliveryListQuerySchema = pageQuerySchema
  .extend({ status: deliveryStatusSchema.optional(), planItemId: idSchema.optional() })
  .strict();
export type DeliveryListQuery = z.input<typeof deliveryListQuerySchema>;

export const deliveryFileSchema = z.object({ id: idSchema, name: z.string() });

export const deliverySchema = z.object({
  id: idSchema,
  contractId: idSchema,
  contractNumber: z.string().nullable(),
  contractName: z.string(),
  planItemId: idSchema.nullable(),
  planItemName: z.string().nullable(),
  description: z.string(),
  quantity: z.string().nullable(),
  unit: z.string().nullable(),
  deliveredAmount: z.number().int(),
  deliveredOn: dateSchema,
  status: deliveryStatusSchema,
  acceptedAmount: z.number().int(),
  acceptedOn: dateSchema.nullable(),
  acceptedBy: idSchema.nullable(),
  acceptedByName: z.string().nullable(),
  acceptanceNote: z.string().nullable(),
  /** Delivery documents, then acceptance documents (by kind). */
  deliveryFiles: z.array(deliveryFileSchema),
  acceptanceFiles: z.array(deliveryFileSchema),
  createdBy: idSchema,
  createdByName: z.string(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Delivery = z.infer<typeof deliverySchema>;

/** The deliveries tab: the list plus the contract's figures and what the caller may do. */
export const deliverySummarySchema = z.object({
  contractId: idSchema,
  executableAmount: z.number().int(),
  delivered: z.number().int(),
  accepted: z.number().int(),
  /** What may still be delivered: executable amount − delivered (not rejected). */
  remaining: z.number().int(),
  canDeliver: z.boolean(),
});
export type DeliverySummary = z.infer<typeof deliverySummarySchema>;
