import {
  formatNumber,
  type NumberingRule,
  numberingIssueText,
  numberingPatternIssue,
  numberingPeriodKey,
} from '@concord/contracts';
import { describe, expect, it } from 'vitest';
import { describeEachDialect, type TestApp } from '../../testing/test-app.js';

let counter = 0;
const code = () => `n_${Date.now().toString(36)}_${counter++}`;

describe('numbering patterns', () => {
  it('accepts patterns with one {seq} and known tokens', () => {
    expect(numberingPatternIssue('{prefix}-{entity}-{yyyy}{mm}-{seq}', 'YEAR')).toBeNull();
    expect(numberingPatternIssue('{prefix}{yy}{seq}', 'YEAR')).toBeNull();
    expect(numberingPatternIssue('{prefix}-{yyyy}{mm}-{seq}', 'MONTH')).toBeNull();
    expect(numberingPatternIssue('NO.{seq}', 'NEVER')).toBeNull();
  });

  it('refuses a missing or repeated {seq}, unknown tokens and stray braces', () => {
    expect(numberingPatternIssue('{prefix}-{yyyy}', 'YEAR')).toEqual({ kind: 'noSeq' });
    expect(numberingPatternIssue('{yyyy}-{seq}-{seq}', 'YEAR')).toEqual({ kind: 'manySeq' });
    expect(numberingPatternIssue('{prefix}-{year}-{seq}', 'YEAR')).toEqual({
      kind: 'unknownToken',
      token: 'year',
    });
    expect(numberingPatternIssue('{yyyy}-{seq}}', 'YEAR')).toEqual({ kind: 'brace' });
    expect(numberingPatternIssue('{yyyy-{seq}', 'YEAR')).toEqual({ kind: 'brace' });
  });

  it('refuses resets the number cannot show, since numbers would repeat', () => {
    expect(numberingPatternIssue('{prefix}-{seq}', 'YEAR')).toEqual({ kind: 'noYear' });
    expect(numberingPatternIssue('{prefix}-{yyyy}-{seq}', 'MONTH')).toEqual({ kind: 'noMonth' });
    expect(numberingIssueText({ kind: 'unknownToken', token: 'year' }, 'en-US')).toContain(
      'unknown token {year}',
    );
    expect(numberingIssueText({ kind: 'noSeq' }, 'zh-CN')).toBe('必须包含流水号 {seq}');
  });

  it('formats tokens and pads the sequence without cutting it', () => {
    const rule = { pattern: '{prefix}-{entity}-{yyyy}{mm}-{seq}', prefix: 'HT', seqWidth: 4 };
    expect(formatNumber(rule, { entityCode: 'TECH', date: '2026-11-05', seq: 7 })).toBe(
      'HT-TECH-202611-0007',
    );
    expect(
      formatNumber({ ...rule, seqWidth: 3 }, { entityCode: 'TECH', date: '2026-11-05', seq: 12345 }),
    ).toBe('HT-TECH-202611-12345');
    expect(
      formatNumber(
        { pattern: '{prefix}{yy}{seq}', prefix: 'BG', seqWidth: 5 },
        { entityCode: 'X', date: '2027-01-31', seq: 1 },
      ),
    ).toBe('BG2700001');
    expect(numberingPeriodKey('YEAR', '2026-11-05')).toBe('2026');
    expect(numberingPeriodKey('MONTH', '2026-11-05')).toBe('2026-11');
    expect(numberingPeriodKey('NEVER', '2026-11-05')).toBe('all');
  });
});

