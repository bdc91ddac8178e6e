/**
 * Factories of invoice rows for tests and for the demo seed: registered through the invoice
 * service (schema-checked, validated and audited like an API write), with defaults for what the
 * caller does not care about.
 */
import { type Invoice, type InvoiceInput, invoiceCreateSchema, invoiceInputSchema } from '@concord/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/http/index.js';
import type { InvoicesService } from './invoices.service.js';

export interface InvoiceFactoryServices {
  invoices: InvoicesService;
}

const digits = (length: number) => Array.from({ length }, () => Math.floor(Math.random() * 10)).join('');

/** A total split into amount excluding tax and tax, at a rate in basis points (1300 = 13%). */
export function splitTax(totalAmount: number, rateBp: number): { amountExclTax: number; taxAmount: number } {
  const amountExclTax = Math.round((totalAmount * 10000) / (10000 + rateBp));
  return { amountExclTax, taxAmount: totalAmount - amountExclTax };
}

/**
 * A valid invoice input: a paper VAT special invoice received for ¥10,000.00 at 13% with a random
 * code and number (unique across the group), unless overridden. A `totalAmount` alone is split at
 * 13%; `taxRateBp` picks another rate.
 */
export function invoiceInput(overrides: Partial<InvoiceInput> & { taxRateBp?: number } = {}): InvoiceInput {
  const { taxRateBp = 1300, ...fields } = overrides;
  const totalAmount = fields.totalAmount ?? 1_000_000;
  const type = fields.type ?? 'VAT_SPECIAL';
  const digital = type.startsWith('DIGITAL_');
  return invoiceInputSchema.parse({
    direction: 'RECEIVED',
    type,
    code: digital ? null : `11002${digits(5)}`,
    number: digital ? `26${digits(18)}` : digits(8),
    sellerTaxId: '91310000MA1FL2EF3Y',
    sellerName: '测试销售方有限公司',
    buyerTaxId: '91110000MA01ABCD1X',
    buyerName: '测试购买方有限公司',
    issueDate: '2026-01-15',
    ...splitTax(totalAmount, taxRateBp),
    totalAmount,
    ...fields,
  });
}

/** An invoice registered in the caller's acting entity (or `entityId`). */
export async function invoice(
  services: InvoiceFactoryServices,
  ctx: RequestContext,
  input: Partial<z.input<typeof invoiceCreateSchema>> & { taxRateBp?: number } = {},
): Promise<Invoice> {
  const { entityId, ...fields } = input;
  return services.invoices.register(ctx, invoiceCreateSchema.parse({ ...invoiceInput(fields), entityId }));
}

/** The invoice factories, as the module's index exports them. */
export const invoiceFactories = { invoice, invoiceInput, splitTax };
