import { type Kysely, sql } from 'kysely';
import { isPostgres } from './database.js';

/**
 * Portable column types for migrations. Each business concept maps to one type per dialect so that
 * both return the same JSON: ids are UUID text, money is an integer of 分, dates are `YYYY-MM-DD`,
 * instants are ISO-8601 UTC, booleans are true/false (0/1 in SQLite, mapped by `readBool`), JSON is
 * an object (text in SQLite, mapped by `readJson`).
 */
export function columnTypes(db: Kysely<any>) {
  const pg = isPostgres(db);
  return {
    id: pg ? ('uuid' as const) : ('text' as const),
    money: pg ? ('bigint' as const) : ('integer' as const),
    bigint: pg ? ('bigint' as const) : ('integer' as const),
    int: 'integer' as const,
    text: 'text' as const,
    date: pg ? ('date' as const) : ('text' as const),
    instant: pg ? ('timestamptz' as const) : ('text' as const),
    bool: pg ? ('boolean' as const) : ('integer' as const),
    json: pg ? ('jsonb' as const) : ('text' as const),
    /**
     * Text that lists sort or search by (codes, names). PostgreSQL's default collation depends on
     * the server's locale and ignores punctuation; "C" compares code points like SQLite does, so
     * both dialects return the same order.
     */
    sortableText: pg ? sql`text collate "C"` : ('text' as const),
  };
}
