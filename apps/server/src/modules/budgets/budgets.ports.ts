import type { Currency } from '@concord/contracts';
import type { Db } from '../../db/index.js';
import type { RequestContext } from '../../platform/http/index.js';

/**
 * The shape of the port the budgets module (issue "Expenses and budget control") will provide to
 * contracts, expenses and procurement, fixed now so those modules are written against it. Nothing
 * implements it yet: today a contract keeps a free-text `budget_ref`, which becomes a `BudgetLineRef`
 * when budgets land.
 *
 * Every call takes the caller's transaction, so the document's write and the budget's consumption
 * commit together; amounts are integers of minor units in the line's currency (never converted).
 */
export interface BudgetReservationPort {
  /**
   * What the document would leave of the line: current budget − actual − committed, with the
   * line's control mode. Called when a document is saved, to warn or refuse before it is submitted.
   */
  check(trx: Db, ctx: RequestContext, request: BudgetRequest): Promise<BudgetCheck>;
  /**
   * Commits the amount against the line for the document (on submission or approval). Refuses with
   * BUDGET_EXCEEDED on a blocking line that would go over; holds the line's row lock until commit,
   * so parallel approvals cannot together pass the line.
   */
  reserve(trx: Db, ctx: RequestContext, request: BudgetRequest): Promise<BudgetReservation>;
  /** Turns (part of) a reservation into actual spending: paid, reimbursed. The rest stays committed. */
  consume(trx: Db, ctx: RequestContext, reservationId: string, amount: number): Promise<void>;
  /** Gives back what is still committed: rejected, withdrawn, or reimbursed for less. */
  release(trx: Db, ctx: RequestContext, reservationId: string): Promise<void>;
}

/** A budget line, as documents will store it instead of today's free text. */
export interface BudgetLineRef {
  budgetLineId: string;
}

/** One document line asking for budget. */
export interface BudgetRequest extends BudgetLineRef {
  /** The asking document, e.g. `{ type: 'contract.payment', id, lineId }`; one reservation per line. */
  document: { type: string; id: string; lineId?: string };
  amount: number;
  currency: Currency;
  /** The day the spending belongs to (its budget period), `YYYY-MM-DD`. */
  date: string;
}

export interface BudgetCheck {
  control: 'none' | 'warn' | 'block';
  available: number;
  /** Available after this request; negative means over budget. */
  availableAfter: number;
  /** The warning thresholds passed by this request (e.g. 80, 100 percent). */
  thresholdsCrossed: number[];
}

export interface BudgetReservation {
  id: string;
  check: BudgetCheck;
}
