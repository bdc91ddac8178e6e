import { acceptedDelivery, type DeliveryRow } from './deliveries.js';
import { type InvoiceParties, type InvoiceRow, invoicePair, type UsageRow } from './invoices.js';
import {
  approvedRequest,
  dayAfter,
  type PaymentRow,
  paymentFigures,
  settledItemPayments,
} from './payments.js';
import type { Random } from './random.js';

/**
 * A contract's execution: which plan items were settled, what is requested or invoiced ahead of
 * payment, and the rows behind it (payments.ts, invoices.ts, deliveries.ts). The figures on the
 * items and the contract are then computed from those rows exactly as the contract module's
 * figures.service.ts refresh does (sums per item, next due date, past-due amount as of the stored
 * past-due day), so what the ledger shows is what its sources add up to.
 */
interface Item {
  id: string;
  seq: number;
  name: string;
  amount: number;
  due_date: string;
  requested_amount: number;
  paid_amount: number;
  invoiced_amount: number;
  accepted_amount: number;
  matched_paid_amount: number;
  matched_invoiced_amount: number;
  matched_accepted_amount: number;
}

interface Contract {
  id: string;
  direction: string;
  status: string;
  entity_id: string;
  department_id: string;
  owner_id: string;
  requested_amount: number;
  paid_amount: number;
  invoiced_amount: number;
  accepted_amount: number;
  delivered_amount: number;
  next_due_date: string | null;
  past_due_open_amount: number;
  past_due_open_items: number;
}

export interface Execution {
  payments: PaymentRow[];
  invoices: InvoiceRow[];
  usages: UsageRow[];
  deliveries: DeliveryRow[];
}

/** Share of due items settled: all of a completed contract's, most of one in force, fewer of one ended early. */
const settledShare: Record<string, number> = { COMPLETED: 1, IN_FORCE: 0.8, TERMINATED: 0.6 };

export function execute(
  random: Random,
  contract: Contract,
  items: Item[],
  parties: InvoiceParties,
  today: string,
  pastDueDay: string | null,
): Execution {
  const out: Execution = { payments: [], invoices: [], usages: [], deliveries: [] };
  const share = settledShare[contract.status] ?? 0;
  for (const item of items) {
    const settled = contract.status === 'COMPLETED' || (item.due_date < today && random.next() < share);
    const rows: PaymentRow[] = [];
    if (settled) {
      const { rows: paid, instalments } = settledItemPayments(random, contract, item, today);
      rows.push(...paid);
      out.deliveries.push(acceptedDelivery(random, contract, item, instalments[0].day, today));
      // One invoice per instalment (the refund's repayment reuses the invoiced amount: not a new invoice).
      let invoiced = 0;
      for (const { amount, day } of instalments) {
        if (invoiced + amount > item.amount) break;
        invoiced += amount;
        const pair = invoicePair(random, contract, item, parties, amount, day, today);
        out.invoices.push(pair.invoice);
        out.usages.push(pair.usage);
      }
    } else if (contract.status === 'IN_FORCE' && item.due_date < dayAfter(today, 30)) {
      const draw = random.next();
      const day = item.due_date < today ? item.due_date : today;
      if (contract.direction === 'EXPENSE' && draw < 0.25) {
        // Delivered, accepted and invoiced; the approved request waits for finance to pay.
        out.deliveries.push(acceptedDelivery(random, contract, item, day, today));
        const pair = invoicePair(random, contract, item, parties, item.amount, day, today);
        out.invoices.push(pair.invoice);
        out.usages.push(pair.usage);
        rows.push(approvedRequest(random, contract, item, day));
      } else if (contract.direction === 'INCOME' && draw < 0.2) {
        // Invoiced to the customer, the receipt not in yet.
        const pair = invoicePair(random, contract, item, parties, item.amount, day, today);
        out.invoices.push(pair.invoice);
        out.usages.push(pair.usage);
      }
    }
    out.payments.push(...rows);
  }
  applyFigures(contract, items, out, pastDueDay);
  return out;
}

/** figures.service.ts refresh, over the rows in memory. */
function applyFigures(contract: Contract, items: Item[], rows: Execution, pastDueDay: string | null): void {
  const byItem = <T extends { plan_item_id?: string | null; document_line_id?: string | null }>(
    list: T[],
    id: string,
  ) => list.filter((r) => (r.plan_item_id ?? r.document_line_id) === id);
  let nextDue: string | null = null;
  let pastDue = 0;
  let pastDueItems = 0;
  for (const item of items) {
    const money = paymentFigures(byItem(rows.payments, item.id));
    item.requested_amount = money.requested;
    item.paid_amount = money.paid;
    item.invoiced_amount = byItem(rows.usages, item.id).reduce((sum, u) => sum + u.amount, 0);
    item.accepted_amount = byItem(rows.deliveries, item.id).reduce((sum, d) => sum + d.accepted_amount, 0);
    if (item.paid_amount < item.amount && (nextDue === null || item.due_date < nextDue))
      nextDue = item.due_date;
    if (pastDueDay !== null && item.due_date < pastDueDay && item.paid_amount < item.amount) {
      pastDue += item.amount - item.paid_amount;
      pastDueItems += 1;
    }
  }
  const total = paymentFigures(rows.payments);
  contract.requested_amount = total.requested;
  contract.paid_amount = total.paid;
  contract.invoiced_amount = rows.usages.reduce((sum, u) => sum + u.amount, 0);
  contract.accepted_amount = rows.deliveries.reduce((sum, d) => sum + d.accepted_amount, 0);
  contract.delivered_amount = rows.deliveries
    .filter((d) => d.status !== 'REJECTED')
    .reduce((sum, d) => sum + d.delivered_amount, 0);
  contract.next_due_date = nextDue;
  contract.past_due_open_amount = pastDue;
  contract.past_due_open_items = pastDueItems;
  // What no item is tied to counts on the items as matching allocates it (execution.rules.ts
  // allocateUnlinked): in due-date order, each filled up to its amount, the rest on the last.
  const order = [...items].sort((a, b) =>
    a.due_date === b.due_date ? a.seq - b.seq : a.due_date < b.due_date ? -1 : 1,
  );
  const allocate = (figure: 'paid' | 'invoiced' | 'accepted') => {
    const tied = (item: Item) => item[`${figure}_amount`];
    let rest = contract[`${figure}_amount`] - items.reduce((sum, item) => sum + tied(item), 0);
    for (const item of order) item[`matched_${figure}_amount`] = tied(item);
    if (rest > 0) {
      for (const item of order) {
        const share = Math.min(rest, Math.max(0, item.amount - item[`matched_${figure}_amount`]));
        item[`matched_${figure}_amount`] += share;
        rest -= share;
      }
    } else {
      for (const item of [...order].reverse()) {
        const share = Math.min(-rest, Math.max(0, item[`matched_${figure}_amount`]));
        item[`matched_${figure}_amount`] -= share;
        rest += share;
      }
    }
    const last = order[order.length - 1];
    if (last) last[`matched_${figure}_amount`] += rest;
  };
  allocate('paid');
  allocate('invoiced');
  allocate('accepted');
}
