import { type Kysely, sql } from 'kysely';
import { createRollup, defineRollup, dropRollup } from '../../../db/index.js';

/**
 * Version 4 of the ledger's rollup: version 3 (20261213_000100) with two more sums per bucket,
 * written out in full because a migration is frozen:
 * - `settled_amount`, the settled amounts of the settled contracts, so the ledger's totals row has
 *   one under its 结算金额 column (issue 12: the totals left the settled amount out);
 * - `retention_held`, the retention income contracts' customers hold back (20261221_000300), which
 *   the outstanding receivable is net of: the totals took it off by summing the contracts holding
 *   one on each request; the buckets hold it now, and that partial index goes.
 * The retention held is now kept on expense contracts too (what we hold back from the supplier is
 * not payable before its release either): those are filled in first, as 20261221_000300 did for
 * income contracts. Building the new buckets reads the contracts once, at the migration.
 */
export const contractLedgerRollupV4 = defineRollup({
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
    'retention_held_amount',
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
    settled_amount: (row) => `coalesce(${row}.settled_amount, 0)`,
    planned_amount: (row) => `${row}.planned_amount`,
    requested_amount: (row) => `${row}.requested_amount`,
    paid_amount: (row) => `${row}.paid_amount`,
    invoiced_amount: (row) => `${row}.invoiced_amount`,
    accepted_amount: (row) => `${row}.accepted_amount`,
    retention_held: (row) => `${row}.retention_held_amount`,
    overdue_amount: (row) =>
      `(case when ${row}.status = 'IN_FORCE' then ${row}.past_due_open_amount else 0 end)`,
    overdue_items: (row) =>
      `(case when ${row}.status = 'IN_FORCE' then ${row}.past_due_open_items else 0 end)`,
  },
});

/** Version 3, which `down` restores: version 4 without the two sums. */
const { settled_amount: _settled, retention_held: _held, ...measuresV3 } = contractLedgerRollupV4.measures;
const contractLedgerRollupV3 = defineRollup({
  ...contractLedgerRollupV4,
  reads: contractLedgerRollupV4.reads.filter((column) => column !== 'retention_held_amount'),
  measures: measuresV3,
});

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update contract set retention_held_amount = (
      select s.retention_amount from contract_settlement s
      where s.contract_id = contract.id and s.status = 'APPROVED' and s.retention_amount > 0
        and s.retention_released_on is null
    )
    where direction = 'EXPENSE' and exists (
      select 1 from contract_settlement s
      where s.contract_id = contract.id and s.status = 'APPROVED' and s.retention_amount > 0
        and s.retention_released_on is null
    )`.execute(db);
  await dropRollup(db, contractLedgerRollupV3);
  await createRollup(db, contractLedgerRollupV4);
  await sql.raw('drop index contract_retention_held').execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      'create index contract_retention_held on contract (entity_id, currency) where retention_held_amount > 0',
    )
    .execute(db);
  await dropRollup(db, contractLedgerRollupV4);
  await createRollup(db, contractLedgerRollupV3);
  await sql`update contract set retention_held_amount = 0 where direction = 'EXPENSE'`.execute(db);
}
