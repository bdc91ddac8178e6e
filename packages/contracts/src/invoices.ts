import { z } from 'zod';
import { dateSchema, idSchema, instantSchema } from './common.js';

/**
 * The invoice registry (发票): received and issued VAT invoices, unique across the whole group, and
 * their use by business documents (contracts, expense claims, fund payments).
 */
export const invoiceDirections = ['RECEIVED', 'ISSUED'] as const;
export type InvoiceDirection = (typeof invoiceDirections)[number];

/** Paper, electronic (code + number) and fully digital (全电: a 20-digit number, no code). */
export const invoiceTypes = [
  'VAT_SPECIAL',
  'VAT_ORDINARY',
  'E_VAT_SPECIAL',
  'E_VAT_ORDINARY',
  'DIGITAL_SPECIAL',
  'DIGITAL_ORDINARY',
] as const;
export type InvoiceType = (typeof invoiceTypes)[number];
export const isDigitalInvoice = (type: InvoiceType): boolean => type.startsWith('DIGITAL_');

export const invoiceStatuses = ['VALID', 'VOIDED'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

export const invoiceTypeLabels: Record<InvoiceType, { 'zh-CN': string; 'en-US': string }> = {
  VAT_SPECIAL: { 'zh-CN': '增值税专用发票（纸质）', 'en-US': 'VAT special invoice (paper)' },
  VAT_ORDINARY: { 'zh-CN': '增值税普通发票（纸质）', 'en-US': 'VAT ordinary invoice (paper)' },
  E_VAT_SPECIAL: { 'zh-CN': '增值税电子专用发票', 'en-US': 'Electronic VAT special invoice' },
  E_VAT_ORDINARY: { 'zh-CN': '增值税电子普通发票', 'en-US': 'Electronic VAT ordinary invoice' },
  DIGITAL_SPECIAL: { 'zh-CN': '数电发票（增值税专用发票）', 'en-US': 'Fully digital invoice (special)' },
  DIGITAL_ORDINARY: { 'zh-CN': '数电发票（普通发票）', 'en-US': 'Fully digital invoice (ordinary)' },
};

const money = z.number().int().min(0).max(1e14);
/** Shapes (digits, lengths per type) are checked by the server's rules, with field errors. */
const taxId = z.string().trim().min(15).max(20);
const partyName = z.string().trim().min(1).max(200);

export const invoiceInputSchema = z.strictObject({
  direction: z.enum(invoiceDirections),
  type: z.enum(invoiceTypes),
  /** 10 or 12 digits; required unless the invoice is fully digital. */
  code: z.string().trim().max(12).nullable().default(null),
  /** 8 digits; 20 for fully digital invoices. */
  number: z.string().trim().min(8).max(20),
  sellerTaxId: taxId,
  sellerName: partyName,
  buyerTaxId: taxId,
  buyerName: partyName,
  issueDate: dateSchema,
  /** In 分. */
  amountExclTax: money,
  taxAmount: money,
  /** Must equal amountExclTax + taxAmount. */
  totalAmount: money,
  fileId: idSchema.nullable().default(null),
  remarks: z.string().trim().max(500).nullable().default(null),
});
export type InvoiceInput = z.input<typeof invoiceInputSchema>;

export const invoiceCreateSchema = invoiceInputSchema.extend({
  /** The registering entity; the caller's acting entity when absent. */
  entityId: idSchema.optional(),
});
export type InvoiceCreate = z.input<typeof invoiceCreateSchema>;

export const invoiceVoidSchema = z.strictObject({ reason: z.string().trim().min(2).max(500) });

export const invoiceSchema = z.object({
  id: idSchema,
  direction: z.enum(invoiceDirections),
  type: z.enum(invoiceTypes),
  code: z.string().nullable(),
  number: z.string(),
  sellerTaxId: z.string(),
  sellerName: z.string(),
  buyerTaxId: z.string(),
  buyerName: z.string(),
  issueDate: dateSchema,
  amountExclTax: z.number().int(),
  taxAmount: z.number().int(),
  totalAmount: z.number().int(),
  /** The sum of active usages; `totalAmount - usedAmount` is still available. */
  usedAmount: z.number().int(),
  status: z.enum(invoiceStatuses),
  voidReason: z.string().nullable(),
  entityId: idSchema,
  entityName: z.string(),
  fileId: idSchema.nullable(),
  remarks: z.string().nullable(),
  createdBy: idSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Invoice = z.infer<typeof invoiceSchema>;

export const invoiceUsageStatuses = ['ACTIVE', 'RELEASED'] as const;

export const invoiceUsageSchema = z.object({
  id: idSchema,
  invoiceId: idSchema,
  /** What kind of document uses it, e.g. `contract`. */
  documentType: z.string(),
  documentId: idSchema,
  documentLineId: idSchema.nullable(),
  /** How the document names itself, e.g. the contract number and plan item. */
  documentLabel: z.string(),
  amount: z.number().int(),
  status: z.enum(invoiceUsageStatuses),
  createdBy: idSchema.nullable(),
  createdAt: instantSchema,
  releasedAt: instantSchema.nullable(),
});
export type InvoiceUsage = z.infer<typeof invoiceUsageSchema>;
export const invoiceUsageListSchema = z.object({ items: z.array(invoiceUsageSchema) });

export const invoiceSortFields = ['issueDate', 'number', 'totalAmount', 'sellerName', 'createdAt'] as const;

export const invoiceListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z
    .string()
    .max(60)
    .regex(/^-?[a-zA-Z]+$/)
    .optional(),
  /** Part of the number, the code, or a party's name or tax id. */
  q: z.string().trim().max(100).optional(),
  direction: z.enum(invoiceDirections).optional(),
  type: z.enum(invoiceTypes).optional(),
  status: z.enum(invoiceStatuses).optional(),
  /** Part of the seller's name or tax id. */
  seller: z.string().trim().max(100).optional(),
  issuedFrom: dateSchema.optional(),
  issuedTo: dateSchema.optional(),
  entityId: idSchema.optional(),
});
export type InvoiceListQuery = z.infer<typeof invoiceListQuerySchema>;
export const invoiceExportQuerySchema = invoiceListQuerySchema.omit({ page: true, pageSize: true });
export type InvoiceExportQuery = z.infer<typeof invoiceExportQuerySchema>;

// ------------------------------------------------------------------ contract invoices

/** The part of a contract's use of an invoice that counts on one of its plan items, in 分. */
export const contractInvoiceAllocationSchema = z.strictObject({
  planItemId: idSchema,
  amount: z.number().int().min(1).max(1e14),
});
export type ContractInvoiceAllocation = z.infer<typeof contractInvoiceAllocationSchema>;

/**
 * Links an invoice to a contract: an existing one or one registered inline; for the contract as a
 * whole, for one plan item (`planItemId`), or split across several (`allocations`: each plan item at
 * most once, the parts summing to at most `amount`, the rest on the contract as a whole).
 */
export const contractInvoiceLinkSchema = z.strictObject({
  invoiceId: idSchema.optional(),
  invoice: invoiceInputSchema.optional(),
  planItemId: idSchema.nullable().default(null),
  /** The part of the invoice's total this contract uses, in 分. */
  amount: z.number().int().min(1).max(1e14),
  allocations: z.array(contractInvoiceAllocationSchema).max(50).optional(),
});
export type ContractInvoiceLink = z.input<typeof contractInvoiceLinkSchema>;

export const contractInvoiceSchema = z.object({
  usageId: idSchema,
  contractId: idSchema,
  /** The one plan item the whole amount counts on; null for the contract as a whole or a split. */
  planItemId: idSchema.nullable(),
  amount: z.number().int(),
  /** How the amount counts on plan items: the one item's whole amount, or each part of a split; empty for the contract as a whole. */
  allocations: z.array(z.object({ planItemId: idSchema, amount: z.number().int() })),
  createdAt: instantSchema,
  invoice: invoiceSchema,
});
export type ContractInvoice = z.infer<typeof contractInvoiceSchema>;

export const contractInvoiceListSchema = z.object({
  items: z.array(contractInvoiceSchema),
  /** The sum of the amounts used by this contract (its invoiced figure). */
  total: z.number().int(),
});
export type ContractInvoiceList = z.infer<typeof contractInvoiceListSchema>;
