import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

/**
 * The chain becomes keyed (HMAC-SHA256): the head remembers from which entry on (the entries
 * already written stay plain SHA-256 and are verified so) and which key, by its fingerprint, which
 * the first start with a key sets.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .alterTable('audit_head')
    .addColumn('keyed_from_seq', t.bigint, (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('audit_head').addColumn('key_id', 'text').execute();
  const head = await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
  if (head) {
    await db
      .updateTable('audit_head')
      .set({ keyed_from_seq: Number(head.seq) + 1 })
      .where('id', '=', 1)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_head').dropColumn('key_id').execute();
  await db.schema.alterTable('audit_head').dropColumn('keyed_from_seq').execute();
}
