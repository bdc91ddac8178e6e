import { describe, expect, it } from 'vitest';
import { columnLetter, headerColumns, proposalFor, unmappedRequired, withColumn } from './importMapping';
import type { ImportInspection } from './importTypes';

const inspection: ImportInspection = {
  fileId: 'f',
  fileName: 'a.xlsx',
  headerRow: 2,
  preview: [
    { row: 1, cells: ['台账', '', ''] },
    { row: 2, cells: ['编号', '', '金额'] },
    { row: 3, cells: ['A-1', '备注', '100'] },
  ],
  fields: [
    { key: 'number', label: '合同编号', required: true, help: '' },
    { key: 'amount', label: '合同金额', required: true, help: '' },
    { key: 'body', label: '正文', required: false, help: '' },
  ],
  mapping: [{ field: 'amount', column: 2 }],
  mappingSource: 'matched',
  suggestions: [
    { row: 1, mapping: [] },
    { row: 2, mapping: [{ field: 'amount', column: 2 }] },
  ],
};

describe('the import mapping step', () => {
  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('offers the header row’s columns, also one with data under an empty header', () => {
    expect(headerColumns(inspection, 2)).toEqual([
      { index: 0, letter: 'A', header: '编号' },
      { index: 1, letter: 'B', header: '' },
      { index: 2, letter: 'C', header: '金额' },
    ]);
    expect(headerColumns(inspection, 4)).toEqual([]);
  });

  it('proposes the matched columns of another header row, and keeps one column per field', () => {
    expect(proposalFor(inspection, 2)).toEqual([{ field: 'amount', column: 2 }]);
    expect(proposalFor(inspection, 1)).toEqual([]);
    const mapped = withColumn(inspection.mapping, 'number', 0);
    expect(unmappedRequired(inspection.fields, mapped)).toEqual([]);
    // Column C given to the number takes it from the amount.
    expect(withColumn(mapped, 'number', 2)).toEqual([{ field: 'number', column: 2 }]);
    expect(withColumn(mapped, 'amount', null)).toEqual([{ field: 'number', column: 0 }]);
    expect(unmappedRequired(inspection.fields, []).map((f) => f.key)).toEqual(['number', 'amount']);
  });
});
