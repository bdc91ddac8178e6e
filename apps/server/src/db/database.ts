import type BetterSqlite from 'better-sqlite3';
import { Kysely, type KyselyConfig, PostgresAdapter, type QueryExecutor } from 'kysely';
import { WalCheckpointer } from './checkpointer.js';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import { type HeavyReads, InProcessReads, WorkerReadPool } from './read-pool.js';
import type { Database } from './tables.js';

export type DialectName = 'sqlite' | 'postgres';

/**
 * The application's handle on its database. `db` knows every table that the parts declare in their
 * `*.tables.ts` (see `Database`); house rule 2 (a module's tables only in its repository) is kept by
 * lint, not by the type.
 */
export interface AppDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  url: string;
  /** Where long reads run: worker threads on an SQLite file, the app's connection otherwise. */
  heavyReads: HeavyReads;
  /** An SQLite file only: the worker that checkpoints its write-ahead log (checkpointer.ts). */
  checkpointer?: WalCheckpointer;
  /** SQLite only: the raw handle, for online backups. */
  sqliteBackup?: (file: string) => Promise<void>;
  close(): Promise<void>;
}

export function dialectOfUrl(url: string): DialectName {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  if (url.startsWith('sqlite:')) return 'sqlite';
  throw new Error(`Unsupported DATABASE_URL "${url}": use sqlite:<file>, sqlite::memory: or postgres://...`);
}

export interface DatabaseOptions {
  /** PostgreSQL only: the schema to work in. */
  schema?: string;
  /** `sqlite::memory:` only: start from this serialized database (a test template). */
  sqliteBytes?: Buffer;
  /** Called with the SQL of every statement run (tests count statements per request with it). */
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
}

function queryLog(options: DatabaseOptions): KyselyConfig['log'] {
  const { onQuery } = options;
  if (!onQuery) return undefined;
  return (event) => {
    if (event.level === 'query') onQuery(event.query.sql, event.query.parameters);
  };
}

export function createDatabase(url: string, options: DatabaseOptions = {}): AppDatabase {
  const dialect = dialectOfUrl(url);
  if (dialect === 'postgres') {
    const { dialect: pgDialect } = openPostgres(url, options);
    const db = new Kysely<any>({ dialect: pgDialect, log: queryLog(options) });
    return { db, dialect, url, heavyReads: new InProcessReads(db, 'postgres'), close: () => db.destroy() };
  }
  const { dialect: sqliteDialect, raw } = openSqlite(url, options.sqliteBytes);
  // Booleans are bound as 0/1 by the statements themselves (statement-cache.ts `bindable`).
  const db = new Kysely<any>({ dialect: sqliteDialect, log: queryLog(options) });
  // A file can be opened by other connections: long reads go to worker threads reading it, and
  // the write-ahead log is checkpointed on one of its own instead of in the writer's commits.
  const heavyReads = raw.memory
    ? new InProcessReads(db, 'sqlite')
    : new WorkerReadPool(raw.name, undefined, options.onQuery);
  const checkpointer = raw.memory ? null : checkpointOffTheWriter(raw);
  return {
    db,
    dialect,
    url,
    heavyReads,
    ...(checkpointer ? { checkpointer } : {}),
    sqliteBackup: async (file) => {
      await raw.backup(file);
    },
    close: async () => {
      await checkpointer?.close();
      await heavyReads.close();
      await db.destroy();
    },
  };
}

/** Takes any handle (typed for any tables, or a transaction): only its executor is read. */
export function isPostgres(db: { getExecutor(): QueryExecutor }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * A worker checkpoints the WAL (checkpointer.ts); the writer checkpoints only past WAL_BOUND_PAGES.
 * The worker copies pages while the writer appends more, so under a steady stream of commits the WAL
 * is never wholly copied when a write begins, and SQLite only starts it over from its beginning
 * then: it would grow without end (it filled the disk during the tier-L benchmark). Past the bound
 * the writer's own checkpoint finds nearly every page copied already, finishes the few left, and the
 * next write starts the WAL over. Should the worker fail, the writer checkpoints at SQLite's default.
 */
function checkpointOffTheWriter(raw: BetterSqlite.Database): WalCheckpointer {
  raw.pragma(`wal_autocheckpoint = ${WAL_BOUND_PAGES}`);
  return new WalCheckpointer(raw.name, (error) => {
    console.warn(`WAL checkpointer: ${error.message}; the writer checkpoints again`);
    if (raw.open) raw.pragma('wal_autocheckpoint = 1000');
  });
}

/** The WAL's bound, in pages (64 MiB): below it only the worker checkpoints. */
const WAL_BOUND_PAGES = 16_384;
