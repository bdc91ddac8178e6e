/**
 * The benchmark workloads at a tier, through Concord's real HTTP API (signed in, with data scope) and,
 * interleaved in the same run, against two baselines: the bare SQL prepared in-process (better-sqlite3,
 * or pg with named statements) and a bare Fastify route answering the same rows.
 *   npm run bench:data -- --tier L --db sqlite:/tmp/concord-L.db      (once)
 *   npm run bench -- --db sqlite:/tmp/concord-L.db --connections 50
 *   npm run bench -- --db postgres://concord:concord@localhost:5432/concord_l --only W3,W4
 *   npm run bench -- --db sqlite:/tmp/concord-S.db --check-only          (CI: answers only)
 * Workloads (bench/workloads/): W1 ledger pages and W2 search (ledger.ts), W3 approvals by 10-50
 * concurrent approvers (approvals.ts), W4 payment requests with idempotency keys (payments.ts), W5
 * dashboard aggregates (dashboard.ts), W6 export and W7 import (excel.ts), W8 a mixed day at a fixed
 * arrival rate (mixed.ts); the reads first, then the writes. A write's bare SQL replays the
 * transaction Concord ran for a sample request, on rows of its own (replay.ts); W6 and W7 have no
 * bare route (the workbook is Concord's work), W8 no baseline. Each round checks its answer (the same
 * on every way), so a fast wrong answer fails the run; a target is printed beside its figure, never
 * asserted. Prints a table (medians of the rounds, p99, the ratio Concord/baseline) and writes it as
 * JSON (beside an SQLite database, else --out or the system's temp directory).
 *
 * The write workloads (W3, W4, W7, W8) create their own data through the API and change the
 * database: they run on a copy (SQLite: a backup to a temp file; PostgreSQL: CREATE DATABASE ...
 * TEMPLATE, which needs no other session on the source), dropped at the end unless --keep.
 * --in-place runs on the database itself (it then keeps the contracts, approvals, payments and
 * imported rows the run made).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { approvalWorkloads } from './workloads/approvals.js';
import { openBare } from './workloads/bare.js';
import { startBareRoute, startConcord } from './workloads/concord.js';
import { advancePastDueDay } from '../apps/server/src/modules/contracts/index.js';
import { businessDate } from '@concord/contracts';
import { dashboardWorkloads } from './workloads/dashboard.js';
import { exportWorkload, importWorkload } from './workloads/excel.js';
import { ledgerWorkloads } from './workloads/ledger.js';
import { type Bench, type Options, Report } from './workloads/measure.js';
import { mixedDay } from './workloads/mixed.js';
import { paymentWorkloads } from './workloads/payments.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite:/tmp/concord-bench-S.db' },
    connections: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    'check-only': { type: 'boolean', default: false },
    /** A comma-separated subset: W1,W2,...,W8. */
    only: { type: 'string' },
    'in-place': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    out: { type: 'string' },
    /** W8: arrivals per second. */
    rate: { type: 'string', default: '50' },
    /** W6: rows exported at most (the whole ledger when smaller). */
    'export-rows': { type: 'string', default: '100000' },
    /** W7: rows imported per round. */
    'import-rows': { type: 'string', default: '50000' },
  },
});
const url = args.db as string;
const sqlite = url.startsWith('sqlite:');
if (!sqlite && !/^postgres(ql)?:\/\//.test(url))
  throw new Error('--db takes sqlite:<file> or postgres://user:password@host:port/database');
const checkOnly = args['check-only'] as boolean;
const options: Options = {
  connections: Number(args.connections),
  roundSeconds: checkOnly ? 0.2 : Number(args.seconds),
  rounds: checkOnly ? 1 : Number(args.rounds),
  checkOnly,
};
const all = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7', 'W8'];
const only = new Set((args.only ?? all.join(',')).split(',').map((w) => w.trim().toUpperCase()));
for (const w of only) if (!all.includes(w)) throw new Error(`--only: unknown workload ${w}`);
const writes = ['W3', 'W4', 'W7', 'W8'].some((w) => only.has(w));

// ------------------------------------------------------------------------------- the database (a copy for writes)
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
let databaseUrl = url;
let dropCopy: (() => Promise<void>) | null = null;
if (writes && !args['in-place']) {
  if (sqlite) {
    const copy = path.join(os.tmpdir(), `concord-bench-${process.pid}.db`);
    const source = new Database(url.replace(/^sqlite:/, ''), { readonly: true, fileMustExist: true });
    await source.backup(copy);
    source.close();
    databaseUrl = `sqlite:${copy}`;
    dropCopy = async () => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${copy}${suffix}`, { force: true });
    };
  } else {
    const target = new URL(url);
    const name = decodeURIComponent(target.pathname.slice(1));
    const copyName = `${name}_bench_${process.pid}`;
    const maintenance = new URL(url);
    maintenance.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: maintenance.toString() });
    await admin.connect();
    try {
      await admin.query(`create database "${copyName}" template "${name}"`);
    } catch (error) {
      throw new Error(
        `could not copy ${name} for the write workloads (${(error as Error).message}); close other sessions on it, or pass --in-place`,
      );
    } finally {
      await admin.end();
    }
    target.pathname = `/${copyName}`;
    databaseUrl = target.toString();
    dropCopy = async () => {
      const client = new pg.Client({ connectionString: maintenance.toString() });
      await client.connect();
      await client.query(`drop database if exists "${copyName}" with (force)`);
      await client.end();
    };
  }
}

// An interrupted run drops its copy too (unless --keep).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // Dropping a PostgreSQL copy ends its sessions: the pools' errors are the end, not news.
    process.on('uncaughtException', () => undefined);
    const drop = dropCopy && !args.keep ? dropCopy() : Promise.resolve();
    void drop.finally(() => process.exit(130));
  });
}

// ------------------------------------------------------------------------------- Concord and the baselines
const concord = await startConcord(databaseUrl);
// A running Concord moves the past-due day minutes after midnight, Beijing time (its hourly job).
// The bench runs no job runner, so it moves the day itself before measuring: a run started past
// midnight would otherwise time every rollup total's fallback, the overdue amount summed from the
// contracts (2.1 s median at tier L) until the job has run.
const pastDueRecomputed = await advancePastDueDay(concord.services.db, businessDate(new Date()));
const bare = openBare(databaseUrl);
const route = await startBareRoute();
const report = new Report(checkOnly);
const bench: Bench = { options, concord, bare, route, report };
const [{ n: total }] = await bare.all<{ n: number }>('select count(*) as n from contract');
console.log(
  `${sqlite ? 'SQLite' : 'PostgreSQL'}, ${Number(total)} contracts${databaseUrl === url ? '' : ' (on a copy)'}; ${options.connections} connections; ${options.rounds} round(s) of ${options.roundSeconds} s per way${checkOnly ? '; answers only' : ''}`,
);
if (pastDueRecomputed) console.log(`past-due day moved to today: ${pastDueRecomputed} contracts recomputed`);
report.header();

const groups: [string[], () => Promise<void>][] = [
  [['W1', 'W2'], () => ledgerWorkloads(bench, { ledger: only.has('W1'), search: only.has('W2') })],
  [['W5'], () => dashboardWorkloads(bench)],
  [['W6'], () => exportWorkload(bench, Number(args['export-rows']))],
  [['W3'], () => approvalWorkloads(bench)],
  [['W4'], () => paymentWorkloads(bench)],
  [['W7'], () => importWorkload(bench, Number(args['import-rows']))],
  [['W8'], () => mixedDay(bench, Number(args.rate))],
];
for (const [names, run] of groups) {
  if (!names.some((w) => only.has(w))) continue;
  try {
    await run();
  } catch (error) {
    report.add({ workload: `${names.join('/')} failed`, way: '', answer: 'error', agrees: false });
    console.error((error as Error).stack ?? error);
  }
}

const output = args.out
  ? // A directory (as --out /some/dir) gets the file's usual name inside it.
    fs.existsSync(args.out) && fs.statSync(args.out).isDirectory()
    ? path.join(args.out, `concord-bench-${stamp}.json`)
    : args.out
  : sqlite
    ? `${url.replace(/^sqlite:/, '')}.bench-${stamp}.json`
    : path.join(os.tmpdir(), `concord-bench-${new URL(url).pathname.slice(1)}-${stamp}.json`);
fs.writeFileSync(
  output,
  JSON.stringify(
    {
      database: url.replace(/:\/\/([^:]+):[^@]+@/, '://$1:***@'),
      copy: databaseUrl !== url,
      contracts: Number(total),
      ...options,
      results: report.rows,
    },
    null,
    2,
  ),
);
console.log(
  `\n${report.wrong ? `${report.wrong} workload(s) answered WRONG` : 'every answer agreed'}; figures in ${output}`,
);
await concord.close();
await route.close();
await bare.close();
if (dropCopy && !args.keep) await dropCopy();
else if (dropCopy)
  console.log(`the copy is kept: ${databaseUrl.replace(/:\/\/([^:]+):[^@]+@/, '://$1:***@')}`);
process.exit(report.wrong ? 1 : 0);
