import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { utf8Chunks } from '../../../platform/imports/index.js';
import { readRows as readFileRows } from './import.file.js';
import { importColumns } from './import.template.js';
import { workbook } from './import.testing.js';

// Each way the platform's reader can take, forced on small files (by size it would read them whole).
describe.each([
  { way: 'whole', reading: 'whole' as const },
  { way: 'streamed on the event loop', reading: 'streamed' as const },
  { way: 'streamed on a worker thread', reading: 'worker' as const },
])('reading an import workbook $way', ({ reading }) => {
  const readRows = (stream: Readable, locale: 'zh-CN' | 'en-US', options: { maxRows?: number } = {}) =>
    readFileRows(stream, locale, { bytes: 0, reading, ...options });

  it('yields each data row with its cells by column, and refuses a file past the row limit with a clear message', async () => {
    const file = await workbook(
      [
        { 合同编号: 'R-1', 合同名称: '甲', '合同金额（元）': 10, 签订日期: new Date(Date.UTC(2024, 0, 15)) },
        {},
        { 合同编号: 'R-2', '税率（%）': 0.06 },
      ],
      { percentTax: true },
    );
    const rows = [];
    for await (const r of readRows(Readable.from([file]), 'zh-CN')) rows.push(r);
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(rows[0].cells.get('number')).toEqual({ value: 'R-1', percent: false });
    expect(rows[0].cells.get('signDate')?.value).toEqual(new Date(Date.UTC(2024, 0, 15)));
    expect(rows[1].cells.get('taxRate')).toEqual({ value: 0.06, percent: true });
    const read = async (maxRows: number, locale: 'zh-CN' | 'en-US') => {
      for await (const _ of readRows(Readable.from([file]), locale, { maxRows }));
    };
    await expect(read(1, 'zh-CN')).rejects.toThrow('每个文件最多 1 行数据，请拆分后分批导入');
    await expect(read(1, 'en-US')).rejects.toThrow(
      'a file may hold at most 1 rows; split it and import the parts',
    );
    await expect(read(2, 'zh-CN')).resolves.toBeUndefined();
  });

  it('reads Chinese text whole in a long sheet, where the streamed parts split characters between chunks', async () => {
    const out = new PassThrough();
    const bytes = new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      out.on('data', (chunk: Buffer) => chunks.push(chunk));
      out.on('end', () => resolve(Buffer.concat(chunks)));
    });
    // Inline strings (no shared strings part), as exceljs' streaming writer and some tools write them.
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const sheet = writer.addWorksheet('合同台账');
    sheet.addRow(importColumns.map((c) => c.header)).commit();
    const names = Array.from({ length: 3000 }, (_, i) => `历史合同迁移第${i}号·上海某某物业管理有限公司`);
    for (const name of names) sheet.addRow([`N-${name.length}`, name, null, '导入测试共享客户乙']).commit();
    sheet.commit();
    await writer.commit();
    const read: string[] = [];
    for await (const r of readRows(Readable.from([await bytes]), 'zh-CN')) {
      read.push(String(r.cells.get('name')?.value));
      expect(r.cells.get('partnerName')?.value).toBe('导入测试共享客户乙');
    }
    expect(read).toEqual(names);
  });

  it('refuses what is no workbook and stops reading when asked to, the file closed', async () => {
    const garbage = readRows(Readable.from([Buffer.from('not a workbook')]), 'zh-CN');
    await expect(garbage.next()).rejects.toThrow('无法读取文件');
    const source = Readable.from([await workbook([{ 合同编号: 'S-1' }, { 合同编号: 'S-2' }])]);
    const rows = readRows(source, 'en-US');
    expect((await rows.next()).value?.cells.get('number')?.value).toBe('S-1');
    await rows.return(undefined);
    expect(source.destroyed).toBe(true);
  });

  it('reads the ledger sheet by its name when the zip holds the sheets before the workbook part', async () => {
    // A notes sheet first, the ledger second: only the workbook part says which sheet is the ledger.
    const book = new ExcelJS.Workbook();
    book.addWorksheet('说明').addRow(['本表由旧系统导出']);
    const ledger = book.addWorksheet('合同台账');
    ledger.addRow(importColumns.map((c) => c.header));
    ledger.addRow(['LATE-1', '后置工作簿部件']);
    const written = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
    const reordered = new JSZip();
    const parts = Object.keys(written.files).filter((name) => !written.files[name].dir);
    // The relationships and shared strings first, the workbook part last: the reader has all it needs
    // to read a sheet at once except the sheets' names.
    const early = ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'];
    const rank = (name: string) => (early.includes(name) ? 0 : name === 'xl/workbook.xml' ? 2 : 1);
    for (const name of parts.sort((a, b) => rank(a) - rank(b)))
      reordered.file(name, await written.files[name].async('uint8array'));
    const file = await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const order = Object.keys((await JSZip.loadAsync(file)).files);
    expect(order.indexOf('xl/workbook.xml')).toBeGreaterThan(order.indexOf('xl/worksheets/sheet2.xml'));

    const rows = [];
    for await (const r of readRows(Readable.from([file]), 'zh-CN')) rows.push(r);
    expect(rows.map((r) => [r.row, r.cells.get('number')?.value, r.cells.get('name')?.value])).toEqual([
      [2, 'LATE-1', '后置工作簿部件'],
    ]);
  });
});

it('cuts chunks only at character boundaries', async () => {
  const text = Buffer.from('履行中€a😀');
  const chunks: Buffer[] = [];
  for (let cut = 1; cut < text.length; cut++) {
    const pieces: (Buffer | string)[] = [];
    for await (const piece of utf8Chunks(Readable.from([text.subarray(0, cut), text.subarray(cut)])))
      pieces.push(piece);
    for (const piece of pieces) expect(Buffer.from(piece as Buffer).toString('utf8')).not.toContain('\ufffd');
    chunks.push(Buffer.concat(pieces.map((p) => Buffer.from(p as Buffer))));
  }
  for (const chunk of chunks) expect(chunk.equals(text)).toBe(true);
});
