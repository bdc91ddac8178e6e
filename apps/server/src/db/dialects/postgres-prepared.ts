import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** Statements kept prepared per connection; the least recently used one is deallocated past it. */
export const PREPARED_PER_CONNECTION = 256;

/** What Concord's queries are: a statement a named prepared statement can hold. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * The PostgreSQL pool with every parameterised statement prepared once per connection by its SQL
 * text (a named statement), as SQLite's statement cache does: PostgreSQL then skips parsing and
 * analysing it on every run. A 500-row import batch sends 13 multi-row inserts of up to 4,000
 * parameters; an approval some 40 statements.
 *
 * Plans stay as they were: the connections plan each run for its values (`plan_cache_mode =
 * force_custom_plan`, set in postgres.ts), since a generic plan could pick another index for an
 * entity that holds 40% of the contracts than for one that holds 1%. Statements without parameters
 * (begin, commit, DDL) are sent as they are.
 */
export function preparingPool(pool: pg.Pool, perConnection = PREPARED_PER_CONNECTION): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PreparingClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let preparing = clients.get(client);
      if (!preparing) {
        preparing = new PreparingClient(client, perConnection);
        clients.set(client, preparing);
      }
      return preparing;
    },
    end: () => pool.end(),
  };
}

/** One connection's prepared statements, by SQL text, in the order of their last use. */
class PreparingClient implements PostgresPoolClient {
  readonly #names = new Map<string, string>();
  /** Names are never reused on a connection: one whose deallocation failed cannot clash. */
  #prepared = 0;
  constructor(
    private readonly client: pg.PoolClient,
    private readonly limit: number,
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sql: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    const client = this.client as unknown as {
      query(...args: unknown[]): Promise<PostgresQueryResult<R>> | PostgresCursor<R>;
    };
    if (typeof sql !== 'string') return client.query(sql) as PostgresCursor<R>;
    if (!parameters?.length || !PREPARABLE.test(sql))
      return client.query(sql, parameters) as Promise<PostgresQueryResult<R>>;
    return client.query({ name: this.#nameOf(sql), text: sql, values: parameters }) as Promise<
      PostgresQueryResult<R>
    >;
  }

  release(destroy?: boolean): void {
    this.client.release(destroy);
  }

  #nameOf(sql: string): string {
    let name = this.#names.get(sql);
    if (name) {
      // Most recently used last.
      this.#names.delete(sql);
    } else {
      name = `concord_${++this.#prepared}`;
      if (this.#names.size >= this.limit) this.#forget(this.#names.keys().next().value as string);
    }
    this.#names.set(sql, name);
    return name;
  }

  /** Deallocates the statement on the server and in pg's own record of what it has parsed. */
  #forget(sql: string): void {
    const name = this.#names.get(sql) as string;
    this.#names.delete(sql);
    const connection = (
      this.client as unknown as { connection: { parsedStatements: Record<string, string> } }
    ).connection;
    delete connection.parsedStatements[name];
    // Queued on the connection before the statement that needs the room: pg runs them in order. In a
    // failed transaction it fails, and the statement stays on the server until the connection closes.
    this.client.query(`deallocate "${name}"`).catch(() => {});
  }
}
