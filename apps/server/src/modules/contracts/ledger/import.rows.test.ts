import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRows } from './import.rows.js';
import { workbook } from './import.testing.js';

describe('reading an import workbook streamed', () => {
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
      for await (const _ of readRows(Readable.from([file]), locale, maxRows));
    };
    await expect(read(1, 'zh-CN')).rejects.toThrow('每个文件最多 1 行数据，请拆分后分批导入');
    await expect(read(1, 'en-US')).rejects.toThrow(
      'a file may hold at most 1 rows; split it and import the parts',
    );
    await expect(read(2, 'zh-CN')).resolves.toBeUndefined();
  });
});
