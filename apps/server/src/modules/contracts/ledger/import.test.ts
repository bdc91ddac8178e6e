import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fetchPageWithTotals } from './ledger.testing.js';
import { multipartBody } from '../../../platform/files/files.testing.js';
import { describeEachDialect } from '../../../testing/test-app.js';
import { partnerFactories } from '../../partners/index.js';
import { type Cells, workbook } from './import.testing.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const creditCode = partnerFactories.randomCreditCode;
type Mode = 'check' | 'all' | 'valid';
/** A report's fields besides its counts and errors, as an import with nothing to confirm has them. */
const clean = { dryRun: false, warnings: [], warningsAccepted: false, newPartners: [] };

describeEachDialect('contract import', (t) => {
  /** Uploads a workbook: the answer starts the import job (or refuses the file at once). */
  const post = async (
    username: string,
    file: Buffer,
    mode: Mode,
    acceptWarnings = false,
    createPartners = false,
  ) => {
    const client = await t().login(username);
    const body = multipartBody('ledger.xlsx', XLSX, file);
    const options = `${acceptWarnings ? '&acceptWarnings=true' : ''}${createPartners ? '&createPartners=true' : ''}`;
    return client.request({
      method: 'POST',
      url: `/api/v1/contracts/import?mode=${mode}${options}`,
      payload: body.payload,
      headers: body.headers,
    });
  };
  const runJobs = async () => {
    for (let round = 0; round < 10; round++) if ((await t().services.jobRunner.tick()).ran === 0) return;
  };
  /** Uploads, runs the job, and returns the finished job (its progress and its report) as the uploader sees it. */
  const importFile = async (
    username: string,
    file: Buffer,
    mode: Mode,
    acceptWarnings = false,
    createPartners = false,
  ) => {
    const start = await post(username, file, mode, acceptWarnings, createPartners);
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json()).toMatchObject({ status: 'queued', done: 0, report: null });
    await runJobs();
    const client = await t().login(username);
    const res = await client.get(`/api/v1/contracts/import-jobs/${start.json().id}`);
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json();
    expect(job.status, JSON.stringify(job)).toBe('done');
    return job as { id: string; done: number; total: number; report: any };
  };
  const ledger = async (username: string, q: string) => {
    const client = await t().login(username);
    return fetchPageWithTotals(client, `q=${encodeURIComponent(q)}&limit=200&sort=number`);
  };

  /** Partners of the group (wang.fang's entity): one with a credit code, one shared, one blacklisted, one of TECH. */
  let partners: Promise<{
    supplier: { name: string; code: string };
    shared: string;
    blacklisted: string;
    tech: string;
  }>;
  const given = () => {
    partners ??= (async () => {
      const { services } = t();
      const ctx = services.systemContext();
      const grp = (await t().given.entityByCode('GRP')).id;
      const tech = (await t().given.entityByCode('TECH')).id;
      const code = creditCode();
      await services.partners.create(ctx, {
        name: '导入测试供应商甲有限公司',
        creditCode: code,
        kinds: ['supplier'],
        type: 'enterprise',
        industry: null,
        region: null,
        address: null,
        remarks: null,
        entityId: grp,
        sharedWithGroup: false,
      });
      const base = {
        kinds: ['customer' as const],
        type: 'enterprise' as const,
        industry: null,
        region: null,
        address: null,
        remarks: null,
      };
      await services.partners.create(ctx, {
        ...base,
        name: '导入测试共享客户乙',
        creditCode: creditCode(),
        entityId: tech,
        sharedWithGroup: true,
      });
      const black = await services.partners.create(ctx, {
        ...base,
        name: '导入测试黑名单丙',
        creditCode: creditCode(),
        entityId: grp,
        sharedWithGroup: false,
      });
      await services.partners.blacklist(ctx, black.id, '测试：拖欠货款');
      await services.partners.create(ctx, {
        ...base,
        name: '导入测试科技客户丁',
        creditCode: creditCode(),
        entityId: tech,
        sharedWithGroup: false,
      });
      return {
        supplier: { name: '导入测试供应商甲有限公司', code },
        shared: '导入测试共享客户乙',
        blacklisted: '导入测试黑名单丙',
        tech: '导入测试科技客户丁',
      };
    })();
    return partners;
  };

  const row = (number: string, overrides: Cells = {}): Cells => ({
    合同编号: number,
    合同名称: `导入合同 ${number}`,
    合同类别编码: 'OTHER',
    相对方名称: '导入测试共享客户乙',
    承办部门编码: 'LEGAL',
    负责人用户名: 'wang.fang',
    '合同金额（元）': 1000,
    '税率（%）': 6,
    签订日期: '2024-01-15',
    ...overrides,
  });

  it('offers the template with every column, an example row and a sheet explaining them', async () => {
    const wang = await t().login('wang.fang');
    const res = await wang.get('/api/v1/contracts/import/template');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const sheet = book.getWorksheet('合同台账')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '合同编号',
      '合同名称',
      '合同类别编码',
      '相对方名称',
      '相对方统一社会信用代码',
      '签约主体编码',
      '承办部门编码',
      '负责人用户名',
      '合同金额（元）',
      '税率（%）',
      '币种',
      '签订日期',
      '开始日期',
      '结束日期',
      '状态',
      '项目编号',
      '备注',
    ]);
    expect(sheet.getRow(2).getCell(1).value).toBe('HT-2024-0001');
    expect(sheet.actualRowCount).toBe(2);
    const help = book.getWorksheet('说明')!;
    expect(help.getRow(2).getCell(1).value).toBe('合同编号');
    expect(help.getRow(2).getCell(2).value).toBe('必填');
    expect(help.getColumn(1).values).toContain('备注');
  });

  it('refuses the template and the import without contract.import', async () => {
    const zhao = await t().login('zhao.lei');
    expect((await zhao.get('/api/v1/contracts/import/template')).statusCode).toBe(403);
    const res = await post('zhao.lei', await workbook([row('IMP-X-1')]), 'all');
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    // Nor may they follow someone else's import: 404, as if there were none.
    const started = await post(
      'wang.fang',
      await workbook([row('IMP-X-2', { 负责人用户名: 'nobody' })]),
      'all',
    );
    const id = started.json().id;
    expect((await zhao.get(`/api/v1/contracts/import-jobs/${id}`)).statusCode).toBe(403);
    const other = await t().login('admin');
    expect((await other.get(`/api/v1/contracts/import-jobs/${id}`)).statusCode).toBe(404);
    await runJobs();
  });

  it('imports a small valid file: partners matched by credit code and by name, the ledger shows the rows', async () => {
    const p = await given();
    const file = await workbook(
      [
        row('IMP-S-001', {
          相对方名称: null,
          相对方统一社会信用代码: p.supplier.code.toLowerCase(),
          合同类别编码: 'purchase-material',
          '合同金额（元）': 226000,
          '税率（%）': 0.13,
          签订日期: new Date(Date.UTC(2023, 4, 20)),
          开始日期: new Date(Date.UTC(2023, 5, 1)),
          结束日期: '2025-05-31',
          状态: '已完成',
          项目编号: 'PRJ-7',
          备注: '历史合同',
        }),
        row('IMP-S-002', { '合同金额（元）': '1,060.50', '税率（%）': 0.06, 币种: 'usd' }),
        row('IMP-S-003', { 状态: '已审批', 签订日期: null, '合同金额（元）': 50, '税率（%）': 0.06 }),
      ],
      { percentTax: true },
    );
    const job = await importFile('wang.fang', file, 'all');
    expect(job.report).toEqual({ rows: 3, imported: 3, committed: true, valid: 3, errors: [], ...clean });
    // A check pass and a write pass over the three rows.
    expect([job.done, job.total]).toEqual([6, 6]);

    const page = await ledger('wang.fang', 'IMP-S-');
    expect(page.totals).toMatchObject({
      count: 3,
      amount: 22_711_050,
      signedAmount: 22_706_050,
      currentAmount: 22_711_050,
      // Imported history has no payments in Concord yet.
      paidAmount: 0,
    });
    expect(
      page.items.map((r: Record<string, unknown>) => [
        r.number,
        r.partnerName,
        r.status,
        r.amount,
        r.signedAmount,
        r.currency,
      ]),
    ).toEqual([
      ['IMP-S-001', p.supplier.name, 'COMPLETED', 22_600_000, 22_600_000, 'CNY'],
      ['IMP-S-002', p.shared, 'IN_FORCE', 106_050, 106_050, 'USD'],
      ['IMP-S-003', p.shared, 'APPROVED', 5_000, null, 'CNY'],
    ]);

    const wang = await t().login('wang.fang');
    const id = page.items[0].id;
    const contract = (await wang.get(`/api/v1/contracts/${id}`)).json();
    expect(contract).toMatchObject({
      imported: true,
      version: 1,
      taxRate: 1300,
      taxAmount: 2_600_000,
      categoryName: '材料采购',
      direction: 'EXPENSE',
      departmentName: '法务部',
      signDate: '2023-05-20',
      startDate: '2023-06-01',
      endDate: '2025-05-31',
      projectRef: 'PRJ-7',
      body: '历史合同',
      instanceId: null,
      createdBy: wang.session.user.id,
    });
    const versions = (await wang.get(`/api/v1/contracts/${id}/versions`)).json();
    expect(versions.map((v: { version: number; reason: string }) => [v.version, v.reason])).toEqual([
      [1, 'IMPORT'],
    ]);
    const audit = await t()
      .services.db.selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_type', '=', 'contract')
      .where('entity_id', '=', id)
      .execute();
    expect(audit).toEqual([{ action: 'import', actor_id: wang.session.user.id }]);
  });

  it("reads the ledger's own export back: the same rows, each refused only because its number exists", async () => {
    // The contracts the test above imported, exported as the ledger page exports them.
    const wang = await t().login('wang.fang');
    const exported = await wang.get(`/api/v1/contracts/export?q=IMP-S-&sort=number`);
    expect(exported.statusCode, exported.body).toBe(200);
    const job = await importFile('wang.fang', exported.rawPayload as Buffer, 'all');
    // Names where the template has codes, the rate as a percent cell, the totals row under the data:
    // every value reads, and the only refusal is the number (the contracts are in the register).
    expect(job.report).toMatchObject({ rows: 3, imported: 0, committed: false });
    expect(job.report.errors).toEqual(
      ['IMP-S-001', 'IMP-S-002', 'IMP-S-003'].map((number, i) => ({
        row: i + 2,
        column: '合同编号',
        message: `合同编号“${number}”已存在`,
      })),
    );

    // Under new numbers the same file imports, and every figure comes back as it was exported.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as never);
    book.worksheets[0].eachRow((line, number) => {
      const cell = line.getCell(1);
      if (number > 1 && typeof cell.value === 'string') cell.value = cell.value.replace('IMP-S-', 'IMP-E-');
    });
    const again = await importFile('wang.fang', Buffer.from(await book.xlsx.writeBuffer()), 'all');
    expect(again.report).toEqual({ rows: 3, imported: 3, committed: true, valid: 3, errors: [], ...clean });
    const figures = (r: Record<string, unknown>) => [
      String(r.number).slice(6),
      r.name,
      r.partnerName,
      r.categoryName,
      r.entityName,
      r.departmentName,
      r.ownerName,
      r.status,
      r.currency,
      r.amount,
      r.taxRate,
      r.taxAmount,
      r.signDate,
      r.startDate,
      r.endDate,
    ];
    // (The names still say IMP-S-: the search finds both sets by them.)
    const numbered = async (prefix: string) =>
      (await ledger('wang.fang', prefix)).items
        .filter((r: { number: string }) => r.number.startsWith(prefix))
        .map(figures);
    expect(await numbered('IMP-E-')).toEqual(await numbered('IMP-S-'));
  });

  describe('a 1,000-row sample with six faulty rows', () => {
    let file: Buffer;
    beforeAll(async () => {
      await given();
      // A contract already in the register, whose number row 600 repeats.
      const taken = await importFile('wang.fang', await workbook([row('IMP-T-001')]), 'all');
      expect(taken.report).toMatchObject({ imported: 1, committed: true });
      const rows: Cells[] = [];
      for (let i = 0; i < 1000; i++) rows.push(row(`IMP-K-${String(i + 2).padStart(4, '0')}`));
      const excelRow = (n: number) => rows[n - 2];
      Object.assign(excelRow(17), { '合同金额（元）': '12.345' });
      Object.assign(excelRow(250), { 合同类别编码: 'NO-SUCH-CATEGORY' });
      Object.assign(excelRow(600), { 合同编号: 'IMP-T-001' });
      Object.assign(excelRow(750), { 相对方名称: '不存在的相对方有限公司' });
      Object.assign(excelRow(999), { 合同编号: 'IMP-K-0500' });
      Object.assign(excelRow(1001), { 负责人用户名: null, '税率（%）': 120 });
      file = await workbook(rows);
    });

    it('reports every problem by row and column, and imports nothing when all rows must pass', async () => {
      const all = await importFile('wang.fang', file, 'all');
      const report = all.report;
      expect(report).toMatchObject({ rows: 1000, imported: 0, committed: false });
      // Checked in two batches of 500 (the problems of both are in the report), nothing written.
      expect([all.done, all.total]).toEqual([1000, 2000]);
      expect(report.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
        [17, '合同金额（元）'],
        [250, '合同类别编码'],
        [600, '合同编号'],
        [750, '相对方名称'],
        [999, '合同编号'],
        [1001, '负责人用户名'],
        [1001, '税率（%）'],
      ]);
      expect(report.errors[0].message).toBe(
        '金额的小数位数超过币种的最小单位（人民币最多两位小数，日元没有小数）',
      );
      expect(report.errors[1].message).toBe('找不到“NO-SUCH-CATEGORY”');
      expect(report.errors[2].message).toBe('合同编号“IMP-T-001”已存在');
      expect(report.errors[3].message).toContain('没有签约主体可用的同名伙伴');
      expect(report.errors[4].message).toBe('合同编号与第 500 行重复');
      expect(report.errors[5].message).toBe('必填');
      expect((await ledger('wang.fang', 'IMP-K-')).totals.count).toBe(0);
    });

    it("words the problems in the caller's language (the session's locale)", async () => {
      const { services } = t();
      const english = await services.contractImport.import(
        { ...(await (await t().login('wang.fang')).context(services)), locale: 'en-US' },
        file,
        'all',
      );
      expect(english.errors[0]).toEqual({
        row: 17,
        column: '合同金额（元）',
        message: 'more decimals than the currency has (yuan at most 2, yen none)',
      });
      expect(english.errors[4].message).toBe('the same contract number as row 500');
      expect(english).toMatchObject({ imported: 0, committed: false });
    });

    it('imports the valid rows only, and nothing more from the same file again', async () => {
      const valid = await importFile('wang.fang', file, 'valid');
      expect(valid.report).toMatchObject({ rows: 1000, imported: 994, committed: true });
      expect(valid.report.errors, JSON.stringify(valid.report.errors)).toHaveLength(7);
      expect([valid.done, valid.total]).toEqual([1000, 1000]);
      const page = await ledger('wang.fang', 'IMP-K-');
      expect(page.totals).toMatchObject({ count: 994, amount: 994 * 100_000 });
      const numbers = new Set<string>();
      const wang = await t().login('wang.fang');
      let cursor: string | null = '';
      while (cursor !== null) {
        const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const body = await fetchPageWithTotals(wang, `q=IMP-K-&limit=200&sort=number${after}`);
        for (const item of body.items) numbers.add(item.number);
        cursor = body.nextCursor;
      }
      expect(numbers.size).toBe(994);
      for (const skipped of ['IMP-K-0017', 'IMP-K-0250', 'IMP-K-0750', 'IMP-K-1001'])
        expect(numbers.has(skipped)).toBe(false);
      expect(numbers.has('IMP-K-0500')).toBe(true);
      expect(numbers.has('IMP-K-0999')).toBe(false);

      // Each imported contract has its version 1 and its own audit entry, written by batches (two
      // 500-row batches, the audit rows in 200-row statements), and the audit chain is whole.
      const db = t().services.db;
      const imported = db.selectFrom('contract').select('id').where('number', 'like', 'IMP-K-%');
      const versions = await db
        .selectFrom('contract_version')
        .select(['reason', db.fn.countAll<number>().as('n')])
        .where('contract_id', 'in', imported)
        .groupBy('reason')
        .execute();
      expect(versions.map((v) => [v.reason, Number(v.n)])).toEqual([['IMPORT', 994]]);
      const ids = new Set((await imported.execute()).map((c) => c.id));
      const entries = (
        await db
          .selectFrom('audit_log')
          .select(['entity_id', 'seq'])
          .where('entity_type', '=', 'contract')
          .where('action', '=', 'import')
          .orderBy('seq')
          .execute()
      ).filter((e) => ids.has(e.entity_id));
      expect(new Set(entries.map((e) => e.entity_id)).size).toBe(994);
      expect(Number(entries[993].seq) - Number(entries[0].seq)).toBe(993); // consecutive, across both batches
      expect(await t().services.audit.verify()).toMatchObject({ ok: true });

      // The same file again: every number is now taken, nothing more is written.
      const again = (await importFile('wang.fang', file, 'valid')).report;
      expect(again).toMatchObject({ imported: 0, committed: false });
      expect((await ledger('wang.fang', 'IMP-K-')).totals.count).toBe(994);
    });
  });

  it("reads values as a company's own ledger writes them: 0.13 is 13% (never 0.13%), 12.3万, 2024年3月5日, 执行中", async () => {
    await given();
    const unknown = creditCode();
    const valid = creditCode();
    const wrongCheck = valid[17] === '0' ? '1' : '0';
    const mistyped = valid.slice(0, 17) + wrongCheck;
    const file = await workbook([
      // No percent format on the tax column: a plain 0.13 was stored as 0.13% before.
      row('IMP-W-001', {
        '合同金额（元）': '12.3万',
        '税率（%）': 0.13,
        签订日期: '2024年3月5日',
        状态: '执行中',
      }),
      row('IMP-W-002', { '合同金额（元）': '￥1,130.00', '税率（%）': '13%', 签订日期: '2024.3.6' }),
      row('IMP-W-003', { '合同金额（元）': 500, '税率（%）': '免税', 签订日期: 45358 }),
      row('IMP-W-004', { '税率（%）': 1 }),
      row('IMP-W-005', { '合同金额（元）': '(1,234.50)' }),
      // A code with a wrong check character is said to be mistyped, not "no such partner".
      row('IMP-W-006', { 相对方名称: null, 相对方统一社会信用代码: mistyped }),
      row('IMP-W-007', { 相对方名称: null, 相对方统一社会信用代码: unknown }),
      // Yen have no minor unit: 120000 is ¥120,000 (it was stored as 12,000,000 yen).
      row('IMP-W-008', { '合同金额（元）': 120000, 币种: 'JPY', '税率（%）': 10 }),
    ]);
    // A dry run first: every problem and every value read one of two ways, nothing written.
    const dry = await importFile('wang.fang', file, 'check');
    expect(dry.report).toMatchObject({ rows: 8, imported: 0, committed: false, dryRun: true, valid: 4 });
    const problems = [
      { row: 5, column: '税率（%）', message: '“1”可能是 1% 也可能是 100%，请写成 1% 或 100%' },
      { row: 6, column: '合同金额（元）', message: '金额不能为负数' },
      {
        row: 7,
        column: '相对方统一社会信用代码',
        message: `统一社会信用代码有误：校验位（第 18 位）应为“${valid[17]}”，实际为“${wrongCheck}”，请核对是否抄错`,
      },
      {
        row: 8,
        column: '相对方统一社会信用代码',
        message: '合作伙伴库中没有该统一社会信用代码的伙伴（勾选“新建缺少的相对方”可由导入新建）',
      },
    ];
    expect(dry.report.errors).toEqual(problems);
    expect(dry.report.warnings).toEqual([
      { row: 2, column: '税率（%）', message: '“0.13”按 13% 读取；若指 0.13%，请在文件中写成 0.13%' },
      { row: 4, column: '签订日期', message: '数字 45358 按 Excel 日期序号读作 2024-03-07' },
    ]);
    expect((await ledger('wang.fang', 'IMP-W-')).totals.count).toBe(0);
    // Unconfirmed, the valid rows read one of two ways wait; the others are written.
    const unconfirmed = await importFile('wang.fang', file, 'valid');
    expect(unconfirmed.report).toMatchObject({ rows: 8, imported: 2, valid: 4, warningsAccepted: false });
    expect(unconfirmed.report.errors).toEqual(problems);
    expect((await ledger('wang.fang', 'IMP-W-')).items.map((r: { number: string }) => r.number)).toEqual([
      'IMP-W-002',
      'IMP-W-008',
    ]);
    // Confirmed, they are written as read (the two written before are now taken).
    const job = await importFile('wang.fang', file, 'valid', true);
    expect(job.report).toMatchObject({ rows: 8, imported: 2, warningsAccepted: true });
    expect(job.report.errors.filter((e: { message: string }) => e.message.includes('已存在'))).toEqual([
      { row: 3, column: '合同编号', message: '合同编号“IMP-W-002”已存在' },
      { row: 9, column: '合同编号', message: '合同编号“IMP-W-008”已存在' },
    ]);
    const page = await ledger('wang.fang', 'IMP-W-');
    const wang = await t().login('wang.fang');
    const contracts = await Promise.all(
      page.items.map(async (r: { id: string }) => (await wang.get(`/api/v1/contracts/${r.id}`)).json()),
    );
    expect(
      contracts.map((c) => [
        c.number,
        c.amount,
        c.taxRate,
        c.taxExemption,
        c.taxAmount,
        c.signDate,
        c.status,
      ]),
    ).toEqual([
      ['IMP-W-001', 12_300_000, 1300, null, 1_415_044, '2024-03-05', 'IN_FORCE'],
      ['IMP-W-002', 113_000, 1300, null, 13_000, '2024-03-06', 'IN_FORCE'],
      // 免税 is kept as the exemption it names, not folded into a plain 0%.
      ['IMP-W-003', 50_000, 0, 'EXEMPT', 0, '2024-03-07', 'IN_FORCE'],
      ['IMP-W-008', 120_000, 1000, null, 10_909, '2024-01-15', 'IN_FORCE'],
    ]);
    // The export writes it by its word, which the import reads back.
    const exported = await wang.get('/api/v1/contracts/export?q=IMP-W-003');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as never);
    const sheet = book.worksheets[0];
    const rateColumn = (sheet.getRow(1).values as unknown[]).indexOf('税率');
    expect(sheet.getRow(2).getCell(rateColumn).value).toBe('免税');
  });

  it("imports a company's own ledger: its header below a title, its columns by their own names, amounts in 万元", async () => {
    await given();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('2024年合同');
    sheet.addRow(['某某集团 2024 年度合同台账']);
    sheet.addRow(['导出日期：2024-12-01', null, '单位：万元']);
    sheet.addRow([]);
    sheet.addRow([
      '序号',
      '合同号',
      ' 合同名称 ',
      '合同类型',
      '对方单位',
      '签约金额（万元）',
      '税率',
      '签约日期',
      '经办部门',
      '经办人',
      '合同状态',
    ]);
    sheet.addRow([
      1,
      'IMP-H-001',
      '办公楼租赁',
      '材料采购',
      '导入测试共享客户乙',
      12.3,
      0.09,
      '2024/3/5',
      '法务部',
      '王芳',
      '执行中',
    ]);
    sheet.addRow([
      2,
      'IMP-H-002',
      '物业服务',
      'OTHER',
      '导入测试共享客户乙',
      '5.25',
      '6%',
      '2024年4月1日',
      'LEGAL',
      'wang.fang',
      '已完成',
    ]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    // 0.09 read as 9% is a warning: `all` writes nothing until the user confirms it.
    const waiting = await importFile('wang.fang', file, 'all');
    expect(waiting.report).toMatchObject({ rows: 2, imported: 0, committed: false, valid: 2 });
    expect(waiting.report.warnings).toEqual([
      { row: 5, column: '税率（%）', message: '“0.09”按 9% 读取；若指 0.09%，请在文件中写成 0.09%' },
    ]);
    const job = await importFile('wang.fang', file, 'all', true);
    expect(job.report).toMatchObject({ rows: 2, imported: 2, committed: true, valid: 2, errors: [] });
    const page = await ledger('wang.fang', 'IMP-H-');
    expect(page.items.map((r: Record<string, unknown>) => [r.number, r.name, r.amount, r.status])).toEqual([
      ['IMP-H-001', '办公楼租赁', 12_300_000, 'IN_FORCE'],
      ['IMP-H-002', '物业服务', 5_250_000, 'COMPLETED'],
    ]);
    // The category and the department by name, as the ledger wrote them.
    const wang = await t().login('wang.fang');
    expect((await wang.get(`/api/v1/contracts/${page.items[0].id}`)).json()).toMatchObject({
      categoryName: '材料采购',
      departmentName: '法务部',
      ownerId: wang.session.user.id,
      taxRate: 900,
    });

    // A name two departments share is no answer: the row asks for the code.
    const ctx = t().services.systemContext();
    const grp = (await t().given.entityByCode('GRP')).id;
    await t().services.org.createDepartment(ctx, {
      entityId: grp,
      parentId: null,
      code: 'LEGAL2',
      name: '法务部',
      headUserId: null,
      sortOrder: 0,
    });
    const twice = new ExcelJS.Workbook();
    twice.addWorksheet('合同台账').addRows([
      ['合同号', '合同名称', '合同类型', '对方单位', '签约金额', '税率', '经办部门', '经办人', '状态'],
      ['IMP-H-004', '同名部门', 'OTHER', '导入测试共享客户乙', 10, 6, '法务部', 'wang.fang', '已审批'],
    ]);
    const ambiguous = await importFile('wang.fang', Buffer.from(await twice.xlsx.writeBuffer()), 'all');
    expect(ambiguous.report.errors).toEqual([
      { row: 2, column: '承办部门编码', message: '名称“法务部”对应多条记录，请填写编码' },
    ]);

    // A header with a column missing is refused naming it, from the row meant as the header.
    const lacking = new ExcelJS.Workbook();
    const ledgerSheet = lacking.addWorksheet('合同台账');
    ledgerSheet.addRow(['合同台账']);
    ledgerSheet.addRow(['合同号', '合同名称', '合同类型', '对方单位', '签约金额', '经办部门', '经办人']);
    ledgerSheet.addRow(['IMP-H-003', '缺税率', 'OTHER', '导入测试共享客户乙', 10, 'LEGAL', 'wang.fang']);
    const refused = await post('wang.fang', Buffer.from(await lacking.xlsx.writeBuffer()), 'all');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toContain('表头缺少列：税率（%）（');
  });

  it('creates the counterparties the library lacks when asked: listed by the dry run, created once each by the import', async () => {
    await given();
    const [first, second] = [creditCode(), creditCode()];
    const rows = [
      row('IMP-N-001', { 相对方名称: '导入新建供应商一', 相对方统一社会信用代码: first }),
      row('IMP-N-002', { 相对方名称: '导入新建供应商一', 相对方统一社会信用代码: first }),
      row('IMP-N-003', { 相对方名称: '导入新建供应商二', 相对方统一社会信用代码: second }),
      // Without its name a partner cannot be created; without its code neither.
      row('IMP-N-004', { 相对方名称: null, 相对方统一社会信用代码: creditCode() }),
      row('IMP-N-005', { 相对方名称: '导入新建无代码伙伴' }),
    ];
    const file = await workbook(rows);
    const partnersNamed = async () =>
      (
        await t()
          .services.db.selectFrom('partner')
          .select(['id', 'name', 'credit_code', 'is_supplier', 'owner_id'])
          .where('name', 'like', '导入新建%')
          .orderBy('name')
          .execute()
      ).map((p) => ({ ...p, is_supplier: Boolean(p.is_supplier) }));

    // Not asked: the rows are refused as before.
    const refused = await importFile('wang.fang', file, 'check');
    expect(refused.report.newPartners).toEqual([]);
    expect(refused.report.valid).toBe(0);

    const dry = await importFile('wang.fang', await workbook(rows), 'check', false, true);
    expect(dry.report).toMatchObject({ rows: 5, valid: 3, imported: 0, dryRun: true });
    expect(dry.report.newPartners).toEqual([
      { row: 2, name: '导入新建供应商一', creditCode: first },
      { row: 4, name: '导入新建供应商二', creditCode: second },
    ]);
    expect(dry.report.errors).toEqual([
      {
        row: 5,
        column: '相对方名称',
        message: '合作伙伴库中没有该统一社会信用代码的伙伴；要新建伙伴，请同时填写相对方名称',
      },
      {
        row: 6,
        column: '相对方统一社会信用代码',
        message: '合作伙伴库中没有同名伙伴；要新建伙伴，请填写其统一社会信用代码',
      },
    ]);
    expect(await partnersNamed()).toEqual([]);

    const done = await importFile('wang.fang', await workbook(rows), 'valid', false, true);
    expect(done.report).toMatchObject({ rows: 5, valid: 3, imported: 3 });
    expect(done.report.newPartners).toHaveLength(2);
    const wang = await t().login('wang.fang');
    const created = await partnersNamed();
    // Suppliers of the expense category's contracts, the importer's, once each.
    expect(created.map((p) => [p.name, p.credit_code, p.is_supplier, p.owner_id])).toEqual([
      ['导入新建供应商一', first, true, wang.session.user.id],
      ['导入新建供应商二', second, true, wang.session.user.id],
    ]);
    const page = await ledger('wang.fang', 'IMP-N-');
    expect(page.items.map((r: { number: string; partnerName: string }) => [r.number, r.partnerName])).toEqual(
      [
        ['IMP-N-001', '导入新建供应商一'],
        ['IMP-N-002', '导入新建供应商一'],
        ['IMP-N-003', '导入新建供应商二'],
      ],
    );
    const audited = await t()
      .services.db.selectFrom('audit_log')
      .select(['entity_id', 'action', 'actor_id'])
      .where('entity_type', '=', 'partner')
      .where(
        'entity_id',
        'in',
        created.map((p) => p.id),
      )
      .execute();
    expect(audited.map((a) => [a.action, a.actor_id])).toEqual([
      ['create', wang.session.user.id],
      ['create', wang.session.user.id],
    ]);
  });

  it('refuses rows outside the caller scope and partners the entity may not use, naming the column', async () => {
    const p = await given();
    const file = await workbook([
      row('IMP-R-1', { 签约主体编码: 'CONS', 承办部门编码: 'ENG', 负责人用户名: 'wu.min' }),
      row('IMP-R-2', { 相对方名称: p.tech }),
      row('IMP-R-3', { 相对方名称: p.blacklisted }),
      row('IMP-R-4', { 签约主体编码: 'NOPE' }),
      row('IMP-R-5', { 承办部门编码: 'ENG', 状态: '进行中', 开始日期: '2024-05-01', 结束日期: '2024-04-30' }),
      row('IMP-R-6'),
    ]);
    const { report } = await importFile('wang.fang', file, 'valid');
    expect(report).toMatchObject({ rows: 6, imported: 1, committed: true });
    expect(
      report.errors.map((e: { row: number; column: string; message: string }) => [
        e.row,
        e.column,
        e.message,
      ]),
    ).toEqual([
      [2, '签约主体编码', '超出您登记合同的数据范围'],
      [3, '相对方名称', '合作伙伴库中没有签约主体可用的同名伙伴（勾选“新建缺少的相对方”可由导入新建）'],
      [4, '相对方名称', '该伙伴已被列入黑名单'],
      [5, '签约主体编码', '找不到“NOPE”'],
      [6, '承办部门编码', '签约主体下没有编码为“ENG”的部门'],
      [6, '结束日期', '结束日期不能早于开始日期'],
      [6, '状态', '状态应为 履行中、已完成、已终止、已审批 之一'],
    ]);
    expect((await ledger('wang.fang', 'IMP-R-')).items.map((r: { number: string }) => r.number)).toEqual([
      'IMP-R-6',
    ]);
  });

  it('refuses what is not a readable ledger with a clear 400: not multipart, not xlsx, no header, over the limits', async () => {
    const wang = await t().login('wang.fang');
    const json = await wang.post('/api/v1/contracts/import?mode=all', { rows: [] });
    expect(json.statusCode).toBe(400);
    const garbage = await post('wang.fang', Buffer.from('not a workbook'), 'all');
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().detail).toContain('无法读取文件');

    const book = new ExcelJS.Workbook();
    book.addWorksheet('Sheet1').addRow(['编号', '名称']);
    const noHeader = await post('wang.fang', Buffer.from(await book.xlsx.writeBuffer()), 'all');
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().detail).toBe(
      '输入有误：表头缺少列：合同编号、合同名称、合同类别编码、承办部门编码、负责人用户名、合同金额（元）、税率（%）、相对方名称（请使用导入模板）',
    );

    const empty = await post('wang.fang', await workbook([]), 'all');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toContain('文件中没有数据行');

    const big = await post('wang.fang', Buffer.alloc(20 * 1024 * 1024 + 1, 1), 'all');
    expect(big.statusCode).toBe(400);
    expect(big.json().detail).toContain('文件超过 20 MB 上限');
  });
});
