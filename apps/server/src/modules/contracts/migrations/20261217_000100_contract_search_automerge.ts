import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../../db/index.js';

/**
 * SQLite: the search index merges its segments when 8 of one level exist instead of FTS5's default 4.
 * Every write transaction adds a small segment and the merges rewrite segments into larger ones, so
 * an entry is rewritten once per level it climbs: with 4 there are about 1.5 times as many levels as
 * with 8, and the merges reach the largest segments (hundreds of MB at a million contracts) sooner. Measured on the tier-L texts (1.3 M contracts, 400,000 inserts
 * in 500-row transactions): 68 µs a row with 4, 48 µs with 8, the same index size and the same search
 * times. Below FTS5's crisis level (16), so merges stay incremental: no write waits for a whole level.
 * The setting is stored in the index itself (its config table). PostgreSQL: nothing to do.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`insert into contract_search (contract_search, rank) values ('automerge', 8)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`insert into contract_search (contract_search, rank) values ('automerge', 4)`.execute(db);
}
