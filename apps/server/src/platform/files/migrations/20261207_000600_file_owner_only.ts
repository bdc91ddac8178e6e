import { type Kysely, sql } from 'kysely';
import { columnTypes, isPostgres } from '../../../db/index.js';

/*
 * Files Concord makes for one user (a ledger's export, an uploaded import workbook) are theirs
 * alone: no `file.view` scope and no module's read grant reaches them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .alterTable('file_object')
    .addColumn('owner_only', t.bool, (c) => c.notNull().defaultTo(isPostgres(db) ? sql`false` : sql`0`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('file_object').dropColumn('owner_only').execute();
}
