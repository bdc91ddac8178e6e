import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../../db/index.js';

/**
 * Group oversight (集团监督, `/contract-oversight`) as a ledger: each kind of breach is read in its
 * date's order (then the record's id) from the cursor on, through an index that holds exactly the
 * kind's rows in that order, so a page reads the rows it shows and never sorts the kind's set
 * (collections/oversight.repository.ts). The keys are written exactly as the queries write them.
 *
 * - In force past the end date: (status, end_date, id); `end_date < today` is a range of it.
 * - Overdue collection: income contracts in force by next due date (the earliest due date with money
 *   open), (status, direction, next_due_date, id); `next_due_date < today` is a range of it.
 * - A flagged counterparty: per partner, its approved or in-force contracts by sign date (a draft's
 *   null as the ledger's stand-in, '0001-01-01'); partial, so each partner's walk skips nothing.
 * - A payment let through with an override: by the UTC date of its request, partial on the override
 *   (few payments have one). PostgreSQL's instant is a timestamptz, so its date is taken in UTC
 *   explicitly (an immutable expression, unlike a cast to text, which follows the session's zone).
 */
const overrideDateKey = (dialect: 'sqlite' | 'postgres', alias?: string) => {
  const column = alias ? `${alias}.created_at` : 'created_at';
  return dialect === 'postgres' ? `((${column} at time zone 'UTC')::date)` : `substr(${column}, 1, 10)`;
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('contract_oversight_past_end')
    .on('contract')
    .columns(['status', 'end_date', 'id'])
    .execute();
  await db.schema
    .createIndex('contract_oversight_overdue')
    .on('contract')
    .columns(['status', 'direction', 'next_due_date', 'id'])
    .execute();
  await sql
    .raw(
      `create index contract_oversight_partner on contract (partner_id, (coalesce(sign_date, '0001-01-01')), id) where status in ('APPROVED', 'IN_FORCE')`,
    )
    .execute(db);
  const dateKey = overrideDateKey(isPostgres(db) ? 'postgres' : 'sqlite');
  await sql
    .raw(
      `create index contract_payment_oversight_override on contract_payment ((${dateKey}), id) where override_reason is not null`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'contract_payment_oversight_override',
    'contract_oversight_partner',
    'contract_oversight_overdue',
    'contract_oversight_past_end',
  ]) {
    await sql.raw(`drop index ${name}`).execute(db);
  }
}
