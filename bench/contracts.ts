/**
 * Benchmark of the contract ledger at scale: filters, sorts, keyset paging deep into the set and the
 * totals of the filtered set, for the group and for a subsidiary's user.
 *   npm run bench:contracts                       # 100 000 contracts on in-memory SQLite
 *   BENCH_CONTRACTS=20000 npm run bench:contracts
 *   BENCH_DATABASE_URL=postgres://... npm run bench:contracts   (uses a throwaway schema)
 * Prints the median and p95 of each request over repeated runs; no assertions (see ARCHITECTURE.md).
 * The totals are a request of their own now (GET /contracts/totals): `npm run bench` measures them.
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../apps/server/src/app.js';
import { seedDemo } from '../apps/server/src/cli/seed-demo.js';
import { newId, writeJson } from '../apps/server/src/db/index.js';
import { testDatabaseTarget } from '../apps/server/src/testing/dialects.js';
import { ApiClient } from '../apps/server/src/testing/test-app.js';

const contractCount = Number(process.env.BENCH_CONTRACTS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const pgUrl = process.env.BENCH_DATABASE_URL;

if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;
const target = await testDatabaseTarget(pgUrl ? 'postgres' : 'sqlite');
const { app, services } = await buildApp({
  databaseUrl: target.url,
  schema: target.schema,
  logLevel: 'silent',
  rateLimit: false,
  cookieSecure: false,
  sessionTtlHours: 12,
});
await seedDemo(services);
const db = services.db;

console.log(`Generating ${contractCount} contracts on ${pgUrl ? 'PostgreSQL' : 'SQLite'}...`);
const template = await db
  .selectFrom('contract')
  .selectAll()
  .where('status', '=', 'IN_FORCE')
  .executeTakeFirstOrThrow();
const departments = await db.selectFrom('org_department').select(['id', 'entity_id']).execute();
const owners = await db.selectFrom('org_user').select(['id', 'department_id']).execute();
const categories = await db.selectFrom('contract_category').select(['id', 'direction']).execute();
const statuses = [
  'DRAFT',
  'IN_APPROVAL',
  'APPROVED',
  'IN_FORCE',
  'IN_FORCE',
  'IN_FORCE',
  'COMPLETED',
  'TERMINATED',
];
const day = (offset: number) =>
  new Date(Date.UTC(2022, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const generateStart = performance.now();
for (let offset = 0; offset < contractCount; offset += 500) {
  const rows = Array.from({ length: Math.min(500, contractCount - offset) }, (_, i) => {
    const n = offset + i;
    const owner = owners[n % owners.length];
    const department =
      departments.find((d) => d.id === owner.department_id) ?? departments[n % departments.length];
    const category = categories[n % categories.length];
    const status = statuses[n % statuses.length];
    const amount = 1_000_00 + ((n * 7919) % 5_000_000) * 100;
    const signed = ['IN_FORCE', 'COMPLETED', 'TERMINATED'].includes(status);
    const created = new Date(Date.UTC(2022, 0, 1) + n * 60_000).toISOString();
    return {
      ...template,
      id: newId(),
      number: status === 'DRAFT' ? null : `BENCH-${String(n).padStart(7, '0')}`,
      name: `测试合同${n}`,
      category_id: category.id,
      direction: category.direction,
      partner_name: `测试相对方${n % 5000}`,
      partner_bank: template.partner_bank === null ? null : writeJson(template.partner_bank),
      attachments: '[]',
      custom_data: '{}',
      entity_id: department.entity_id,
      department_id: department.id,
      owner_id: owner.id,
      amount,
      tax_amount: Math.round(amount * 0.06),
      signed_amount: signed ? amount : null,
      current_amount: amount,
      sign_date: signed ? day(n % 1400) : null,
      start_date: day(n % 1400),
      end_date: day((n % 1400) + 365),
      status,
      plan_line_id: null,
      instance_id: null,
      pending_change_id: null,
      imported: false,
      created_at: created,
      updated_at: created,
    };
  });
  await db.insertInto('contract').values(rows).execute();
}
console.log(`  generated in ${((performance.now() - generateStart) / 1000).toFixed(1)} s`);

const group = await ApiClient.login(app, 'zhang.wei', 'Concord2026');
const subsidiary = await ApiClient.login(app, 'zhao.lei', 'Concord2026');

async function measure(label: string, client: ApiClient, url: string) {
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await client.get(url);
    times.push(performance.now() - started);
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    count = response.json().items.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.floor(times.length * 0.95)];
  console.log(
    `${label.padEnd(48)} median ${median.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms   (page of ${count})`,
  );
  return median;
}

/** A cursor in the middle of the default order (-createdAt), as the ledger would hand it out. */
const middle = await db
  .selectFrom('contract')
  .select(['id', 'created_at'])
  .orderBy('created_at', 'desc')
  .orderBy('id', 'desc')
  .offset(Math.floor(contractCount / 2))
  .limit(1)
  .executeTakeFirstOrThrow();
const createdAt = new Date(middle.created_at).toISOString();
const deepCursor = Buffer.from(JSON.stringify([createdAt, middle.id])).toString('base64url');

console.log(`\n${runs} runs each:`);
const first = await measure(
  'ledger, first page (group GM, all entities)',
  group,
  '/api/v1/contracts?limit=20',
);
const deep = await measure(
  'ledger, keyset page in the middle',
  group,
  `/api/v1/contracts?limit=20&cursor=${deepCursor}`,
);
await measure('ledger, in force, expense', group, '/api/v1/contracts?status=IN_FORCE&direction=EXPENSE');
await measure('ledger, sorted by -currentAmount', group, '/api/v1/contracts?sort=-currentAmount');
await measure('ledger, search q=相对方12', group, `/api/v1/contracts?q=${encodeURIComponent('相对方12')}`);
await measure('ledger, expiring within 30 days', group, '/api/v1/contracts?expiringWithinDays=30');
await measure(
  'ledger, sign date in 2024',
  group,
  '/api/v1/contracts?signDateFrom=2024-01-01&signDateTo=2024-12-31',
);
await measure('ledger, subsidiary GM (one entity)', subsidiary, '/api/v1/contracts?limit=20');
console.log(`\nratio middle page / first page: ${(deep / first).toFixed(2)}`);

await app.close();
await target.drop();
