import type { Kysely } from 'kysely';

/*
 * The treatment a rate of 0 names: 免税 (EXEMPT), 不征税 (NOT_TAXABLE), 零税率 (ZERO_RATED); null for
 * a plain rate. An imported ledger writes them instead of a rate, and they differ on the invoice
 * and in the tax return, so the kind is kept, not folded into 0. Adding a nullable column is a
 * change of the table's definition only on both dialects (no rewrite of a million rows).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contract').addColumn('tax_exemption', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contract').dropColumn('tax_exemption').execute();
}
