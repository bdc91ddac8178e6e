/**
 * Benchmarks of the foundation's hot lists: the user list and the audit log at scale.
 *   npm run bench                    # 100 000 users on in-memory SQLite
 *   BENCH_USERS=20000 npm run bench
 *   BENCH_DATABASE_URL=postgres://... npm run bench   (uses a throwaway schema)
 * Prints the median and p95 of each request over repeated runs; no assertions (see ARCHITECTURE.md).
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../apps/server/src/app.js';
import { seedDemo } from '../apps/server/src/cli/seed-demo.js';
import { newId } from '../apps/server/src/db/index.js';
import { testDatabaseTarget } from '../apps/server/src/testing/dialects.js';
import { ApiClient } from '../apps/server/src/testing/test-app.js';

const userCount = Number(process.env.BENCH_USERS ?? 100_000);
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

console.log(`Generating ${userCount} users on ${pgUrl ? 'PostgreSQL' : 'SQLite'}...`);
const departments = await services.db.selectFrom('org_department').select(['id', 'entity_id']).execute();
const generateStart = performance.now();
for (let offset = 0; offset < userCount; offset += 1000) {
  const now = services.clock.now().toISOString();
  const rows = Array.from({ length: Math.min(1000, userCount - offset) }, (_, i) => {
    const department = departments[(offset + i) % departments.length];
    return {
      id: newId(),
      username: `bench${offset + i}`,
      display_name: `测试用户${offset + i}`,
      email: `bench${offset + i}@example.com`,
      phone: null,
      entity_id: department.entity_id,
      department_id: department.id,
      position_id: null,
      active: (offset + i) % 10 !== 0,
      locale: 'zh-CN',
      last_login_at: null,
      created_at: now,
      updated_at: now,
    };
  });
  await services.db.insertInto('org_user').values(rows).execute();
}
console.log(`  generated in ${((performance.now() - generateStart) / 1000).toFixed(1)} s`);

const admin = await ApiClient.login(app, 'admin', 'Concord2026');
const deptHead = await ApiClient.login(app, 'zhou.qiang', 'Concord2026');

async function measure(label: string, client: ApiClient, url: string) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await client.get(url);
    times.push(performance.now() - started);
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    total = response.json().total;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.floor(times.length * 0.95)];
  console.log(
    `${label.padEnd(44)} median ${median.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms   (total ${total})`,
  );
  return median;
}

console.log(`\n${runs} runs each:`);
const first = await measure('users, page 1 (admin, all)', admin, '/api/v1/org/users?page=1&pageSize=20');
await measure('users, page 500', admin, '/api/v1/org/users?page=500&pageSize=20');
await measure('users, sorted by -createdAt', admin, '/api/v1/org/users?sort=-createdAt');
await measure('users, search q=用户99', admin, `/api/v1/org/users?q=${encodeURIComponent('用户99')}`);
await measure('users, active only', admin, '/api/v1/org/users?active=true');
await measure('users, department head scope', deptHead, '/api/v1/org/users');
const audit = await measure('audit log, page 1', admin, '/api/v1/audit?pageSize=50');
console.log(`\nratio users page 1 / audit page 1: ${(first / audit).toFixed(2)}`);

await app.close();
await target.drop();
