import {
  type AuditEventSet,
  auditFields,
  auditRecord,
  auditValue as v,
  label,
} from '../../platform/audit/index.js';

/** The invoice as registered (`snapshot`); voiding adds the reason given. */
const invoiceFields = {
  direction: v.text,
  type: v.text,
  code: v.text,
  number: v.text,
  sellerTaxId: v.text,
  sellerName: v.text,
  buyerTaxId: v.text,
  buyerName: v.text,
  issueDate: v.date,
  amountExclTax: v.integer,
  taxAmount: v.integer,
  totalAmount: v.integer,
  status: v.text,
  entityId: v.id,
};
/** One use of the invoice by a document (`usageSnapshot`). */
const usage = auditFields({
  usageId: v.id,
  documentType: v.text,
  documentId: v.id,
  documentLineId: v.id,
  documentLabel: v.text,
  amount: v.integer,
  status: v.text,
});

export const invoicesAuditEvents: AuditEventSet = {
  invoice: auditRecord(
    '发票',
    'Invoice',
    {
      create: label('登记', 'Registered'),
      use: label('使用', 'Used'),
      release: label('释放', 'Use released'),
      void: label('作废', 'Voided'),
    },
    [],
    {
      create: auditFields(invoiceFields),
      use: usage,
      release: usage,
      void: auditFields({ ...invoiceFields, voidReason: v.text }),
    },
  ),
};
