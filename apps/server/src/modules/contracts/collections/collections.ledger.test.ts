/**
 * The ledger's execution columns, on a manual clock: each contract's figures and the totals equal
 * the sums of their sources (payments, receipts, refunds, acceptance), overdue amounts follow the
 * clock, and the overdue list pages within the caller's scope.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fetchPageWithTotals } from '../ledger/ledger.testing.js';
import { ManualClock } from '../../../platform/jobs/index.js';
import { describeEachDialect } from '../../../testing/test-app.js';
import { patchContract, testCategory, testContract, userWith } from '../archive/archive.testing.js';
import { execution, START, seedConsExecutionSettings } from './collections.testing.js';

const clock = new ManualClock(START);

describeEachDialect(
  'contract ledger execution columns',
  (t) => {
    const x = execution(t);
    let categoryId: string;
    let expense: string;
    let income: string;
    let techIncome: string;
    let expenseItems: string[];
    let incomeItem: string;

    beforeAll(async () => {
      clock.set(START);
      await seedConsExecutionSettings(t());
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

    /**
     * The income contract's figures written straight, on the contract and on its one plan item's
     * matched figures (what no item is tied to counts on the item, as figures.service allocates it).
     */
    async function incomeFigures(values: { invoiced_amount?: number; accepted_amount?: number }) {
      await patchContract(t(), income, values);
      await t()
        .services.db.updateTable('contract_plan_item')
        .set({
          ...(values.invoiced_amount !== undefined && { matched_invoiced_amount: values.invoiced_amount }),
          ...(values.accepted_amount !== undefined && { matched_accepted_amount: values.accepted_amount }),
        })
        .where('id', '=', incomeItem)
        .execute();
    }

    it('shows each contract’s execution figures and totals equal to the sums of their sources', async () => {
      const client = await t().login('zhang.wei');
      const page = await fetchPageWithTotals(client, `categoryId=${categoryId}&sort=createdAt&limit=50`);
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
        settledAmount: 0,
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
      const first = await fetchPageWithTotals(client, `categoryId=${categoryId}&sort=-overdueAmount&limit=2`);
      expect(first.items.map((r: { id: string }) => r.id)).toEqual([income, expense]);
      const next = await fetchPageWithTotals(
        client,
        `categoryId=${categoryId}&sort=-overdueAmount&limit=2&cursor=${first.nextCursor}`,
      );
      expect(next.items.map((r: { id: string }) => r.id)).toEqual([techIncome]);
      expect(next.nextCursor).toBeNull();
      const byOutstanding = await fetchPageWithTotals(
        client,
        `categoryId=${categoryId}&sort=outstandingAmount`,
      );
      expect(byOutstanding.items.map((r: { outstandingAmount: number }) => r.outstandingAmount)).toEqual([
        70_000, 420_000, 800_000,
      ]);

      // Invoices and acceptance of the income contract within the 1 元 default tolerance of its receipts.
      await incomeFigures({ invoiced_amount: 80_000, accepted_amount: 80_090 });
      const matched = await fetchPageWithTotals(client, `categoryId=${categoryId}&matchingStatus=MATCHED`);
      // The TECH contract has nothing paid, invoiced or accepted: 0 = 0 = 0 agrees too.
      expect(matched.items.map((r: { id: string }) => r.id).sort()).toEqual([income, techIncome].sort());
      expect(matched.totals.count).toBe(2);
      expect(matched.items.find((r: { id: string }) => r.id === income).matchingStatus).toBe('MATCHED');
      const mismatched = await fetchPageWithTotals(
        client,
        `categoryId=${categoryId}&matchingStatus=MISMATCHED`,
      );
      expect(
        mismatched.items.map((r: { id: string; matchingStatus: string }) => [r.id, r.matchingStatus]),
      ).toEqual([[expense, 'MISMATCHED']]);
      // Beyond the tolerance (1 元 and 0.01 元 too far): mismatched.
      await incomeFigures({ accepted_amount: 80_101 });
      expect(
        (await fetchPageWithTotals(client, `categoryId=${categoryId}&matchingStatus=MISMATCHED`)).totals
          .count,
      ).toBe(2);
      await incomeFigures({ invoiced_amount: 0, accepted_amount: 0 });

      // Once the expense contract's first item is paid in full, only the income contracts are overdue.
      await x.money(expense, expenseItems[0], 'PAYMENT', 'PAID', 100_000);
      await x.refresh(expense);
      const overdue = await fetchPageWithTotals(client, `categoryId=${categoryId}&overdueOnly=true`);
      expect(overdue.items.map((r: { id: string }) => r.id).sort()).toEqual([income, techIncome].sort());
      expect(overdue.totals.overdueAmount).toBe(490_000);

      // A settlement below the current amount lowers what is outstanding.
      await patchContract(t(), expense, { settled_amount: 900_000 });
      const settled = await fetchPageWithTotals(client, `categoryId=${categoryId}&sort=createdAt`);
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
        (await fetchPageWithTotals(client, `categoryId=${categoryId}&sort=createdAt`)).items.find(
          (r: { id: string }) => r.id === expense,
        ).overdueAmount;
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
      expect(incomeRow.getCell(column('逾期金额')).numFmt).toBe('#,##0.00');
      // A real Excel date of that day (no zone shift), shown yyyy-mm-dd.
      expect(incomeRow.getCell(column('下一到期日')).value).toEqual(new Date('2026-02-15T00:00:00Z'));
      expect(incomeRow.getCell(column('下一到期日')).numFmt).toBe('yyyy-mm-dd');
    });

    it('lists overdue receivables and payables within the caller’s scope', async () => {
      const cons = await userWith(t(), {
        entity: 'CONS',
        department: 'MGT',
        permissions: ['contract.view', 'contract.export'],
      });
      const receivables = await cons.client.get('/api/v1/contract-overdue?limit=100');
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
      const all = (await group.get(`/api/v1/contract-overdue?limit=100&sort=-overdueAmount&q=X6`)).json();
      expect(all.items.map((i: { contractId: string }) => i.contractId)).toEqual([income, techIncome]);
      expect(all.nextCursor).toBeNull();
      // The totals apart: a search is summed over the items (the rollup's buckets cannot answer it).
      expect((await group.get('/api/v1/contract-overdue/totals?q=X6')).json()).toEqual({
        count: 2,
        source: 'computed',
        byCurrency: [{ currency: 'CNY', count: 2, overdueAmount: 490_000 }],
      });
      const later = (await group.get('/api/v1/contract-overdue?limit=100&q=X6&minDaysOverdue=10')).json();
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
  },
  { demo: true, clock },
);
