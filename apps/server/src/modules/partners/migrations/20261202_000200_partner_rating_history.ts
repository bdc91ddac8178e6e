import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

/**
 * The history of partner ratings: each recomputation from the closing evaluations of the partner's
 * contracts writes a row (the rating, the average score it came from, the contract whose evaluation
 * triggered it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('partner_rating_history')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('partner_id', t.id, (c) => c.notNull().references('partner.id'))
    /** A/B/C/D, or null when no evaluation of the last three years is left. */
    .addColumn('rating', 'text')
    /** The average total score (× 100, 0–10000) of the evaluations counted. */
    .addColumn('score', t.int)
    .addColumn('evaluation_count', t.int, (c) => c.notNull())
    .addColumn('source_contract_id', t.id)
    /** The source contract's number and name when rated (the partners module does not read contracts). */
    .addColumn('source_label', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('partner_rating_history_partner')
    .on('partner_rating_history')
    .columns(['partner_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('partner_rating_history').execute();
}
