import { CompiledQuery, sql } from 'kysely';
import type { Db } from '../../apps/server/src/db/index.js';

/**
 * Bulk loading for the generator. Kysely's builder compiles every multi-row insert afresh (12% of
 * the time at tier L); here one statement text per table and batch size is written once and run
 * with plain parameters: SQLite reuses the prepared statement (the dialect caches them by text),
 * PostgreSQL gets one `insert … select * from unnest($1::type[], …)` per batch, one parameter per
 * column whatever the row count (a VALUES list is capped at 65,535 parameters).
 *
 * Secondary indexes and row triggers of the loaded tables are taken off while loading and put back
 * afterwards from the database's own definitions: building an index once over sorted keys is many
 * times cheaper than a million random B-tree inserts, and the contract's rollup and search triggers
 * cost more per row than the row itself. What the triggers would have kept (the ledger rollup, the
 * FTS index) is rebuilt by the caller from the loaded rows.
 */
export type Row = Record<string, unknown>;

interface TableShape {
  columns: string[];
  /** PostgreSQL: the column's type name for the unnest cast (`int8`, `jsonb`…). */
  types: string[];
  /** Columns the database types as booleans or JSON, converted before binding. */
  bools: Set<string>;
}

export class BulkLoader {
  readonly #shapes = new Map<string, TableShape>();
  readonly #counts = new Map<string, number>();
  readonly #seconds = new Map<string, number>();

  constructor(private readonly postgres: boolean) {}

