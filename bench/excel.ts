/**
 * Excel both ways at scale, through the HTTP API on a real port over an SQLite file:
 *   npm run bench:excel                                   # 100 000 contracts out, 50 000 rows in
 *   npm run bench:excel -- --rows 20000 --import 5000 --db sqlite:/tmp/concord-excel.db
 * Export: the direct streamed download of the whole ledger (time to the response's headers, to
 * its first body byte and to its end, the bytes, the peak RSS growth: for the first export of the
 * process, while the heap grows to its working size, and for the same export again), then the
 * same set as a background job (time until its file is stored). Import: a generated workbook of `--import` rows
 * uploaded and imported by the background job (mode valid), rows per second and RSS growth.
 * The database file is created afresh. No assertions beyond sanity checks (see ARCHITECTURE.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { CONTRACT_EXPORT_JOB_THRESHOLD } from '@concord/contracts';
import { buildApp } from '../apps/server/src/app.js';
import { DEMO_PASSWORD } from '../apps/server/src/cli/demo-data.js';
import { seedDemo } from '../apps/server/src/cli/seed-demo.js';
import { newId, refreshPlannerStatistics, writeJson } from '../apps/server/src/db/index.js';
import {
  buildImportWorkbook,
  downloadTo,
  drainJobs,
  ensureImportPartner,
  importWorkbook,
  mb,
  sheetRows,
} from './workloads/excel.js';
import { peakRss } from './workloads/measure.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite:/tmp/concord-bench-excel.db' },
    rows: { type: 'string', default: '100000' },
    import: { type: 'string', default: '50000' },
  },
});
const exportRows = Number(args.rows);
const importRows = Number(args.import);
const databaseUrl = args.db ?? 'sqlite:/tmp/concord-bench-excel.db';
if (!databaseUrl.startsWith('sqlite:')) throw new Error('--db must be an SQLite file (sqlite:/path)');
const file = databaseUrl.replace(/^sqlite:/, '');
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-bench-excel-files-'));
const exportFile = path.join(filesDir, 'export.xlsx');

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

console.log(`Database ${file}: demo company and ${exportRows.toLocaleString()} contracts...`);
const { app, services } = await buildApp({
  databaseUrl,
  filesDir,
  logLevel: 'silent',
  rateLimit: false,
  cookieSecure: false,
  sessionTtlHours: 12,
});
await seedDemo(services);
const db = services.db;

// ---------------------------------------------------------------- contracts, in bulk
const generated = performance.now();
const template = await db
  .selectFrom('contract')
  .selectAll()
  .where('status', '=', 'IN_FORCE')
  .executeTakeFirstOrThrow();
const departments = await db.selectFrom('org_department').select(['id', 'entity_id']).execute();
const owners = await db.selectFrom('org_user').select(['id', 'department_id']).execute();
const categories = await db.selectFrom('contract_category').select(['id', 'direction']).execute();
const statuses = ['DRAFT', 'APPROVED', 'IN_FORCE', 'IN_FORCE', 'IN_FORCE', 'COMPLETED', 'TERMINATED'];
const day = (offset: number) =>
  new Date(Date.UTC(2021, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
for (let offset = 0; offset < exportRows; offset += 500) {
  const rows = Array.from({ length: Math.min(500, exportRows - offset) }, (_, i) => {
    const n = offset + i;
    const owner = owners[n % owners.length];
    const department =
      departments.find((d) => d.id === owner.department_id) ?? departments[n % departments.length];
    const category = categories[n % categories.length];
    const status = statuses[n % statuses.length];
    const amount = 100_000 + ((n * 7919) % 5_000_000) * 100;
    const signed = ['IN_FORCE', 'COMPLETED', 'TERMINATED'].includes(status);
    const created = new Date(Date.UTC(2021, 0, 1) + n * 60_000).toISOString();
    return {
      ...template,
      id: newId(),
      number: status === 'DRAFT' ? null : `XL-${String(n).padStart(7, '0')}`,
      name: `导出测试合同${n}`,
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
      sign_date: signed ? day(n % 1800) : null,
      start_date: day(n % 1800),
      end_date: day((n % 1800) + 365),
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
await refreshPlannerStatistics(db, 'start');
console.log(`  generated in ${seconds(performance.now() - generated)}`);

// ---------------------------------------------------------------- over HTTP, on a real port
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no port');
const base = `http://127.0.0.1:${address.port}/api/v1`;

async function login(username: string) {
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}
const group = await login('zhang.wei'); // group GM: every contract
const wang = await login('wang.fang'); // the group's legal staff: imports into GRP

console.log(`\nExport of ${exportRows.toLocaleString()} contracts (direct streamed download):`);
const downloadOnce = () => downloadTo(`${base}/contracts/export?sort=-createdAt`, group, exportFile);
const direct = await peakRss(downloadOnce);
// Again in the same process: the heap has grown to its working size, what is left is the export's own.
const again = await peakRss(downloadOnce);
// Sanity: the workbook reads back with every contract, a header and a totals row per currency.
const rowsBack = await sheetRows(exportFile);
console.log(`  headers        ${seconds(direct.result.headers)}`);
console.log(`  first byte     ${seconds(direct.result.firstByte)}`);
console.log(
  `  whole file     ${seconds(direct.result.total)}  (${mb(direct.result.bytes)}, ${rowsBack - 1} rows read back)`,
);
console.log(`  rows/s         ${Math.round(exportRows / (direct.result.total / 1000)).toLocaleString()}`);
console.log(
  `  peak RSS growth ${mb(direct.growth)} (first export of the process), ${mb(again.growth)} (the same again, ${seconds(again.result.total)}, first byte ${seconds(again.result.firstByte)})`,
);

if (exportRows > CONTRACT_EXPORT_JOB_THRESHOLD) {
  console.log('\nThe same export as a background job:');
  const background = await peakRss(async () => {
    const started = performance.now();
    const res = await fetch(`${base}/contracts/export-jobs`, {
      method: 'POST',
      headers: { ...group, 'content-type': 'application/json' },
      body: JSON.stringify({ sort: '-createdAt' }),
    });
    const start = (await res.json()) as { mode: string; job?: { id: string } };
    if (start.mode !== 'job' || !start.job) throw new Error(`expected a job: ${JSON.stringify(start)}`);
    const answered = performance.now() - started;
    await drainJobs(services);
    const job = (await (
      await fetch(`${base}/contracts/export-jobs/${start.job.id}`, { headers: group })
    ).json()) as {
      status: string;
      done: number;
      total: number;
      file: { size: number } | null;
    };
    if (job.status !== 'done' || !job.file) throw new Error(`export job: ${JSON.stringify(job)}`);
    return { answered, total: performance.now() - started, job };
  });
  console.log(`  started (count capped at the threshold) ${seconds(background.result.answered)}`);
  console.log(
    `  file stored    ${seconds(background.result.total)}  (${background.result.job.done.toLocaleString()} of ${background.result.job.total.toLocaleString()} rows, ${mb(background.result.job.file!.size)})`,
  );
  console.log(`  peak RSS growth ${mb(background.growth)}`);
}

// ---------------------------------------------------------------- import
console.log(`\nImport of ${importRows.toLocaleString()} rows (background job, mode valid):`);
await ensureImportPartner(services);
const built = performance.now();
const workbookFile = path.join(filesDir, 'import.xlsx');
await buildImportWorkbook(workbookFile, importRows);
const size = fs.statSync(workbookFile).size;
console.log(`  workbook built in ${seconds(performance.now() - built)} (${mb(size)})`);

const imported = await peakRss(() => importWorkbook(base, wang, services, workbookFile));
const report = imported.result.job.report;
if (imported.result.job.status !== 'done' || !report)
  throw new Error(`import job: ${JSON.stringify(imported.result.job)}`);
console.log(`  uploaded and checked to its first row ${seconds(imported.result.uploaded)}`);
console.log(
  `  imported       ${seconds(imported.result.total)}  (${report.imported.toLocaleString()} of ${report.rows.toLocaleString()} rows, ${report.errors.length} problems)`,
);
console.log(
  `  rows/s         ${Math.round(report.imported / (imported.result.total / 1000)).toLocaleString()}`,
);
console.log(`  peak RSS growth ${mb(imported.growth)}`);
if (report.errors.length) console.log('  problems (first 5):', report.errors.slice(0, 5));

await app.close();
fs.rmSync(filesDir, { recursive: true, force: true });
