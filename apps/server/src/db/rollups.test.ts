import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTarget, testDialects, type TestDatabaseTarget } from '../testing/dialects.js';
import {
  type AppDatabase,
  columnTypes,
  createDatabase,
  createRollup,
  countRollup,
  defineRollup,
  dropRollup,
  findRollupDrift,
  rebuildRollup,
  sumRollup,
} from './index.js';

/** Orders summed per region, status and month, with a measure that coalesces a nullable column. */
const orderRollup = defineRollup({
  table: 'scratch_order_rollup',
  source: 'scratch_order',
  reads: ['region', 'status', 'day', 'amount', 'refund'],
  dimensions: {
    region: (row) => `coalesce(${row}.region, '')`,
    status: (row) => `${row}.status`,
    month: (row, dialect) =>
      dialect === 'postgres'
        ? `coalesce(to_char(${row}.day, 'YYYY-MM'), '')`
        : `coalesce(substr(${row}.day, 1, 7), '')`,
  },
  measures: {
    amount: (row) => `${row}.amount`,
    net: (row) => `${row}.amount - coalesce(${row}.refund, 0)`,
  },
});

const BIG = 9_000_000_000_000; // ¥90 billion in 分: sums stay exact above 2^31

for (const dialect of testDialects()) {
  describe(`rollups [${dialect}]`, () => {
    let target: TestDatabaseTarget;
    let database: AppDatabase;
    let db: Kysely<any>;
    let next = 0;
    const insert = (values: {
      region?: string | null;
      status: string;
      day?: string | null;
      amount: number;
      refund?: number | null;
    }) =>
      db
        .insertInto('scratch_order')
        .values({ id: `o${++next}`, note: '', region: null, day: null, refund: null, ...values })
        .execute();
    const buckets = async () =>
      (
        await sql<
          Record<string, unknown>
        >`select * from scratch_order_rollup order by region, status, month`.execute(db)
      ).rows;

    beforeAll(async () => {
      target = await testDatabaseTarget(dialect);
      database = createDatabase(target.url, { schema: target.schema });
      db = database.db;
      const t = columnTypes(db);
      await db.schema
        .createTable('scratch_order')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('day', t.date)
        .addColumn('amount', t.money, (c) => c.notNull())
        .addColumn('refund', t.money)
        .addColumn('note', 'text', (c) => c.notNull())
        .execute();
      // Rows that exist before the rollup is created are counted by its first fill.
      await insert({ region: 'north', status: 'OPEN', day: '2026-03-05', amount: 100 });
      await createRollup(db, orderRollup);
    });

    afterAll(async () => {
      await database?.close();
      await target?.drop();
    });

    it('counts the rows that were there when it was created', async () => {
      expect(await buckets()).toEqual([
        { region: 'north', status: 'OPEN', month: '2026-03', row_count: 1, amount: 100, net: 100 },
      ]);
    });

    it('keeps every bucket equal to the source through inserts, moves, edits and deletes', async () => {
      await insert({ region: 'north', status: 'OPEN', day: '2026-03-20', amount: BIG, refund: 5 });
      await insert({ region: null, status: 'DRAFT', amount: 7 });
      await insert({ region: 'south', status: 'OPEN', day: '2026-04-01', amount: 30, refund: 10 });
      // A move to another bucket, an edit within one, an edit of a column no measure reads.
      await db.updateTable('scratch_order').set({ status: 'CLOSED' }).where('id', '=', 'o1').execute();
      await db.updateTable('scratch_order').set({ refund: 6 }).where('id', '=', 'o2').execute();
      await db.updateTable('scratch_order').set({ note: 'checked' }).execute();
      await db.deleteFrom('scratch_order').where('id', '=', 'o4').execute();
      expect(await buckets()).toEqual([
        { region: '', status: 'DRAFT', month: '', row_count: 1, amount: 7, net: 7 },
        { region: 'north', status: 'CLOSED', month: '2026-03', row_count: 1, amount: 100, net: 100 },
        { region: 'north', status: 'OPEN', month: '2026-03', row_count: 1, amount: BIG, net: BIG - 6 },
      ]);
      // The emptied south bucket is gone, not left at zero.
      expect(await findRollupDrift(db, orderRollup)).toEqual([]);
    });

    it('sums the matching buckets, grouped or not, with ranges of months', async () => {
      await insert({ region: 'north', status: 'OPEN', day: '2026-05-09', amount: 50 });
      const byStatus = await sumRollup(db, orderRollup, { region: ['north'], month: { from: '2026-03' } }, [
        'status',
      ]);
      expect(byStatus.sort((a, b) => a.status.localeCompare(b.status))).toEqual([
        { status: 'CLOSED', row_count: 1, amount: 100, net: 100 },
        { status: 'OPEN', row_count: 2, amount: BIG + 50, net: BIG + 44 },
      ]);
      expect(await sumRollup(db, orderRollup, { month: { from: '2026-04', to: '2026-05' } }, [])).toEqual([
        { row_count: 1, amount: 50, net: 50 },
      ]);
      // An empty list of values matches nothing (a scope without entities), without asking the database.
      expect(await sumRollup(db, orderRollup, { region: [] }, ['status'])).toEqual([]);
      // Counted alone: the same row counts.
      expect(await countRollup(db, orderRollup, { region: ['north'], month: { from: '2026-03' } })).toBe(3);
      expect(await countRollup(db, orderRollup, { month: { from: '2026-04', to: '2026-05' } })).toBe(1);
      expect(await countRollup(db, orderRollup, { region: [] })).toBe(0);
    });

    it('applies at commit on PostgreSQL, so a writer that locks a shared row first and one that writes first queue instead of deadlocking', async () => {
      if (dialect !== 'postgres') return;
      // The shared row stands for the audit chain's head, which every write transaction locks.
      await sql`create table scratch_head (id integer primary key)`.execute(db);
      await sql`insert into scratch_head (id) values (1)`.execute(db);
      await insert({ region: 'east', status: 'OPEN', day: '2026-07-01', amount: 1 });
      const eastId = `o${next}`;
      const lockHead = (trx: Kysely<any>) =>
        sql`select id from scratch_head where id = 1 for update`.execute(trx);
      let wrote!: () => void;
      const firstWrote = new Promise<void>((resolve) => {
        wrote = resolve;
      });
      let tookHead!: () => void;
      const secondTookHead = new Promise<void>((resolve) => {
        tookHead = resolve;
      });
      // Writes into the east bucket, then wants the head (as a contract's creation then its audit).
      const writesFirst = db.transaction().execute(async (trx) => {
        await trx
          .insertInto('scratch_order')
          .values({
            id: `o${++next}`,
            note: '',
            region: 'east',
            status: 'OPEN',
            day: '2026-07-02',
            amount: 10,
            refund: null,
          })
          .execute();
        wrote();
        await secondTookHead;
        await lockHead(trx);
      });
      // Holds the head, then writes into the same bucket (as a submit: its audit, then the status).
      const locksFirst = db.transaction().execute(async (trx) => {
        await firstWrote;
        await lockHead(trx);
        tookHead();
        await new Promise((resolve) => setTimeout(resolve, 200));
        await trx.updateTable('scratch_order').set({ amount: 5 }).where('id', '=', eastId).execute();
      });
      await Promise.all([writesFirst, locksFirst]);
      expect((await buckets()).filter((bucket) => bucket.region === 'east')).toEqual([
        { region: 'east', status: 'OPEN', month: '2026-07', row_count: 2, amount: 15, net: 15 },
      ]);
      await sql`drop table scratch_head`.execute(db);
    });

    it('finds a bucket that drifted, and a rebuild repairs it', async () => {
      await sql`update scratch_order_rollup set amount = amount + 1 where status = 'CLOSED'`.execute(db);
      await sql`insert into scratch_order_rollup (region, status, month, row_count, amount, net) values ('west', 'OPEN', '', 1, 1, 1)`.execute(
        db,
      );
      const drift = await findRollupDrift(db, orderRollup);
      expect(drift).toEqual([
        {
          key: { region: 'north', status: 'CLOSED', month: '2026-03' },
          stored: { row_count: 1, amount: 101, net: 100 },
          computed: { row_count: 1, amount: 100, net: 100 },
        },
        {
          key: { region: 'west', status: 'OPEN', month: '' },
          stored: { row_count: 1, amount: 1, net: 1 },
          computed: null,
        },
      ]);
      await rebuildRollup(db, orderRollup);
      expect(await findRollupDrift(db, orderRollup)).toEqual([]);
    });

    it('drops cleanly, so a later migration can redefine it', async () => {
      await dropRollup(db, orderRollup);
      await insert({ region: 'east', status: 'OPEN', amount: 1 });
      await createRollup(db, orderRollup);
      expect(await findRollupDrift(db, orderRollup)).toEqual([]);
    });
  });
}
