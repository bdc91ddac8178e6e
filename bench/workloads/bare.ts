/**
 * The bare-SQL baseline: statements prepared once and run in-process, without Concord around them.
 * SQLite through better-sqlite3 (a statement cache, one connection, synchronous); PostgreSQL through
 * pg with named statements (prepared once per connection by the server) on a pool of its own.
 * Statements Concord ran are replayed as it ran them (its SQL is already the dialect's); the runner's
 * own SQL is written with `?` and numbered for PostgreSQL by `sql`.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';

export type Dialect = 'sqlite' | 'postgres';
type Row = Record<string, unknown>;

/**
 * One transaction's statements as a generator: it yields a statement and receives its rows, so the
 * same steps run synchronously on SQLite (no other request can interleave on its one connection)
 * and asynchronously on PostgreSQL.
 */
export type Steps<T> = Generator<{ sql: string; parameters: readonly unknown[] }, T, Row[]>;

export interface BareSql {
  readonly dialect: Dialect;
  /** `?` placeholders numbered `$1, $2, ...` for PostgreSQL. */
  sql(text: string): string;
  all<T = Row>(sql: string, parameters?: readonly unknown[]): Promise<T[]>;
  /** Runs the steps in one transaction (begin ... commit; rollback when a step throws). */
  transaction<T>(steps: Steps<T>): Promise<T>;
  close(): Promise<void>;
}

const numbered = (text: string) => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};

export function openBare(url: string, options: { maxConnections?: number } = {}): BareSql {
  return url.startsWith('sqlite:')
    ? new BareSqlite(url.replace(/^sqlite:/, ''))
    : new BarePostgres(url, options.maxConnections ?? 10);
}

class BareSqlite implements BareSql {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
  }
  sql(text: string) {
    return text;
  }
  private run(sql: string, parameters: readonly unknown[]): Row[] {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    const values = parameters.map((value) => (typeof value === 'boolean' ? Number(value) : value));
    if (statement.reader) return statement.all(values) as Row[];
    statement.run(values);
    return [];
  }
  async all<T>(sql: string, parameters: readonly unknown[] = []): Promise<T[]> {
    return this.run(sql, parameters) as T[];
  }
  /** Synchronous from begin to commit: the whole transaction runs before any other request's. */
  async transaction<T>(steps: Steps<T>): Promise<T> {
    this.run('begin', []);
    try {
      let next = steps.next([]);
      while (!next.done) next = steps.next(this.run(next.value.sql, next.value.parameters));
      this.run('commit', []);
      return next.value;
    } catch (error) {
      if (this.db.inTransaction) this.run('rollback', []);
      throw error;
    }
  }
  async close() {
    this.db.close();
  }
}

/** Values as Concord's pool parses them: counts and sums as numbers, dates as text, instants as ISO. */
const parsers: Record<number, (text: string) => unknown> = {
  20: Number,
  1700: Number,
  1082: (text) => text,
  1114: (text) => new Date(`${text.replace(' ', 'T')}Z`).toISOString(),
  1184: (text) => new Date(text).toISOString(),
};
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = parsers[oid];
    if (parser && format !== 'binary') return parser;
    return (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format);
  },
};

class BarePostgres implements BareSql {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly names = new Map<string, string>();
  constructor(url: string, max: number) {
    this.pool = new pg.Pool({ connectionString: url, max, types: types as pg.CustomTypesConfig });
  }
  sql(text: string) {
    return numbered(text);
  }
  private query(client: pg.Pool | pg.PoolClient, sql: string, parameters: readonly unknown[]) {
    let name = this.names.get(sql);
    if (!name) {
      name = `bench_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
      this.names.set(sql, name);
    }
    return client.query({ name, text: sql, values: parameters as unknown[] });
  }
  async all<T>(sql: string, parameters: readonly unknown[] = []): Promise<T[]> {
    return (await this.query(this.pool, sql, parameters)).rows as T[];
  }
  async transaction<T>(steps: Steps<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      let next = steps.next([]);
      while (!next.done) {
        const result = await this.query(client, next.value.sql, next.value.parameters);
        next = steps.next(result.rows);
      }
      await client.query('commit');
      return next.value;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  async close() {
    await this.pool.end();
  }
}
