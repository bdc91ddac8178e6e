import { type Kysely, sql } from 'kysely';

/**
 * An index behind every sort the ledger offers, each ending in the id (the keyset's tie-breaker), so
 * a page is read in index order from the cursor on: no sort of the matching rows, no scan up to the
 * page. The expressions are the ledger's sort keys (`ledger.repository.ts` sortKeys) written exactly
 * as the queries write them, so both databases match them to the ORDER BY; the plan test
 * (`ledger.plans.test.ts`) fails when the two drift apart. Sorting by creation uses the existing
 * `contract_by_created`; the overdue amount depends on today and cannot be indexed.
 */
const sortIndexes: Record<string, string> = {
  contract_sort_number: `coalesce(number, '')`,
  contract_sort_name: 'name',
  contract_sort_partner_name: 'partner_name',
  contract_sort_status: 'status',
  contract_sort_amount: 'amount',
  contract_sort_current_amount: 'current_amount',
  contract_sort_sign_date: `coalesce(sign_date, '0001-01-01')`,
  contract_sort_end_date: `coalesce(end_date, '0001-01-01')`,
  contract_sort_planned: 'planned_amount',
  contract_sort_requested: 'requested_amount',
  contract_sort_paid: `(case when direction = 'EXPENSE' then paid_amount else 0 end)`,
  contract_sort_received: `(case when direction = 'INCOME' then paid_amount else 0 end)`,
  contract_sort_invoiced: 'invoiced_amount',
  contract_sort_accepted: 'accepted_amount',
  contract_sort_outstanding: '(coalesce(settled_amount, current_amount) - paid_amount)',
  contract_sort_next_due: `coalesce(next_due_date, '9999-12-31')`,
};

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, key] of Object.entries(sortIndexes)) {
    await sql.raw(`create index ${name} on contract ((${key}), id)`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of Object.keys(sortIndexes)) await sql.raw(`drop index ${name}`).execute(db);
}
