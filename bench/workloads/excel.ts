/**
 * W6 the ledger's export and W7 its import, through the HTTP API as bench/excel.ts measures them (its
 * helpers live here, shared with it). W6: the direct streamed download of the ledger (the whole of
 * it, or the largest filter of at most --export-rows rows; a small status in check-only), written to
 * a file as it arrives: time, rows/s, peak RSS growth of the process; the workbook is read back and
 * must hold every row the bare SQL reads. Baseline: the export's own statements replayed bare (what
 * reading the rows costs without building the workbook); no bare route (the workbook is Concord's
 * work). W7: a generated workbook of --import-rows rows (300 in check-only) uploaded and imported
 * by the background job (mode valid, drained in-process as a node's runner would); rows/s. The
 * answer: every row imported, none refused, the rows in the database. Baseline: the job's write
 * transaction of one batch (captured from a first import) replayed bare for as many batches, with
 * fresh ids and numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { Services } from '../../apps/server/src/app.js';
import type { BareSql } from './bare.js';
import { importColumns } from '../../apps/server/src/modules/contracts/index.js';
import { partnerFactories } from '../../apps/server/src/modules/partners/index.js';
import type { Session } from './concord.js';
import { type Bench, median, peakRss, type Report } from './measure.js';
import { Template, transactionOf } from './replay.js';

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Downloads `url` to `file` as it arrives (the client's memory is not the server's): the times and the bytes. */
export async function downloadTo(url: string, headers: Record<string, string>, file: string) {
  const started = performance.now();
  const res = await fetch(url, { headers });
  const headersAt = performance.now() - started;
  if (!res.ok || !res.body) throw new Error(`export: ${res.status} ${await res.text()}`);
  let firstByte = 0;
  let bytes = 0;
  const out = fs.createWriteStream(file);
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (!firstByte) firstByte = performance.now() - started;
    bytes += chunk.byteLength;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return { headers: headersAt, firstByte, total: performance.now() - started, bytes };
}

/** The rows of every sheet of a workbook, read streamed. */
export async function sheetRows(file: string): Promise<number> {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(fs.createReadStream(file), {});
  for await (const sheet of reader) for await (const _ of sheet) rows += 1;
  return rows;
}

/** Runs the job runner's rounds (as a node's runner does every 2 s) until nothing is left. */
export async function drainJobs(services: Services) {
  while ((await services.jobRunner.tick()).ran > 0);
}

/** The partner the generated import rows name (shared with the group), made once. */
export const IMPORT_PARTNER = '导入基准测试供应商有限公司';
export async function ensureImportPartner(services: Services) {
  const existing = await services.db
    .selectFrom('partner')
    .select('id')
    .where('name', '=', IMPORT_PARTNER)
    .executeTakeFirst();
  if (existing) return;
  const grp = await services.db
    .selectFrom('org_entity')
    .select('id')
    .where('code', '=', 'GRP')
    .executeTakeFirstOrThrow();
  await services.partners.create(services.systemContext(), {
    name: IMPORT_PARTNER,
    creditCode: partnerFactories.randomCreditCode(),
    kinds: ['supplier'],
    type: 'enterprise',
    industry: null,
    region: null,
    address: null,
    remarks: null,
    entityId: grp.id,
    sharedWithGroup: true,
  });
}

/**
 * A workbook of `rows` contracts of the group's legal department (wang.fang's: the import template's
 * columns), numbered `${prefix}0000001` on; its size in bytes.
 */
export async function buildImportWorkbook(file: string, rows: number, prefix = 'IMPORT-'): Promise<number> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const sheet = writer.addWorksheet('合同台账');
  sheet.addRow(importColumns.map((c) => c.header)).commit();
  const cell = (n: number, key: string): ExcelJS.CellValue => {
    switch (key) {
      case 'number':
        return `${prefix}${String(n).padStart(7, '0')}`;
      case 'name':
        return `导入基准合同 ${n}`;
      case 'category':
        return 'OTHER';
      case 'partnerName':
        return IMPORT_PARTNER;
      case 'department':
        return 'LEGAL';
      case 'owner':
        return 'wang.fang';
      case 'amount':
        return 1000 + (n % 997) + 0.5;
      case 'taxRate':
        return 6;
      case 'signDate':
        return new Date(Date.UTC(2023, n % 12, 1 + (n % 28)));
      case 'status':
        return '履行中';
      default:
        return null;
    }
  };
  const signDate = importColumns.findIndex((c) => c.key === 'signDate') + 1;
  for (let n = 1; n <= rows; n++) {
    const row = sheet.addRow(importColumns.map((c) => cell(n, c.key)));
    row.getCell(signDate).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  sheet.commit();
  await writer.commit();
  return fs.statSync(file).size;
}

export interface ImportJob {
  status: string;
  report: {
    rows: number;
    imported: number;
    errors: { row: number; column: string; message: string }[];
  } | null;
}

