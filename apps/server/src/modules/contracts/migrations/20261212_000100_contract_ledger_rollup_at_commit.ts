import type { Kysely } from 'kysely';
import { deferTriggersToCommit } from '../../../db/index.js';

/**
 * The ledger rollup's triggers on PostgreSQL run at commit (deferred constraint triggers), as
 * rollups now install them: applied at each row, a contract created while another was submitted
 * deadlocked on the bucket and the audit chain's head, taken in opposite orders (db/rollups.ts
 * AT_COMMIT). Nothing changes on SQLite.
 */
const triggers = ['contract_ledger_rollup_apply', 'contract_ledger_rollup_update'];

export async function up(db: Kysely<any>): Promise<void> {
  await deferTriggersToCommit(db, 'contract', triggers);
}

export async function down(_db: Kysely<any>): Promise<void> {
  // Triggers applied at commit are what the rollups install; there is nothing to restore.
}
