import { hash } from 'node:crypto';
import type { Random } from './random.js';

/**
 * Payments (付款), receipts (收款) and refunds on a contract's plan items, as the contract module's
 * payments part writes them (payments.writes.ts newRow): an expense contract's item is paid by
 * payment requests that were approved and then paid; an income contract's by receipts. A settled
 * item is paid in one to three instalments that add up to its amount; one in a hundred had a part
 * refunded and paid again, so refunds exist and the net still equals the item. An open item of an
 * expense contract near its due date may hold an approved request not yet paid (money requested).
 */
export interface PaymentContract {
  id: string;
  direction: string;
  entity_id: string;
  department_id: string;
  owner_id: string;
}

export interface PaymentItem {
  id: string;
  amount: number;
  due_date: string;
}

export type PaymentRow = ReturnType<typeof paymentRow>;

const DAY = 86_400_000;
const methods = ['TRANSFER', 'TRANSFER', 'TRANSFER', 'TRANSFER', 'ACCEPTANCE_BILL', 'CHECK'] as const;
const prefix = { PAYMENT: 'FK', RECEIPT: 'SK', REFUND: 'TK' } as const;

/** Payment numbers are unique: eight hex digits of a counter over the run (4 billion rows). */
let serial = 0;
const nextSerial = () => {
  serial += 1;
  return serial.toString(16).toUpperCase().padStart(8, '0');
};

/** Splits an amount of 分 into `parts` instalments in whole yuan where possible, summing to it exactly. */
export function instalments(amount: number, parts: number): number[] {
  if (parts <= 1 || amount < parts * 100) return [amount];
  const each = Math.floor(amount / parts / 100) * 100;
  return Array.from({ length: parts }, (_, i) => (i === parts - 1 ? amount - each * (parts - 1) : each));
}

/** The generator's now: an instant drawn on today's business day is never later. */
let latest = Number.POSITIVE_INFINITY;
export function setLatestInstant(now: Date): void {
  latest = now.getTime();
}

/** An instant on a business day: 09:00–18:00 Beijing time (01:00–10:00 UTC), not after now. */
export function instantOn(random: Random, day: string): string {
  const at = Date.parse(`${day}T01:00:00Z`) + random.int(0, 9 * 3600_000 - 1);
  return new Date(Math.min(at, latest)).toISOString();
}

export const dayAfter = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

function paymentRow(
  random: Random,
  contract: PaymentContract,
  item: PaymentItem,
  kind: 'PAYMENT' | 'RECEIPT' | 'REFUND',
  fields: { amount: number; status: string; created: string; paidOn: string | null; refundOf?: string },
) {
  const id = random.id();
  const settled = fields.paidOn !== null;
  const purpose = kind === 'REFUND' ? '多付退回' : kind === 'PAYMENT' ? '按合同约定付款' : null;
  const key = `bench-${id}`;
  return {
    id,
    contract_id: contract.id,
    plan_item_id: item.id,
    kind,
    // The app numbers by kind and the row's business date, then the id's tail (payments.writes.ts);
    // here the tail is the run's serial in hex: random tails repeat within a day at tier L.
    number: `${prefix[kind]}${fields.created.slice(0, 10).replaceAll('-', '')}-${nextSerial()}`,
    amount: fields.amount,
    status: fields.status,
    refund_of_id: fields.refundOf ?? null,
    purpose,
    entity_id: contract.entity_id,
    department_id: contract.department_id,
    requested_by: contract.owner_id,
    instance_id: null,
    paid_on: fields.paidOn,
    bank_account:
      settled && kind !== 'REFUND' ? `6222 0210 ${String(random.int(0, 99_999_999)).padStart(8, '0')}` : null,
    method: settled && kind !== 'REFUND' ? random.pick(methods) : null,
    reference: null,
    override_reason: null,
    override_by: null,
    idempotency_key: key,
    request_hash: hash(
      'sha256',
      `${kind}|${contract.id}|${item.id}|${fields.amount}|${fields.refundOf ?? ''}`,
    ),
    created_at: fields.created,
    updated_at: fields.created,
  };
}

/**
 * The money rows of one settled item: instalments on or after the due date (never after today),
 * each one the amount an invoice of the same date covers (see invoices.ts). Returns the rows and
 * the instalments with their dates, which the invoices and the audit follow.
 */
export function settledItemPayments(
  random: Random,
  contract: PaymentContract,
  item: PaymentItem,
  today: string,
): { rows: PaymentRow[]; instalments: { amount: number; day: string }[] } {
  const kind = contract.direction === 'INCOME' ? 'RECEIPT' : 'PAYMENT';
  const settledStatus = kind === 'RECEIPT' ? 'RECEIVED' : 'PAID';
  const draw = random.next();
  // Most items are paid at once, some in two or three parts: about 1.35 rows an item, so a tier's
  // payments come to about five a contract (tiers.ts) from its three to four settled items.
  const parts = instalments(item.amount, draw < 0.7 ? 1 : draw < 0.95 ? 2 : 3);
  const rows: PaymentRow[] = [];
  const paid: { amount: number; day: string }[] = [];
  let day = item.due_date;
  for (const amount of parts) {
    day = dayAfter(day, random.int(0, 25));
    if (day > today) day = today;
    const created = instantOn(random, day);
    rows.push(
      paymentRow(random, contract, item, kind, { amount, status: settledStatus, created, paidOn: day }),
    );
    paid.push({ amount, day });
  }
  if (random.next() < 0.01 && item.amount >= 200) {
    // Paid twice in part by mistake: a refund of the excess and the instalment paid again nets to the item.
    const first = rows[0];
    const back = Math.max(100, Math.floor(first.amount / 2 / 100) * 100);
    let refundDay = dayAfter(paid[0].day, random.int(1, 10));
    if (refundDay > today) refundDay = today;
    rows.push(
      paymentRow(random, contract, item, 'REFUND', {
        amount: back,
        status: 'REFUNDED',
        created: instantOn(random, refundDay),
        paidOn: refundDay,
        refundOf: first.id,
      }),
      paymentRow(random, contract, item, kind, {
        amount: back,
        status: settledStatus,
        created: instantOn(random, refundDay),
        paidOn: refundDay,
      }),
    );
    paid.push({ amount: back, day: refundDay });
  }
  return { rows, instalments: paid };
}

/** An approved payment request for the whole open item, waiting for finance to pay it. */
export function approvedRequest(
  random: Random,
  contract: PaymentContract,
  item: PaymentItem,
  day: string,
): PaymentRow {
  return paymentRow(random, contract, item, 'PAYMENT', {
    amount: item.amount,
    status: 'APPROVED',
    created: instantOn(random, day),
    paidOn: null,
  });
}

/** What the payments part counts per item (payments.repository.ts paymentFiguresByItem). */
export function paymentFigures(rows: readonly PaymentRow[]): { paid: number; requested: number } {
  let paid = 0;
  let requested = 0;
  for (const r of rows) {
    if (r.kind === 'PAYMENT' && (r.status === 'IN_APPROVAL' || r.status === 'APPROVED'))
      requested += r.amount;
    if ((r.kind === 'PAYMENT' && r.status === 'PAID') || (r.kind === 'RECEIPT' && r.status === 'RECEIVED'))
      paid += r.amount;
    if (r.kind === 'REFUND' && r.status === 'REFUNDED') paid -= r.amount;
  }
  return { paid, requested };
}
