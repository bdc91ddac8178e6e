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
import { seedDemo } from '../../apps/server/src/cli/seed-demo.js';
import { type Db, rebuildRollup, refreshPlannerStatistics } from '../../apps/server/src/db/index.js';
import { ContractApprovals } from './approvals.js';
import { AuditChain } from './audit.js';
import { consistencyChecks } from './checks.js';
import { type ContractLife, contractLife } from './contract-life.js';
import { BulkLoader, type Row, suspendIndexesAndTriggers } from './load.js';
import { setLatestInstant } from './payments.js';
import { partnerName, seeded } from './random.js';
import { type TierName, tiers } from './tiers.js';
import { readDemoWorld, staffLegalReviewEverywhere } from './world.js';

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
const { app, services } = await buildApp({
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
setLatestInstant(now);
const random = seeded(Number(args.seed));
const world = await readDemoWorld(db, today);
const approvals = await ContractApprovals.load(db, (trx) => services.org.orgChart(trx), world.entities);
const chain = new AuditChain(
  await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow(),
);
const loader = new BulkLoader(postgres);
if (!postgres) {
  // SQLite's page cache is 2 MB by default; the primary-key B-trees of random ids outgrow it at
  // once, and every insert then copies pages in from the file. A gigabyte keeps them in memory.
  await sql`pragma cache_size = -1000000`.execute(db);
}
const phases: { phase: string; seconds: number }[] = [];
let phase = performance.now();
const endPhase = (name: string) => {
  phases.push({ phase: name, seconds: (performance.now() - phase) / 1000 });
  phase = performance.now();
};

const suspended = await suspendIndexesAndTriggers(db, postgres, LOADED);
endPhase(`indexes and triggers taken off (${suspended.suspended})`);

// ------------------------------------------------------------------------------- partners
for (let offset = 0; offset < tier.partners; offset += 5_000) {
  const rows: Row[] = [];
  for (let i = offset; i < Math.min(offset + 5_000, tier.partners); i++) {
    const partner = { id: random.id(), name: partnerName(random, i), index: i };
    world.partners.push(partner);
    const kind = random.next();
    rows.push({
      ...world.partnerTemplate,
      id: partner.id,
      name: partner.name,
      credit_code: null,
      // Suppliers mostly, a third customers, a few both (the ledger's mix of directions).
      is_customer: kind >= 0.6,
      is_supplier: kind < 0.75,
      blacklisted: false,
      blacklist_reason: null,
      blacklisted_at: null,
    });
  }
  await db.transaction().execute((trx) => loader.insert(trx, 'partner', rows));
}

// ------------------------------------------------------------------------------- contracts and all they hold
let generating = 0;
/** The rows of one transaction's contracts, by table in the order foreign keys need. */
function tableRows(lives: ContractLife[]): [string, Row[]][] {
  const approvals = lives.flatMap((life) => (life.approval ? [life.approval] : []));
  return [
    ['wf_instance', approvals.map((a) => a.instance)],
    ['wf_task', approvals.flatMap((a) => a.tasks)],
    ['wf_cc', approvals.flatMap((a) => a.ccs)],
    ['wf_action_log', approvals.flatMap((a) => a.log)],
    ['contract', lives.map((life) => life.contract)],
    ['contract_plan_item', lives.flatMap((life) => life.items)],
    ['contract_payment', lives.flatMap((life) => life.execution.payments)],
    ['contract_delivery', lives.flatMap((life) => life.execution.deliveries)],
    ['invoice', lives.flatMap((life) => life.execution.invoices)],
    ['invoice_usage', lives.flatMap((life) => life.execution.usages)],
    ['audit_log', lives.flatMap((life) => life.events.map((event) => chain.append(event)))],
  ];
}
// The next transaction's rows are drawn while the database writes the last one (PostgreSQL is
// another process; on SQLite, whose writes are synchronous, the two simply alternate).
let writing: Promise<void> = Promise.resolve();
for (let offset = 0; offset < tier.contracts; offset += CONTRACTS_PER_TRANSACTION) {
  const drawStarted = performance.now();
  const lives = Array.from({ length: Math.min(CONTRACTS_PER_TRANSACTION, tier.contracts - offset) }, (_, i) =>
    contractLife(random, world, approvals, offset + i + 1, now),
  );
  const tables = tableRows(lives);
  const head = chain.head;
  generating += (performance.now() - drawStarted) / 1000;
  await writing;
  writing = db.transaction().execute(async (trx) => {
    for (const [table, rows] of tables) await loader.insert(trx, table, rows);
    // The chain's head moves with its entries, in their transaction (as AuditService.record does).
    await trx.updateTable('audit_head').set({ seq: head.seq, hash: head.hash }).where('id', '=', 1).execute();
  });
  const done = offset + lives.length;
  if (done % 100_000 === 0 || (tierName !== 'L' && done % 20_000 === 0)) {
    console.log(`  ${done} contracts, ${seconds(phase)} s`);
  }
}
await writing;
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
  await sql`pragma wal_checkpoint(truncate)`.execute(db);
}
endPhase(postgres ? 'vacuum and planner statistics' : 'planner statistics and checkpoint');
const loadSeconds = (performance.now() - started) / 1000;

// ------------------------------------------------------------------------------- report
console.log('');
console.log('table                            rows      write s     rows/s');
let totalRows = 0;
for (const { table, rows, seconds: s } of loader.tables) {
  totalRows += rows;
  console.log(
    `${table.padEnd(24)} ${String(rows).padStart(12)} ${s.toFixed(1).padStart(10)} ${String(Math.round(rows / Math.max(s, 0.001))).padStart(10)}`,
  );
}
console.log(`${'all'.padEnd(24)} ${String(totalRows).padStart(12)}`);
console.log(`\ndrawing the rows (JavaScript): ${generating.toFixed(1)} s`);
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
for (const result of await consistencyChecks(db)) {
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

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
