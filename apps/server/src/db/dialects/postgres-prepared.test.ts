import { sql } from 'kysely';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabaseTarget, testDatabaseTarget, testDialects } from '../../testing/dialects.js';
import { preparingPool } from './postgres-prepared.js';

/**
 * PostgreSQL: a parameterised statement is prepared once per connection and reused with other values;
 * past the limit the least recently used one is deallocated and prepared again when it comes back.
 */
describe.runIf(testDialects().includes('postgres'))('prepared statements [postgres]', () => {
  let target: TestDatabaseTarget;
  let pool: pg.Pool;
  let db: Kysely<any>;
  const prepared = async (trx: Kysely<any>) =>
    (
      await sql<{
        statement: string;
      }>`select statement from pg_prepared_statements where name like 'concord_%' order by statement`.execute(
        trx,
      )
    ).rows.map((r) => r.statement);

  beforeAll(async () => {
    target = await testDatabaseTarget('postgres');
    pool = new pg.Pool({ connectionString: target.url, max: 1 });
    db = new Kysely<any>({ dialect: new PostgresDialect({ pool: preparingPool(pool, 2) }) });
  });
  afterAll(async () => {
    await db?.destroy();
    await target?.drop();
  });

  it('prepares a statement once per connection and answers each run with its own values', async () => {
    const square = (n: number) => sql<{ v: number }>`select ${n}::int * ${n}::int as v`.execute(db);
    expect((await square(3)).rows).toEqual([{ v: 9 }]);
    expect((await square(12)).rows).toEqual([{ v: 144 }]);
    expect(await prepared(db)).toEqual(['select $1::int * $2::int as v']);
  });

  it('deallocates the least recently used past the limit and prepares it again when it returns', async () => {
    const add = (n: number) => sql<{ v: number }>`select ${n}::int + 1 as v`.execute(db);
    const sub = (n: number) => sql<{ v: number }>`select ${n}::int - 1 as v`.execute(db);
    expect((await add(1)).rows).toEqual([{ v: 2 }]);
    expect((await sub(1)).rows).toEqual([{ v: 0 }]);
    // Two kept: the square of the first test was the least recently used and is gone.
    expect(await prepared(db)).toEqual(['select $1::int + 1 as v', 'select $1::int - 1 as v']);
    const square = (n: number) => sql<{ v: number }>`select ${n}::int * ${n}::int as v`.execute(db);
    expect((await square(5)).rows).toEqual([{ v: 25 }]);
    expect(await prepared(db)).toEqual(['select $1::int * $2::int as v', 'select $1::int - 1 as v']);
  });
});
