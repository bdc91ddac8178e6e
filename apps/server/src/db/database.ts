import { Kysely, type KyselyConfig, PostgresAdapter, type QueryExecutor } from 'kysely';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite, SqliteBooleanPlugin } from './dialects/sqlite.js';
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
  const db = new Kysely<any>({
    dialect: sqliteDialect,
    plugins: [new SqliteBooleanPlugin()],
    log: queryLog(options),
  });
  // A file can be opened by other connections: long reads go to worker threads reading it.
  const heavyReads = raw.memory
    ? new InProcessReads(db, 'sqlite')
    : new WorkerReadPool(raw.name, undefined, options.onQuery);
  return {
    db,
    dialect,
    url,
    heavyReads,
    sqliteBackup: async (file) => {
      await raw.backup(file);
    },
    close: async () => {
      await heavyReads.close();
      await db.destroy();
    },
  };
}

/** Takes any handle (typed for any tables, or a transaction): only its executor is read. */
export function isPostgres(db: { getExecutor(): QueryExecutor }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
