import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations } from '../app.js';
import { testDatabaseTarget, testDialects, type TestDatabaseTarget } from '../testing/dialects.js';
import {
  type AppDatabase,
  columnTypes,
  createDatabase,
  dialectOfUrl,
  likePattern,
  migrateToLatest,
  newId,
  readBool,
  readInstant,
  readJson,
  writeJson,
} from './index.js';

const BIG_MONEY = 9_000_000_000_000; // ¥90 billion in 分: far above 2^31

interface Sample {
  id: string;
  name: string;
  amount: number;
  flag: boolean;
  data: unknown;
  day: string | null;
  at: string | null;
}

const ids = {
  a: '01900000-0000-7000-8000-00000000000a',
  b: '01900000-0000-7000-8000-00000000000b',
  c: '01900000-0000-7000-8000-00000000000c',
};

const samples: Sample[] = [
  {
    id: ids.a,
    name: 'big',
    amount: BIG_MONEY,
    flag: true,
    data: { zero: 0, items: [1, 2, 3], nested: { text: '合同', ok: true, zz: 1, b: 2, aaa: 3 } },
    day: '2026-01-31',
    at: '2026-03-01T08:30:00.000Z',
  },
  {
    id: ids.b,
    name: 'negative',
    amount: -12_345,
    flag: false,
    data: ['a', null, 1.5],
    day: '2024-02-29',
    at: '1999-12-31T23:59:59.999Z',
  },
  { id: ids.c, name: 'empty', amount: 0, flag: false, data: null, day: null, at: null },
];

/** What every dialect must answer for the samples, after the portable read helpers. */
const expectedRows = [
  {
    id: ids.a,
    name: 'big',
    amount: BIG_MONEY,
    flag: true,
    data: { items: [1, 2, 3], nested: { aaa: 3, b: 2, ok: true, text: '合同', zz: 1 }, zero: 0 },
    day: '2026-01-31',
    at: '2026-03-01T08:30:00.000Z',
  },
  { id: ids.c, name: 'empty', amount: 0, flag: false, data: null, day: null, at: null },
  {
    id: ids.b,
    name: 'negative',
    amount: -12_345,
    flag: false,
    data: ['a', null, 1.5],
    day: '2024-02-29',
    at: '1999-12-31T23:59:59.999Z',
  },
];

function portable(row: Record<string, unknown>) {
  return {
    id: row.id,
    name: row.name,
    amount: row.amount,
    flag: readBool(row.flag),
    data: readJson(row.data, null),
    day: row.day,
    at: readInstant(row.at),
  };
}

describe('likePattern', () => {
  it('wraps the text in % and escapes the LIKE wildcards and the escape character', () => {
    expect(likePattern('abc')).toBe('%abc%');
    expect(likePattern('50%')).toBe('%50\\%%');
    expect(likePattern('a_b')).toBe('%a\\_b%');
    expect(likePattern('c:\\dir')).toBe('%c:\\\\dir%');
  });
});

describe('readJson', () => {
  it('parses text, passes parsed values through and answers keys sorted at every level', () => {
    const fromText = readJson<Record<string, unknown>>('{"b":1,"a":{"zz":1,"c":[{"y":1,"x":2}]}}', {});
    expect(JSON.stringify(fromText)).toBe('{"a":{"c":[{"x":2,"y":1}],"zz":1},"b":1}');
    const parsed = readJson<Record<string, unknown>>({ b: 1, a: 2 }, {});
    expect(Object.keys(parsed)).toEqual(['a', 'b']);
    expect(readJson(null, 'none')).toBe('none');
    expect(readJson('[3,1,2]', [])).toEqual([3, 1, 2]);
  });

  it('sorts below keys already in order, and hands back what needs no sorting as it is', () => {
    const nested = readJson<Record<string, unknown>>('{"a":{"d":1,"c":2},"b":[{"y":1,"x":2},{"k":1}]}', {});
    expect(JSON.stringify(nested)).toBe('{"a":{"c":2,"d":1},"b":[{"x":2,"y":1},{"k":1}]}');
    const inOrder = { a: [{ b: 1, c: [1, { d: 2 }] }], e: null };
    expect(readJson(inOrder, null)).toBe(inOrder);
    // Integer-like keys come first in any object; sorted as text they are "10" before "2".
    expect(Object.keys(readJson<object>('{"2":1,"10":2,"a":3}', {}))).toEqual(['2', '10', 'a']);
  });

  it('keeps a "__proto__" key as data', () => {
    const value = readJson<Record<string, unknown>>('{"__proto__":{"polluted":true}}', {});
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(value)).toEqual(['__proto__']);
  });
});

