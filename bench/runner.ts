/**
 * The ledger workloads at a tier, through Concord's real HTTP API and against two baselines, in the
 * same run: the bare SQL prepared in-process, and a bare Fastify route answering the same rows.
 *   npm run bench:data -- --tier L --db sqlite:/tmp/concord-L.db      (once)
 *   npm run bench -- --db sqlite:/tmp/concord-L.db --connections 50
 *   npm run bench -- --db sqlite:/tmp/concord-S.db --check-only          (CI: answers only)
 * Each round checks its answer (the first page's ids hashed, the same on all three), so a fast wrong
 * answer fails the run. Prints a table (medians of the rounds, p99, the ratio Concord/baseline) and
 * writes it as JSON beside the database. No timing is asserted anywhere.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { buildApp } from '../apps/server/src/app.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite:/tmp/concord-bench-S.db' },
    connections: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    'check-only': { type: 'boolean', default: false },
  },
});
const url = args.db as string;
if (!url.startsWith('sqlite:'))
  throw new Error('the runner compares with bare SQLite statements: pass --db sqlite:<file>');
const file = url.replace(/^sqlite:/, '');
const checkOnly = args['check-only'] as boolean;
const connections = Number(args.connections);
const roundSeconds = checkOnly ? 0.2 : Number(args.seconds);
const rounds = checkOnly ? 1 : Number(args.rounds);
const PASSWORD = 'Concord2026';

// ------------------------------------------------------------------------------- Concord
/** Statements Concord runs, captured while `capturing` (the baselines replay a page's own SQL). */
let capturing: { sql: string; parameters: readonly unknown[] }[] | null = null;
const { app } = await buildApp({
  databaseUrl: url,
  logLevel: 'silent',
  rateLimit: false,
  sessionTtlHours: 12,
  onQuery: (sql, parameters) => capturing?.push({ sql, parameters }),
});
await app.listen({ port: 0, host: '127.0.0.1' });
const concordBase = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
const login = await fetch(`${concordBase}/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'zhang.wei', password: PASSWORD }),
});
if (login.status !== 200) throw new Error(`login: ${login.status}`);
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];

// ------------------------------------------------------------------------------- the baselines
const raw = new Database(file, { readonly: true });
const total = (raw.prepare('select count(*) as n from contract').get() as { n: number }).n;
const bigEntity = (
  raw.prepare('select entity_id from contract group by entity_id order by count(*) desc limit 1').get() as {
    entity_id: string;
  }
).entity_id;
/**
 * The page's own statements, as Concord ran them for one request: the ids in order, the rows by id
 * (the names and settings Concord adds are its own cost). Prepared once, run with the same values.
 */
interface PageStatements {
  ids: { statement: Database.Statement; parameters: unknown[] };
  rows: { statement: Database.Statement; parameters: unknown[] };
}
async function capturePage(path: string): Promise<PageStatements> {
  capturing = [];
  await concordPage(path);
  const captured = capturing;
  capturing = null;
  const ids = captured.find((q) => q.sql.startsWith('select "contract"."id" from "contract"'));
  const rows = captured.find((q) => q.sql.startsWith('select "contract"."id", "contract"."number"'));
  if (!ids || !rows) throw new Error(`${path}: the page's statements were not seen`);
  const bind = (q: { sql: string; parameters: readonly unknown[] }) => ({
    statement: raw.prepare(q.sql),
    parameters: q.parameters.map((value) => (typeof value === 'boolean' ? Number(value) : value)),
  });
  return { ids: bind(ids), rows: bind(rows) };
}
function barePage(page: PageStatements) {
  const ids = (page.ids.statement.all(page.ids.parameters) as { id: string }[])
    .map((row) => row.id)
    .slice(0, 20);
  const rows = page.rows.statement.all(page.rows.parameters) as { id: string }[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id));
}
const bare = Fastify({ logger: false });
bare.get('/page', async (request) => {
  return { items: barePage(statements[(request.query as { w: string }).w]) };
});
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareBase = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;

// ------------------------------------------------------------------------------- workloads
/** A cursor after `n` rows of the default order, as the ledger hands it out. */
function cursorAfter(n: number): string | null {
  const row = raw
    .prepare('select id, created_at from contract order by created_at desc, id desc limit 1 offset ?')
    .get([n - 1]) as { id: string; created_at: string } | undefined;
  if (!row) return null;
  return Buffer.from(JSON.stringify([new Date(row.created_at).toISOString(), row.id])).toString('base64url');
}
const page100 = cursorAfter(100 * 20);
const page1000 = cursorAfter(1000 * 20);
/** Each workload: the ledger request Concord answers; the baselines replay its page statements. */
const workloads: Record<string, string> = {
  'W1 first page': '/contracts?limit=20',
  ...(page100 ? { 'W1 page 100 (keyset)': `/contracts?limit=20&cursor=${page100}` } : {}),
  ...(page1000 ? { 'W1 page 1000 (keyset)': `/contracts?limit=20&cursor=${page1000}` } : {}),
  'W1 entity + status + sign dates': `/contracts?limit=20&entityId=${bigEntity}&status=IN_FORCE&signDateFrom=2024-01-01&signDateTo=2025-12-31`,
  'W2 search (a partner name)': `/contracts?limit=20&q=${encodeURIComponent('鼎盛科技有限公司12')}`,
};
const statements: Record<string, PageStatements> = {};
for (const [name, path] of Object.entries(workloads)) statements[name] = await capturePage(path);

