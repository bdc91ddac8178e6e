import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import { withStatementCache } from './statement-cache.js';

/** The read-write connection's page cache, in KiB (64 MiB). */
const WRITER_CACHE_KIB = 65_536;

/**
 * `sqlite::memory:` or `sqlite:relative/or/absolute/path.db`. With `bytes` (an in-memory URL only)
 * the database starts as a copy of those bytes, a serialized database: tests open a prepared
 * template this way instead of migrating and seeding again.
 */
export function openSqlite(url: string, bytes?: Buffer): { dialect: SqliteDialect; raw: Database.Database } {
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  const inMemory = file === ':memory:' || file === '';
  if (bytes && !inMemory) throw new Error('Only an in-memory SQLite database can start from bytes');
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const raw = new Database(bytes ?? (inMemory ? ':memory:' : file));
  if (!inMemory) raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  // The one read-write connection keeps the hot pages of the indexes every write touches: a
  // contract insert maintains ~35 of them, and with SQLite's default 2 MB cache nearly every one
  // was read again from the OS at a million contracts (345 µs a row with this, 420 without).
  // The worker pool's readers keep the default: an export must not grow each one by this much.
  if (!inMemory) raw.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
  return { dialect: new SqliteDialect({ database: withStatementCache(raw) }), raw };
}
