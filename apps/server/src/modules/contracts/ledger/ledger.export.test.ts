/**
 * The ledger's export above the direct-download size: a background job streaming the same workbook
 * into a stored file of the requester's alone, with its progress, audited; below it the direct
 * download stays.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../../../db/index.js';
import { describeEachDialect } from '../../../testing/test-app.js';
import { expectProblem } from '../contracts.testing.js';
import { type LedgerWorld, ledgerWorld } from './ledger.testing.js';

const sheetRows = async (bytes: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const sheet = workbook.worksheets[0];
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row) => {
    rows.push(row);
  });
  return { sheet, rows };
};

describeEachDialect('contract ledger export job', (t) => {
  let world: LedgerWorld;
  beforeAll(async () => {
    world = await ledgerWorld(t());
  });
  const runJobs = async () => {
    for (let round = 0; round < 10; round++) if ((await t().services.jobRunner.tick()).ran === 0) return;
  };

  it('answers a direct download for a set under the threshold (the count is capped, not a scan)', async () => {
    const { group, token, f } = world;
    const res = await group.post('/api/v1/contracts/export-jobs', { q: token, entityId: f.cons.entityId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ mode: 'direct', rows: 22 });
    const bad = await group.post('/api/v1/contracts/export-jobs', { q: token, amountMin: 'lots' });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expectProblem(await group.post('/api/v1/contracts/export-jobs', { nope: 'x' }), 400, 'VALIDATION_FAILED');
  });

  describe('above the threshold', () => {
    let jobId: string;
    beforeAll(async () => {
      const { group, token } = world;
      const { services } = t();
      const ctx = await group.context(services);
      // The threshold lowered to 5 rows for the test: the 26 rows of the token become a job.
      const started = await services.contractLedgerExports.start(
        ctx,
        { q: token, sort: '-currentAmount' },
        5,
      );
      if (started.mode !== 'job') throw new Error(`expected a job, got ${JSON.stringify(started)}`);
      expect(started.job).toMatchObject({ status: 'queued', done: 0, total: null, file: null, error: null });
      jobId = started.job.id;
    });

    it('streams the workbook into a stored file, counting rows done of the total, for the requester', async () => {
      const { group, token } = world;
      await runJobs();
      const res = await group.get(`/api/v1/contracts/export-jobs/${jobId}`);
      expect(res.statusCode, res.body).toBe(200);
      const job = res.json();
      expect(job).toMatchObject({ id: jobId, status: 'done', done: 26, total: 26, error: null });
      expect(job.file).toMatchObject({ ownerId: group.session.user.id });
      expect(job.file.name).toMatch(/^合同台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
      expect(job.finishedAt).not.toBeNull();

      const download = await group.get(`/api/v1/files/${job.file.id}/content`);
      expect(download.statusCode).toBe(200);
      const direct = await group.get(`/api/v1/contracts/export?q=${token}&sort=-currentAmount`);
      const [fromJob, fromDirect] = await Promise.all([
        sheetRows(download.rawPayload),
        sheetRows(direct.rawPayload),
      ]);
      // The same workbook as the direct download: header, 26 contracts in order, the totals row.
      expect(fromJob.rows).toHaveLength(1 + 26 + 1);
      expect(fromJob.rows.map((r) => r.values)).toEqual(fromDirect.rows.map((r) => r.values));
      const signed = fromJob.rows.find((r, i) => i > 0 && r.getCell(16).value instanceof Date)!;
      expect(signed.getCell(16).numFmt).toBe('yyyy-mm-dd');
      expect(signed.getCell(11).numFmt).toBe('#,##0.00');
    });

    it('is nobody else’s: another user with contract.export gets 404 for the job and its file', async () => {
      const { consGm, staff } = world;
      const job = (await world.group.get(`/api/v1/contracts/export-jobs/${jobId}`)).json();
      expectProblem(await consGm.get(`/api/v1/contracts/export-jobs/${jobId}`), 404, 'NOT_FOUND');
      expect((await consGm.get(`/api/v1/files/${job.file.id}/content`)).statusCode).toBe(404);
      const admin = await t().login('admin');
      expect((await admin.get(`/api/v1/files/${job.file.id}`)).statusCode).toBe(404);
      expectProblem(await staff.get(`/api/v1/contracts/export-jobs/${jobId}`), 403, 'FORBIDDEN');
      expectProblem(await consGm.get('/api/v1/contracts/export-jobs/not-an-id'), 400, 'VALIDATION_FAILED');
    });

    it('audits the start with its filters and the stored workbook, as the requester', async () => {
      const { group, token } = world;
      const job = (await group.get(`/api/v1/contracts/export-jobs/${jobId}`)).json();
      const entries = await t()
        .services.db.selectFrom('audit_log')
        .select(['entity_type', 'entity_id', 'action', 'actor_id'])
        .where('entity_id', 'in', [jobId, job.file.id])
        .orderBy('entity_type')
        .execute();
      expect(entries).toEqual([
        { entity_type: 'file', entity_id: job.file.id, action: 'create', actor_id: group.session.user.id },
        { entity_type: 'job', entity_id: jobId, action: 'start', actor_id: group.session.user.id },
      ]);
      const start = await t()
        .services.db.selectFrom('audit_log')
        .select('changes')
        .where('entity_id', '=', jobId)
        .executeTakeFirstOrThrow();
      const changes = readJson<{ field: string; new: unknown }[]>(start.changes, []);
      expect(Object.fromEntries(changes.map((c) => [c.field, c.new]))).toEqual({
        type: 'contracts.ledger.export',
        query: `q=${token}&sort=-currentAmount`,
        rows: 6,
      });
    });
  });

  it('needs contract.export to start', async () => {
    expectProblem(
      await world.staff.post('/api/v1/contracts/export-jobs', { q: world.token }),
      403,
      'FORBIDDEN',
    );
  });
});
