import { type Kysely, type RawBuilder, sql } from 'kysely';
import { isPostgres } from './database.js';

/**
 * Rollups: a table of sums per bucket (entity, status, month…) kept by database triggers in the
 * transaction of every write to the source table, so a ledger's totals read a few hundred bucket
 * rows instead of scanning a million records, and no write path can forget to keep them.
 *
 * A rollup is declared once as data (its expressions are SQL over a row alias: `NEW`/`OLD` in the
 * triggers, the source table in a rebuild); a migration creates it with `createRollup`, the kit's
 * `rollups` part checks it against the source every night and repairs what drifted.
 */
export type RollupDialect = 'sqlite' | 'postgres';
/** SQL text over a row alias (`NEW.status`): column names only, never user input. */
export type RollupExpression = (row: string, dialect: RollupDialect) => string;

export interface RollupDefinition {
  /** The rollup table (the source module's prefix: `contract_ledger_rollup`). */
  table: string;
  /** The table whose rows it sums. */
  source: string;
  /** Source columns the expressions read: an update that changes none of them leaves the rollup alone. */
  reads: readonly string[];
  /** The bucket key, as text that is never null (the expressions coalesce a missing value to ''). */
  dimensions: Readonly<Record<string, RollupExpression>>;
  /** Integer sums per bucket (money in 分), besides the row count `row_count`. Never null. */
  measures: Readonly<Record<string, RollupExpression>>;
}

/** Identity that keeps the names literal, so readers of the rollup are typed by its dimensions and measures. */
export function defineRollup<const Definition extends RollupDefinition>(definition: Definition): Definition {
  return definition;
}

export type RollupDimension<R extends RollupDefinition> = keyof R['dimensions'] & string;
export type RollupMeasure<R extends RollupDefinition> = keyof R['measures'] & string;
/** One bucket, or the sum of several. */
export type RollupSums<R extends RollupDefinition> = { row_count: number } & Record<RollupMeasure<R>, number>;

const dialectOf = (db: Kysely<any>): RollupDialect => (isPostgres(db) ? 'postgres' : 'sqlite');
const names = (record: Readonly<Record<string, unknown>>) => Object.keys(record);
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates the table, fills it from the source's current rows and installs the triggers. */
export async function createRollup(db: Kysely<any>, rollup: RollupDefinition): Promise<void> {
  const dialect = dialectOf(db);
  const dimensions = names(rollup.dimensions);
  const measures = ['row_count', ...names(rollup.measures)];
  const sumType = dialect === 'postgres' ? 'bigint' : 'integer';
  const columns = [
    ...dimensions.map((d) => `${quoted(d)} text not null`),
    ...measures.map((m) => `${quoted(m)} ${sumType} not null default 0`),
    `primary key (${dimensions.map(quoted).join(', ')})`,
  ];
  await sql.raw(`create table ${quoted(rollup.table)} (${columns.join(', ')})`).execute(db);
  await rebuildRollup(db, rollup);
  for (const statement of triggerStatements(rollup, dialect)) await sql.raw(statement).execute(db);
}

/** Removes the triggers and the table (a later migration that redefines a rollup drops the old one first). */
export async function dropRollup(db: Kysely<any>, rollup: RollupDefinition): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    for (const trigger of ['apply', 'update']) {
      await sql
        .raw(`drop trigger if exists ${quoted(`${rollup.table}_${trigger}`)} on ${quoted(rollup.source)}`)
        .execute(db);
    }
    await sql.raw(`drop function if exists ${quoted(`${rollup.table}_apply`)}()`).execute(db);
  } else {
    for (const event of ['insert', 'update', 'delete']) {
      await sql.raw(`drop trigger if exists ${quoted(`${rollup.table}_after_${event}`)}`).execute(db);
    }
  }
  await sql.raw(`drop table if exists ${quoted(rollup.table)}`).execute(db);
}

