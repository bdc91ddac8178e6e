import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../../../db/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  // Where a contract's signed original is kept: at most one record per contract.
  await db.schema
    .createTable('contract_archive')
    .addColumn('contract_id', t.id, (c) => c.primaryKey().references('contract.id'))
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('box_number', t.sortableText, (c) => c.notNull())
    .addColumn('archivist_id', t.id, (c) => c.notNull().references('org_user.id'))
    .addColumn('archived_date', t.date, (c) => c.notNull())
    .addColumn('copies', t.int, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contract_archive_archivist')
    .on('contract_archive')
    .column('archivist_id')
    .execute();

  // Borrow and return log of the archived original.
  await db.schema
    .createTable('contract_borrow')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('contract_id', t.id, (c) => c.notNull().references('contract.id'))
    .addColumn('borrower_id', t.id, (c) => c.notNull().references('org_user.id'))
    .addColumn('borrowed_date', t.date, (c) => c.notNull())
    .addColumn('due_date', t.date, (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('returned_date', t.date)
    .addColumn('return_note', 'text')
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  // One original, so one open borrow per contract, even under concurrent requests.
  await db.schema
    .createIndex('contract_borrow_one_open')
    .on('contract_borrow')
    .column('contract_id')
    .unique()
    .where(sql.ref('returned_date'), 'is', null)
    .execute();
  await db.schema
    .createIndex('contract_borrow_contract')
    .on('contract_borrow')
    .columns(['contract_id', 'borrowed_date'])
    .execute();
  // The overdue scan (open and past due) and the archivists' overdue filter.
  await db.schema
    .createIndex('contract_borrow_open_due')
    .on('contract_borrow')
    .columns(['returned_date', 'due_date'])
    .execute();
  await db.schema
    .createIndex('contract_borrow_borrower')
    .on('contract_borrow')
    .columns(['borrower_id', 'borrowed_date'])
    .execute();

  // Seal use requests (用印申请), each for the contract version current when requested.
  await db.schema
    .createTable('contract_seal_request')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('contract_id', t.id, (c) => c.notNull().references('contract.id'))
    .addColumn('contract_version', t.int, (c) => c.notNull())
    .addColumn('seal_type', 'text', (c) => c.notNull())
    .addColumn('copies', t.int, (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('instance_id', t.id)
    .addColumn('requested_by', t.id, (c) => c.notNull().references('org_user.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('decided_at', t.instant)
    .addColumn('used_date', t.date)
    .addColumn('used_by', t.id, (c) => c.references('org_user.id'))
    .addColumn('used_note', 'text')
    .execute();
  await db.schema
    .createIndex('contract_seal_request_contract')
    .on('contract_seal_request')
    .columns(['contract_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('contract_seal_request_status')
    .on('contract_seal_request')
    .columns(['status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contract_seal_request').execute();
  await db.schema.dropTable('contract_borrow').execute();
  await db.schema.dropTable('contract_archive').execute();
}
