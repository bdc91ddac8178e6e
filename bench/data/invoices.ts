import { dayAfter, instantOn, type PaymentContract, type PaymentItem } from './payments.js';
import type { Random } from './random.js';

/**
 * Invoices (发票) in the group's registry and their use by contracts, as invoices.use.ts writes them:
 * an expense contract's items are covered by invoices received from the partner, an income
 * contract's by invoices issued to it. Each instalment has its own invoice of the same amount, used
 * whole by the item (a contract uses an invoice once: `active_key`), so an item's invoiced amount is
 * the sum of its usages. Identities are unique across the run: fully digital invoices by a 20-digit
 * number, paper and electronic ones by code, number and seller (`unique_key` as invoices.rules.ts).
 */
export interface InvoiceParties {
  /** The partner's tax id (generated partners carry no credit code, so the contract's check is not in play). */
  partnerTaxId: string;
  partnerName: string;
  entityTaxId: string;
  entityName: string;
  contractLabel: string;
}

const types = [
  'DIGITAL_SPECIAL',
  'DIGITAL_SPECIAL',
  'DIGITAL_ORDINARY',
  'VAT_SPECIAL',
  'E_VAT_SPECIAL',
  'E_VAT_ORDINARY',
] as const;
/** VAT rates in basis points: goods, construction and leases, services. */
const rates = [1300, 900, 600] as const;

let serial = 0;

export type InvoiceRow = ReturnType<typeof invoicePair>['invoice'];
export type UsageRow = ReturnType<typeof invoicePair>['usage'];

/** One invoice for `amount` (tax included) issued on `day`, and the item's use of all of it. */
export function invoicePair(
  random: Random,
  contract: PaymentContract,
  item: PaymentItem & { name: string },
  parties: InvoiceParties,
  amount: number,
  day: string,
  today: string,
) {
  serial += 1;
  const type = random.pick(types);
  const digital = type.startsWith('DIGITAL_');
  // Distinct by the run's serial; the leading digits look like the tax bureau's (year, region).
  const number = digital
    ? `26${String(serial).padStart(18, '0')}`
    : String(serial % 100_000_000).padStart(8, '0');
  const code = digital ? null : `31${String(Math.floor(serial / 100_000_000)).padStart(10, '0')}`;
  const received = contract.direction !== 'INCOME';
  const seller = received
    ? { taxId: parties.partnerTaxId, name: parties.partnerName }
    : { taxId: parties.entityTaxId, name: parties.entityName };
  const buyer = received
    ? { taxId: parties.entityTaxId, name: parties.entityName }
    : { taxId: parties.partnerTaxId, name: parties.partnerName };
  const rate = random.pick(rates);
  const excl = Math.round((amount * 10_000) / (10_000 + rate));
  const issued = dayAfter(day, -random.int(0, 10));
  const created = instantOn(random, issued > today ? today : issued);
  const id = random.id();
  const invoice = {
    id,
    direction: received ? 'RECEIVED' : 'ISSUED',
    type,
    code,
    number,
    seller_tax_id: seller.taxId,
    seller_name: seller.name,
    buyer_tax_id: buyer.taxId,
    buyer_name: buyer.name,
    issue_date: issued,
    amount_excl_tax: excl,
    tax_amount: amount - excl,
    total_amount: amount,
    used_amount: amount,
    status: 'VALID',
    void_reason: null,
    voided_by: null,
    voided_at: null,
    unique_key: digital ? `D|${number}` : `P|${code}|${number}|${seller.taxId}`,
    entity_id: contract.entity_id,
    file_id: null,
    remarks: null,
    created_by: contract.owner_id,
    created_at: created,
    updated_at: created,
  };
  const usage = {
    id: random.id(),
    invoice_id: id,
    document_type: 'contract',
    document_id: contract.id,
    document_line_id: item.id,
    document_label: `${parties.contractLabel} · ${item.name}`,
    entity_id: contract.entity_id,
    amount,
    status: 'ACTIVE',
    active_key: `${id}|contract|${contract.id}`,
    created_by: contract.owner_id,
    created_at: created,
    released_by: null,
    released_at: null,
  };
  return { invoice, usage };
}

/** A tax id (18 characters, digits and capitals) for the n-th generated partner. */
export const partnerTaxId = (n: number) => `91${String(n).padStart(15, '0')}X`;
