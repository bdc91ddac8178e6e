import { sql } from 'kysely';
import type { Db } from '../../apps/server/src/db/index.js';

/**
 * What bulk loading needs on both sides of the drawing worker: the rows encoded as the writers
 * (writers.ts) send them, and the loaded tables' secondary indexes, triggers and (PostgreSQL)
 * foreign keys taken off while loading and put back afterwards from the database's own
 * definitions. Building an index once over sorted keys is many times cheaper than a million
 * B-tree inserts, and the contract's rollup and search triggers cost more per row than the row
 * itself. What the triggers would have kept (the ledger rollup, the FTS index) is rebuilt by the
 * caller from the loaded rows.
 */
export type Row = Record<string, unknown>;

/** A table's columns in the database's order. */
export interface TableShape {
  columns: string[];
}

/**
 * Rows as a writer sends them, encoded in the drawing worker (draw.worker.ts) so the main thread
 * only passes them on: for SQLite each row's values in column order, one after another (`flat`,
 * bound to multi-row VALUES: booleans as 0/1, JSON as text, a missing value as null); for
 * PostgreSQL the text of a COPY (`copy`), one string however many rows, so handing it from the
 * worker to the main thread costs a copy of its bytes and no object per value.
 */
export type EncodedRows = { rows: number; flat: unknown[] } | { rows: number; copy: string };

function bindable(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return v;
}

const copyEscapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** A value in COPY's text format: \N for null, backslash escapes for the separators. */
function copyField(v: unknown): string {
  if (v === undefined || v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  const text = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : JSON.stringify(v);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => copyEscapes[c]) : text;
}

export function encodeRows(rows: readonly Row[], shape: TableShape, postgres: boolean): EncodedRows {
  if (postgres) {
    // One line per row, each built by appending (no array per row), joined once at the end.
    const lines = new Array<string>(rows.length + 1);
    const [first, ...rest] = shape.columns;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      let line = copyField(row[first]);
      for (const column of rest) line += `\t${copyField(row[column])}`;
      lines[r] = line;
    }
    lines[rows.length] = '';
    return { rows: rows.length, copy: lines.join('\n') };
  }
  const flat = new Array<unknown>(rows.length * shape.columns.length);
  let i = 0;
  for (const row of rows) for (const column of shape.columns) flat[i++] = bindable(row[column]);
  return { rows: rows.length, flat };
}

/** The column lists of these tables, read once (the worker encodes rows by them). */
export async function readShapes(db: Db, postgres: boolean, tables: readonly string[]) {
  const shapes: Record<string, TableShape> = {};
  for (const table of tables) {
    const columns = postgres
      ? (
          await sql<{ name: string }>`
            select column_name as name from information_schema.columns
            where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(
            db,
          )
        ).rows
      : (await sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`.execute(db))
          .rows;
    if (!columns.length) throw new Error(`no table "${table}"`);
    shapes[table] = { columns: columns.map((c) => c.name) };
  }
  return shapes;
}

/** A statement that recreates what `suspendIndexesAndTriggers` dropped, with its name for the report. */
interface Suspended {
  kind: 'index' | 'trigger' | 'foreign key';
  name: string;
  table: string;
  create: string;
}

/**
 * Drops the secondary indexes (not those behind a primary key or unique constraint) and the row
 * triggers of `tables`, and returns a function that creates them again from their stored
 * definitions. Triggers that refuse updates and deletes (the audit log's append-only guard) stay:
 * loading only inserts, so they cost nothing, and they must never be missing. On PostgreSQL the
 * foreign keys go too (each is a trigger running a lookup per row: half the time of a 7 KB
 * approval row); adding one back checks every row in one join, so a dangling key still fails the
 * run. SQLite's are switched off for the connection instead (the caller, pragma foreign_keys).
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
    const keys = await sql<{ conname: string; relname: string; def: string }>`
      select k.conname, c.relname, pg_get_constraintdef(k.oid) as def from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = current_schema() and c.relname = any(${[...tables]})`.execute(db);
    for (const key of keys.rows) {
      const create = `alter table "${key.relname}" add constraint "${key.conname.replaceAll('"', '""')}" ${key.def}`;
      dropped.push({ kind: 'foreign key', name: key.conname, table: key.relname, create });
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
        : item.kind === 'foreign key'
          ? `alter table "${item.table}" drop constraint ${name}`
          : postgres
            ? `drop trigger ${name} on "${item.table}"`
            : `drop trigger ${name}`;
    await sql.raw(drop).execute(db);
  }
  return {
    suspended: dropped.length,
    restore: async () => {
      const timings: { name: string; seconds: number }[] = [];
      // Indexes first, then the keys (their check reads the tables whole), and the triggers last,
      // onto tables that are whole again.
      const order = { index: 0, 'foreign key': 1, trigger: 2 };
      for (const item of [...dropped].sort((a, b) => order[a.kind] - order[b.kind])) {
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
