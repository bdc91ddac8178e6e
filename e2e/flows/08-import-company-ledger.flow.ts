import { creditCodeCheckChar } from '@concord/contracts';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { Flow } from '../harness.js';
import { assert, assertEqual, signIn } from './helpers.js';

/** A credit code with its right check character (its 17 first characters made up). */
function creditCode(): string {
  const first17 = `91310000${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

/**
 * A company's own ledger as finance keeps it: titles above the header, columns named its own way
 * (协议编号 is no name the import knows), amounts, rates and dates written every way people write
 * them, a counterparty the library lacks, a mistyped credit code and a negative amount.
 */
async function companyLedger(tag: string, titles: string[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('2024合同');
  for (const title of titles) sheet.addRow([title]);
  sheet.addRow([]);
  sheet.addRow([
    '序号',
    '协议编号',
    '合同名称',
    '合同类型',
    '对方单位',
    '统一社会信用代码',
    '签约金额',
    '税率',
    '签约日期',
    '经办部门',
    '经办人',
    '合同状态',
  ]);
  const valid = creditCode();
  const mistyped = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
  const partner = '广州智联电子科技有限公司';
  const rows: unknown[][] = [
    [
      `${tag}-001`,
      '总部办公楼物业服务',
      '采购合同',
      '北京金泰物业管理有限公司',
      null,
      '12.3万',
      '6%',
      '2024年3月5日',
      '法务部',
      '王芳',
      '执行中',
    ],
    [
      `${tag}-002`,
      '办公家具采购',
      '材料采购',
      partner,
      null,
      '¥1234.5',
      13,
      '2024/3/5',
      'LEGAL',
      'wang.fang',
      '已完成',
    ],
    [
      `${tag}-003`,
      '会议设备采购',
      '设备采购',
      partner,
      null,
      '1,234.50',
      0.13,
      45356,
      '法务部',
      '王芳',
      '已终止',
    ],
    [
      `${tag}-004`,
      '年度审计服务',
      '采购合同',
      `新建审计事务所${tag}`,
      creditCode(),
      '8,000',
      '免税',
      '2024.3.5',
      '法务部',
      '王芳',
      '执行中',
    ],
    [
      `${tag}-005`,
      '错码伙伴合同',
      '采购合同',
      '某某公司',
      mistyped,
      100,
      '13%',
      '2024-03-05',
      '法务部',
      '王芳',
      '执行中',
    ],
    [
      `${tag}-006`,
      '负数金额合同',
      '采购合同',
      partner,
      null,
      '(1,234.50)',
      '13%',
      '2024-03-05',
      '法务部',
      '王芳',
      '执行中',
    ],
    [
      `${tag}-007`,
      '政府补助项目',
      'PURCHASE',
      partner,
      null,
      'RMB 5,000',
      '不征税',
      '2024-03-05',
      '法务部',
      'wang.fang',
      '已审批',
    ],
  ];
  for (const [i, row] of rows.entries()) sheet.addRow([i + 1, ...row]);
  sheet.addRow(['合计', null, null, null, null, null, '12.7万']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Opens the ledger's import dialog and uploads `buffer` to its mapping step. */
async function uploadToMapping(page: Page, baseUrl: string, name: string, buffer: Buffer) {
  await page.goto(`${baseUrl}/contracts`);
  await page.getByTestId('contracts-import').click();
  await page.getByTestId('contracts-import-next').click();
  await page
    .getByTestId('contracts-import-file')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: XLSX, buffer });
  await page.getByTestId('contracts-import-upload').click();
  await page.getByTestId('contracts-import-mapping').waitFor();
  return page.getByTestId('contracts-import-mapping-source').getAttribute('data-source');
}

/** Chooses the file's column for a field in the mapping step. */
async function mapColumn(page: Page, field: string, option: string) {
  await page.getByTestId(`contracts-import-map-${field}`).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

/**
 * The first thing a new customer does: the legal counsel imports the group's own Excel ledger.
 * Its header is below the titles and two columns are named the company's way: mapped by hand,
 * checked without writing (problems, readings to confirm, the counterparty to create), confirmed,
 * imported with every figure as written; the next month's file maps itself; the ledger's export of
 * the imported contracts reads back (only their numbers, now taken, refused).
 */
export const flow: Flow = {
  name: "contracts: import a company's own Excel ledger through the mapping step, check, confirm, round trip",
  async run({ baseUrl, newPage, screenshot }) {
    const tag = `IMP${Date.now().toString(36).slice(-4).toUpperCase()}`;
    const page = await newPage();
    await signIn(page, baseUrl, 'wang.fang');

    const source = await uploadToMapping(
      page,
      baseUrl,
      '2024合同台账.xlsx',
      await companyLedger(tag, ['协和集团总部 2024 年合同台账', '制表：法务部']),
    );
    assertEqual(source, 'matched', 'the columns proposed by their names');
    await mapColumn(page, 'number', 'B · 协议编号');
    await page.getByTestId('contracts-import-preview').getByText(`${tag}-001`).waitFor();
    await page.getByTestId('contracts-import-option-createPartners').click();
    await screenshot(page, 'import-mapping');
    await page.getByTestId('contracts-import-check').click();

    const check = page.getByTestId('contracts-import-check-count');
    await check.waitFor({ state: 'attached', timeout: 30_000 });
    assertEqual(
      [await check.getAttribute('data-valid'), await check.getAttribute('data-warnings')],
      ['5', '2'],
      'the dry run: valid rows and readings to confirm',
    );
    const checkText = (await page.getByTestId('contracts-import-check-report').textContent()) ?? '';
    for (const expected of [
      '校验位',
      '金额不能为负数',
      '“0.13”按 13% 读取',
      '数字 45356',
      `新建审计事务所${tag}`,
    ])
      assert(checkText.includes(expected), `the check lists "${expected}", got: ${checkText}`);
    assert(
      await page.getByTestId('contracts-import-submit').isDisabled(),
      'importing waits for the readings to be confirmed',
    );
    await screenshot(page, 'import-check');
    await page.getByTestId('contracts-import-check-accept-warnings').click();
    await page.getByTestId('contracts-import-submit').click();
    const done = page.getByTestId('contracts-import-count');
    await done.waitFor({ state: 'attached', timeout: 30_000 });
    assertEqual(await done.getAttribute('data-imported'), '5', 'rows imported');
    await page.getByTestId('contracts-import-done').click();

    // Every figure as the file wrote it, read back from the ledger's own export.
    await page.goto(`${baseUrl}/contracts?q=${tag}`);
    await page.getByTestId('contracts-table').getByText(`${tag}-004`).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('contracts-export').click(),
    ]);
    const exported = await download.path();
    assert(exported, 'the export downloads a file');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(exported);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const figures: unknown[][] = [];
    sheet.eachRow((row, index) => {
      const values = Object.fromEntries(header.map((h, i) => [h, (row.values as unknown[])[i + 1]]));
      if (index > 1 && String(values.合同编号).startsWith(tag))
        figures.push([
          values.合同编号,
          values.合同金额,
          values.税率,
          values.状态,
          values.签订日期 instanceof Date,
        ]);
    });
    figures.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    assertEqual(
      figures,
      [
        [`${tag}-001`, 123000, 0.06, '履行中', true],
        [`${tag}-002`, 1234.5, 0.13, '已完成', true],
        [`${tag}-003`, 1234.5, 0.13, '已终止', true],
        [`${tag}-004`, 8000, '免税', '履行中', true],
        [`${tag}-007`, 5000, '不征税', '已审批', true],
      ],
      'the imported figures',
    );

    // Next month's file, one title row more: the saved mapping finds its header by itself.
    const again = await uploadToMapping(
      page,
      baseUrl,
      '2024合同台账-12月.xlsx',
      await companyLedger(`${tag}B`, ['协和集团总部 2024 年合同台账', '12 月', '制表：法务部']),
    );
    assertEqual(again, 'saved', 'the second file maps itself');
    await page.getByTestId('contracts-import-back').click();
    await page.getByTestId('contracts-import-back').click();

    // The export imported back: every value reads, only the numbers (now taken) are refused.
    await page.getByTestId('contracts-import-next').click();
    await page.getByTestId('contracts-import-file').locator('input[type=file]').setInputFiles(exported);
    await page.getByTestId('contracts-import-upload').click();
    await page.getByTestId('contracts-import-mapping').waitFor();
    await page.getByTestId('contracts-import-check').click();
    await page.getByTestId('contracts-import-check-count').waitFor({ state: 'attached', timeout: 30_000 });
    const roundTrip = (await page.getByTestId('contracts-import-check-errors').textContent()) ?? '';
    for (const i of [1, 2, 3, 4, 7])
      assert(roundTrip.includes(`${tag}-00${i}”已存在`), `the export's row ${i} refused for its number only`);
    assertEqual(
      await page.getByTestId('contracts-import-check-errors').locator('tbody tr.ant-table-row').count(),
      5,
      `the round trip refuses nothing but the five numbers: ${roundTrip}`,
    );
  },
};
