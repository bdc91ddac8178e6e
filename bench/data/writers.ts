import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../../apps/server/src/db/index.js';
import type { EncodedRows, TableShape } from './load.js';

/**
 * Writing the drawn batches: the tables' rows, then the audit chain's head (it moves with its
 * entries in their transaction, as AuditService.record does).
 *   SQLite: multi-row VALUES, one statement text per table and row count written once, so the
 *   dialect's statement cache prepares it once; Kysely's builder would compile every insert afresh.
 *   PostgreSQL: COPY, on a connection of the writer's own. Multi-row VALUES parse every parameter
 *   (a batch took 34 s at tier S), and unnest's array literals are slower still once values are
 *   large (an approval's 7 KB state: 1 s per 1,000 rows); COPY parses plain text.
 */
export interface BatchWriter {
  write(
    tables: readonly { table: string; encoded: EncodedRows }[],
    auditHead: { seq: number; hash: string },
  ): Promise<void>;
  /** Rows written and seconds spent writing per table so far. */
  readonly tables: { table: string; rows: number; seconds: number }[];
  close(): Promise<void>;
}

class Tally {
  readonly #rows = new Map<string, number>();
  readonly #seconds = new Map<string, number>();

  async time(table: string, rows: number, write: () => Promise<void>): Promise<void> {
    const started = performance.now();
    try {
      await write();
    } finally {
      this.#rows.set(table, (this.#rows.get(table) ?? 0) + rows);
      this.#seconds.set(table, (this.#seconds.get(table) ?? 0) + (performance.now() - started) / 1000);
    }
  }

  get tables() {
    return [...this.#rows].map(([table, rows]) => ({ table, rows, seconds: this.#seconds.get(table) ?? 0 }));
  }
}

export class SqliteWriter implements BatchWriter {
  readonly #tally = new Tally();
  /** Statement texts by table and row count: the same string each time, so the cache's lookup reuses its hash. */
  readonly #texts = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly shapes: Record<string, TableShape>,
  ) {}

  get tables() {
    return this.#tally.tables;
  }

  /** Batches written in the open transaction. */
  #inTransaction = 0;

  /**
   * Ten batches (about 10,000 contracts) per transaction: the keys that do not grow in order (a
   * payment's number starts with its date) dirty pages all over their index, and each commit
   * writes them out again; fewer commits write each such page fewer times.
   */
  async write(
    tables: readonly { table: string; encoded: EncodedRows }[],
    auditHead: { seq: number; hash: string },
  ) {
    if (!this.#inTransaction) await sql`begin`.execute(this.db);
    for (const { table, encoded } of tables) {
      if (!encoded.rows || !('flat' in encoded)) continue;
      await this.#tally.time(table, encoded.rows, () =>
        this.insert(this.db, table, encoded.flat, encoded.rows),
      );
    }
    await this.db.updateTable('audit_head').set(auditHead).where('id', '=', 1).execute();
    this.#inTransaction += 1;
    if (this.#inTransaction === 10) await this.commit();
  }

  private async commit(): Promise<void> {
    if (!this.#inTransaction) return;
    await sql`commit`.execute(this.db);
    this.#inTransaction = 0;
  }

  private async insert(trx: Db, table: string, flat: unknown[], rows: number): Promise<void> {
    const shape = this.shapes[table];
    // SQLite binds at most 32,766 parameters per statement; up to 200 rows keeps every table under it.
    const width = shape.columns.length;
    const perStatement = Math.max(1, Math.min(200, Math.floor(32_000 / width)));
    for (let start = 0; start < rows; start += perStatement) {
      const count = Math.min(perStatement, rows - start);
      const params = flat.slice(start * width, (start + count) * width);
      await trx.executeQuery(CompiledQuery.raw(this.text(table, shape, count), params));
    }
  }

  private text(table: string, shape: TableShape, count: number): string {
    const key = `${table}|${count}`;
    let text = this.#texts.get(key);
    if (text === undefined) {
      const tuple = `(${shape.columns.map(() => '?').join(', ')})`;
      text = `insert into "${table}" (${shape.columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from(
        { length: count },
        () => tuple,
      ).join(', ')}`;
      this.#texts.set(key, text);
    }
    return text;
  }

  async close(): Promise<void> {
    await this.commit();
  }
}

export class PostgresCopyWriter implements BatchWriter {
  readonly #tally = new Tally();

  private constructor(
    private readonly client: pg.Client,
    private readonly shapes: Record<string, TableShape>,
  ) {}

  static async open(url: string, shapes: Record<string, TableShape>): Promise<PostgresCopyWriter> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // A commit need not wait for its WAL to reach the disk: a failed load is thrown away anyway.
    await client.query('set synchronous_commit = off');
    return new PostgresCopyWriter(client, shapes);
  }

  get tables() {
    return this.#tally.tables;
  }

  async write(
    tables: readonly { table: string; encoded: EncodedRows }[],
    auditHead: { seq: number; hash: string },
  ) {
    await this.client.query('begin');
    try {
      for (const { table, encoded } of tables) {
        if (!encoded.rows || !('copy' in encoded)) continue;
        const columns = this.shapes[table].columns.map((c) => `"${c}"`).join(', ');
        await this.#tally.time(table, encoded.rows, () =>
          copyIn(this.client, `copy "${table}" (${columns}) from stdin`, encoded.copy),
        );
      }
      await this.client.query('update audit_head set seq = $1, hash = $2 where id = 1', [
        auditHead.seq,
        auditHead.hash,
      ]);
      await this.client.query('commit');
    } catch (error) {
      await this.client.query('rollback').catch(() => {});
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** The connection calls a query object given to `client.query` back with the server's messages. */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * `COPY … FROM STDIN` with `data` as its input, through node-postgres's query-object interface (the
 * protocol messages pg-copy-streams wraps in a stream): the statement goes out as a simple query,
 * the server answers CopyInResponse, the data follows in 1 MB CopyData messages, then CopyDone;
 * the result (or the server's error) arrives before ReadyForQuery.
 */
function copyIn(client: pg.Client, statement: string, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let failure: unknown = null;
    const query = {
      submit(connection: CopyConnection) {
        connection.query(statement);
      },
      handleCopyInResponse(connection: CopyConnection) {
        const bytes = Buffer.from(data);
        for (let start = 0; start < bytes.length; start += 1 << 20) {
          connection.sendCopyFromChunk(bytes.subarray(start, start + (1 << 20)));
        }
        connection.endCopyFrom();
      },
      handleCommandComplete() {},
      handleError(error: unknown) {
        failure = error;
      },
      handleReadyForQuery() {
        if (failure) reject(failure);
        else resolve();
      },
    };
    client.query(query as unknown as pg.QueryConfig);
  });
}
