import type { Kysely } from 'kysely';

/**
 * A subsidiary's contracts in one status, in the ledger's default order (newest first): the filter's
 * equalities first, then the sort key and the id (see ledger.page.repository.ts `equalityIndexes`).
 * The sign date rides along so a range of sign dates is judged in the index: when it lies far from
 * the newest contracts, the skipped entries cost no reads of the table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('contract_by_entity_status_created')
    .on('contract')
    .columns(['entity_id', 'status', 'created_at', 'id', 'sign_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contract_by_entity_status_created').execute();
}
