/**
 * The benchmark data (issue "fast at a million contracts", item 7): the demo company, then a tier
 * of partners and contracts with their payment plans, approvals, payments, invoices, deliveries and
 * audit trail, the same rows for the same seed and day on every machine.
 *   npm run bench:data -- --tier S --db sqlite:/tmp/concord-S.db
 *   npm run bench:data -- --tier M --db postgres://concord:concord@localhost:5432/concord_bench_m
 * The database is created afresh (an SQLite file is replaced; a PostgreSQL database is dropped and
 * created, so the URL's user needs CREATEDB). The rows go in with the loaded tables' secondary
 * indexes and triggers taken off (load.ts); afterwards the indexes are built, and what the
 * triggers would have kept is rebuilt from the rows: the ledger's rollup, the contract search index
 * and the past-due day. Prints the load time of each table, the rows per second and the database's
 * size, then checks the rows against their sources (checks.ts), the rollups, the audit chain and
 * the tier's expected sizes; any failure exits 1.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { businessDate } from '@concord/contracts';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../apps/server/src/app.js';
import { auditKeyOf } from '../../apps/server/src/platform/audit/index.js';
import { seedDemo } from '../../apps/server/src/cli/seed-demo.js';
import { type Db, rebuildRollup, refreshPlannerStatistics } from '../../apps/server/src/db/index.js';
import { readApprovalSetup } from './approvals.js';
import { consistencyChecks } from './checks.js';
import type { DrawSetup } from './draw.js';
import { drawnBatches } from './drawing.js';
import { readShapes, suspendIndexesAndTriggers } from './load.js';
import { type TierName, tiers } from './tiers.js';
import { readDemoWorld, staffLegalReviewEverywhere } from './world.js';
import { type BatchWriter, PostgresCopyWriter, SqliteWriter } from './writers.js';

const { values: args } = parseArgs({
  options: {
    tier: { type: 'string', default: 'S' },
    db: { type: 'string', default: 'sqlite:/tmp/concord-bench-S.db' },
    seed: { type: 'string', default: '20261206' },
  },
});
const tierName = (args.tier ?? 'S').toUpperCase() as TierName;
const tier = tiers[tierName];
if (!tier) throw new Error(`--tier must be one of ${Object.keys(tiers).join(', ')}`);
const url = args.db as string;
const postgres = url.startsWith('postgres');

/** The tables the generator writes; their secondary indexes and row triggers are off while it does. */
const LOADED = [
  'partner',
  'wf_instance',
  'wf_task',
  'wf_cc',
  'wf_action_log',
  'contract',
  'contract_plan_item',
  'contract_payment',
  'contract_delivery',
  'invoice',
  'invoice_usage',
  'audit_log',
] as const;
/**
 * Contracts per transaction: about 35 rows each, so a transaction writes some 35,000 rows (one
 * statement per table on PostgreSQL, 200-row statements on SQLite) and memory stays flat.
 */
const CONTRACTS_PER_TRANSACTION = 1_000;

