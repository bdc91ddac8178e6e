import type { FormField } from '@concord/contracts';
import { describe, expect, it } from 'vitest';
import { isCalendarDate, validateFormData } from './forms.validation.js';

const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const f = (field: Partial<FormField> & Pick<FormField, 'key' | 'type'>): FormField => ({
  label: field.key,
  required: false,
  ...field,
});
const paths = (fields: FormField[], data: unknown) =>
  validateFormData(fields, data, { locale: 'en-US' }).errors.map((e) => e.path);

describe('validateFormData', () => {
  it('text and textarea: trimmed, typed, bounded by maxLength or a default', () => {
    const fields = [
      f({ key: 'a', type: 'text', maxLength: 5, required: true }),
      f({ key: 'b', type: 'textarea' }),
    ];
    expect(validateFormData(fields, { a: '  abc ', b: 'x' })).toMatchObject({
      data: { a: 'abc', b: 'x' },
      errors: [],
    });
    expect(paths(fields, { a: 'abcdef' })).toEqual(['data.a']);
    expect(paths(fields, { a: 12 })).toEqual(['data.a']);
    expect(paths(fields, { a: '   ' })).toEqual(['data.a']);
    expect(paths(fields, { a: 'a', b: 'x'.repeat(5001) })).toEqual(['data.b']);
  });

  it('refuses keys the form does not have and leaves empty optional values out', () => {
    const fields = [f({ key: 'a', type: 'text' })];
    expect(validateFormData(fields, { a: '' }).data).toEqual({});
    expect(paths(fields, { zzz: 1 })).toEqual(['data.zzz']);
    expect(paths([f({ key: 'a', type: 'text', required: true })], null)).toEqual(['data.a']);
  });

  it('number: finite, within min and max', () => {
    const fields = [f({ key: 'n', type: 'number', min: 1, max: 10 })];
    expect(validateFormData(fields, { n: 2.5 }).data).toEqual({ n: 2.5 });
    for (const n of [0, 11, '5', Number.NaN, true])
      expect(paths(fields, { n }), String(n)).toEqual(['data.n']);
  });

  it('money: whole 分, not negative unless min allows, within bounds', () => {
    const fields = [f({ key: 'm', type: 'money', max: 100_000_00 })];
    expect(validateFormData(fields, { m: 123456 }).data).toEqual({ m: 123456 });
    expect(validateFormData(fields, { m: 0 }).data).toEqual({ m: 0 });
    for (const m of [12.5, -1, 100_000_01, 2 ** 60, '100'])
      expect(paths(fields, { m }), String(m)).toEqual(['data.m']);
    expect(paths([f({ key: 'm', type: 'money', min: -500 })], { m: -400 })).toEqual([]);
  });

  it('percent: whole basis points from 0% to 100% (13% is 1300), said in the user language', () => {
    const fields = [f({ key: 'p', type: 'percent' })];
    expect(validateFormData(fields, { p: 1300 }).data).toEqual({ p: 1300 });
    expect(validateFormData(fields, { p: 0 }).data).toEqual({ p: 0 });
    for (const p of [12.5, -1, 10_001, '13%']) expect(paths(fields, { p }), String(p)).toEqual(['data.p']);
    expect(validateFormData(fields, { p: 15_000 }, { locale: 'zh-CN' }).errors[0].message).toBe(
      '应为 0% 到 100% 之间的百分比，最多两位小数',
    );
  });

  it('date: a real calendar day as YYYY-MM-DD', () => {
    const fields = [f({ key: 'd', type: 'date' })];
    expect(paths(fields, { d: '2026-02-28' })).toEqual([]);
    for (const d of ['2026-02-30', '2026-2-3', '2026-03-15T00:00:00Z', 20260315])
      expect(paths(fields, { d })).toEqual(['data.d']);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
  });

  it('dateRange: two dates, the end not before the start', () => {
    const fields = [f({ key: 'r', type: 'dateRange' })];
    expect(validateFormData(fields, { r: ['2026-03-01', '2026-03-01'] }).data).toEqual({
      r: ['2026-03-01', '2026-03-01'],
    });
    const result = validateFormData(fields, { r: ['2026-03-02', '2026-03-01'] }, { locale: 'en-US' });
    expect(result.errors).toEqual([
      { path: 'data.r', message: 'the end date must not be before the start date' },
    ]);
    for (const r of [['2026-03-01'], '2026-03-01', ['2026-03-01', 'x'], ['a', 'b', 'c']])
      expect(paths(fields, { r })).toEqual(['data.r']);
  });

  it('select and multiSelect: only the options', () => {
    const options = [
      { value: 'a', label: 'A' },
      { value: 'b', label: 'B' },
    ];
    const fields = [f({ key: 's', type: 'select', options }), f({ key: 'm', type: 'multiSelect', options })];
    expect(validateFormData(fields, { s: 'a', m: ['b', 'a', 'b'] }).data).toEqual({ s: 'a', m: ['b', 'a'] });
    expect(paths(fields, { s: 'c' })).toEqual(['data.s']);
    expect(paths(fields, { s: ['a'] })).toEqual(['data.s']);
    expect(paths(fields, { m: ['a', 'z'] })).toEqual(['data.m']);
    expect(paths(fields, { m: 'a' })).toEqual(['data.m']);
  });

  it('user, department and attachment: ids, returned as references for the service to confirm', () => {
    const fields = [
      f({ key: 'u', type: 'user' }),
      f({ key: 'd', type: 'department' }),
      f({ key: 'files', type: 'attachment' }),
    ];
    const result = validateFormData(fields, {
      u: id(1).toUpperCase(),
      d: id(2),
      files: [id(3), id(3), id(4)],
    });
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({ u: id(1), d: id(2), files: [id(3), id(4)] });
    expect(result.references).toEqual([
      { kind: 'user', id: id(1), path: 'data.u' },
      { kind: 'department', id: id(2), path: 'data.d' },
      { kind: 'file', id: id(3), path: 'data.files' },
      { kind: 'file', id: id(4), path: 'data.files' },
    ]);
    expect(paths(fields, { u: 'nobody', d: 5, files: ['x'] })).toEqual(['data.u', 'data.d', 'data.files']);
    expect(paths(fields, { files: Array.from({ length: 21 }, (_, i) => id(i)) })).toEqual(['data.files']);
  });

  it('table: rows checked per column with row paths, at most 200 rows, required means a row', () => {
    const table = f({
      key: 'items',
      type: 'table',
      required: true,
      columns: [
        { key: 'item', label: 'Item', type: 'text', required: true },
        { key: 'amount', label: 'Amount', type: 'money', required: true },
        { key: 'owner', label: 'Owner', type: 'user', required: false },
      ],
    });
    const ok = validateFormData([table], {
      items: [
        { item: ' Pens ', amount: 1200 },
        { item: 'Desk', amount: 99900, owner: id(7) },
      ],
    });
    expect(ok.errors).toEqual([]);
    expect(ok.data).toEqual({
      items: [
        { item: 'Pens', amount: 1200 },
        { item: 'Desk', amount: 99900, owner: id(7) },
      ],
    });
    expect(ok.references).toEqual([{ kind: 'user', id: id(7), path: 'data.items.1.owner' }]);
    expect(paths([table], { items: [] })).toEqual(['data.items']);
    expect(paths([table], { items: [{ item: 'x', amount: 1.5 }, { amount: 1, extra: 1 }, 'row'] })).toEqual([
      'data.items.0.amount',
      'data.items.1.extra',
      'data.items.1.item',
      'data.items.2',
    ]);
    const many = Array.from({ length: 201 }, () => ({ item: 'x', amount: 1 }));
    expect(paths([table], { items: many })).toEqual(['data.items']);
    expect(paths([table], { items: many.slice(0, 200) })).toEqual([]);
  });

  it('words messages in the caller language', () => {
    const fields = [f({ key: 'a', type: 'text', required: true })];
    expect(validateFormData(fields, {}).errors[0].message).toBe('必填');
    expect(validateFormData(fields, {}, { locale: 'en-US' }).errors[0].message).toBe('is required');
  });
});