/** The bucket rows computed from the source: what the rollup table must hold. */
function groupedSourceSql(rollup: RollupDefinition, dialect: RollupDialect): string {
  const row = quoted(rollup.source);
  const dimensions = Object.entries(rollup.dimensions);
  const select = [
    ...dimensions.map(([name, expression]) => `${expression(row, dialect)} as ${quoted(name)}`),
    'count(*) as row_count',
    ...Object.entries(rollup.measures).map(
      ([name, expression]) => `coalesce(sum(${expression(row, dialect)}), 0) as ${quoted(name)}`,
    ),
  ];
  const groupBy = dimensions.map(([, expression]) => expression(row, dialect));
  return `select ${select.join(', ')} from ${row} group by ${groupBy.join(', ')}`;
}

/** Replaces every bucket with the sums recomputed from the source (a full scan: migrations and repairs only). */
export async function rebuildRollup(db: Kysely<any>, rollup: RollupDefinition): Promise<void> {
  const columns = [...names(rollup.dimensions), 'row_count', ...names(rollup.measures)].map(quoted);
  await sql.raw(`delete from ${quoted(rollup.table)}`).execute(db);
  await sql
    .raw(
      `insert into ${quoted(rollup.table)} (${columns.join(', ')}) ${groupedSourceSql(rollup, dialectOf(db))}`,
    )
    .execute(db);
}

/** A bucket whose stored sums differ from the source's. */
export interface RollupDrift {
  key: Record<string, string>;
  stored: Record<string, number> | null;
  computed: Record<string, number> | null;
}

/** Compares every stored bucket with the sums recomputed from the source (a full scan: the nightly check). */
export async function findRollupDrift(db: Kysely<any>, rollup: RollupDefinition): Promise<RollupDrift[]> {
  const dimensions = names(rollup.dimensions);
  const measures = ['row_count', ...names(rollup.measures)];
  const keyOf = (row: Record<string, unknown>) => JSON.stringify(dimensions.map((d) => String(row[d])));
  const sumsOf = (row: Record<string, unknown>) =>
    Object.fromEntries(measures.map((m) => [m, Number(row[m])]));
  const computed = (
    await sql.raw<Record<string, unknown>>(groupedSourceSql(rollup, dialectOf(db))).execute(db)
  ).rows;
  const stored = (await sql.raw<Record<string, unknown>>(`select * from ${quoted(rollup.table)}`).execute(db))
    .rows;
  const storedByKey = new Map(stored.map((row) => [keyOf(row), row]));
  const drift: RollupDrift[] = [];
  const keyRecord = (row: Record<string, unknown>) =>
    Object.fromEntries(dimensions.map((d) => [d, String(row[d])]));
  for (const row of computed) {
    const key = keyOf(row);
    const own = storedByKey.get(key);
    storedByKey.delete(key);
    const expected = sumsOf(row);
    const actual = own ? sumsOf(own) : null;
    if (!actual || measures.some((m) => actual[m] !== expected[m])) {
      drift.push({ key: keyRecord(row), stored: actual, computed: expected });
    }
  }
  // Buckets left over hold rows the source no longer has (an empty bucket is deleted by the triggers).
  for (const row of storedByKey.values())
    drift.push({ key: keyRecord(row), stored: sumsOf(row), computed: null });
  return drift;
}

// ---- triggers ----

