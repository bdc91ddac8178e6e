import type { Kysely } from 'kysely';
import { createRollup, defineRollup, dropRollup } from '../../../db/index.js';

/**
 * The ledger's totals per bucket (entity, status, direction, category, currency, month of signing),
 * kept by triggers on `contract` in the writing transaction: the ledger's totals read these rows
 * instead of scanning every contract. Declared here, frozen with the migration; the module reads it
 * through `ledger/ledger.rollup.ts`. A later change of the buckets is a new migration that drops this
 * rollup and creates its successor.
 */
export const contractLedgerRollupV1 = defineRollup({
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
  },
});

export async function up(db: Kysely<any>): Promise<void> {
  await createRollup(db, contractLedgerRollupV1);
  // The overdue filter and the overdue total read contracts in force whose earliest open due date is past.
  await db.schema
    .createIndex('contract_by_status_next_due')
    .on('contract')
    .columns(['status', 'next_due_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contract_by_status_next_due').execute();
  await dropRollup(db, contractLedgerRollupV1);
}
