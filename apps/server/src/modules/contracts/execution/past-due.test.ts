/**
 * The stored past-due amounts, on a manual clock and a real database: the ledger's overdue total
 * comes from its rollup while the past-due day is today, and equals the open money of the items due
 * before today in every state — before the first run, on the day the clock has moved but the job has
 * not, after the job moved the day (a window of days, or everything at once), after payments. The
 * overdue list's totals (count of items and open money per currency) follow the same rule.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readJson } from '../../../db/index.js';
import { ManualClock } from '../../../platform/jobs/index.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { patchContract, testCategory, testContract } from '../archive/archive.testing.js';
import { execution, START } from '../collections/collections.testing.js';
import { fetchLedgerTotals } from '../ledger/ledger.testing.js';
import { advancePastDueDay, PAST_DUE_JOB } from './past-due.js';
import { pastDueDay } from './past-due.repository.js';
import { PAST_DUE_CHECK_JOB } from './past-due.check.js';

const clock = new ManualClock(START);

describeEachDialect(
  'contract past-due amounts',
  (t) => {
    const x = execution(t);
    let categoryId: string;
    let group: ApiClient;
    const contracts: string[] = [];

    /** The oracle: open money on items due before today, of the category's contracts in force. */
    async function openMoneyDue(today: string): Promise<number> {
      const { overdue } = await t()
        .services.db.selectFrom('contract_plan_item as i')
        .innerJoin('contract as c', 'c.id', 'i.contract_id')
        .select((eb) =>
          eb.fn
            .coalesce(eb.fn.sum<number>(eb('i.amount', '-', eb.ref('i.paid_amount'))), eb.lit(0))
            .as('overdue'),
        )
        .where('c.category_id', '=', categoryId)
        .where('c.status', '=', 'IN_FORCE')
        .where('i.due_date', '<', today)
        .whereRef('i.paid_amount', '<', 'i.amount')
        .executeTakeFirstOrThrow();
      return Number(overdue);
    }
    const today = () => clock.now().toISOString().slice(0, 10);
    /** The overdue list's totals of payables, and the oracle: the open items due before today. */
    async function expectOverdueTotals(source: 'rollup' | 'computed'): Promise<void> {
      const oracle = await t()
        .services.db.selectFrom('contract_plan_item as i')
        .innerJoin('contract as c', 'c.id', 'i.contract_id')
        .select((eb) => [
          'c.currency',
          eb.fn.countAll<number>().as('count'),
          eb.fn.sum<number>(eb('i.amount', '-', eb.ref('i.paid_amount'))).as('open'),
        ])
        .where('c.direction', '=', 'EXPENSE')
        .where('c.status', '=', 'IN_FORCE')
        .where('i.due_date', '<', today())
        .whereRef('i.paid_amount', '<', 'i.amount')
        .groupBy('c.currency')
        .orderBy('c.currency')
        .execute();
      const answer = (await group.get('/api/v1/contract-overdue/totals?direction=EXPENSE')).json();
      expect(answer.source).toBe(source);
      expect(answer.byCurrency).toEqual(
        oracle.map((row) => ({
          currency: row.currency,
          count: Number(row.count),
          overdueAmount: Number(row.open),
        })),
      );
      expect(answer.count).toBe(oracle.reduce((sum, row) => sum + Number(row.count), 0));
    }
    const totals = () => fetchLedgerTotals(group, `categoryId=${categoryId}`);
    const listed = async (sort = 'createdAt') =>
      (await group.get(`/api/v1/contracts?categoryId=${categoryId}&sort=${sort}&limit=50`)).json().items as {
        id: string;
        overdueAmount: number;
      }[];
    async function runJobs(): Promise<void> {
      for (let round = 0; round < 10; round++) if ((await t().services.jobRunner.tick()).ran === 0) return;
    }

    beforeAll(async () => {
      clock.set(START); // 2026-03-01, 09:00 in Beijing
      categoryId = (await testCategory(t(), 0)).id;
      group = await t().login('zhang.wei');
      for (const [i, dues] of [
        ['2026-02-01', '2026-03-10', '2026-05-28'],
        ['2026-02-20', '2026-03-05'],
        ['2026-01-15'],
      ].entries()) {
        const id = await testContract(t(), {
          entity: i === 2 ? 'TECH' : 'CONS',
          department: i === 2 ? 'SALES' : 'ENG-1',
          owner: i === 2 ? 'he.jun' : 'wu.min',
          status: 'IN_FORCE',
          categoryId,
          amount: 900_000,
          name: `逾期测试 ${i}`,
        });
        for (const [seq, due] of dues.entries()) await x.item(id, seq + 1, due, 300_000 - i * 50_000);
        await x.refresh(id);
        contracts.push(id);
      }
    });
    afterAll(() => clock.set(START));

    it('answers from the rollup on the past-due day, equal to the open money due before today', async () => {
      await advancePastDueDay(t().services.db, today());
      expect(await pastDueDay(t().services.db)).toEqual({ day: '2026-03-01', computedDay: '2026-03-01' });
      // Contract 0: item 1 (300 000); contract 1: item 1 (250 000); contract 2: item 1 (200 000).
      const expected = await openMoneyDue(today());
      expect(expected).toBe(750_000);
      const answer = await totals();
      expect(answer.source).toBe('rollup');
      expect(answer.all.overdueAmount).toBe(expected);
      const rows = await listed();
      expect(rows.reduce((sum, row) => sum + row.overdueAmount, 0)).toBe(expected);
      await expectOverdueTotals('rollup');
    });

    it('keeps the stored amounts with every payment, without the job', async () => {
      await x.money(contracts[0], null, 'PAYMENT', 'PAID', 0);
      const items = await t()
        .services.db.selectFrom('contract_plan_item')
        .select('id')
        .where('contract_id', '=', contracts[0])
        .orderBy('seq')
        .execute();
      await x.money(contracts[0], items[0].id, 'PAYMENT', 'PAID', 120_000);
      await x.refresh(contracts[0]);
      expect((await totals()).all.overdueAmount).toBe(750_000 - 120_000);
      // A contract that leaves force leaves the overdue total (the rollup's trigger moves it).
      await patchContract(t(), contracts[2], { status: 'COMPLETED' });
      expect((await totals()).all.overdueAmount).toBe(await openMoneyDue(today()));
      await expectOverdueTotals('rollup');
      await patchContract(t(), contracts[2], { status: 'IN_FORCE' });
      expect((await totals()).all.overdueAmount).toBe(630_000);
      await expectOverdueTotals('rollup');
    });

    it('sorts by the overdue amount through its index, in the order of the amounts shown', async () => {
      const rows = await listed('-overdueAmount');
      const amounts = rows.map((row) => row.overdueAmount);
      expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
      expect(amounts[0]).toBe(250_000);
    });

    it('stays right when the clock moves before the job, and the hourly job moves the day', async () => {
      clock.set('2026-03-06T01:00:00.000Z'); // contract 1's item 2 (due 5 March) is a day late
      const expected = await openMoneyDue(today());
      expect(expected).toBe(630_000 + 250_000);
      // The stored day is behind: the total is summed from the plan items meanwhile.
      expect((await totals()).all.overdueAmount).toBe(expected);
      await expectOverdueTotals('computed');
      clock.set('2026-03-06T01:06:00.000Z');
      await runJobs();
      expect(await pastDueDay(t().services.db)).toEqual({ day: '2026-03-06', computedDay: '2026-03-06' });
      const stored = await t()
        .services.db.selectFrom('contract')
        .select(['past_due_open_amount', 'past_due_open_items'])
        .where('id', '=', contracts[1])
        .executeTakeFirstOrThrow();
      expect(Number(stored.past_due_open_amount)).toBe(500_000);
      expect(Number(stored.past_due_open_items)).toBe(2);
      expect((await totals()).all.overdueAmount).toBe(expected);
      await expectOverdueTotals('rollup');
      const jobs = await t()
        .services.db.selectFrom('job')
        .select('type')
        .where('type', '=', PAST_DUE_JOB)
        .execute();
      expect(jobs.length).toBeGreaterThan(0);
    });

    it('recomputes every contract when the day was never set or is long past', async () => {
      const { db } = t().services;
      await db
        .updateTable('contract_past_due_day')
        .set({ day: null, computed_day: null })
        .where('id', '=', 1)
        .execute();
      // A stored amount gone wrong: a run from no day rewrites it from the plan items.
      await db
        .updateTable('contract')
        .set({ past_due_open_amount: 1, past_due_open_items: 9 })
        .where('id', '=', contracts[0])
        .execute();
      clock.set('2026-06-02T01:00:00.000Z');
      expect(await advancePastDueDay(db, today())).toBeGreaterThanOrEqual(3);
      expect((await totals()).all.overdueAmount).toBe(await openMoneyDue(today()));
      await expectOverdueTotals('rollup');
      expect(await advancePastDueDay(db, today())).toBe(0);
      // The clock back by a week: the window's contracts are recomputed as of the earlier day.
      clock.set('2026-05-26T01:00:00.000Z');
      await advancePastDueDay(db, today());
      expect((await totals()).all.overdueAmount).toBe(await openMoneyDue(today()));
      await expectOverdueTotals('rollup');
      expect(await openMoneyDue(today())).toBeLessThan(await openMoneyDue('2026-06-02'));
    });

    it('corrects a stored figure gone wrong at the nightly check, and records it on the contract', async () => {
      const { db, jobs } = t().services;
      const stored = () =>
        db
          .selectFrom('contract')
          .select(['past_due_open_amount', 'past_due_open_items'])
          .where('id', '=', contracts[1])
          .executeTakeFirstOrThrow();
      const right = await stored();
      await db
        .updateTable('contract')
        .set({ past_due_open_items: 7, past_due_open_amount: Number(right.past_due_open_amount) + 1 })
        .where('id', '=', contracts[1])
        .execute();
      const repairs = () =>
        db
          .selectFrom('audit_log')
          .select('changes')
          .where('entity_id', '=', contracts[1])
          .where('action', '=', 'past_due_repair')
          .execute();
      expect(await jobs.enqueue(db, PAST_DUE_CHECK_JOB, {})).toBeTruthy();
      await runJobs();
      expect(await stored()).toEqual(right);
      const [entry, ...more] = await repairs();
      expect(more).toEqual([]);
      expect(readJson(entry.changes, [])).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'past_due_open_items', old: 7 })]),
      );
      expect((await totals()).all.overdueAmount).toBe(await openMoneyDue(today()));
      await expectOverdueTotals('rollup');
      // Nothing differs now: a second run corrects nothing.
      expect(await jobs.enqueue(db, PAST_DUE_CHECK_JOB, {})).toBeTruthy();
      await runJobs();
      expect(await repairs()).toHaveLength(1);
    });
  },
  { demo: true, clock },
);
