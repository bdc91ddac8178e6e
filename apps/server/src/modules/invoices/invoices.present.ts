import {
  type Invoice,
  type InvoiceStatus,
  type InvoiceType,
  type InvoiceUsage,
  type Locale,
  subjectLabels,
} from '@concord/contracts';
import { type Db, readInstant } from '../../db/index.js';
import type { RequestContext } from '../../platform/http/index.js';
import { AppError } from '../../platform/http/index.js';
import * as repo from './invoices.repository.js';
import { invoiceDesignation } from './invoices.rules.js';
import type { InvoiceTable, InvoiceUsageTable } from './invoices.tables.js';

/** What the registry needs from the organisation and the file store (wired in the module definition). */
export interface InvoiceDirectory {
  entityNames(db: Db, ids: string[]): Promise<Map<string, string>>;
  /** Of these files, the ones the caller may attach. */
  visibleFileIds(db: Db, ctx: RequestContext, ids: string[]): Promise<Set<string>>;
}

/** The API view of invoice rows, with their entities' names. */
export async function presentInvoices(
  db: Db,
  directory: InvoiceDirectory,
  rows: InvoiceTable[],
): Promise<Invoice[]> {
  if (!rows.length) return [];
  const names = await directory.entityNames(db, [...new Set(rows.map((r) => r.entity_id))]);
  return rows.map((row) => ({
    id: row.id,
    direction: row.direction as Invoice['direction'],
    type: row.type as InvoiceType,
    code: row.code,
    number: row.number,
    sellerTaxId: row.seller_tax_id,
    sellerName: row.seller_name,
    buyerTaxId: row.buyer_tax_id,
    buyerName: row.buyer_name,
    issueDate: row.issue_date,
    amountExclTax: row.amount_excl_tax,
    taxAmount: row.tax_amount,
    totalAmount: row.total_amount,
    usedAmount: row.used_amount,
    status: row.status as InvoiceStatus,
    voidReason: row.void_reason,
    entityId: row.entity_id,
    entityName: names.get(row.entity_id) ?? '',
    fileId: row.file_id,
    remarks: row.remarks,
    createdBy: row.created_by,
    createdAt: readInstant(row.created_at)!,
    updatedAt: readInstant(row.updated_at)!,
  }));
}

/** INVOICE_DUPLICATE for an invoice already registered, naming the documents that use it. */
export async function duplicateError(db: Db, ctx: RequestContext, existing: InvoiceTable): Promise<AppError> {
  const active = await repo.usagesOfInvoice(db, existing.id, true);
  const zh = ctx.locale === 'zh-CN';
  let usage: string;
  if (existing.status === 'VOIDED') usage = zh ? '该发票已作废' : 'it is voided';
  else if (active.length)
    usage = zh
      ? `已被 ${documentsText(active, ctx.locale)} 使用`
      : `used by ${documentsText(active, ctx.locale)}`;
  else usage = zh ? '尚未被任何单据使用' : 'not used by any document yet';
  return new AppError('INVOICE_DUPLICATE', { invoice: invoiceDesignation(existing, ctx.locale), usage });
}

export const facts = (row: InvoiceTable) => ({ entityId: row.entity_id, ownerId: row.created_by });

/** "合同 HT-…" / "contract HT-…" */
export function documentText(documentType: string, label: string, locale: Locale): string {
  const type = subjectLabels[documentType]?.[locale] ?? documentType;
  return `${type} ${label}`;
}

export function documentsText(usages: InvoiceUsageTable[], locale: Locale): string {
  return usages
    .map((u) => documentText(u.document_type, u.document_label, locale))
    .join(locale === 'zh-CN' ? '、' : ', ');
}

export function toUsage(row: InvoiceUsageTable): InvoiceUsage {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    documentType: row.document_type,
    documentId: row.document_id,
    documentLineId: row.document_line_id,
    documentLabel: row.document_label,
    amount: row.amount,
    status: row.status as InvoiceUsage['status'],
    createdBy: row.created_by,
    createdAt: readInstant(row.created_at)!,
    releasedAt: readInstant(row.released_at),
  };
}

export function snapshot(row: InvoiceTable): Record<string, unknown> {
  return {
    direction: row.direction,
    type: row.type,
    code: row.code,
    number: row.number,
    sellerTaxId: row.seller_tax_id,
    sellerName: row.seller_name,
    buyerTaxId: row.buyer_tax_id,
    buyerName: row.buyer_name,
    issueDate: row.issue_date,
    amountExclTax: row.amount_excl_tax,
    taxAmount: row.tax_amount,
    totalAmount: row.total_amount,
    status: row.status,
    entityId: row.entity_id,
  };
}

export function usageSnapshot(row: InvoiceUsageTable): Record<string, unknown> {
  return {
    usageId: row.id,
    documentType: row.document_type,
    documentId: row.document_id,
    documentLineId: row.document_line_id,
    documentLabel: row.document_label,
    amount: row.amount,
    status: row.status,
  };
}
