import { describe, expect, it } from 'vitest';
import {
  findHeader,
  headerUnit,
  type ImportField,
  isTotalsRow,
  matchHeader,
  normaliseHeader,
} from './index.js';

type Key = 'number' | 'amount' | 'rate' | 'notes';
const fields: ImportField<Key>[] = [
  { key: 'number', names: ['合同编号', '合同号', 'Number'], required: true },
  { key: 'amount', names: ['合同金额（元）', '签约金额', 'Amount'], required: true },
  { key: 'rate', names: ['税率（%）'], required: false },
  { key: 'notes', names: ['备注'], required: false },
];
const row = (...texts: (string | null)[]) =>
  texts.map((value) => (value === null ? null : { value, percent: false }));

it('knows a totals row by its first filled cell', () => {
  expect(isTotalsRow(row(null, '合计', '22 份合同'))).toBe(true);
  expect(isTotalsRow(row('Total', '3 contracts'))).toBe(true);
  expect(isTotalsRow(row('小 计：'))).toBe(true);
  expect(isTotalsRow(row('HT-1', '合计'))).toBe(false);
  expect(isTotalsRow(row(null))).toBe(false);
});

describe('finding the header of a ledger', () => {
  it('compares names without full width, spaces, asterisks, colons or a bracketed unit', () => {
    expect(normaliseHeader(' *合同金额（元） ')).toBe(normaliseHeader('合同金额'));
    expect(normaliseHeader('合 同 编 号：')).toBe('合同编号');
    expect(normaliseHeader('ＡＭＯＵＮＴ')).toBe('amount');
    expect(headerUnit('签约金额（万元）')).toBe('万');
    expect(headerUnit('合同金额(元)')).toBe('元');
    expect(headerUnit('金额【亿元】')).toBe('亿');
    expect(headerUnit('税率（%）')).toBeNull();
  });

  it('matches each field at its first column by any of its names, with the unit the header names', () => {
    const { positions, units } = matchHeader(
      row('序号', '合同号', null, '签约金额（万元）', '税率', '合同编号'),
      fields,
    );
    expect([...positions]).toEqual([
      ['number', 1],
      ['amount', 3],
      ['rate', 4],
    ]);
    expect([...units]).toEqual([['amount', '万']]);
  });

  it('finds the header below title rows, and else names what the likeliest row lacks', () => {
    const sheet = [
      row('2024 年度合同台账'),
      row('导出日期：2024-12-01'),
      row('合同编号', '合同金额（元）', '备注'),
      row('HT-1', '100'),
    ];
    const found = findHeader(sheet, fields);
    expect('found' in found && found.found.at).toBe(2);
    const lacking = findHeader([row('合同台账'), row('合同编号', '备注'), row('HT-1', 'x')], fields);
    expect(lacking).toMatchObject({ missing: [{ key: 'amount' }] });
    expect('best' in lacking && lacking.best?.at).toBe(1);
    expect(findHeader([row('合同台账')], fields)).toEqual({ best: null, missing: fields.slice(0, 2) });
  });
});
