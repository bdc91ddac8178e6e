/**
 * A cheap request's latency while a large export streams (issue "fast at a million contracts", item 2:
 * one heavy request never stalls the others), on a tier database made by `npm run bench:data`:
 *   npm run bench:export-serving -- --db sqlite:/tmp/concord-L.db
 * Four clients ask, one request after another, for the session (`GET /auth/session`) and the
 * ledger's first page, first alone for a few seconds, then while one client downloads the export of
 * about 100,000 contracts (whole months of sign dates, newest back, until the ledger's rollup counts
 * that many). Prints p50/p99 of both phases, the export's time, first byte and the server's RSS growth.
 * Read-only: the database is not changed. No timing is asserted (see ARCHITECTURE.md).
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { buildApp } from '../apps/server/src/app.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite:/tmp/concord-bench-S.db' },
    rows: { type: 'string', default: '100000' },
    clients: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '5' },
  },
});
const url = args.db as string;
if (!url.startsWith('sqlite:')) throw new Error('pass --db sqlite:<file> (a tier database)');
const file = url.slice('sqlite:'.length);
const wantedRows = Number(args.rows);
const clients = Number(args.clients);
const aloneMs = Number(args.seconds) * 1000;

// Whole months of sign dates back from the newest, until they hold `wantedRows` contracts.
const raw = new Database(file, { readonly: true });
const months = raw
  .prepare(
    `select sign_month as month, sum(row_count) as count from contract_ledger_rollup where sign_month <> '' group by sign_month order by sign_month desc`,
  )
  .all() as { month: string; count: number }[];
raw.close();
let exportRows = 0;
let fromMonth = months[0]?.month;
for (const { month, count } of months) {
  if (exportRows >= wantedRows) break;
  exportRows += count;
  fromMonth = month;
}
if (!fromMonth) throw new Error('no signed contracts in this database');

const { app } = await buildApp({
  databaseUrl: url,
  logLevel: 'silent',
  rateLimit: false,
  sessionTtlHours: 12,
});
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
const login = await fetch(`${base}/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'zhang.wei', password: 'Concord2026' }),
});
if (login.status !== 200) throw new Error(`login: ${login.status}`);
const headers = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] };

const cheap = { session: '/auth/session', 'ledger first page': '/contracts?limit=20' } as const;
type Cheap = keyof typeof cheap;

/** Runs the clients until `until` resolves, each alternating the cheap requests; latencies per request. */
async function serve(until: Promise<unknown>): Promise<Record<Cheap, number[]>> {
  const times: Record<Cheap, number[]> = { session: [], 'ledger first page': [] };
  let done = false;
  void until.then(() => {
    done = true;
  });
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = client; !done; n++) {
        const name = (Object.keys(cheap) as Cheap[])[n % 2];
        const started = performance.now();
        const res = await fetch(`${base}${cheap[name]}`, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
        times[name].push(performance.now() - started);
      }
    }),
  );
  return times;
}

/** Downloads the export, counting bytes; its time, first byte and the server's peak RSS growth. */
async function exportOnce() {
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const res = await fetch(`${base}/contracts/export?sort=-createdAt&signDateFrom=${fromMonth}-01`, {
    headers,
  });
  if (!res.ok || !res.body) throw new Error(`export: ${res.status} ${await res.text()}`);
  let firstByte = 0;
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (!firstByte) firstByte = performance.now() - started;
    bytes += chunk.byteLength;
  }
  clearInterval(sampler);
  return { total: performance.now() - started, firstByte, bytes, rssGrowth: peak - rssBefore };
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

// Warm-up, then the cheap requests alone, then during the export.
await serve(new Promise((resolve) => setTimeout(resolve, 1000)));
const alone = await serve(new Promise((resolve) => setTimeout(resolve, aloneMs)));
const exporting = exportOnce();
const during = await serve(exporting);
const exported = await exporting;

console.log(
  `Export of ${exportRows.toLocaleString()} contracts (signed from ${fromMonth}) while ${clients} clients ask for cheap requests`,
);
console.log(
  `  export: ${(exported.total / 1000).toFixed(1)} s, first byte ${ms(exported.firstByte)}, ${(exported.bytes / 1e6).toFixed(1)} MB, server RSS growth ${(exported.rssGrowth / 1e6).toFixed(0)} MB`,
);
console.log('request                 phase        count      p50      p99');
for (const name of Object.keys(cheap) as Cheap[]) {
  for (const [phase, times] of [
    ['alone', alone[name]],
    ['during export', during[name]],
  ] as const) {
    console.log(
      `${name.padEnd(23)} ${phase.padEnd(13)} ${String(times.length).padStart(6)} ${ms(quantile(times, 0.5)).padStart(9)} ${ms(quantile(times, 0.99)).padStart(9)}`,
    );
  }
}
console.log('target: a cheap request p99 ≤ 100 ms while the export runs');
await app.close();
