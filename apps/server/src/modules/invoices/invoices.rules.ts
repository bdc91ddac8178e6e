import { type InvoiceType, isDigitalInvoice, type Locale, formatMoney } from '@concord/contracts';

/**
 * Pure rules of the invoice registry: the shape of an invoice's identifiers and amounts, its group-wide
 * identity, and how much of it is left for another document.
 */

export interface InvoiceFacts {
  type: InvoiceType;
  code: string | null;
  number: string;
  sellerTaxId: string;
  buyerTaxId: string;
  amountExclTax: number;
  taxAmount: number;
  totalAmount: number;
}

/** Tax ids are written with upper-case letters and no spaces; codes and numbers as digits only. */
export function normalizeInvoice<T extends InvoiceFacts>(input: T): T {
  const clean = (s: string) => s.replace(/\s+/g, '');
  return {
    ...input,
    code: input.code ? clean(input.code) : null,
    number: clean(input.number),
    sellerTaxId: clean(input.sellerTaxId).toUpperCase(),
    buyerTaxId: clean(input.buyerTaxId).toUpperCase(),
  };
}

const TAX_ID = /^[0-9A-Z]{15,20}$/;

/** Field errors of a (normalised) invoice; empty when it is well formed. */
export function invoiceIssues(input: InvoiceFacts): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const digital = isDigitalInvoice(input.type);
  if (digital) {
    if (input.code) issues.push({ path: 'code', message: 'a fully digital invoice has no code' });
    if (!/^\d{20}$/.test(input.number))
      issues.push({ path: 'number', message: 'a fully digital invoice number has 20 digits' });
  } else {
    if (!input.code || !/^(\d{10}|\d{12})$/.test(input.code))
      issues.push({ path: 'code', message: 'the invoice code has 10 or 12 digits' });
    if (!/^\d{8}$/.test(input.number))
      issues.push({ path: 'number', message: 'the invoice number has 8 digits' });
  }
  if (!TAX_ID.test(input.sellerTaxId))
    issues.push({ path: 'sellerTaxId', message: 'a tax id has 15 to 20 letters (A–Z) or digits' });
  if (!TAX_ID.test(input.buyerTaxId))
    issues.push({ path: 'buyerTaxId', message: 'a tax id has 15 to 20 letters (A–Z) or digits' });
  if (input.amountExclTax + input.taxAmount !== input.totalAmount)
    issues.push({
      path: 'totalAmount',
      message: 'the total must equal the amount excluding tax plus the tax',
    });
  if (input.totalAmount <= 0)
    issues.push({ path: 'totalAmount', message: 'the total must be more than zero' });
  return issues;
}

/**
 * The identity of a real invoice across the whole group: paper and electronic invoices by code,
 * number and seller; fully digital ones by their number alone (unique nationwide).
 */
export function invoiceKey(input: Pick<InvoiceFacts, 'type' | 'code' | 'number' | 'sellerTaxId'>): string {
  return isDigitalInvoice(input.type)
    ? `D|${input.number}`
    : `P|${input.code ?? ''}|${input.number}|${input.sellerTaxId}`;
}

/**
 * Whether a document may use `amount` more of an invoice: the sum of active usages may not pass the
 * total.
 */
export function usageFits(total: number, used: number, amount: number): boolean {
  return amount > 0 && used + amount <= total;
}

/** How messages name an invoice: its number, and its code when it has one. */
export function invoiceDesignation(invoice: { code: string | null; number: string }, locale: Locale): string {
  if (!invoice.code) return invoice.number;
  return locale === 'zh-CN'
    ? `${invoice.number}（代码 ${invoice.code}）`
    : `${invoice.number} (code ${invoice.code})`;
}

/** ¥1,234.56 from 分, for messages. */
export const yuan = (fen: number): string => formatMoney(fen);
