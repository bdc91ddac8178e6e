import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../db/index.js';

/**
 * The figures matching (款票物) compares per plan item: what is tied to the item plus its share of
 * what is tied to no item (deliveries, invoices and payments recorded against the contract as a
 * whole), allocated by the rule of execution.rules.ts `allocateUnlinked`. Kept by figures.service.ts
 * beside the tied figures (which the payment guard and the overdue list keep using), so matching
 * per line and per contract read the same allocated figures, and the exceptions list and the
 * ledger can judge the lines in SQL.
 *
 * Existing rows start from their tied figures; contracts with untied figures are allocated here,
 * with a copy of the rule as it stands today (a migration is frozen).
 */
const columns = ['matched_paid_amount', 'matched_invoiced_amount', 'matched_accepted_amount'] as const;

/** Frozen copy of `allocateUnlinked`; `items` are in plan order (due date, then position). */
function allocate(items: { amount: number; tied: number }[], unlinked: number): number[] {
  const figures = items.map((item) => item.tied);
  if (!items.length || unlinked === 0) return figures;
  let rest = unlinked;
  if (rest > 0) {
    for (let i = 0; i < items.length && rest > 0; i++) {
      const share = Math.min(rest, Math.max(0, items[i].amount - figures[i]));
      figures[i] += share;
      rest -= share;
    }
  } else {
    for (let i = items.length - 1; i >= 0 && rest < 0; i--) {
      const share = Math.min(-rest, Math.max(0, figures[i]));
      figures[i] -= share;
      rest += share;
    }
  }
  figures[items.length - 1] += rest;
  return figures;
}

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  for (const column of columns) {
    await db.schema
      .alterTable('contract_plan_item')
      .addColumn(column, t.money, (c) => c.notNull().defaultTo(0))
      .execute();
  }
  await db
    .updateTable('contract_plan_item')
    .set({
      matched_paid_amount: sql`paid_amount`,
      matched_invoiced_amount: sql`invoiced_amount`,
      matched_accepted_amount: sql`accepted_amount`,
    })
    .execute();
  const untied = await db
    .selectFrom('contract as c')
    .innerJoin('contract_plan_item as i', 'i.contract_id', 'c.id')
    .select([
      'c.id',
      sql<number>`c.paid_amount - sum(i.paid_amount)`.as('paid'),
      sql<number>`c.invoiced_amount - sum(i.invoiced_amount)`.as('invoiced'),
      sql<number>`c.accepted_amount - sum(i.accepted_amount)`.as('accepted'),
    ])
    .groupBy(['c.id', 'c.paid_amount', 'c.invoiced_amount', 'c.accepted_amount'])
    .having((eb) =>
      eb.or([
        eb(sql`c.paid_amount - sum(i.paid_amount)`, '<>', 0),
        eb(sql`c.invoiced_amount - sum(i.invoiced_amount)`, '<>', 0),
        eb(sql`c.accepted_amount - sum(i.accepted_amount)`, '<>', 0),
      ]),
    )
    .execute();
  for (const contract of untied) {
    const items = await db
      .selectFrom('contract_plan_item')
      .select(['id', 'amount', 'paid_amount', 'invoiced_amount', 'accepted_amount'])
      .where('contract_id', '=', contract.id)
      .orderBy('due_date')
      .orderBy('seq')
      .execute();
    const of = (figure: 'paid_amount' | 'invoiced_amount' | 'accepted_amount', unlinked: unknown) =>
      allocate(
        items.map((i) => ({ amount: Number(i.amount), tied: Number(i[figure]) })),
        Number(unlinked),
      );
    const paid = of('paid_amount', contract.paid);
    const invoiced = of('invoiced_amount', contract.invoiced);
    const accepted = of('accepted_amount', contract.accepted);
    for (const [index, item] of items.entries()) {
      await db
        .updateTable('contract_plan_item')
        .set({
          matched_paid_amount: paid[index],
          matched_invoiced_amount: invoiced[index],
          matched_accepted_amount: accepted[index],
        })
        .where('id', '=', item.id)
        .execute();
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of columns) await db.schema.alterTable('contract_plan_item').dropColumn(column).execute();
}