describe('dialectOfUrl', () => {
  it('names the dialect of a URL and refuses unknown ones', () => {
    expect(dialectOfUrl('sqlite::memory:')).toBe('sqlite');
    expect(dialectOfUrl('sqlite:data/x.db')).toBe('sqlite');
    expect(dialectOfUrl('postgres://u:p@h/db')).toBe('postgres');
    expect(dialectOfUrl('postgresql://u:p@h/db')).toBe('postgres');
    expect(() => dialectOfUrl('mysql://h/db')).toThrow(/Unsupported DATABASE_URL/);
  });
});

for (const dialect of testDialects()) {
  describe(`database [${dialect}]`, () => {
    let target: TestDatabaseTarget;
    let database: AppDatabase;
    let db: Kysely<any>;

    beforeAll(async () => {
      target = await testDatabaseTarget(dialect);
      database = createDatabase(target.url, { schema: target.schema });
      db = database.db;
      const t = columnTypes(db);
      await db.schema
        .createTable('scratch_sample')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('amount', t.money, (c) => c.notNull())
        .addColumn('flag', t.bool, (c) => c.notNull())
        .addColumn('data', t.json)
        .addColumn('day', t.date)
        .addColumn('at', t.instant)
        .execute();
      await db
        .insertInto('scratch_sample')
        .values(samples.map((s) => ({ ...s, data: s.data === null ? null : writeJson(s.data) })))
        .execute();
    });

    afterAll(async () => {
      await database?.close();
      await target?.drop();
    });

    it('knows its dialect', () => {
      expect(database.dialect).toBe(dialect);
      expect(typeof database.sqliteBackup === 'function').toBe(dialect === 'sqlite');
    });

    it('returns the same JSON for the same rows', async () => {
      const rows = await db.selectFrom('scratch_sample').selectAll().orderBy('name').execute();
      expect(rows.map(portable)).toStrictEqual(expectedRows);
      // Serialised the way the API serialises: identical text on every dialect.
      expect(JSON.stringify(rows.map(portable))).toBe(JSON.stringify(expectedRows));
    });

    it('round-trips ids', async () => {
      const id = newId();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      await db.insertInto('scratch_sample').values({ id, name: 'temp', amount: 1, flag: true }).execute();
      const row = await db
        .selectFrom('scratch_sample')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.id).toBe(id);
      await db.deleteFrom('scratch_sample').where('id', '=', id).execute();
    });

    it('returns money above 2^31 as an exact JavaScript number', async () => {
      const row = await db
        .selectFrom('scratch_sample')
        .select('amount')
        .where('id', '=', ids.a)
        .executeTakeFirstOrThrow();
      expect(typeof row.amount).toBe('number');
      expect(row.amount).toBe(9_000_000_000_000);
      expect(Number.isSafeInteger(row.amount)).toBe(true);
      // Filtering and arithmetic on the column stay exact too.
      const above = await db
        .selectFrom('scratch_sample')
        .select('name')
        .where('amount', '>', 2 ** 31)
        .execute();
      expect(above).toEqual([{ name: 'big' }]);
    });

    it('maps booleans to true/false through readBool', async () => {
      const rows = await db.selectFrom('scratch_sample').select(['name', 'flag']).orderBy('name').execute();
      expect(rows.map((r) => [r.name, readBool(r.flag)])).toEqual([
        ['big', true],
        ['empty', false],
        ['negative', false],
      ]);
      // Booleans bind as parameters on both dialects (SQLite through the 0/1 plugin).
      const trueOnes = await db
        .selectFrom('scratch_sample')
        .select('name')
        .where('flag', '=', true)
        .execute();
      expect(trueOnes).toEqual([{ name: 'big' }]);
    });

    it('round-trips JSON through writeJson/readJson', async () => {
      const rows = await db.selectFrom('scratch_sample').select(['name', 'data']).orderBy('name').execute();
      const byName = Object.fromEntries(rows.map((r) => [r.name, readJson(r.data, 'fallback')]));
      expect(byName).toEqual({
        big: { items: [1, 2, 3], nested: { aaa: 3, b: 2, ok: true, text: '合同', zz: 1 }, zero: 0 },
        empty: 'fallback',
        negative: ['a', null, 1.5],
      });
    });

    it("keeps dates as 'YYYY-MM-DD' and returns instants as ISO strings", async () => {
      const row = await db
        .selectFrom('scratch_sample')
        .select(['day', 'at'])
        .where('id', '=', ids.b)
        .executeTakeFirstOrThrow();
      expect(row.day).toBe('2024-02-29');
      expect(readInstant(row.at)).toBe('1999-12-31T23:59:59.999Z');
      // Dates compare as dates on both dialects.
      const since = await db
        .selectFrom('scratch_sample')
        .select('name')
        .where('day', '>=', '2025-01-01')
        .execute();
      expect(since).toEqual([{ name: 'big' }]);
    });

    it('returns count(*) and sum() as numbers', async () => {
      const row = await db
        .selectFrom('scratch_sample')
        .select([sql<number>`count(*)`.as('n'), sql<number>`sum(amount)`.as('total')])
        .executeTakeFirstOrThrow();
      expect(row).toStrictEqual({ n: 3, total: BIG_MONEY - 12_345 });
      const builder = await db
        .selectFrom('scratch_sample')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount').as('total')])
        .where('amount', '<', 0)
        .executeTakeFirstOrThrow();
      expect(builder).toStrictEqual({ n: 1, total: -12_345 });
    });

    it('matches LIKE patterns from likePattern literally', async () => {
      const t = columnTypes(db);
      await db.schema
        .createTable('scratch_like')
        .addColumn('name', t.text, (c) => c.primaryKey())
        .execute();
      await db
        .insertInto('scratch_like')
        .values(['50% off', '500 off', 'a_b', 'axb', 'c:\\dir', 'c:xdir'].map((name) => ({ name })))
        .execute();
      const find = async (text: string) =>
        (
          await db
            .selectFrom('scratch_like')
            .select('name')
            .where('name', 'like', sql<string>`${likePattern(text)} escape '\\'`)
            .orderBy('name')
            .execute()
        ).map((r) => r.name);
      expect(await find('50%')).toEqual(['50% off']);
      expect(await find('a_b')).toEqual(['a_b']);
      expect(await find('c:\\dir')).toEqual(['c:\\dir']);
      expect(await find('off')).toEqual(['50% off', '500 off']);
    });

    it('applies every migration once, then none', async () => {
      const applied = await migrateToLatest(db, allMigrations, { schema: target.schema });
      expect(applied.length).toBe(allMigrations.reduce((n, set) => n + Object.keys(set).length, 0));
      expect(applied).toEqual([...applied].sort());
      expect(await migrateToLatest(db, allMigrations, { schema: target.schema })).toEqual([]);
      const counted = await db
        .selectFrom('org_user')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      expect(counted.n).toBe(0);
      const head = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
      expect(head).toStrictEqual({ seq: 0, hash: 'GENESIS' });
    });
  });
}
