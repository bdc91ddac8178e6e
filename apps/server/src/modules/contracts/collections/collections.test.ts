/**
 * Collections and the ledger's execution columns, on a manual clock: the ledger's figures and totals
 * equal the sums of their sources (payments, receipts, refunds, acceptance), overdue amounts follow
 * the clock, the overdue list pages within the caller's scope, and the daily scan reminds before a
 * due date and escalates after it (owner → department head → finance) on the configured days, once.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, writeJson } from '../../../db/index.js';
import { ManualClock } from '../../../platform/jobs/index.js';
import { describeEachDialect, type TestApp } from '../../../testing/test-app.js';
import { patchContract, testCategory, testContract, userWith } from '../archive/archive.testing.js';
import { type CollectionSettings, collectionStep, DEFAULT_COLLECTION_SETTINGS } from './collections.jobs.js';

const DAY = 24 * 3600 * 1000;
// 09:00 in Beijing on 1 March 2026.
const START = '2026-03-01T01:00:00.000Z';
const clock = new ManualClock(START);

describe('collection steps', () => {
  const settings: CollectionSettings = {
    remindBeforeDays: [7, 1],
    ownerAfterDays: 0,
    headAfterDays: 7,
    financeAfterDays: 15,
  };
  it('reminds on the configured days before, then escalates owner → head → finance after the due date', () => {
    const due = '2026-03-20';
    expect(collectionStep(settings, '2026-03-12', due)).toBeNull(); // 8 days before
    expect(collectionStep(settings, '2026-03-13', due)).toBe('before:7');
    expect(collectionStep(settings, '2026-03-15', due)).toBe('before:7'); // same step: deduplicated
    expect(collectionStep(settings, '2026-03-19', due)).toBe('before:1');
    expect(collectionStep(settings, '2026-03-20', due)).toBe('owner'); // due today, owner after 0 days
    expect(collectionStep(settings, '2026-03-26', due)).toBe('owner');
    expect(collectionStep(settings, '2026-03-27', due)).toBe('head');
    expect(collectionStep(settings, '2026-04-04', due)).toBe('finance');
    // A month past the last escalation the scan stops looking.
    expect(collectionStep(settings, '2026-05-04', due)).toBe('finance');
    expect(collectionStep(settings, '2026-05-05', due)).toBeNull();
  });

  it('waits for the owner day when it is later than the due date, and uses the defaults', () => {
    const late = { ...settings, ownerAfterDays: 3 };
    expect(collectionStep(late, '2026-03-21', '2026-03-20')).toBeNull();
    expect(collectionStep(late, '2026-03-23', '2026-03-20')).toBe('owner');
    expect(DEFAULT_COLLECTION_SETTINGS).toEqual({
      remindBeforeDays: [7, 1],
      ownerAfterDays: 0,
      headAfterDays: 7,
      financeAfterDays: 15,
    });
  });
});

/** Plan items, payments and deliveries written into the execution tables, then the figures refreshed. */
function execution(app: () => TestApp) {
  const db = () => app().services.db;
  return {
    async item(contractId: string, seq: number, dueDate: string, amount: number): Promise<string> {
      const id = newId();
      const now = app().services.clock.now().toISOString();
      await db()
        .insertInto('contract_plan_item')
        .values({
          id,
          contract_id: contractId,
          seq,
          name: `第${seq}期`,
          due_date: dueDate,
          amount,
          percentage: null,
          condition_text: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return id;
    },
    async money(
      contractId: string,
      itemId: string | null,
      kind: 'PAYMENT' | 'RECEIPT' | 'REFUND',
      status: string,
      amount: number,
      extra: Record<string, unknown> = {},
    ): Promise<string> {
      const c = await db()
        .selectFrom('contract')
        .select(['entity_id', 'department_id', 'owner_id'])
        .where('id', '=', contractId)
        .executeTakeFirstOrThrow();
      const id = newId();
      const now = app().services.clock.now().toISOString();
      await db()
        .insertInto('contract_payment')
        .values({
          id,
          contract_id: contractId,
          plan_item_id: itemId,
          kind,
          number: `X6-${randomUUID().slice(0, 12)}`,
          amount,
          status,
          refund_of_id: null,
          purpose: null,
          entity_id: c.entity_id,
          department_id: c.department_id,
          requested_by: c.owner_id,
          instance_id: null,
          paid_on: null,
          bank_account: null,
          method: null,
          reference: null,
          override_reason: null,
          override_by: null,
          idempotency_key: null,
          request_hash: null,
          created_at: now,
          updated_at: now,
          ...extra,
        })
        .execute();
      return id;
    },
    async accept(
      contractId: string,
      itemId: string | null,
      delivered: number,
      accepted: number,
    ): Promise<void> {
      const c = await db()
        .selectFrom('contract')
        .select('owner_id')
        .where('id', '=', contractId)
        .executeTakeFirstOrThrow();
      const now = app().services.clock.now().toISOString();
      await db()
        .insertInto('contract_delivery')
        .values({
          id: newId(),
          contract_id: contractId,
          plan_item_id: itemId,
          description: '交付',
          quantity: null,
          unit: null,
          delivered_amount: delivered,
          delivered_on: '2026-02-20',
          status: 'ACCEPTED',
          accepted_amount: accepted,
          accepted_on: '2026-02-21',
          accepted_by: c.owner_id,
          acceptance_note: null,
          file_ids: writeJson([]),
          created_by: c.owner_id,
          created_at: now,
          updated_at: now,
        })
        .execute();
    },
    refresh: (contractId: string) =>
      db()
        .transaction()
        .execute((trx) => app().services.contractFigures.refresh(trx, contractId)),
  };
}

describeEachDialect(
  'contract collections and ledger execution columns',
  (t) => {
    const x = execution(t);
    let categoryId: string;
    let expense: string;
    let income: string;
    let techIncome: string;
    let expenseItems: string[];
    let incomeItem: string;

    /** One day of the runner: the scans, then the notices they queued. */
    async function runDay() {
      for (let round = 0; round < 50; round++) {
        if ((await t().services.jobRunner.tick()).ran === 0) return;
      }
      throw new Error('the job runner never ran dry');
    }

    async function notices(link: string) {
      const rows = await t()
        .services.db.selectFrom('notification_item')
        .select(['recipient_id', 'kind', 'params', 'created_at'])
        .where('link', '=', link)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => ({
        recipient: r.recipient_id as string,
        kind: r.kind as string,
        params: typeof r.params === 'string' ? JSON.parse(r.params) : r.params,
      }));
    }

    beforeAll(async () => {
      clock.set(START);
      const db = t().services.db;
      const cons = await t().given.entityByCode('CONS');
      // CONS's own settings (whatever the demo's group row says): tolerance 1 元; 5 and 2 days before; owner 1, head 4, finance 8 days after.
      await db
        .insertInto('contract_execution_setting')
        .values({
          entity_id: cons.id,
          tolerance_amount: 100,
          tolerance_rate: 0,
          remind_before_days: writeJson([5, 2]),
          owner_after_days: 1,
          head_after_days: 4,
          finance_after_days: 8,
          updated_at: t().services.clock.now().toISOString(),
        })
        .execute();
      categoryId = (await testCategory(t(), 0)).id;
      expense = await testContract(t(), {
        entity: 'CONS',
        department: 'ENG-1',
        owner: 'wu.min',
        status: 'IN_FORCE',
        categoryId,
        amount: 1_000_000,
        name: 'X6 支出合同',
      });
      expenseItems = [
        await x.item(expense, 1, '2026-02-01', 300_000),
        await x.item(expense, 2, '2026-04-01', 400_000),
        await x.item(expense, 3, '2026-06-01', 300_000),
      ];
      await x.money(expense, expenseItems[0], 'PAYMENT', 'PAID', 200_000);
      await x.money(expense, expenseItems[1], 'PAYMENT', 'IN_APPROVAL', 100_000);
      await x.money(expense, expenseItems[1], 'PAYMENT', 'REJECTED', 50_000);
      await x.accept(expense, expenseItems[0], 260_000, 250_000);
      await x.refresh(expense);

      income = await testContract(t(), {
        entity: 'CONS',
        department: 'ENG-1',
        owner: 'wu.min',
        status: 'IN_FORCE',
        categoryId,
        amount: 500_000,
        name: 'X6 收入合同',
      });
      await patchContract(t(), income, { direction: 'INCOME' });
      incomeItem = await x.item(income, 1, '2026-02-15', 500_000);
      const receipt = await x.money(income, incomeItem, 'RECEIPT', 'RECEIVED', 100_000);
      await x.money(income, incomeItem, 'REFUND', 'REFUNDED', 20_000, { refund_of_id: receipt });
      await x.refresh(income);

      techIncome = await testContract(t(), {
        entity: 'TECH',
        department: 'SALES',
        owner: 'he.jun',
        status: 'IN_FORCE',
        categoryId,
        amount: 70_000,
        name: 'X6 科技收入合同',
      });
      await patchContract(t(), techIncome, { direction: 'INCOME' });
      await x.item(techIncome, 1, '2026-02-20', 70_000);
      await x.refresh(techIncome);
    });
    afterAll(() => clock.set(START));

    it('shows each contract’s execution figures and totals equal to the sums of their sources', async () => {
      const client = await t().login('zhang.wei');
      const res = await client.get(`/api/v1/contracts?categoryId=${categoryId}&sort=createdAt&limit=50`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      const byId = new Map(page.items.map((row: { id: string }) => [row.id, row]));
      expect(byId.get(expense)).toMatchObject({
        plannedAmount: 1_000_000,
        requestedAmount: 100_000,
        paidAmount: 200_000,
        receivedAmount: 0,
        invoicedAmount: 0,
        acceptedAmount: 250_000,
        settledAmount: null,
        outstandingAmount: 800_000,
        // Item 1 (due 1 Feb) has 100 000 open; item 2 falls due in April.
        overdueAmount: 100_000,
        nextDueDate: '2026-02-01',
        matchingStatus: 'MISMATCHED',
      });
      expect(byId.get(income)).toMatchObject({
        plannedAmount: 500_000,
        paidAmount: 0,
        // 100 000 received less a 20 000 refund.
        receivedAmount: 80_000,
        outstandingAmount: 420_000,
        overdueAmount: 420_000,
        nextDueDate: '2026-02-15',
      });
      expect(byId.get(techIncome)).toMatchObject({
        receivedAmount: 0,
        overdueAmount: 70_000,
        outstandingAmount: 70_000,
      });

      // The totals, from one aggregate query, equal the sums of the source rows.
      const db = t().services.db;
      const ids = [expense, income, techIncome];
      const payments = (kind: string, statuses: string[]) =>
        db
          .selectFrom('contract_payment')
          .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('s'))
          .where('contract_id', 'in', ids)
          .where('kind', '=', kind)
          .where('status', 'in', statuses)
          .executeTakeFirstOrThrow()
          .then((row) => row.s);
      const paidOut = await payments('PAYMENT', ['PAID']);
      const received = (await payments('RECEIPT', ['RECEIVED'])) - (await payments('REFUND', ['REFUNDED']));
      const requested = await payments('PAYMENT', ['IN_APPROVAL', 'APPROVED']);
      const { accepted } = await db
        .selectFrom('contract_delivery')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('accepted_amount'), eb.lit(0)).as('accepted'))
        .where('contract_id', 'in', ids)
        .executeTakeFirstOrThrow();
      const { planned } = await db
        .selectFrom('contract_plan_item')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('planned'))
        .where('contract_id', 'in', ids)
        .executeTakeFirstOrThrow();
      expect(page.totals).toEqual({
        count: 3,
        amount: 1_570_000,
        signedAmount: 1_570_000,
        currentAmount: 1_570_000,
        plannedAmount: planned,
        requestedAmount: requested,
        paidAmount: paidOut,
        receivedAmount: received,
        invoicedAmount: 0,
        acceptedAmount: accepted,
        outstandingAmount: 1_570_000 - paidOut - received,
        overdueAmount: 100_000 + 420_000 + 70_000,
      });
      expect([planned, requested, paidOut, received, accepted]).toEqual([
        1_570_000, 100_000, 200_000, 80_000, 250_000,
      ]);
    });

    it('sorts and keyset-pages on the money columns, and filters overdue only and by matching status', async () => {
      const client = await t().login('zhang.wei');
      const first = (
        await client.get(`/api/v1/contracts?categoryId=${categoryId}&sort=-overdueAmount&limit=2`)
      ).json();
      expect(first.items.map((r: { id: string }) => r.id)).toEqual([income, expense]);
      const next = (
        await client.get(
          `/api/v1/contracts?categoryId=${categoryId}&sort=-overdueAmount&limit=2&cursor=${first.nextCursor}`,
        )
      ).json();
      expect(next.items.map((r: { id: string }) => r.id)).toEqual([techIncome]);
      expect(next.nextCursor).toBeNull();
      const byOutstanding = (
        await client.get(`/api/v1/contracts?categoryId=${categoryId}&sort=outstandingAmount`)
      ).json();
      expect(byOutstanding.items.map((r: { outstandingAmount: number }) => r.outstandingAmount)).toEqual([
        70_000, 420_000, 800_000,
      ]);

      // Invoices and acceptance of the income contract within the 1 元 default tolerance of its receipts.
      await patchContract(t(), income, { invoiced_amount: 80_000, accepted_amount: 80_090 });
      const matched = (
        await client.get(`/api/v1/contracts?categoryId=${categoryId}&matchingStatus=MATCHED`)
      ).json();
      // The TECH contract has nothing paid, invoiced or accepted: 0 = 0 = 0 agrees too.
      expect(matched.items.map((r: { id: string }) => r.id).sort()).toEqual([income, techIncome].sort());
      expect(matched.totals.count).toBe(2);
      expect(matched.items.find((r: { id: string }) => r.id === income).matchingStatus).toBe('MATCHED');
      const mismatched = (
        await client.get(`/api/v1/contracts?categoryId=${categoryId}&matchingStatus=MISMATCHED`)
      ).json();
      expect(
        mismatched.items.map((r: { id: string; matchingStatus: string }) => [r.id, r.matchingStatus]),
      ).toEqual([[expense, 'MISMATCHED']]);
      // Beyond the tolerance (1 元 and 0.01 元 too far): mismatched.
      await patchContract(t(), income, { accepted_amount: 80_101 });
      expect(
        (await client.get(`/api/v1/contracts?categoryId=${categoryId}&matchingStatus=MISMATCHED`)).json()
          .totals.count,
      ).toBe(2);
      await patchContract(t(), income, { invoiced_amount: 0, accepted_amount: 0 });

      // Once the expense contract's first item is paid in full, only the income contracts are overdue.
      await x.money(expense, expenseItems[0], 'PAYMENT', 'PAID', 100_000);
      await x.refresh(expense);
      const overdue = (
        await client.get(`/api/v1/contracts?categoryId=${categoryId}&overdueOnly=true`)
      ).json();
      expect(overdue.items.map((r: { id: string }) => r.id).sort()).toEqual([income, techIncome].sort());
      expect(overdue.totals.overdueAmount).toBe(490_000);

      // A settlement below the current amount lowers what is outstanding.
      await patchContract(t(), expense, { settled_amount: 900_000 });
      const settled = (await client.get(`/api/v1/contracts?categoryId=${categoryId}&sort=createdAt`)).json();
      expect(settled.items.find((r: { id: string }) => r.id === expense)).toMatchObject({
        settledAmount: 900_000,
        paidAmount: 300_000,
        outstandingAmount: 600_000,
      });
      await patchContract(t(), expense, { settled_amount: null });

      expect((await client.get('/api/v1/contracts?sort=-notAField')).statusCode).toBe(400);
    });

    it('moves overdue amounts with the clock', async () => {
      const client = await t().login('zhang.wei');
      const overdueOf = async () =>
        (await client.get(`/api/v1/contracts?categoryId=${categoryId}&sort=createdAt`))
          .json()
          .items.find((r: { id: string }) => r.id === expense).overdueAmount;
      expect(await overdueOf()).toBe(0);
      clock.set('2026-04-02T01:00:00.000Z'); // item 2 (400 000 less 0 paid) is a day late
      expect(await overdueOf()).toBe(400_000);
      clock.set('2026-06-02T01:00:00.000Z');
      expect(await overdueOf()).toBe(700_000);
      clock.set(START);
    });

    it('exports the execution columns', async () => {
      const client = await t().login('zhang.wei');
      const res = await client.get(`/api/v1/contracts/export?categoryId=${categoryId}&sort=createdAt`);
      expect(res.statusCode, res.body).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as never);
      const sheet = workbook.worksheets[0];
      const headers = (sheet.getRow(1).values as unknown[]).slice(1);
      const column = (name: string) => headers.indexOf(name) + 1;
      expect(column('逾期金额')).toBeGreaterThan(0);
      const incomeRow = [2, 3, 4]
        .map((n) => sheet.getRow(n))
        .find((row) => row.getCell(2).value === 'X6 收入合同')!;
      expect(incomeRow.getCell(column('已收金额')).value).toBe(800);
      expect(incomeRow.getCell(column('逾期金额')).value).toBe(4200);
      expect(incomeRow.getCell(column('下一到期日')).value).toBe('2026-02-15');
    });

    it('lists overdue receivables and payables within the caller’s scope', async () => {
      const cons = await userWith(t(), {
        entity: 'CONS',
        department: 'MGT',
        permissions: ['contract.view', 'contract.export'],
      });
      const receivables = await cons.client.get('/api/v1/contract-overdue?pageSize=100');
      expect(receivables.statusCode, receivables.body).toBe(200);
      const mine = receivables
        .json()
        .items.filter((i: { contractId: string }) => [income, techIncome].includes(i.contractId));
      // The TECH contract is outside the CONS user's scope.
      expect(mine).toEqual([
        expect.objectContaining({
          itemId: incomeItem,
          contractId: income,
          direction: 'INCOME',
          dueDate: '2026-02-15',
          amount: 500_000,
          paidAmount: 80_000,
          overdueAmount: 420_000,
          daysOverdue: 14,
          ownerName: expect.any(String),
          entityName: expect.any(String),
        }),
      ]);
      expect(
        receivables.json().items.every((i: { entityId: string }) => i.entityId === mine[0].entityId),
      ).toBe(true);

      const group = await t().login('zhang.wei');
      const all = (await group.get(`/api/v1/contract-overdue?pageSize=100&sort=-overdueAmount&q=X6`)).json();
      expect(all.items.map((i: { contractId: string }) => i.contractId)).toEqual([income, techIncome]);
      expect(all.overdueByCurrency).toEqual([{ currency: 'CNY', count: 2, overdueAmount: 490_000 }]);
      const later = (await group.get('/api/v1/contract-overdue?pageSize=100&q=X6&minDaysOverdue=10')).json();
      expect(later.items.map((i: { contractId: string }) => i.contractId)).toEqual([income]);

      clock.set('2026-04-03T01:00:00.000Z');
      const payables = (await group.get('/api/v1/contract-overdue?direction=EXPENSE&q=X6')).json();
      expect(payables.items).toEqual([
        expect.objectContaining({ contractId: expense, seq: 2, overdueAmount: 400_000, daysOverdue: 2 }),
      ]);
      clock.set(START);

      const exported = await cons.client.get('/api/v1/contract-overdue/export');
      expect(exported.statusCode, exported.body).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported.rawPayload as never);
      const names = workbook.worksheets[0].getColumn(2).values as unknown[];
      expect(names).toContain('X6 收入合同');
      expect(names).not.toContain('X6 科技收入合同');

      const outsider = await userWith(t(), {
        entity: 'CONS',
        department: 'MGT',
        permissions: ['partner.view'],
      });
      expect((await outsider.client.get('/api/v1/contract-overdue')).statusCode).toBe(403);
    });

    it('reminds before the due date and escalates owner → head → finance on the configured days, once each', async () => {
      const owner = await t().given.userByUsername('wu.min');
      const head = await t().given.userByUsername('feng.bo'); // head of CONS ENG-1
      const finance = await userWith(t(), {
        entity: 'CONS',
        department: 'FIN',
        permissions: ['contract.view', 'contract.pay'],
      });
      const contract = await testContract(t(), {
        entity: 'CONS',
        department: 'ENG-1',
        owner: 'wu.min',
        status: 'IN_FORCE',
        categoryId,
        amount: 100_000,
        name: 'X6 催收合同',
      });
      await patchContract(t(), contract, { direction: 'INCOME' });
      const item = await x.item(contract, 1, '2026-03-10', 100_000);
      const paidItem = await x.item(contract, 2, '2026-03-10', 0);
      await x.refresh(contract);
      const link = `/contracts/${contract}?tab=schedule`;

      clock.set(START);
      const seen: Record<string, { kind: string; recipients: string[]; days: number }[]> = {};
      let before = 0;
      for (let day = 1; day <= 20; day++) {
        await runDay();
        const all = await notices(link);
        const today = `2026-03-${String(day).padStart(2, '0')}`;
        const fresh = all.slice(before);
        before = all.length;
        if (fresh.length) {
          const kinds = [...new Set(fresh.map((n) => n.kind))];
          seen[today] = kinds.map((kind) => ({
            kind,
            recipients: fresh
              .filter((n) => n.kind === kind)
              .map((n) => n.recipient)
              .sort(),
            days: fresh.find((n) => n.kind === kind)!.params.days,
          }));
        }
        clock.advance(DAY);
      }
      const financeHolders = seen['2026-03-18']?.[0]?.recipients ?? [];
      expect(financeHolders).toContain(finance.id);
      expect(financeHolders).not.toContain(head.id);
      expect(seen).toEqual({
        '2026-03-05': [{ kind: 'contract.receivableDue', recipients: [owner.id], days: 5 }],
        '2026-03-08': [{ kind: 'contract.receivableDue', recipients: [owner.id], days: 2 }],
        '2026-03-11': [{ kind: 'contract.receivableOverdue', recipients: [owner.id], days: 1 }],
        '2026-03-14': [{ kind: 'contract.receivableOverdue', recipients: [head.id], days: 4 }],
        '2026-03-18': [{ kind: 'contract.receivableOverdue', recipients: financeHolders, days: 8 }],
      });
      // The item with nothing to collect was never reminded of.
      expect(paidItem).toBeTruthy();
      const [escalated] = (await notices(link)).filter((n) => n.recipient === head.id);
      expect(escalated.params).toMatchObject({
        amount: '¥1,000.00',
        days: 4,
        dueDate: '2026-03-10',
        item: '第1期',
      });
      const inbox = (await (await t().login('feng.bo')).get('/api/v1/notifications?pageSize=50')).json();
      const body = inbox.items.find((n: { link: string }) => n.link === link)?.body as string;
      expect(body).toContain('逾期 4 天');
      expect(body).toContain('¥1,000.00');

      // Paid in full: no more reminders even when the scan runs again.
      await x.money(contract, item, 'RECEIPT', 'RECEIVED', 100_000);
      await x.refresh(contract);
      clock.set('2026-04-05T01:00:00.000Z');
      await runDay();
      expect((await notices(link)).length).toBe(before);
      clock.set(START);
    });
  },
  { demo: true, clock },
);