function triggerStatements(rollup: RollupDefinition, dialect: RollupDialect): string[] {
  const table = quoted(rollup.table);
  const source = quoted(rollup.source);
  const dimensions = Object.entries(rollup.dimensions);
  const measures = Object.entries(rollup.measures);
  const key = dimensions.map(([name]) => quoted(name)).join(', ');
  /** Adds (sign +) or takes away (sign -) one source row from its bucket, creating the bucket if new. */
  const apply = (row: string, sign: '+' | '-') => {
    const values = [
      ...dimensions.map(([, expression]) => expression(row, dialect)),
      `${sign}1`,
      ...measures.map(([, expression]) => `${sign}coalesce(${expression(row, dialect)}, 0)`),
    ];
    const sums = ['row_count', ...measures.map(([name]) => name)].map(
      (name) => `${quoted(name)} = ${table}.${quoted(name)} + excluded.${quoted(name)}`,
    );
    return `insert into ${table} (${key}, ${['row_count', ...measures.map(([name]) => name)].map(quoted).join(', ')}) values (${values.join(', ')}) on conflict (${key}) do update set ${sums.join(', ')}`;
  };
  /** Deletes the row's bucket once it holds no row, so the table keeps only buckets in use. */
  const dropIfEmpty = (row: string) =>
    `delete from ${table} where ${dimensions.map(([name, expression]) => `${quoted(name)} = ${expression(row, dialect)}`).join(' and ')} and row_count = 0`;
  const reads = rollup.reads.map(quoted).join(', ');
  // An update that rewrites a row with the same key and sums (a status-less edit) touches no bucket.
  const expressions = [...dimensions, ...measures].map(([, expression]) => expression);
  const changed = expressions
    .map((expression) => `${expression('OLD', dialect)} is distinct from ${expression('NEW', dialect)}`)
    .join(' or ');

  if (dialect === 'sqlite') {
    const trigger = (event: string) => quoted(`${rollup.table}_after_${event}`);
    return [
      `create trigger ${trigger('insert')} after insert on ${source} begin ${apply('NEW', '+')}; end`,
      `create trigger ${trigger('delete')} after delete on ${source} begin ${apply('OLD', '-')}; ${dropIfEmpty('OLD')}; end`,
      // The new bucket first: when both are one bucket it never empties in between.
      `create trigger ${trigger('update')} after update of ${reads} on ${source} when ${changed.replaceAll('is distinct from', 'is not')} begin ${apply('NEW', '+')}; ${apply('OLD', '-')}; ${dropIfEmpty('OLD')}; end`,
    ];
  }
  const fn = quoted(`${rollup.table}_apply`);
  const tuple = (row: string) =>
    `row(${dimensions.map(([, expression]) => expression(row, dialect)).join(', ')})`;
  // Concurrent writers lock the two buckets of a move in one order (the smaller key first), so two
  // transactions moving records in opposite directions never deadlock each other.
  return [
    `create function ${fn}() returns trigger language plpgsql set search_path from current as $rollup$
begin
  if tg_op = 'INSERT' then
    ${apply('NEW', '+')};
  elsif tg_op = 'DELETE' then
    ${apply('OLD', '-')};
    ${dropIfEmpty('OLD')};
  else
    if ${tuple('NEW')} <= ${tuple('OLD')} then
      ${apply('NEW', '+')};
      ${apply('OLD', '-')};
    else
      ${apply('OLD', '-')};
      ${apply('NEW', '+')};
    end if;
    ${dropIfEmpty('OLD')};
  end if;
  return null;
end
$rollup$`,
    `create constraint trigger ${fn} after insert or delete on ${source} ${AT_COMMIT} for each row execute function ${fn}()`,
    `create constraint trigger ${quoted(`${rollup.table}_update`)} after update of ${reads} on ${source} ${AT_COMMIT} for each row when (${changed}) execute function ${fn}()`,
  ];
}

/**
 * PostgreSQL applies a rollup's changes when the writing transaction commits, not at each row: a
 * bucket is locked from its update to the commit, and every write transaction also locks the audit
 * chain's head (audit.repository.ts lockHead) wherever it audits. Applied at the row, a transaction
 * that wrote a contract before auditing (create: bucket, then head) and one that audited before
 * writing (submit: head, then bucket) deadlocked. At commit, every bucket lock comes after the
 * head's, so writers queue on the head instead. Still in the writing transaction: all or nothing.
 */
const AT_COMMIT = 'deferrable initially deferred';

/**
 * Makes a PostgreSQL database's existing row triggers on `table` run at commit, as triggerStatements
 * now writes them (a migration of rollups created before): each is dropped and created again from
 * its own definition as a deferred constraint trigger. No-op on SQLite, where one writer at a time
 * cannot deadlock.
 */
