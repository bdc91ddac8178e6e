import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { multipartBody } from '../../../platform/files/files.testing.js';
import { describeEachDialect } from '../../../testing/test-app.js';
import { partnerFactories } from '../../partners/index.js';
import { fetchPageWithTotals } from './ledger.testing.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A company's ledger whose columns the import cannot name by itself (协议编号, 协议名称), under
 * `titles` title rows: mapped by hand once, then the same header maps itself.
 */
async function ledgerFile(titles: string[], rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('台账');
  for (const title of titles) sheet.addRow([title]);
  sheet.addRow([
    '协议编号',
    '协议名称',
    '合同类型',
    '对方单位',
    '签约金额',
    '税率',
    '签约日期',
    '经办部门',
    '经办人',
  ]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describeEachDialect('contract import: the mapping step', (t) => {
  const inspect = async (username: string, file: Buffer) => {
    const client = await t().login(username);
    const body = multipartBody('公司台账.xlsx', XLSX, file);
    return client.request({
      method: 'POST',
      url: '/api/v1/contracts/import/inspect',
      payload: body.payload,
      headers: body.headers,
    });
  };
  const runJobs = async () => {
    for (let round = 0; round < 10; round++) if ((await t().services.jobRunner.tick()).ran === 0) return;
  };
  /** Starts a run of a stored file and returns the finished job as the user sees it. */
  const run = async (username: string, body: Record<string, unknown>) => {
    const client = await t().login(username);
    const start = await client.post('/api/v1/contracts/import/runs', body);
    expect(start.statusCode, start.body).toBe(200);
    await runJobs();
    const job = (await client.get(`/api/v1/contracts/import-jobs/${start.json().id}`)).json();
    expect(job.status, JSON.stringify(job)).toBe('done');
    return job.report;
  };
  const partner = async () => {
    const name = `映射测试客户${Math.random().toString(36).slice(2, 8)}`;
    await t().services.partners.create(t().services.systemContext(), {
      name,
      creditCode: partnerFactories.randomCreditCode(),
      kinds: ['customer'],
      type: 'enterprise',
      industry: null,
      region: null,
      address: null,
      remarks: null,
      entityId: (await t().given.entityByCode('GRP')).id,
      sharedWithGroup: true,
    });
    return name;
  };
  // The columns as the user maps them: A number, B name, C category ... I owner.
  const mapping = [
    { field: 'number', column: 0 },
    { field: 'name', column: 1 },
    { field: 'category', column: 2 },
    { field: 'partnerName', column: 3 },
    { field: 'amount', column: 4 },
    { field: 'taxRate', column: 5 },
    { field: 'signDate', column: 6 },
    { field: 'department', column: 7 },
    { field: 'owner', column: 8 },
  ];

  it('shows the first rows and the columns it can name, takes the mapping the user completes, and the next file maps itself', async () => {
    const customer = await partner();
    const rows = [
      ['MAP-001', '仓库租赁', 'OTHER', customer, '1,200.50', '6%', '2024-02-01', 'LEGAL', 'wang.fang'],
      ['MAP-002', '设备维保', 'OTHER', customer, '12.3万', '13%', '2024/3/5', '法务部', '王芳'],
    ];
    const file = await ledgerFile(['某某公司 2024 年合同台账', '单位：元'], rows);

    // Without a mapping the file is refused whole: its header lacks 合同编号 and 合同名称.
    const client = await t().login('wang.fang');
    const direct = multipartBody('公司台账.xlsx', XLSX, file);
    const refused = await client.request({
      method: 'POST',
      url: '/api/v1/contracts/import?mode=all',
      payload: direct.payload,
      headers: direct.headers,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toContain('合同编号');

    const inspected = await inspect('wang.fang', file);
    expect(inspected.statusCode, inspected.body).toBe(200);
    const view = inspected.json();
    expect(view).toMatchObject({ fileName: '公司台账.xlsx', headerRow: 3, mappingSource: 'matched' });
    expect(view.preview.map((r: { row: number }) => r.row)).toEqual([1, 2, 3, 4, 5]);
    expect(view.preview[2].cells.slice(0, 3)).toEqual(['协议编号', '协议名称', '合同类型']);
    expect(view.preview[4].cells[4]).toBe('12.3万');
    // The columns the names find; 协议编号 and 协议名称 are left to the user.
    expect(view.mapping).toEqual(mapping.slice(2));
    expect(view.fields.find((f: { key: string }) => f.key === 'number')).toMatchObject({
      label: '合同编号',
      required: true,
    });
    expect(view.suggestions.find((s: { row: number }) => s.row === 3).mapping).toEqual(mapping.slice(2));

    // A layout lacking required fields, or giving one column twice, is refused by name.
    const wang = await t().login('wang.fang');
    const incomplete = await wang.post('/api/v1/contracts/import/runs', {
      fileId: view.fileId,
      mode: 'check',
      layout: { headerRow: 3, mapping: view.mapping },
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().detail).toContain('请为以下字段指定文件中的列：合同编号、合同名称');
    const twice = await wang.post('/api/v1/contracts/import/runs', {
      fileId: view.fileId,
      mode: 'check',
      layout: { headerRow: 3, mapping: [...mapping.slice(1), { field: 'number', column: 1 }] },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().detail).toContain('第 B 列不能同时对应“合同名称”和“合同编号”');
    const unknownField = await wang.post('/api/v1/contracts/import/runs', {
      fileId: view.fileId,
      mode: 'check',
      layout: { headerRow: 3, mapping: [{ field: 'price', column: 0 }] },
    });
    expect(unknownField.statusCode).toBe(400);

    // The dry run reads every row by the mapping and writes nothing.
    const layout = { headerRow: 3, mapping };
    const dry = await run('wang.fang', { fileId: view.fileId, mode: 'check', layout });
    expect(dry).toMatchObject({ rows: 2, valid: 2, imported: 0, dryRun: true, errors: [], warnings: [] });
    const none = await fetchPageWithTotals(wang, 'q=MAP-&limit=50');
    expect(none.totals.count).toBe(0);
    // Nobody else may run the file (it is the uploader's alone).
    const li = await t().login('li.na');
    const foreign = await li.post('/api/v1/contracts/import/runs', { fileId: view.fileId, mode: 'check' });
    expect(foreign.statusCode).toBeGreaterThanOrEqual(403);
    expect(foreign.statusCode).toBeLessThan(500);

    const done = await run('wang.fang', { fileId: view.fileId, mode: 'all', layout });
    expect(done).toMatchObject({ rows: 2, valid: 2, imported: 2, committed: true, errors: [] });
    const page = await fetchPageWithTotals(wang, 'q=MAP-&limit=50&sort=number');
    expect(page.items.map((r: Record<string, unknown>) => [r.number, r.name, r.amount, r.taxRate])).toEqual([
      ['MAP-001', '仓库租赁', 120_050, 600],
      ['MAP-002', '设备维保', 12_300_000, 1300],
    ]);
    // The mapping is saved for this header, audited as the user's.
    const saved = await t()
      .services.db.selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'import_mapping')
      .execute();
    expect(saved.map((a) => a.action)).toEqual(['create']);
    expect(JSON.stringify(saved[0].changes)).toContain('合同编号 ← A');

    // Next month's file, with one title row more: its header is found and maps itself.
    const next = await ledgerFile(
      ['某某公司 2024 年合同台账', '第二季度', '单位：元'],
      [['MAP-003', '保洁服务', 'OTHER', customer, 800, '6%', '2024-04-01', 'LEGAL', 'wang.fang']],
    );
    const again = (await inspect('wang.fang', next)).json();
    expect(again).toMatchObject({ headerRow: 4, mappingSource: 'saved', mapping });
    expect(
      await run('wang.fang', { fileId: again.fileId, mode: 'all', layout: { headerRow: 4, mapping } }),
    ).toMatchObject({
      imported: 1,
    });
    // Saved again unchanged: no second audit entry.
    const entries = await t()
      .services.db.selectFrom('audit_log')
      .select('seq')
      .where('entity_type', '=', 'import_mapping')
      .execute();
    expect(entries).toHaveLength(1);
  });

  describe('refuses what it cannot read', () => {
    it('a file that is no workbook, and a request without a file', async () => {
      const bad = await inspect('wang.fang', Buffer.from('not a workbook'));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().detail).toContain('.xlsx');
      const wang = await t().login('wang.fang');
      const noFile = await wang.post('/api/v1/contracts/import/inspect', {});
      expect(noFile.statusCode).toBeGreaterThanOrEqual(400);
      expect(noFile.statusCode).toBeLessThan(500);
    });

    it('a run of a file that does not exist, and one without the import permission', async () => {
      const wang = await t().login('wang.fang');
      const missing = await wang.post('/api/v1/contracts/import/runs', {
        fileId: '01900000-0000-7000-8000-000000000000',
        mode: 'check',
      });
      expect(missing.statusCode).toBe(404);
      const zhang = await t().login('zhang.wei');
      const denied = await inspect('zhang.wei', await ledgerFile([], []));
      expect(denied.statusCode).toBe(403);
      const runDenied = await zhang.post('/api/v1/contracts/import/runs', {
        fileId: '01900000-0000-7000-8000-000000000000',
        mode: 'check',
      });
      expect(runDenied.statusCode).toBe(403);
    });
  });
});
