import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../db/index.js';

/**
 * The retention (质保金) an income contract's customer holds back, not yet due: the approved
 * settlement's retention until its release is recorded (0 on expense contracts, whose payable side
 * the payment guard keeps). The outstanding receivable is net of it: executable − received −
 * retention held. Kept by figures.service.ts; the ledger's outstanding sort index is rebuilt on the
 * new expression (written exactly as ledger.repository.ts `sortKeys.outstandingAmount`), and a
 * partial index finds the few contracts holding one, so the ledger's totals from the rollup can
 * take them off without a rollup change.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .alterTable('contract')
    .addColumn('retention_held_amount', t.money, (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`
    update contract set retention_held_amount = (
      select s.retention_amount from contract_settlement s
      where s.contract_id = contract.id and s.status = 'APPROVED' and s.retention_amount > 0
        and s.retention_released_on is null
    )
    where direction = 'INCOME' and exists (
      select 1 from contract_settlement s
      where s.contract_id = contract.id and s.status = 'APPROVED' and s.retention_amount > 0
        and s.retention_released_on is null
    )`.execute(db);
  await sql.raw('drop index contract_sort_outstanding').execute(db);
  await sql
    .raw(
      'create index contract_sort_outstanding on contract (((coalesce(settled_amount, current_amount) - paid_amount - retention_held_amount)), id)',
    )
    .execute(db);
  await sql
    .raw(
      'create index contract_retention_held on contract (entity_id, currency) where retention_held_amount > 0',
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop index contract_retention_held').execute(db);
  await sql.raw('drop index contract_sort_outstanding').execute(db);
  await sql
    .raw(
      'create index contract_sort_outstanding on contract (((coalesce(settled_amount, current_amount) - paid_amount)), id)',
    )
    .execute(db);
  await db.schema.alterTable('contract').dropColumn('retention_held_amount').execute();
}