describeEachDialect('numbering rules', (t) => {
  async function rule(t: TestApp, input: Record<string, unknown> = {}): Promise<NumberingRule> {
    const admin = await t.login('admin');
    const response = await admin.post('/api/v1/numbering/rules', {
      code: code(),
      name: '测试编号',
      pattern: '{prefix}-{entity}-{yyyy}{mm}-{seq}',
      prefix: 'HT',
      seqWidth: 4,
      ...input,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  it('creates, reads and updates rules through the API, with an audit trail', async () => {
    const admin = await t().login('admin');
    const created = await rule(t(), { name: '销售合同编号' });
    expect(created).toMatchObject({
      name: '销售合同编号',
      pattern: '{prefix}-{entity}-{yyyy}{mm}-{seq}',
      prefix: 'HT',
      seqWidth: 4,
      reset: 'YEAR',
      active: true,
      description: null,
    });
    // admin acts in the group (GRP); nothing used yet.
    expect(created.nextNumber).toMatch(/^HT-GRP-\d{6}-0001$/);
    expect((await admin.get(`/api/v1/numbering/rules/${created.id}`)).json()).toEqual(created);

    const updated = await admin.patch(`/api/v1/numbering/rules/${created.id}`, {
      prefix: 'XS',
      seqWidth: 6,
      description: '销售类',
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      prefix: 'XS',
      seqWidth: 6,
      description: '销售类',
      code: created.code,
    });
    expect(updated.json().nextNumber).toMatch(/^XS-GRP-\d{6}-000001$/);

    const list = (await admin.get(`/api/v1/numbering/rules?q=${created.code}`)).json();
    expect(list.items.map((r: NumberingRule) => r.id)).toEqual([created.id]);

    const audit = (await admin.get(`/api/v1/audit?entityType=numbering_rule&entityId=${created.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit.items[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'prefix', old: 'HT', new: 'XS' },
        { field: 'seqWidth', old: 4, new: 6 },
      ]),
    );
  });

  it('refuses invalid patterns with NUMBERING_PATTERN_INVALID, duplicate codes and non-group admins', async () => {
    const admin = await t().login('admin');
    const bad = await admin.post('/api/v1/numbering/rules', {
      code: code(),
      name: 'x',
      pattern: '{prefix}-{year}-{seq}',
      prefix: 'HT',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('NUMBERING_PATTERN_INVALID');
    expect(bad.json().detail).toBe(
      '编号规则格式有误：不认识的占位符 {year}，可用：{prefix} {entity} {yyyy} {yy} {mm} {seq}',
    );

    const existing = await rule(t());
    const patched = await admin.patch(`/api/v1/numbering/rules/${existing.id}`, {
      pattern: '{prefix}-{yyyy}',
    });
    expect(patched.json().code).toBe('NUMBERING_PATTERN_INVALID');
    const monthly = await admin.patch(`/api/v1/numbering/rules/${existing.id}`, { reset: 'NEVER' });
    expect(monthly.statusCode).toBe(200);

    const dup = await admin.post('/api/v1/numbering/rules', {
      code: existing.code,
      name: 'x',
      pattern: '{yyyy}{seq}',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DUPLICATE');

    // ma.chao administers 协和科技 only: he may read rules but not change the group's.
    const entityAdmin = await t().login('ma.chao');
    expect((await entityAdmin.get(`/api/v1/numbering/rules/${existing.id}`)).statusCode).toBe(200);
    const refused = await entityAdmin.patch(`/api/v1/numbering/rules/${existing.id}`, { name: 'mine' });
    expect(refused.statusCode).toBe(403);
    // wu.min (staff) may not even read them.
    expect((await (await t().login('wu.min')).get('/api/v1/numbering/rules')).statusCode).toBe(403);
  });

  it('counts per entity and period, and starts again each year', async () => {
    const { numbering, db } = t().services;
    const r = await rule(t());
    const next = (entityCode: string, date: string) =>
      db.transaction().execute((trx) => numbering.next(trx, r.id, { entityCode, date }));
    expect(await next('TECH', '2026-12-30')).toBe('HT-TECH-202612-0001');
    expect(await next('TECH', '2026-12-31')).toBe('HT-TECH-202612-0002');
    expect(await next('CONS', '2026-12-31')).toBe('HT-CONS-202612-0001');
    expect(await next('TECH', '2027-01-01')).toBe('HT-TECH-202701-0001');
    expect(await next('TECH', '2026-06-01')).toBe('HT-TECH-202606-0003');
    expect(await numbering.preview(r.id, { entityCode: 'TECH', date: '2027-03-01' })).toBe(
      'HT-TECH-202703-0002',
    );
    // The preview used nothing up.
    expect(await next('TECH', '2027-03-01')).toBe('HT-TECH-202703-0002');

    const monthly = await rule(t(), {
      pattern: '{prefix}{yyyy}{mm}{seq}',
      prefix: 'M',
      seqWidth: 3,
      reset: 'MONTH',
    });
    const m = (date: string) =>
      db.transaction().execute((trx) => numbering.next(trx, monthly.id, { entityCode: 'TECH', date }));
    expect([await m('2026-11-30'), await m('2026-11-30'), await m('2026-12-01')]).toEqual([
      'M202611001',
      'M202611002',
      'M202612001',
    ]);

    // Without {entity} in the pattern, the whole group shares one sequence, so numbers stay unique.
    const groupWide = await rule(t(), { pattern: '{prefix}-{yyyy}-{seq}', prefix: 'G' });
    const g = (entityCode: string) =>
      db
        .transaction()
        .execute((trx) => numbering.next(trx, groupWide.id, { entityCode, date: '2026-05-05' }));
    expect([await g('TECH'), await g('CONS')]).toEqual(['G-2026-0001', 'G-2026-0002']);
  });

  it('hands out 1..20 to 20 concurrent transactions: no gap, no duplicate', async () => {
    const { numbering, db } = t().services;
    const r = await rule(t(), { pattern: '{entity}{yyyy}{seq}', prefix: '' });
    const numbers = await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction().execute(async (trx) => {
          const number = await numbering.next(trx, r.id, { entityCode: 'CONS', date: '2026-08-08' });
          // Keep the transaction open a little longer while others queue behind the counter's lock.
          await trx.selectFrom('numbering_rule').select('id').where('id', '=', r.id).execute();
          return number;
        }),
      ),
    );
    const sorted = [...numbers].sort();
    expect(sorted).toEqual(Array.from({ length: 20 }, (_, i) => `CONS2026${String(i + 1).padStart(4, '0')}`));
  });

  it('gives the number back when the document rolls back', async () => {
    const { numbering, db } = t().services;
    const r = await rule(t());
    const at = { entityCode: 'GRP', date: '2026-02-02' };
    expect(await db.transaction().execute((trx) => numbering.next(trx, r.id, at))).toBe('HT-GRP-202602-0001');
    await expect(
      db.transaction().execute(async (trx) => {
        expect(await numbering.next(trx, r.id, at)).toBe('HT-GRP-202602-0002');
        throw new Error('the document failed');
      }),
    ).rejects.toThrow('the document failed');
    expect(await db.transaction().execute((trx) => numbering.next(trx, r.id, at))).toBe('HT-GRP-202602-0002');
  });

  it('refuses inactive or unknown rules and previews for another entity', async () => {
    const { numbering, db } = t().services;
    const admin = await t().login('admin');
    const r = await rule(t());
    const cons = await t().given.entityByCode('CONS');
    const preview = await admin.get(
      `/api/v1/numbering/rules/${r.id}/preview?entityId=${cons.id}&date=2026-04-01`,
    );
    expect(preview.json()).toEqual({ number: 'HT-CONS-202604-0001', entityCode: 'CONS', date: '2026-04-01' });
    await admin.patch(`/api/v1/numbering/rules/${r.id}`, { active: false });
    await expect(
      db
        .transaction()
        .execute((trx) => numbering.next(trx, r.id, { entityCode: 'CONS', date: '2026-04-01' })),
    ).rejects.toMatchObject({ code: 'INVALID_REFERENCE' });
    expect((await numbering.findByCode(db, r.code))?.active).toBe(false);
    expect(await numbering.findByCode(db, 'no-such-rule')).toBeUndefined();
  });
});
