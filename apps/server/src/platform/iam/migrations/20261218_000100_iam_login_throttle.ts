import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

/**
 * Failed sign-ins by key (login-throttle.ts): one address at one account name, one account name
 * from anywhere, one address at any name. Keyed by the name typed, known or not, so an unknown
 * name answers exactly as a known one does.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('iam_login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('blocked_until', t.instant)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('iam_login_throttle').execute();
}
