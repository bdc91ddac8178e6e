import { type Kysely, sql } from 'kysely';
import { columnTypes, createRollup, defineRollup, dropRollup } from '../../../db/index.js';

/**
 * The overdue list (逾期款项, `/contract-overdue`) as a ledger: pages read in an index's order and
 * totals from the rollup, where it counted and summed every overdue plan item on each request
 * (three scans of the plan items, about 3 s each at a million contracts).
 *
 * - Each contract stores how many of its plan items are open and due before the past-due day
 *   (`past_due_open_items`, beside `past_due_open_amount`, kept the same way: execution/past-due.ts).
 *   The stored day's `computed_day` is cleared, so the day's job recomputes every contract once
 *   (and the totals sum from the plan items until it has).
 * - Version 3 of the ledger's rollup is version 2 (20261209_000100) with that count summed per
 *   bucket (`overdue_items`, in-force contracts only), written out in full because a migration is
 *   frozen; version 2 is dropped.
 * - Partial indexes of the open plan items in the list's item sorts: due date and open amount, each
 *   with the id. Only open items are in them (most plan items are paid), so a page walks them in
 *   order and skips only the open items of contracts not in force.
 */
export const contractLedgerRollupV3 = defineRollup({
  table: 'contract_ledger_rollup',
  source: 'contract',
  reads: [
    'entity_id',
    'status',
    'direction',
    'category_id',
    'currency',
    'sign_date',
    'amount',
    'signed_amount',
    'current_amount',
    'settled_amount',
    'planned_amount',
    'requested_amount',
    'paid_amount',
    'invoiced_amount',
    'accepted_amount',
    'past_due_open_amount',
    'past_due_open_items',
  ],
  dimensions: {
    entity_id: (row, dialect) => (dialect === 'postgres' ? `${row}.entity_id::text` : `${row}.entity_id`),
    status: (row) => `${row}.status`,
    direction: (row) => `${row}.direction`,
    category_id: (row, dialect) =>
      dialect === 'postgres' ? `${row}.category_id::text` : `${row}.category_id`,
    currency: (row) => `${row}.currency`,
    // '' for a contract not signed yet (a draft): no month range includes it.
    sign_month: (row, dialect) =>
      dialect === 'postgres'
        ? `coalesce(to_char(${row}.sign_date, 'YYYY-MM'), '')`
        : `coalesce(substr(${row}.sign_date, 1, 7), '')`,
  },
  measures: {
    amount: (row) => `${row}.amount`,
    signed_amount: (row) => `${row}.signed_amount`,
    current_amount: (row) => `${row}.current_amount`,
    // What is payable or receivable in all: the settled amount once settled, else the current amount.
    executable_amount: (row) => `coalesce(${row}.settled_amount, ${row}.current_amount)`,
    planned_amount: (row) => `${row}.planned_amount`,
    requested_amount: (row) => `${row}.requested_amount`,
    paid_amount: (row) => `${row}.paid_amount`,
    invoiced_amount: (row) => `${row}.invoiced_amount`,
    accepted_amount: (row) => `${row}.accepted_amount`,
    overdue_amount: (row) =>
      `(case when ${row}.status = 'IN_FORCE' then ${row}.past_due_open_amount else 0 end)`,
    overdue_items: (row) =>
      `(case when ${row}.status = 'IN_FORCE' then ${row}.past_due_open_items else 0 end)`,
  },
});

/** Version 2, which `down` restores: version 3 without the overdue item count (derived, not imported). */
const { overdue_items: _items, ...measuresV2 } = contractLedgerRollupV3.measures;
const contractLedgerRollupV2 = defineRollup({
  ...contractLedgerRollupV3,
  reads: contractLedgerRollupV3.reads.filter((column) => column !== 'past_due_open_items'),
  measures: measuresV2,
});

/** The open money of a plan item, written exactly as collections.repository.ts `openAmount`. */
const openAmountKey = '(amount - paid_amount)';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .alterTable('contract')
    .addColumn('past_due_open_items', t.int, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.updateTable('contract_past_due_day').set({ computed_day: null }).where('id', '=', 1).execute();
  await dropRollup(db, contractLedgerRollupV2);
  await createRollup(db, contractLedgerRollupV3);
  await sql
    .raw(
      'create index contract_plan_item_open_due on contract_plan_item (due_date, id) where paid_amount < amount',
    )
    .execute(db);
  await sql
    .raw(
      `create index contract_plan_item_open_amount on contract_plan_item ((${openAmountKey}), id) where paid_amount < amount`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop index contract_plan_item_open_amount').execute(db);
  await sql.raw('drop index contract_plan_item_open_due').execute(db);
  await dropRollup(db, contractLedgerRollupV3);
  await createRollup(db, contractLedgerRollupV2);
  await db.schema.alterTable('contract').dropColumn('past_due_open_items').execute();
}
