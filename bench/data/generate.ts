/**
 * The benchmark data: the demo company, then a tier of contracts with their payment plans and the
 * partners they are signed with, the same rows for the same seed on every machine.
 *   npm run bench:data -- --tier S --db sqlite:/tmp/concord-S.db
 *   npm run bench:data -- --tier M --db postgres://concord:concord@localhost:5432/concord_bench_m
 * The database is created afresh (an SQLite file is replaced; a PostgreSQL database is dropped and
 * created, so the URL's user needs CREATEDB). Prints the load time of each table, the rows per
 * second and the database's size, then checks the ledger's rollup against the contracts.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../../apps/server/src/app.js';
import { seedDemo } from '../../apps/server/src/cli/seed-demo.js';
import { refreshPlannerStatistics } from '../../apps/server/src/db/index.js';
import { contractWithPlan, type GeneratorWorld } from './contracts.js';
import { partnerName, seeded } from './random.js';
import { type TierName, tiers } from './tiers.js';

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
console.log(
  `Tier ${tierName} on ${postgres ? 'PostgreSQL' : 'SQLite'}: demo company ready in ${seconds(started)} s`,
);

// ------------------------------------------------------------------------------- the world
const random = seeded(Number(args.seed));
const template = await db
  .selectFrom('contract')
  .selectAll()
  .where('status', '=', 'IN_FORCE')
  .executeTakeFirstOrThrow();
const partnerTemplate = await db.selectFrom('partner').selectAll().executeTakeFirstOrThrow();
const entities = (await db.selectFrom('org_entity').select(['id', 'parent_id']).orderBy('code').execute())
  // The group's head office holds few contracts; its largest subsidiary first, with 40% of them.
  .sort((a, b) => Number(a.parent_id === null) - Number(b.parent_id === null))
  .map((entity) => entity.id);
const world: GeneratorWorld = {
  template: {
    ...template,
    partner_bank: template.partner_bank === null ? null : JSON.stringify(template.partner_bank),
    attachments: '[]',
    custom_data: '{}',
    body: template.body,
  },
  entities,
  departments: await db.selectFrom('org_department').select(['id', 'entity_id']).execute(),
  owners: await db.selectFrom('org_user').select(['id', 'department_id']).execute(),
  categories: await db.selectFrom('contract_category').select(['id', 'direction']).execute(),
  partners: [],
  today: services.clock.now().toISOString().slice(0, 10),
};

// ------------------------------------------------------------------------------- partners
const BATCH = 400;
const timings: { table: string; rows: number; seconds: number }[] = [];
let phase = performance.now();
for (let offset = 0; offset < tier.partners; offset += BATCH) {
  const rows = Array.from({ length: Math.min(BATCH, tier.partners - offset) }, (_, i) => {
    const partner = { id: random.id(), name: partnerName(random, offset + i) };
    world.partners.push(partner);
    return {
      ...partnerTemplate,
      ...Object.fromEntries(
        Object.entries(partnerTemplate as Record<string, unknown>).map(([key, value]) => [
          key,
          value !== null && typeof value === 'object' && !(value instanceof Date)
            ? JSON.stringify(value)
            : value,
        ]),
      ),
      id: partner.id,
      name: partner.name,
      credit_code: null,
    };
  });
  await db.insertInto('partner').values(rows).execute();
}
timings.push({ table: 'partner', rows: tier.partners, seconds: (performance.now() - phase) / 1000 });

// ------------------------------------------------------------------------------- contracts and plans
phase = performance.now();
let items = 0;
const CONTRACTS_PER_TRANSACTION = 2_000;
for (let offset = 0; offset < tier.contracts; offset += CONTRACTS_PER_TRANSACTION) {
  const generated = Array.from(
    { length: Math.min(CONTRACTS_PER_TRANSACTION, tier.contracts - offset) },
    (_, i) => contractWithPlan(random, world, offset + i + 1),
  );
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < generated.length; start += BATCH) {
      const slice = generated.slice(start, start + BATCH);
      await trx
        .insertInto('contract')
        .values(slice.map((g) => g.contract) as never)
        .execute();
      const planItems = slice.flatMap((g) => g.items);
      items += planItems.length;
      if (planItems.length) await trx.insertInto('contract_plan_item').values(planItems).execute();
    }
  });
  if ((offset / CONTRACTS_PER_TRANSACTION) % 50 === 49) {
    console.log(`  ${offset + generated.length} contracts, ${seconds(phase)} s`);
  }
}
const contractSeconds = (performance.now() - phase) / 1000;
timings.push({
  table: 'contract (with its rollup and search index)',
  rows: tier.contracts,
  seconds: contractSeconds,
});
timings.push({ table: 'contract_plan_item (same transactions)', rows: items, seconds: contractSeconds });

phase = performance.now();
await refreshPlannerStatistics(db, 'start');
timings.push({ table: 'planner statistics', rows: 0, seconds: (performance.now() - phase) / 1000 });

// ------------------------------------------------------------------------------- report and check
console.log('');
console.log('table                                              rows        s     rows/s');
for (const { table, rows, seconds: s } of timings) {
  console.log(
    `${table.padEnd(46)} ${String(rows).padStart(10)} ${s.toFixed(1).padStart(8)} ${
      rows
        ? Math.round(rows / s)
            .toString()
            .padStart(10)
        : ''
    }`,
  );
}
const size = postgres
  ? Number(
      (
        await db
          .selectNoFrom((eb) => eb.fn<number>('pg_database_size', [eb.fn('current_database')]).as('bytes'))
          .executeTakeFirstOrThrow()
      ).bytes,
    )
  : fs.statSync(url.replace(/^sqlite:/, '')).size;
console.log(`\nloaded in ${seconds(started)} s; database size ${(size / 1024 / 1024).toFixed(0)} MB`);
const checks = await services.rollups.check(services.systemContext('bench:data'), { repair: false });
const drift = checks.flatMap((result) => result.drift);
console.log(drift.length ? `ROLLUP DRIFT in ${drift.length} bucket(s)` : 'rollups agree with their sources');
await app.close();
void database;
process.exit(drift.length ? 1 : 0);

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
