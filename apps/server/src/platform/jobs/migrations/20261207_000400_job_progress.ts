import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

/*
 * Long jobs (a ledger's export or import) tell how far they are, and leave what they produced for
 * the user who asked (the stored file, the per-row report): progress as units done of a total
 * (null while unknown), and the handler's result as JSON.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('job').addColumn('progress_done', 'integer').execute();
  await db.schema.alterTable('job').addColumn('progress_total', 'integer').execute();
  await db.schema.alterTable('job').addColumn('result', t.json).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job').dropColumn('result').execute();
  await db.schema.alterTable('job').dropColumn('progress_total').execute();
  await db.schema.alterTable('job').dropColumn('progress_done').execute();
}
