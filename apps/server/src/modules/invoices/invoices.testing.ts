/** Test helpers of the invoice registry: well-formed invoices with fresh numbers. */
import type { InvoiceInput } from '@concord/contracts';

let counter = 0;
const digits = (length: number) =>
  Array.from({ length }, () => Math.floor(Math.random() * 10))
    .join('')
    .replace(/^0/, '1');

/** A fresh 8-digit number (sequential within the run, random prefix), so tests never collide. */
export function freshNumber(): string {
  counter += 1;
  return `${digits(3)}${String(counter).padStart(5, '0')}`;
}

export const SELLER_TAX_ID = '91320500MA1N8YXU16';
export const BUYER_TAX_ID = '91110000MA01ABCD1X';

/** A paper VAT special invoice of ¥1,130.00 (1,000.00 + 130.00 tax); override what a test is about. */
export function paperInvoice(overrides: Partial<InvoiceInput> = {}): InvoiceInput {
  return {
    direction: 'RECEIVED',
    type: 'VAT_SPECIAL',
    code: '3200211130',
    number: freshNumber(),
    sellerTaxId: SELLER_TAX_ID,
    sellerName: '苏州恒力钢结构工程有限公司',
    buyerTaxId: BUYER_TAX_ID,
    buyerName: '协和集团有限公司',
    issueDate: '2026-03-10',
    amountExclTax: 100_000,
    taxAmount: 13_000,
    totalAmount: 113_000,
    ...overrides,
  };
}

/** A fully digital (全电) invoice: a 20-digit number and no code. */
export function digitalInvoice(overrides: Partial<InvoiceInput> = {}): InvoiceInput {
  return paperInvoice({
    type: 'DIGITAL_SPECIAL',
    code: null,
    number: `2632${digits(8)}${freshNumber()}`,
    ...overrides,
  });
}
