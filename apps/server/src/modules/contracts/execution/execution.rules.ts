/**
 * Pure rules of contract execution: the plan sum, the payment guard and matching with tolerance.
 * The services call them with figures read inside their transaction (after locking the contract).
 */

/** The sum of the plan items must equal the contract's amount to execute (current, or settled once settled). */
export function planSumDifference(itemAmounts: number[], contractAmount: number): number {
  return itemAmounts.reduce((sum, amount) => sum + amount, 0) - contractAmount;
}

/** The amount a contract is executed against: the settled amount once settled, else the current amount. */
export function executableAmount(contract: {
  current_amount: number;
  settled_amount: number | null;
}): number {
  return contract.settled_amount === null ? contract.current_amount : contract.settled_amount;
}

/**
 * Room left for a new payment request: paid + requested (in approval or approved) may not pass the
 * item's amount, nor the contract's executable amount.
 */
export function paymentRoom(
  item: { amount: number; paid: number; requested: number },
  contract: { amount: number; paid: number; requested: number },
): number {
  return Math.max(
    0,
    Math.min(item.amount - item.paid - item.requested, contract.amount - contract.paid - contract.requested),
  );
}

export interface Tolerance {
  /** In 分. */
  amount: number;
  /** In basis points of the larger compared figure. */
  rate: number;
}

/** Two figures agree when they differ by no more than the tolerance (the larger of its two forms). */
export function withinTolerance(a: number, b: number, tolerance: Tolerance): boolean {
  const allowed = Math.max(
    tolerance.amount,
    Math.floor((Math.max(Math.abs(a), Math.abs(b)) * tolerance.rate) / 10000),
  );
  return Math.abs(a - b) <= allowed;
}

export type MatchingStatus = 'MATCHED' | 'MISMATCHED';

/** 款、票、物: paid vs invoiced vs accepted agree within tolerance (accepted only when goods or services were accepted at all). */
export function matchingStatus(
  figures: { paid: number; invoiced: number; accepted: number },
  tolerance: Tolerance,
): MatchingStatus {
  const ok =
    withinTolerance(figures.paid, figures.invoiced, tolerance) &&
    withinTolerance(figures.paid, figures.accepted, tolerance) &&
    withinTolerance(figures.invoiced, figures.accepted, tolerance);
  return ok ? 'MATCHED' : 'MISMATCHED';
}

/**
 * The contract's verdict from the same figures as its lines: MATCHED only when its totals and every
 * plan item agree within the tolerance, so the contract never says MATCHED while a line says
 * MISMATCHED (the lines' figures are the totals allocated by `allocateUnlinked`).
 */
export function contractMatchingStatus(
  total: { paid: number; invoiced: number; accepted: number },
  lines: { paid: number; invoiced: number; accepted: number }[],
  tolerance: Tolerance,
): MatchingStatus {
  const ok = [total, ...lines].every((figures) => matchingStatus(figures, tolerance) === 'MATCHED');
  return ok ? 'MATCHED' : 'MISMATCHED';
}

/**
 * How a contract's figure (paid, invoiced or accepted) counts on its plan items, the rule matching
 * uses per line (款票物 by plan item). What is tied to an item counts on it. What is not tied to any
 * item (a delivery, an invoice or a payment recorded against the contract as a whole) is allocated
 * to the items in plan order (due date, then position), filling each up to its planned amount
 * beyond what counts on it already; what is left goes on the last item in that order. A negative
 * remainder (a refund of untied money) comes off the items from the last back, each down to zero,
 * the rest off the last item. Integers of 分 in, integers out, summing to the tied figures plus
 * `unlinked`. Returns each item's figure in the order given.
 */
export function allocateUnlinked(
  items: { dueDate: string; seq: number; amount: number; tied: number }[],
  unlinked: number,
): number[] {
  const figures = items.map((item) => item.tied);
  if (!items.length || unlinked === 0) return figures;
  const order = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) =>
      a.item.dueDate === b.item.dueDate ? a.item.seq - b.item.seq : a.item.dueDate < b.item.dueDate ? -1 : 1,
    )
    .map((entry) => entry.index);
  const last = order[order.length - 1]!;
  let rest = unlinked;
  if (rest > 0) {
    for (const index of order) {
      const share = Math.min(rest, Math.max(0, items[index]!.amount - figures[index]!));
      figures[index] = figures[index]! + share;
      rest -= share;
      if (rest === 0) break;
    }
  } else {
    for (const index of [...order].reverse()) {
      const share = Math.min(-rest, Math.max(0, figures[index]!));
      figures[index] = figures[index]! - share;
      rest += share;
      if (rest === 0) break;
    }
  }
  figures[last] = figures[last]! + rest;
  return figures;
}

/**
 * A payment request beyond what has been invoiced or accepted (paid + requested + this request,
 * against the smaller of invoiced and accepted, within tolerance) needs an explicit override.
 */
export function needsOverride(
  figures: { paid: number; requested: number; invoiced: number; accepted: number },
  request: number,
  tolerance: Tolerance,
): boolean {
  const committed = figures.paid + figures.requested + request;
  const covered = Math.min(figures.invoiced, figures.accepted);
  return committed > covered && !withinTolerance(committed, covered, tolerance);
}

export const DEFAULT_TOLERANCE: Tolerance = { amount: 100, rate: 0 };

/**
 * Fits a plan to a new executable amount (an approved settlement): a shortfall comes off the
 * unused remainder of the last items first (an item never drops below what is paid or requested on
 * it), an excess is added to the last item. Returns the new amount of each item that changes.
 */
export function fitPlan(
  items: { id: string; amount: number; used: number }[],
  target: number,
): Map<string, number> {
  const changes = new Map<string, number>();
  if (!items.length) return changes;
  let difference = target - items.reduce((sum, item) => sum + item.amount, 0);
  if (difference > 0) {
    const last = items[items.length - 1];
    changes.set(last.id, last.amount + difference);
    return changes;
  }
  for (let i = items.length - 1; i >= 0 && difference < 0; i--) {
    const item = items[i];
    const cut = Math.min(-difference, Math.max(0, item.amount - item.used));
    if (cut > 0) {
      changes.set(item.id, item.amount - cut);
      difference += cut;
    }
  }
  if (difference < 0) throw new Error('the plan cannot shrink below what is paid and requested');
  return changes;
}
