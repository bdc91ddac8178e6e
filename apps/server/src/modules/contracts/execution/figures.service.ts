import * as repo from './figures.repository.js';
import { paymentFiguresByItem } from '../payments/payments.repository.js';
import type { Db } from '../../../db/index.js';
import { pastDueOpen } from './past-due.js';
import { pastDueDay } from './past-due.repository.js';
import { allocateUnlinked } from './execution.rules.js';

/** Invoice amounts used by a contract, per plan item (null: not tied to an item); from the invoice registry. */
export type InvoiceUsageOf = (
  trx: Db,
  contractId: string,
) => Promise<{ itemId: string | null; amount: number }[]>;

export interface ContractFigures {
  planned: number;
  requested: number;
  paid: number;
  invoiced: number;
  accepted: number;
  delivered: number;
  nextDueDate: string | null;
  /** Open money on items due before the past-due day (see past-due.ts). */
  pastDueOpen: number;
  /** How many items are open and due before the past-due day. */
  pastDueOpenItems: number;
  /** Retention an income contract's customer holds back until its release (the receivable is net of it). */
  retentionHeld: number;
}

/**
 * The execution figures of a contract and of each of its plan items, recomputed from their sources
 * (payments, receipts and refunds; invoices used; deliveries accepted) and stored on the rows the
 * ledger reads. Every write that changes a source calls `refresh` in its own transaction, after the
 * write, so the ledger always equals the sum of its sources.
 */
export class ContractFiguresService {
  constructor(private readonly invoiceUsage: InvoiceUsageOf) {}

  async refresh(trx: Db, contractId: string): Promise<ContractFigures> {
    const [items, money, deliveries, invoices, pastDue, retentionHeld] = await Promise.all([
      repo.planItems(trx, contractId),
      paymentFiguresByItem(trx, contractId),
      repo.itemDeliveries(trx, contractId),
      this.invoiceUsage(trx, contractId),
      pastDueDay(trx, { lockForWrite: true }),
      repo.retentionHeld(trx, contractId),
    ]);
    const sumFor = <T>(
      rows: T[],
      itemOf: (row: T) => string | null,
      value: (row: T) => number,
      itemId: string,
    ) => rows.filter((row) => itemOf(row) === itemId).reduce((total, row) => total + value(row), 0);
    const total = <T>(rows: T[], value: (row: T) => number) => rows.reduce((sum, row) => sum + value(row), 0);
    let nextDueDate: string | null = null;
    const itemsPaid: { amount: number; paid: number; dueDate: string }[] = [];
    const tied = items.map((item) => ({
      requested: sumFor(
        money,
        (r) => r.itemId,
        (r) => r.requested,
        item.id,
      ),
      paid: sumFor(
        money,
        (r) => r.itemId,
        (r) => r.paid,
        item.id,
      ),
      invoiced: sumFor(
        invoices,
        (r) => r.itemId,
        (r) => r.amount,
        item.id,
      ),
      accepted: sumFor(
        deliveries,
        (r) => r.itemId,
        (r) => r.accepted,
        item.id,
      ),
    }));
    const totals = {
      paid: total(money, (r) => r.paid),
      invoiced: total(invoices, (r) => r.amount),
      accepted: total(deliveries, (r) => r.accepted),
    };
    // Matching per line compares the tied figures plus each line's share of what no line is tied to.
    const matchedOf = (figure: 'paid' | 'invoiced' | 'accepted') =>
      allocateUnlinked(
        items.map((item, index) => ({
          dueDate: item.due_date,
          seq: item.seq,
          amount: item.amount,
          tied: tied[index]![figure],
        })),
        totals[figure] - tied.reduce((sum, t) => sum + t[figure], 0),
      );
    const matched = {
      paid: matchedOf('paid'),
      invoiced: matchedOf('invoiced'),
      accepted: matchedOf('accepted'),
    };
    for (const [index, item] of items.entries()) {
      const figures = {
        ...tied[index]!,
        matched: {
          paid: matched.paid[index]!,
          invoiced: matched.invoiced[index]!,
          accepted: matched.accepted[index]!,
        },
      };
      await repo.setItemFigures(trx, item.id, figures);
      itemsPaid.push({ amount: item.amount, paid: figures.paid, dueDate: item.due_date });
      const dueDate = item.due_date;
      if (figures.paid < item.amount && (nextDueDate === null || dueDate < nextDueDate))
        nextDueDate = dueDate;
    }
    const pastDueItems = pastDueOpen(itemsPaid, pastDue.day);
    const figures: ContractFigures = {
      planned: total(items, (i) => i.amount),
      requested: total(money, (r) => r.requested),
      paid: totals.paid,
      invoiced: totals.invoiced,
      accepted: totals.accepted,
      delivered: total(deliveries, (r) => r.delivered),
      nextDueDate,
      pastDueOpen: pastDueItems.amount,
      pastDueOpenItems: pastDueItems.items,
      retentionHeld,
    };
    await repo.setContractFigures(trx, contractId, figures);
    return figures;
  }
}