// ------------------------------------------------------------------------------- measuring
const hash = (ids: unknown[]) => createHash('sha256').update(JSON.stringify(ids)).digest('hex').slice(0, 12);
interface Round {
  perSecond: number;
  p50: number;
  p99: number;
}
async function loop(request: () => Promise<unknown>): Promise<Round> {
  const latencies: number[] = [];
  const end = performance.now() + roundSeconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      do {
        const start = performance.now();
        await request();
        latencies.push(performance.now() - start);
      } while (performance.now() < end);
    }),
  );
  return summary(latencies, roundSeconds);
}
function summary(latencies: number[], seconds: number): Round {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { perSecond: latencies.length / Math.max(seconds, 0.001), p50: at(0.5), p99: at(0.99) };
}
async function concordPage(path: string): Promise<string[]> {
  const response = await fetch(`${concordBase}${path}`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { items: { id: string }[] }).items.map((row) => row.id);
}
async function barePageOverHttp(name: string): Promise<string[]> {
  const response = await fetch(`${bareBase}/page?w=${encodeURIComponent(name)}`);
  return ((await response.json()) as { items: { id: string }[] }).items.map((row) => row.id);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results: Record<string, unknown>[] = [];
let wrong = 0;
console.log(
  `${total} contracts; ${connections} connections; ${rounds} round(s) of ${roundSeconds} s per way`,
);
console.log('workload                          way            req/s    p50 ms   p99 ms   answer');
for (const [name, path] of Object.entries(workloads)) {
  // The answer first: the same ids from the three ways, or the run fails.
  const expected = hash(barePage(statements[name]).map((row) => row?.id));
  const answers = {
    concord: hash(await concordPage(path)),
    fastify: hash(await barePageOverHttp(name)),
    sql: expected,
  };
  const agree = answers.concord === expected && answers.fastify === expected;
  if (!agree) wrong++;
  // Warm-up, then rounds interleaved so noise falls on all three alike.
  await loop(() => concordPage(path));
  const byWay: Record<'concord' | 'fastify' | 'sql', Round[]> = { concord: [], fastify: [], sql: [] };
  for (let round = 0; round < rounds; round++) {
    byWay.concord.push(await loop(() => concordPage(path)));
    byWay.fastify.push(await loop(() => barePageOverHttp(name)));
    const latencies: number[] = [];
    const end = performance.now() + roundSeconds * 1000;
    do {
      const start = performance.now();
      barePage(statements[name]);
      latencies.push(performance.now() - start);
    } while (performance.now() < end);
    byWay.sql.push(summary(latencies, roundSeconds));
  }
  for (const way of ['concord', 'fastify', 'sql'] as const) {
    const figures = {
      perSecond: median(byWay[way].map((r) => r.perSecond)),
      p50: median(byWay[way].map((r) => r.p50)),
      p99: median(byWay[way].map((r) => r.p99)),
    };
    results.push({
      workload: name,
      way,
      ...figures,
      answer: answers[way],
      agrees: answers[way] === expected,
    });
    console.log(
      `${name.padEnd(33)} ${way.padEnd(9)} ${figures.perSecond.toFixed(0).padStart(10)} ${figures.p50.toFixed(2).padStart(9)} ${figures.p99.toFixed(2).padStart(8)}   ${answers[way]}${answers[way] === expected ? '' : ' WRONG'}`,
    );
  }
  const ratio = (way: 'fastify' | 'sql') =>
    (median(byWay.concord.map((r) => r.perSecond)) / median(byWay[way].map((r) => r.perSecond))).toFixed(2);
  console.log(
    `${''.padEnd(33)} Concord/bare Fastify ${ratio('fastify')}×, Concord/bare SQL ${ratio('sql')}×`,
  );
}

// Totals of the ledger: from the rollup (group, whole months) and summed (an amount filter).
for (const [name, path] of [
  ['W1 totals (rollup)', '/contracts/totals?status=IN_FORCE'],
  ['W1 totals (summed, bounded)', `/contracts/totals?entityId=${bigEntity}&amountMin=400000000`],
] as const) {
  const latencies: number[] = [];
  let source = '';
  for (let i = 0; i < (checkOnly ? 1 : 20); i++) {
    const start = performance.now();
    const response = await fetch(`${concordBase}${path}`, { headers: { cookie } });
    const body = (await response.json()) as { source: string; count: number };
    latencies.push(performance.now() - start);
    source = `${body.source} ${body.count}`;
  }
  const figures = summary(latencies, 1);
  results.push({ workload: name, way: 'concord', p50: figures.p50, p99: figures.p99, answer: source });
  console.log(
    `${name.padEnd(33)} concord   ${''.padStart(10)} ${figures.p50.toFixed(2).padStart(9)} ${figures.p99.toFixed(2).padStart(8)}   ${source}`,
  );
}

const output = `${file}.bench-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.json`;
fs.writeFileSync(
  output,
  JSON.stringify({ database: url, contracts: total, connections, rounds, results }, null, 2),
);
console.log(
  `\n${wrong ? `${wrong} workload(s) answered WRONG` : 'every answer agreed'}; figures in ${output}`,
);
await app.close();
await bare.close();
raw.close();
process.exit(wrong ? 1 : 0);
