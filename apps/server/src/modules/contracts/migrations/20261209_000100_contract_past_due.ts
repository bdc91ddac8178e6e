import { type Kysely, sql } from 'kysely';
import { columnTypes, createRollup, defineRollup, dropRollup } from '../../../db/index.js';

/**
 * The overdue amount without reading plan items. Overdue money depends on today, so it cannot be a
 * plain sum kept by triggers; instead each contract stores its open money on plan items due before
 * one day, the "past-due day" (`contract_past_due_day`), and a job moves that day forward every day
 * (see execution/past-due.ts). Figures written on any other day are computed as of the stored day,
 * so the column and the day always agree, and the ledger's rollup sums it per bucket: the group's
 * overdue total is a read of bucket rows, and the overdue sort has an index.
 *
 * Version 2 of the ledger's rollup is version 1 (20261205_000100) with that sum added
 * (`overdue_amount`, in-force contracts only, as the ledger defines overdue), written out in full
 * because a migration is frozen; version 1 is dropped.
 */
export const contractLedgerRollupV2 = defineRollup({
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
  },
});

/**
 * Version 1 (20261205_000100_contract_ledger_rollup.ts), which `down` restores: version 2 without the
 * overdue sum. Derived here rather than imported, since a migration imports no other migration.
 */
const { overdue_amount: _overdue, ...measuresV1 } = contractLedgerRollupV2.measures;
const contractLedgerRollupV1 = defineRollup({
  ...contractLedgerRollupV2,
  reads: contractLedgerRollupV2.reads.filter((column) => column !== 'past_due_open_amount'),
  measures: measuresV1,
});

/** The overdue sort key, written exactly as `ledger.repository.ts` sortKeys.overdueAmount. */
const overdueSortKey = `(case when status = 'IN_FORCE' then past_due_open_amount else 0 end)`;

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .alterTable('contract')
    .addColumn('past_due_open_amount', t.money, (c) => c.notNull().defaultTo(0))
    .execute();
  // One row. `day` is the day the stored amounts are computed as of (null until the first job run);
  // `computed_day` equals it once every contract has been recomputed for that day: while a run that
  // moved the day forward is still at work, the two differ and the ledger sums from the plan items.
  await db.schema
    .createTable('contract_past_due_day')
    .addColumn('id', t.int, (c) => c.primaryKey())
    .addColumn('day', t.date)
    .addColumn('computed_day', t.date)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db
    .insertInto('contract_past_due_day')
    .values({ id: 1, day: null, computed_day: null, updated_at: new Date().toISOString() })
    .execute();
  await dropRollup(db, contractLedgerRollupV1);
  await createRollup(db, contractLedgerRollupV2);
  await sql.raw(`create index contract_sort_overdue on contract ((${overdueSortKey}), id)`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop index contract_sort_overdue').execute(db);
  await dropRollup(db, contractLedgerRollupV2);
  await createRollup(db, contractLedgerRollupV1);
  await db.schema.dropTable('contract_past_due_day').execute();
  await db.schema.alterTable('contract').dropColumn('past_due_open_amount').execute();
}