// ------------------------------------------------------------------------------- a fresh database
if (postgres) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name "${name}"`);
  const server = new pg.Client({
    connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
  });
  await server.connect();
  await server.query(`drop database if exists ${name} with (force)`);
  await server.query(`create database ${name}`);
  await server.end();
} else {
  const file = url.replace(/^sqlite:/, '');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

const started = performance.now();
const { app, services, database } = await buildApp({
  databaseUrl: url,
  logLevel: 'silent',
  rateLimit: false,
  sessionTtlHours: 12,
});
await seedDemo(services);
const { db } = services;
await staffLegalReviewEverywhere(services);
console.log(
  `Tier ${tierName} on ${postgres ? 'PostgreSQL' : 'SQLite'}: demo company ready in ${seconds(started)} s`,
);

// ------------------------------------------------------------------------------- the world
const now = services.clock.now();
const today = businessDate(now);
const world = await readDemoWorld(db, today);
await pastDueAsOf(db, today);
const shapes = await readShapes(db, postgres, LOADED);
const setup: DrawSetup = {
  seed: Number(args.seed),
  // Ids count up from 2030 (see random.ts), above the demo's own time-ordered ids, so every insert
  // appends to its primary key; a fixed start keeps them the same for the same seed.
  idsFrom: Date.UTC(2030, 0, 1),
  partners: tier.partners,
  contracts: tier.contracts,
  contractsPerTransaction: CONTRACTS_PER_TRANSACTION,
  now: now.toISOString(),
  world,
  approvals: await readApprovalSetup(db, (trx) => services.org.orgChart(trx), world.entities),
  auditHead: await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow(),
  // buildApp above is given no key, so the chain runs on the development key.
  auditKey: auditKeyOf().secret.toString('hex'),
  shapes,
  postgres,
};
const writer: BatchWriter = postgres
  ? await PostgresCopyWriter.open(url, shapes)
  : new SqliteWriter(db, shapes);
if (!postgres) {
  // SQLite's page cache is 2 MB by default; the indexes outgrow it at once, and every insert then
  // copies pages in from the file. A gigabyte keeps the working set in memory.
  await sql`pragma cache_size = -1000000`.execute(db);
  // A fresh file that is thrown away if the load fails needs neither the write-ahead log (every
  // page written twice, once to the log and once at its checkpoint) nor the fsyncs of each commit,
  // nor a parent lookup per foreign key per row: the keys are checked in one pass at the end
  // (pragma foreign_key_check). All three come back before the checks.
  // Leaving WAL mode needs the file to itself: the app's WAL checkpointer has a connection open,
  // and so do the heavy-read pool's readers once the demo's ledger reads have started them.
  await database.checkpointer?.close();
  await database.heavyReads.release();
  const mode = (await sql<{ journal_mode: string }>`pragma journal_mode = memory`.execute(db)).rows[0];
  if (mode?.journal_mode !== 'memory') console.log(`  (journal mode stays ${mode?.journal_mode})`);
  await sql`pragma synchronous = off`.execute(db);
  await sql`pragma foreign_keys = off`.execute(db);
}
const phases: { phase: string; seconds: number }[] = [];
let phase = performance.now();
const endPhase = (name: string) => {
  phases.push({ phase: name, seconds: (performance.now() - phase) / 1000 });
  phase = performance.now();
};

const suspended = await suspendIndexesAndTriggers(db, postgres, LOADED);
endPhase(`indexes and triggers taken off (${suspended.suspended})`);

// ------------------------------------------------------------------------------- partners, contracts and all they hold
// A worker thread draws the rows (draw.ts) while this one writes the batch before: drawing is
// about half the work, and the two cores then share it.
let drawing = 0;
let waited = 0;
let done = 0;
let asked = performance.now();
for await (const batch of drawnBatches(setup)) {
  waited += (performance.now() - asked) / 1000;
  drawing += batch.seconds;
  await writer.write(batch.tables, batch.auditHead);
  done += batch.contracts;
  if (batch.contracts && (done % 100_000 === 0 || (tierName !== 'L' && done % 20_000 === 0))) {
    console.log(`  ${done} contracts, ${seconds(phase)} s`);
  }
  asked = performance.now();
}
await writer.close();
endPhase('rows drawn and written');

// ------------------------------------------------------------------------------- indexes and derived rows
const indexTimings = await suspended.restore();
endPhase(`indexes and triggers put back (${indexTimings.length})`);
await rebuildDerived(db);
endPhase('rollups, search index and past-due day rebuilt');
if (postgres) {
  // Bulk-loaded pages have no visibility map yet: without it an index-only scan reads the heap.
  await sql`vacuum (analyze)`.execute(db);
} else {
  await refreshPlannerStatistics(db, 'start');
  // The app's settings (dialects/sqlite.ts) for everything after the load, the checks included.
  await sql`pragma journal_mode = wal`.execute(db);
  await sql`pragma synchronous = normal`.execute(db);
  await sql`pragma foreign_keys = on`.execute(db);
}
endPhase(postgres ? 'vacuum and planner statistics' : "planner statistics, the app's journal mode");
const loadSeconds = (performance.now() - started) / 1000;

// ------------------------------------------------------------------------------- report
console.log('');
console.log('table                            rows      write s     rows/s');
let totalRows = 0;
for (const { table, rows, seconds: s } of writer.tables) {
  totalRows += rows;
  console.log(
    `${table.padEnd(24)} ${String(rows).padStart(12)} ${s.toFixed(1).padStart(10)} ${String(Math.round(rows / Math.max(s, 0.001))).padStart(10)}`,
  );
}
console.log(`${'all'.padEnd(24)} ${String(totalRows).padStart(12)}`);
console.log(
  `\ndrawing the rows (worker thread): ${drawing.toFixed(1)} s, of which the writer waited ${waited.toFixed(1)} s`,
);
for (const { phase: name, seconds: s } of phases) console.log(`${name}: ${s.toFixed(1)} s`);
const slowest = [...indexTimings].sort((a, b) => b.seconds - a.seconds).slice(0, 5);
console.log(`slowest index builds: ${slowest.map((t) => `${t.name} ${t.seconds.toFixed(1)} s`).join(', ')}`);
const size = postgres
  ? Number(
      (await sql<{ bytes: string }>`select pg_database_size(current_database()) as bytes`.execute(db)).rows[0]
        .bytes,
    )
  : fs.statSync(url.replace(/^sqlite:/, '')).size;
console.log(
  `\nloaded in ${loadSeconds.toFixed(1)} s (${Math.round(totalRows / loadSeconds)} rows/s overall); database size ${(size / 1024 / 1024).toFixed(0)} MB`,
);

// ------------------------------------------------------------------------------- checks
const failures: string[] = [];
console.log('\nchecks');
const counts: Record<string, number> = {};
for (const table of [...LOADED]) {
  counts[table] = Number(
    (await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0].n,
  );
}
for (const [table, expected] of Object.entries(tier.expected)) {
  const off = Math.abs(counts[table] - expected) / expected;
  const line = `${table}: ${counts[table]} rows, expected about ${expected} (${(off * 100).toFixed(0)}% off)`;
  console.log(`  ${off > 0.2 ? 'FAIL' : 'ok  '} ${line}`);
  if (off > 0.2) failures.push(line);
}
if (!postgres) {
  // The foreign keys the load did not look up row by row (PostgreSQL checked them as it went).
  for (const table of LOADED) {
    const checkStarted = performance.now();
    const broken = Number(
      (await sql<{ n: number }>`select count(*) as n from pragma_foreign_key_check(${table})`.execute(db))
        .rows[0].n,
    );
    const line = `${table} foreign keys: ${broken} row(s) point nowhere (${seconds(checkStarted)} s)`;
    console.log(`  ${broken ? 'FAIL' : 'ok  '} ${line}`);
    if (broken) failures.push(line);
  }
}
for (const result of await consistencyChecks(db, postgres)) {
  const line = `${result.name}: ${result.failures} row(s) disagree (${result.seconds.toFixed(1)} s)`;
  console.log(`  ${result.failures ? 'FAIL' : 'ok  '} ${line}`);
  if (result.failures) failures.push(line);
}
const rollupStarted = performance.now();
const rollupDrift = (
  await services.rollups.check(services.systemContext('bench:data'), { repair: false })
).flatMap((result) => result.drift.map(() => result.table));
const rollupLine = `rollups agree with their sources: ${rollupDrift.length} drifted bucket(s) (${seconds(rollupStarted)} s)`;
console.log(`  ${rollupDrift.length ? 'FAIL' : 'ok  '} ${rollupLine}`);
if (rollupDrift.length) failures.push(rollupLine);
const auditStarted = performance.now();
const audit = await services.audit.verify();
const auditLine = `audit chain verifies: ${audit.checked} entries${audit.ok ? '' : `, broken at ${audit.brokenAt}: ${audit.reason}`} (${seconds(auditStarted)} s)`;
console.log(`  ${audit.ok ? 'ok  ' : 'FAIL'} ${auditLine}`);
if (!audit.ok) failures.push(auditLine);

console.log(failures.length ? `\n${failures.length} check(s) FAILED` : '\nevery check passed');
await app.close();
process.exit(failures.length ? 1 : 0);

/**
 * What the suspended triggers keep on every write, rebuilt once from the loaded rows: each declared
 * rollup (the ledger's, with its overdue sums), the contract search index (SQLite's FTS5 table;
 * PostgreSQL's trigram indexes are plain indexes, put back by restore), and the past-due day, set
 * to the day every stored past-due amount was computed as of (execution.ts), so the ledger reads
 * overdue money from the rollup at once instead of summing plan items until the job first runs.
 */
async function rebuildDerived(db: Db): Promise<void> {
  const rollups = services.loaded.flatMap(({ definition }) => definition.rollups ?? []);
  for (const rollup of rollups) await db.transaction().execute((trx) => rebuildRollup(trx, rollup));
  if (!postgres) await sql`insert into contract_search (contract_search) values ('rebuild')`.execute(db);
  await db
    .updateTable('contract_past_due_day')
    .set({ day: today, computed_day: today, updated_at: now.toISOString() })
    .where('id', '=', 1)
    .execute();
}

/**
 * The demo's contracts as of `today`: the demo seeding leaves the past-due day at its own run, and
 * the generated contracts are computed as of today, so both must agree before the day is set
 * (past-due.repository.ts recomputePastDue; a few demo rows, so one statement).
 */
async function pastDueAsOf(db: Db, day: string): Promise<void> {
  await sql`update contract set past_due_open_amount = coalesce((select sum(i.amount - i.paid_amount)
    from contract_plan_item i where i.contract_id = contract.id and i.due_date < ${day}
    and i.paid_amount < i.amount), 0), past_due_open_items = (select count(*)
    from contract_plan_item i where i.contract_id = contract.id and i.due_date < ${day}
    and i.paid_amount < i.amount)`.execute(db);
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