/** Uploads the workbook (mode valid), drains the jobs, and answers with the job and the times. */
export async function importWorkbook(
  base: string,
  headers: Record<string, string>,
  services: Services,
  file: string,
) {
  const started = performance.now();
  const form = new FormData();
  form.append(
    'file',
    new Blob([fs.readFileSync(file)], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
    'import.xlsx',
  );
  const res = await fetch(`${base}/contracts/import?mode=valid`, { method: 'POST', headers, body: form });
  if (!res.ok) throw new Error(`import: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const uploaded = performance.now() - started;
  await drainJobs(services);
  const job = (await (await fetch(`${base}/contracts/import-jobs/${id}`, { headers })).json()) as ImportJob;
  return { uploaded, total: performance.now() - started, job };
}

// ---------------------------------------------------------------------------------------- W6
export async function exportWorkload(bench: Bench, maxRows: number): Promise<void> {
  const { concord, bare, report, options } = bench;
  const gm: Session = await concord.login('zhang.wei');
  const file = path.join(concord.filesDir, 'export.xlsx');
  // The export: the whole ledger, or the largest status / company / both within maxRows (a small one in check-only).
  const counts = await bare.all<{ entity_id: string; status: string; n: number }>(
    'select entity_id, status, count(*) as n from contract group by entity_id, status',
  );
  const filters = new Map<string, number>();
  const add = (query: string, n: number) => filters.set(query, (filters.get(query) ?? 0) + Number(n));
  for (const c of counts) {
    add('', c.n);
    add(`&status=${c.status}`, c.n);
    add(`&entityId=${c.entity_id}`, c.n);
    add(`&entityId=${c.entity_id}&status=${c.status}`, c.n);
  }
  const fitting = [...filters].filter(([, n]) => (options.checkOnly ? n >= 100 && n <= 2000 : n <= maxRows));
  fitting.sort(([, a], [, b]) => (options.checkOnly ? a - b : b - a));
  if (!fitting.length) throw new Error('no export filter of a fitting size');
  const [query, rows] = fitting[0];
  const url = `${concord.base}/contracts/export?sort=-createdAt${query}`;

  // The first export of the process (the heap grows to its working size) also gives the statements.
  const { statements } = await concord.capture(() => downloadTo(url, gm.headers, file));
  const own = statements.filter((s) => !/"iam_session"/.test(s.sql));
  let currencies = 0;
  const bareRead = async () => {
    const ids = new Set<string>();
    const inSet = new Set<string>();
    for (const statement of own) {
      const got = await bare.all<{ id?: string; currency?: string }>(statement.sql, statement.parameters);
      if (!statement.sql.startsWith('select "contract"."id", "contract"."number"')) continue;
      for (const row of got) {
        ids.add(String(row.id));
        inSet.add(String(row.currency));
      }
    }
    currencies = inSet.size;
    return ids.size;
  };
  const expected = `${await bareRead()} rows`;
  const exportRounds: { ms: number; growth: number; answer: string }[] = [];
  const sqlRounds: { ms: number; answer: string }[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const { result, growth } = await peakRss(() => downloadTo(url, gm.headers, file));
    // The workbook's rows: a header, then the contracts, then a totals row per currency.
    const back = (await sheetRows(file)) - 1 - currencies;
    exportRounds.push({ ms: result.total, growth, answer: `${back} rows` });
    const started = performance.now();
    const read = await bareRead();
    sqlRounds.push({ ms: performance.now() - started, answer: `${read} rows` });
  }
  const ms = median(exportRounds.map((r) => r.ms));
  const growth = Math.max(...exportRounds.map((r) => r.growth));
  const name = `W6 export (${rows} rows)`;
  report.add({
    workload: name,
    way: 'concord',
    unit: 'rows',
    perSecond: rows / (ms / 1000),
    p50: ms,
    p99: Math.max(...exportRounds.map((r) => r.ms)),
    answer: answerOf(exportRounds, expected),
    agrees: answerOf(exportRounds, expected) === expected,
    rssGrowth: growth,
    target: { text: '≤ 20 s, RSS ≤ +100 MB', met: ms <= 20_000 && growth <= 100 * 1024 * 1024 },
    note: `peak RSS +${mb(growth)}; rows/s, ms per export`,
  });
  reportSqlBaseline(
    report,
    name,
    rows,
    sqlRounds,
    expected,
    `the export's ${own.length} statements, rows only`,
    ms,
  );
}

// ---------------------------------------------------------------------------------------- W7
export async function importWorkload(bench: Bench, importRows: number): Promise<void> {
  const { concord, bare, report, options } = bench;
  const { services } = concord;
  const legal = await concord.login('wang.fang'); // the group's legal staff: imports into GRP
  await ensureImportPartner(services);
  const run = `IMP${process.pid}${Date.now().toString(36).toUpperCase()}`;
  const file = path.join(concord.filesDir, 'import.xlsx');
  const imported = async (prefix: string) =>
    Number(
      (
        await bare.all<{ n: number }>(bare.sql('select count(*) as n from contract where number like ?'), [
          `${prefix}%`,
        ])
      )[0].n,
    );

  // A first import, its batch transaction captured: the bare baseline replays it.
  const first = Math.min(500, options.checkOnly ? 300 : importRows);
  await buildImportWorkbook(file, first, `${run}-W-`);
  const { result: warm, statements } = await concord.capture(() =>
    importWorkbook(concord.base, legal.headers, services, file),
  );
  if (warm.job.status !== 'done' || warm.job.report?.imported !== first)
    throw new Error(`first import: ${JSON.stringify(warm.job).slice(0, 500)}`);
  const batch = transactionOf(statements, /^insert into "contract" /);
  const numbers = (
    await bare.all<{ number: string }>(
      bare.sql('select number from contract where number like ? order by number'),
      [`${run}-W-%`],
    )
  ).map((r) => r.number);
  const inBatch = numbers.filter((n) => batch.some((s) => s.parameters.includes(n)));
  const template = new Template(batch, inBatch);
  // Every way imports the same number of rows: whole batches.
  const rows = Math.max(
    inBatch.length,
    Math.round((options.checkOnly ? 300 : importRows) / inBatch.length) * inBatch.length,
  );
  const expected = `${rows} rows`;

  const concordRounds: { ms: number; growth: number; answer: string }[] = [];
  const sqlRounds: { ms: number; answer: string }[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const prefix = `${run}-${round}-`;
    await buildImportWorkbook(file, rows, prefix);
    const { result, growth } = await peakRss(() =>
      importWorkbook(concord.base, legal.headers, services, file),
    );
    const job = result.job;
    const done = job.status === 'done' && job.report?.imported === rows && job.report.errors.length === 0;
    const inDb = await imported(prefix);
    concordRounds.push({ ms: result.total, growth, answer: done ? `${inDb} rows` : `${job.status} ${inDb}` });

    const barePrefix = `${run}-${round}B-`;
    const started = performance.now();
    for (let b = 0; b < rows / inBatch.length; b++) {
      await template.replay(
        bare,
        inBatch.map((_, i) => `${barePrefix}${String(b * inBatch.length + i + 1).padStart(7, '0')}`),
      );
    }
    sqlRounds.push({ ms: performance.now() - started, answer: `${await imported(barePrefix)} rows` });
  }
  const ms = median(concordRounds.map((r) => r.ms));
  const name = `W7 import (${rows} rows)`;
  const perSecond = rows / (ms / 1000);
  const growth = Math.max(...concordRounds.map((r) => r.growth));
  report.add({
    workload: name,
    way: 'concord',
    unit: 'rows',
    perSecond,
    p50: ms,
    p99: Math.max(...concordRounds.map((r) => r.ms)),
    answer: answerOf(concordRounds, expected),
    agrees: answerOf(concordRounds, expected) === expected,
    rssGrowth: growth,
    target: { text: '≥ 5,000 rows/s', met: perSecond >= 5000 },
    note: `peak RSS +${mb(growth)}; rows/s, ms per import`,
  });
  reportSqlBaseline(
    report,
    name,
    rows,
    sqlRounds,
    expected,
    `a batch's ${template.statements} statements × ${rows / inBatch.length}`,
    ms,
  );
  const started = performance.now();
  const removed = await removeImported(bare, `${run}-`);
  console.log(
    `${''.padEnd(34)} removed the ${removed} contracts W7 wrote (${Math.round((performance.now() - started) / 1000)} s)`,
  );
}

/**
 * Deletes the contracts numbered `prefix…` and their versions, so that a run on the database in place
 * leaves the register as it found it: the imported rows were the newest, and a workload reading in
 * creation order (the filtered ledger) walked past all of them on the next run. Audit entries stay:
 * the log is append-only.
 */
async function removeImported(bare: BareSql, prefix: string): Promise<number> {
  const ids = (
    await bare.all<{ id: string }>(bare.sql('select id from contract where number like ?'), [`${prefix}%`])
  ).map((row) => row.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const marks = chunk.map(() => '?').join(', ');
    await bare.transaction(
      (function* () {
        yield {
          sql: bare.sql(`delete from contract_version where contract_id in (${marks})`),
          parameters: chunk,
        };
        yield { sql: bare.sql(`delete from contract where id in (${marks})`), parameters: chunk };
      })(),
    );
  }
  return ids.length;
}

/** The bare-SQL row of a rows workload (W6, W7) and the throughput ratio of Concord to it. */
function reportSqlBaseline(
  report: Report,
  name: string,
  rows: number,
  sqlRounds: { ms: number; answer: string }[],
  expected: string,
  note: string,
  concordMs: number,
): void {
  const sqlMs = median(sqlRounds.map((r) => r.ms));
  report.add({
    workload: name,
    way: 'sql',
    unit: 'rows',
    perSecond: rows / (sqlMs / 1000),
    p50: sqlMs,
    p99: Math.max(...sqlRounds.map((r) => r.ms)),
    answer: answerOf(sqlRounds, expected),
    agrees: answerOf(sqlRounds, expected) === expected,
    note,
  });
  console.log(`${''.padEnd(34)} Concord/bare SQL ${(sqlMs / concordMs).toFixed(2)}× (throughput)`);
}

/** A workload's answer over its rounds: the first that differs from the expected one, else that one. */
function answerOf(rounds: { answer: string }[], expected: string): string {
  return rounds.find((r) => r.answer !== expected)?.answer ?? expected;
}