  /** Rows loaded and seconds spent in the database per table so far. */
  get tables(): { table: string; rows: number; seconds: number }[] {
    return [...this.#counts].map(([table, rows]) => ({
      table,
      rows,
      seconds: this.#seconds.get(table) ?? 0,
    }));
  }

  async insert(trx: Db, table: string, rows: readonly Row[]): Promise<void> {
    if (!rows.length) return;
    // Read through the transaction: SQLite's one connection is the transaction's until it ends.
    const shape = await this.shape(trx, table);
    const started = performance.now();
    this.#counts.set(table, (this.#counts.get(table) ?? 0) + rows.length);
    try {
      await this.write(trx, table, shape, rows);
    } finally {
      this.#seconds.set(table, (this.#seconds.get(table) ?? 0) + (performance.now() - started) / 1000);
    }
  }

  private async write(trx: Db, table: string, shape: TableShape, rows: readonly Row[]): Promise<void> {
    const value = (row: Row, column: string) => {
      const v = row[column];
      if (v === undefined) return null;
      if (typeof v === 'boolean') return this.postgres ? v : v ? 1 : 0;
      if (v instanceof Date) return v.toISOString();
      if (v !== null && typeof v === 'object') return JSON.stringify(v);
      return v;
    };
    if (this.postgres) {
      // Batches of 5,000 rows: large enough that statement overhead vanishes, small enough that
      // one array parameter stays well under pg's message limits.
      for (let start = 0; start < rows.length; start += 5000) {
        const slice = rows.slice(start, start + 5000);
        const params = shape.columns.map((column) => slice.map((row) => value(row, column)));
        const text = `insert into "${table}" (${shape.columns.map((c) => `"${c}"`).join(', ')}) select * from unnest(${shape.types
          .map((type, i) => `$${i + 1}::${type}[]`)
          .join(', ')})`;
        await trx.executeQuery(CompiledQuery.raw(text, params));
      }
      return;
    }
    // SQLite binds at most 32,766 parameters per statement; 200 rows keeps every table under it.
    const perStatement = Math.max(1, Math.min(200, Math.floor(32_000 / shape.columns.length)));
    const head = `insert into "${table}" (${shape.columns.map((c) => `"${c}"`).join(', ')}) values `;
    const tuple = `(${shape.columns.map(() => '?').join(', ')})`;
    for (let start = 0; start < rows.length; start += perStatement) {
      const slice = rows.slice(start, start + perStatement);
      const params: unknown[] = [];
      for (const row of slice) for (const column of shape.columns) params.push(value(row, column));
      const text = head + Array.from({ length: slice.length }, () => tuple).join(', ');
      await trx.executeQuery(CompiledQuery.raw(text, params));
    }
  }

  private async shape(db: Db, table: string): Promise<TableShape> {
    const known = this.#shapes.get(table);
    if (known) return known;
    let shape: TableShape;
    if (this.postgres) {
      const { rows } = await sql<{ column_name: string; udt_name: string }>`
        select column_name, udt_name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(
        db,
      );
      shape = {
        columns: rows.map((r) => r.column_name),
        types: rows.map((r) => r.udt_name),
        bools: new Set(rows.filter((r) => r.udt_name === 'bool').map((r) => r.column_name)),
      };
    } else {
      const { rows } = await sql<{ name: string; type: string }>`
        select name, type from pragma_table_info(${table}) order by cid`.execute(db);
      shape = { columns: rows.map((r) => r.name), types: rows.map((r) => r.type), bools: new Set() };
    }
    if (!shape.columns.length) throw new Error(`no table "${table}"`);
    this.#shapes.set(table, shape);
    return shape;
  }
}

/** A statement that recreates what `suspendIndexesAndTriggers` dropped, with its name for the report. */
interface Suspended {
  kind: 'index' | 'trigger';
  name: string;
  table: string;
  create: string;
}

/**
 * Drops the secondary indexes (not those behind a primary key or unique constraint) and the row
 * triggers of `tables`, and returns a function that creates them again from their stored
 * definitions. Triggers that refuse updates and deletes (the audit log's append-only guard) stay:
 * loading only inserts, so they cost nothing, and they must never be missing.
 */
export async function suspendIndexesAndTriggers(
  db: Db,
  postgres: boolean,
  tables: readonly string[],
): Promise<{ restore: () => Promise<{ name: string; seconds: number }[]>; suspended: number }> {
  const dropped: Suspended[] = [];
  if (postgres) {
    const indexes = await sql<{ indexname: string; tablename: string; indexdef: string }>`
      select i.indexname, i.tablename, i.indexdef from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any(${[...tables]})
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(db);
    for (const index of indexes.rows) {
      dropped.push({ kind: 'index', name: index.indexname, table: index.tablename, create: index.indexdef });
    }
    const triggers = await sql<{ tgname: string; relname: string; def: string }>`
      select t.tgname, c.relname, pg_get_triggerdef(t.oid) as def from pg_trigger t
      join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where not t.tgisinternal and n.nspname = current_schema() and c.relname = any(${[...tables]})`.execute(
      db,
    );
    for (const trigger of triggers.rows) {
      if (/BEFORE (UPDATE|DELETE)/i.test(trigger.def) && !/INSERT/i.test(trigger.def)) continue;
      dropped.push({ kind: 'trigger', name: trigger.tgname, table: trigger.relname, create: trigger.def });
    }
  } else {
    const rows = await sql<{ type: 'index' | 'trigger'; name: string; tbl_name: string; sql: string }>`
      select type, name, tbl_name, sql from sqlite_master
      where type in ('index', 'trigger') and sql is not null
        and tbl_name in (${sql.join([...tables])})`.execute(db);
    for (const row of rows.rows) {
      if (row.type === 'trigger' && /before\s+(update|delete)/i.test(row.sql)) continue;
      dropped.push({ kind: row.type, name: row.name, table: row.tbl_name, create: row.sql });
    }
  }
  for (const item of dropped) {
    const name = `"${item.name.replaceAll('"', '""')}"`;
    const drop =
      item.kind === 'index'
        ? `drop index ${name}`
        : postgres
          ? `drop trigger ${name} on "${item.table}"`
          : `drop trigger ${name}`;
    await sql.raw(drop).execute(db);
  }
  return {
    suspended: dropped.length,
    restore: async () => {
      const timings: { name: string; seconds: number }[] = [];
      // Indexes first, so that triggers come back onto a table that is whole again.
      for (const item of [...dropped].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'index' ? -1 : 1))) {
        const started = performance.now();
        if (postgres && item.kind === 'index') {
          // More sort memory for the build than a query gets (one index at a time, so it is bounded).
          await db.transaction().execute(async (trx) => {
            await sql.raw(`set local maintenance_work_mem = '512MB'`).execute(trx);
            await sql.raw(item.create).execute(trx);
          });
        } else {
          await sql.raw(item.create).execute(db);
        }
        timings.push({ name: `${item.kind} ${item.name}`, seconds: (performance.now() - started) / 1000 });
      }
      return timings;
    },
  };
}
