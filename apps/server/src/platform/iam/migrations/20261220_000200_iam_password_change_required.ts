import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

/** A session signed in with a well-known password (the demo's, served to others) must change it first. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .alterTable('iam_session')
    .addColumn('password_change_required', t.bool, (c) => c.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('iam_session').dropColumn('password_change_required').execute();
}
