import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTarget, testDialects } from '../testing/dialects.js';
import { type AppDatabase, createDatabase } from './database.js';
import { InProcessReads, ReadBudgetExceeded, WorkerReadPool } from './read-pool.js';

/** A read that keeps SQLite busy for a while: counting to `n` in a recursive query. */
const countTo = (db: AppDatabase['db'], n: number) =>
  db
    .selectFrom(
      sql<{
        x: number;
      }>`(with recursive c(x) as (select 1 union all select x + 1 from c where x < ${n}) select x from c)`.as(
        'c',
      ),
    )
    .select((eb) => eb.fn.countAll<number>().as('count'));

describe('heavy reads on a worker pool (SQLite file)', () => {
  let dir: string;
  let database: AppDatabase;
  let pool: WorkerReadPool;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-read-pool-'));
    database = createDatabase(`sqlite:${path.join(dir, 'pool.db')}`);
    await sql`create table item (id integer primary key, name text not null, amount integer not null)`.execute(
      database.db,
    );
    await sql`insert into item (name, amount) values ('甲', 100), ('乙', 250), ('Gamma', 7)`.execute(
      database.db,
    );
    pool = new WorkerReadPool(path.join(dir, 'pool.db'), 2);
  });
  afterAll(async () => {
    await pool.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts its readers with the first read, and lets go of the file when released', async () => {
    // A file of its own, in WAL mode: leaving WAL mode needs every other connection gone.
    const file = path.join(dir, 'release.db');
    const setup = new Database(file);
    setup.pragma('journal_mode = WAL');
    setup.exec('create table t (n integer); insert into t values (1), (2)');
    setup.close();
    const leaveWal = () => {
      const own = new Database(file);
      own.pragma('busy_timeout = 0');
      try {
        return own.pragma('journal_mode = delete', { simple: true });
      } catch (error) {
        return (error as { code?: string }).code;
      } finally {
        own.close();
      }
    };
    const backToWal = () => {
      const own = new Database(file);
      own.pragma('journal_mode = WAL');
      own.close();
    };
    const lazy = new WorkerReadPool(file, 2);
    // Not started: nothing holds the file.
    expect(leaveWal()).toBe('delete');
    backToWal();
    const query = { compile: () => CompiledQuery.raw('select n from t order by n', []) };
    expect(await lazy.all(query)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(leaveWal()).toBe('SQLITE_BUSY');
    await lazy.release();
    expect(leaveWal()).toBe('delete');
    backToWal();
    // Released, it starts again with the next read.
    expect(await lazy.all(query)).toHaveLength(2);
    await lazy.close();
  });

  it('is released and closed even when a reader has crashed', async () => {
    const broken = new WorkerReadPool(path.join(dir, 'missing', 'none.db'), 1);
    const query = { compile: () => CompiledQuery.raw('select 1 as one', []) };
    await expect(broken.all(query)).rejects.toThrow();
    await broken.release();
    await broken.close();
  }, 5_000);

  it('binds booleans as 0 and 1, as the app’s own connection does', async () => {
    const query = database.db
      .selectFrom('item' as never)
      .select('name' as never)
      .where(sql<boolean>`amount > 10`, '=', true);
    expect(await pool.all(query)).toEqual([{ name: '甲' }, { name: '乙' }]);
  });

  it('answers what the app connection answers, committed writes included', async () => {
    const query = database.db
      .selectFrom('item' as never)
      .select(['name', 'amount'] as never)
      .orderBy('id' as never);
    expect(await pool.all(query)).toEqual([
      { name: '甲', amount: 100 },
      { name: '乙', amount: 250 },
      { name: 'Gamma', amount: 7 },
    ]);
    await sql`insert into item (name, amount) values ('Delta', 1)`.execute(database.db);
    expect(await pool.all(query)).toHaveLength(4);
  });

  it('leaves the event loop free while a long read runs', async () => {
    let turns = 0;
    let reading = true;
    const spin = () => {
      turns++;
      if (reading) setImmediate(spin);
    };
    setImmediate(spin);
    const [{ count }] = await pool.all(countTo(database.db, 3_000_000));
    reading = false;
    expect(count).toBe(3_000_000);
    // On the app's connection the loop would not turn once until the read ends.
    expect(turns).toBeGreaterThan(50);
  });

  it('stops a read over its budget, and the next reads still run', async () => {
    await expect(pool.all(countTo(database.db, 500_000_000), { budgetMs: 100 })).rejects.toBeInstanceOf(
      ReadBudgetExceeded,
    );
    const again = await Promise.all([pool.all(countTo(database.db, 10)), pool.all(countTo(database.db, 20))]);
    expect(again).toEqual([[{ count: 10 }], [{ count: 20 }]]);
  });

  it('refuses a write', async () => {
    const write = database.db.deleteFrom('item' as never);
    await expect(pool.all(write)).rejects.toThrow(/reads only/);
  });
});

describe('heavy reads in process (SQLite in memory)', () => {
  it('runs on the app connection', async () => {
    const database = createDatabase('sqlite::memory:');
    const reads = new InProcessReads(database.db, 'sqlite');
    expect(await reads.all(countTo(database.db, 5))).toEqual([{ count: 5 }]);
    await database.close();
  });
});

describe('heavy reads on PostgreSQL', () => {
  it.runIf(testDialects().includes('postgres'))(
    'stops a read over its budget with the statement timeout',
    async () => {
      const target = await testDatabaseTarget('postgres');
      const database = createDatabase(target.url, { schema: target.schema });
      try {
        const reads = new InProcessReads(database.db, 'postgres');
        const sleep = database.db.selectNoFrom(sql<string>`pg_sleep(2)::text`.as('slept'));
        await expect(reads.all(sleep, { budgetMs: 100 })).rejects.toBeInstanceOf(ReadBudgetExceeded);
        const quick = database.db.selectNoFrom(sql<number>`1`.as('one'));
        expect(await reads.all(quick, { budgetMs: 1_000 })).toEqual([{ one: 1 }]);
      } finally {
        await database.close();
        await target.drop();
      }
    },
  );
});
