/** Comparing two contract versions: field differences, a line diff of the body, attachments added and removed. */
import type { ContractAttachment } from '@concord/contracts';
import { describe, expect, it } from 'vitest';
import { compareVersions, type VersionContent } from './versions.compare.js';

const file = (n: number, type: ContractAttachment['type'] = 'ANNEX'): ContractAttachment => ({
  fileId: `0190f000-0000-7000-8000-00000000000${n}`,
  type,
  name: `附件${n}.pdf`,
});

const base: VersionContent = {
  fields: {
    name: '钢材采购合同',
    amount: 1_130_000,
    taxRate: 1300,
    endDate: '2026-12-31',
    partnerBank: null,
  },
  body: '第一条 标的\n第二条 价款\n第三条 交付',
  attachments: [file(1, 'SIGNED_SCAN'), file(2)],
};

describe('compareVersions', () => {
  it('lists the fields whose values differ, with before and after, in the newer version’s key order', () => {
    const result = compareVersions(base, {
      ...base,
      fields: {
        ...base.fields,
        amount: 1_250_000,
        partnerBank: { bankName: '工商银行', accountName: '甲公司', accountNumber: '6222 0000' },
        endDate: '2027-06-30',
      },
    });
    expect(result.fields).toEqual([
      { field: 'amount', before: 1_130_000, after: 1_250_000 },
      { field: 'endDate', before: '2026-12-31', after: '2027-06-30' },
      {
        field: 'partnerBank',
        before: null,
        after: { bankName: '工商银行', accountName: '甲公司', accountNumber: '6222 0000' },
      },
    ]);
  });

  it('treats a missing key like null and reports keys only the older version has last', () => {
    const result = compareVersions(
      { ...base, fields: { name: 'A', projectRef: 'PRJ-1', budgetRef: null } },
      { ...base, fields: { name: 'B', signDate: '2026-05-01' } },
    );
    expect(result.fields).toEqual([
      { field: 'name', before: 'A', after: 'B' },
      { field: 'signDate', before: null, after: '2026-05-01' },
      { field: 'projectRef', before: 'PRJ-1', after: null },
    ]);
  });

  it('compares nested values by content, not identity', () => {
    const result = compareVersions(
      { ...base, fields: { customData: { a: 1, b: [1, 2] } } },
      { ...base, fields: { customData: { a: 1, b: [1, 2] } } },
    );
    expect(result.fields).toEqual([]);
  });

  it('diffs the body line by line: equal, removed and added lines in reading order', () => {
    const result = compareVersions(base, {
      ...base,
      body: '第一条 标的\n第二条 价款（含税）\n第三条 交付\n第四条 违约责任',
    });
    expect(result.body).toEqual([
      { op: 'equal', line: '第一条 标的' },
      { op: 'removed', line: '第二条 价款' },
      { op: 'added', line: '第二条 价款（含税）' },
      { op: 'equal', line: '第三条 交付' },
      { op: 'added', line: '第四条 违约责任' },
    ]);
  });

  it('shows an unchanged body as equal lines, an empty pair as nothing, and a new body as added lines', () => {
    expect(compareVersions(base, { ...base }).body).toEqual([
      { op: 'equal', line: '第一条 标的' },
      { op: 'equal', line: '第二条 价款' },
      { op: 'equal', line: '第三条 交付' },
    ]);
    expect(compareVersions({ ...base, body: '' }, { ...base, body: '' }).body).toEqual([]);
    expect(compareVersions({ ...base, body: '' }, { ...base, body: '甲方\n乙方' }).body).toEqual([
      { op: 'added', line: '甲方' },
      { op: 'added', line: '乙方' },
    ]);
    expect(compareVersions(base, { ...base, body: '' }).body.map((l) => l.op)).toEqual([
      'removed',
      'removed',
      'removed',
    ]);
  });

  it('reports attachments added and removed by file, ignoring ones kept', () => {
    const result = compareVersions(base, {
      ...base,
      attachments: [file(1, 'SIGNED_SCAN'), file(3, 'QUOTATION')],
    });
    expect(result.attachments).toEqual({ added: [file(3, 'QUOTATION')], removed: [file(2)] });
    expect(compareVersions(base, base).attachments).toEqual({ added: [], removed: [] });
  });
});