export async function deferTriggersToCommit(
  db: Kysely<any>,
  table: string,
  triggers: readonly string[],
): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  for (const name of triggers) {
    const found = await sql<{
      definition: string;
    }>`select pg_get_triggerdef(t.oid) as definition from pg_trigger t where t.tgname = ${name} and t.tgrelid = ${table}::regclass and not t.tgisinternal`.execute(
      db,
    );
    const definition = found.rows[0]?.definition;
    if (!definition) throw new Error(`no trigger ${name} on ${table}`);
    if (definition.startsWith('CREATE CONSTRAINT TRIGGER')) continue;
    const deferred = definition
      .replace(/^CREATE TRIGGER /, 'CREATE CONSTRAINT TRIGGER ')
      .replace(/ FOR EACH ROW /, ` ${AT_COMMIT.toUpperCase()} FOR EACH ROW `);
    await sql.raw(`drop trigger ${quoted(name)} on ${quoted(table)}`).execute(db);
    await sql.raw(deferred).execute(db);
  }
}

// ---- reading ----

/** Which buckets to sum: a dimension among these values, or within a range of text (months `YYYY-MM`). */
export type RollupWhere<R extends RollupDefinition> = Partial<
  Record<RollupDimension<R>, readonly string[] | { from?: string; to?: string }>
>;

/**
 * The sums of the buckets that match, one row per value of `groupBy` (totals per currency): a read of
 * the bucket rows, whatever the size of the source table.
 */
export async function sumRollup<R extends RollupDefinition, G extends RollupDimension<R>>(
  db: Kysely<any>,
  rollup: R,
  where: RollupWhere<R>,
  groupBy: readonly G[],
): Promise<Array<Record<G, string> & RollupSums<R>>> {
  const conditions = bucketConditions(where);
  if (conditions === null) return [];
  const sums = ['row_count', ...names(rollup.measures)].map(
    (measure) => sql`coalesce(sum(${sql.ref(measure)}), 0) as ${sql.ref(measure)}`,
  );
  const groups = groupBy.map((dimension) => sql.ref(dimension));
  const query = sql<
    Record<G, string> & RollupSums<R>
  >`select ${sql.join([...groups, ...sums])} from ${sql.table(rollup.table)} ${whereClause(conditions)} ${
    groups.length ? sql`group by ${sql.join(groups)}` : sql``
  }`;
  // Sums arrive as numbers in both dialects (the PostgreSQL dialect parses bigint and numeric).
  return (await query.execute(db)).rows;
}

/**
 * How many source rows the matching buckets hold: one sum, no measure (summing every measure and
 * grouping costs ten times as much over a few thousand buckets).
 */
export async function countRollup<R extends RollupDefinition>(
  db: Kysely<any>,
  rollup: R,
  where: RollupWhere<R>,
): Promise<number> {
  const conditions = bucketConditions(where);
  if (conditions === null) return 0;
  const query = sql<{ count: number }>`select coalesce(sum(row_count), 0) as count from ${sql.table(
    rollup.table,
  )} ${whereClause(conditions)}`;
  return Number((await query.execute(db)).rows[0]?.count ?? 0);
}

/** The conditions on the bucket rows, or null when a dimension must be in an empty list (no bucket). */
function bucketConditions<R extends RollupDefinition>(where: RollupWhere<R>): RawBuilder<unknown>[] | null {
  const conditions: RawBuilder<unknown>[] = [];
  for (const [dimension, condition] of Object.entries(where) as [
    string,
    RollupWhere<R>[RollupDimension<R>],
  ][]) {
    if (!condition) continue;
    const column = sql.ref(dimension);
    if (Array.isArray(condition)) {
      if (!condition.length) return null;
      conditions.push(sql`${column} in (${sql.join(condition)})`);
    } else {
      const range = condition as { from?: string; to?: string };
      if (range.from !== undefined) conditions.push(sql`${column} >= ${range.from}`);
      if (range.to !== undefined) conditions.push(sql`${column} <= ${range.to}`);
    }
  }
  return conditions;
}

const whereClause = (conditions: readonly RawBuilder<unknown>[]) =>
  conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
