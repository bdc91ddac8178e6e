/**
 * Amounts in the record's own currency: the ledger and overdue exports write each amount in its
 * contract's currency (a 币种 column, that currency's digits and number format) with a totals row
 * per currency under the rows, and the overdue, oversight and exceptions list rows say their
 * currency. Two CNY contracts, a USD and a JPY one (yen have no minor unit), in a company of the
 * test's own on an empty database.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/jobs/index.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';

// 09:00 in Beijing on 1 March 2026; the items fall due on the 10th and are looked at on the 15th.
const clock = new ManualClock('2026-03-01T01:00:00.000Z');

interface Sheet {
  headers: string[];
  /** Data and totals rows below the header, as header → cell. */
  rows: Record<string, ExcelJS.Cell>[];
}

async function readSheet(body: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as never);
  const sheet = workbook.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.Cell>[] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1)])));
  }
  return { headers, rows };
}

const cells = (row: Record<string, ExcelJS.Cell>, ...headers: string[]) => headers.map((h) => row[h].value);

describeEachDialect(
  'amounts in the record’s own currency',
  (t) => {
    let client: ApiClient;
    let entityId: string;
    const ids: Record<'cny' | 'cny2' | 'usd' | 'jpy', string> = { cny: '', cny2: '', usd: '', jpy: '' };

    beforeAll(async () => {
      const { given } = t();
      const world = await given.world();
      entityId = world.entityId;
      const cny = await given.activeContract({ income: true, name: '人民币合同', amount: 1_000_000 });
      await given.planItems(cny.id, [{ amount: 400_000, dueDate: '2026-03-10' }, { dueDate: '2026-04-10' }]);
      const cny2 = await given.activeContract({ income: true, name: '人民币合同二', amount: 234_567 });
      const usd = await given.activeContract({
        income: true,
        name: 'Dollar contract',
        currency: 'USD',
        amount: 250_050,
      });
      await given.planItems(usd.id, [{ dueDate: '2026-03-10' }]);
      // $500.00 received against $2,500.50 due and nothing invoiced: an exception beyond tolerance.
      await given.receipt(usd.id, { amount: 50_000 });
      const jpy = await given.activeContract({
        income: true,
        name: 'Yen contract',
        currency: 'JPY',
        amount: 1_200_000,
      });
      await given.planItems(jpy.id, [{ dueDate: '2026-03-10' }]);
      Object.assign(ids, { cny: cny.id, cny2: cny2.id, usd: usd.id, jpy: jpy.id });
      clock.set('2026-03-15T01:00:00.000Z');
      client = await t().login(world.registrar.username, world.registrar.password);
    });

    describe('the ledger export', () => {
      it('writes each amount in its contract’s currency and a totals row per currency', async () => {
        const res = await client.get(`/api/v1/contracts/export?entityId=${entityId}&sort=createdAt`);
        expect(res.statusCode, res.body).toBe(200);
        const { headers, rows } = await readSheet(res.rawPayload);
        expect(headers).toEqual(expect.arrayContaining(['币种', '合同金额', '已收金额', '逾期金额']));
        expect(headers.filter((h) => h.includes('元'))).toEqual([]);
        expect(rows).toHaveLength(7); // four contracts, then CNY, JPY and USD totals
        const [cny, cny2, usd, jpy, ...totals] = rows;
        expect(cells(cny, '合同名称', '币种', '合同金额', '逾期金额')).toEqual([
          '人民币合同',
          'CNY',
          10_000,
          4_000,
        ]);
        expect(cny.合同金额.numFmt).toBe('#,##0.00');
        expect(cells(cny2, '币种', '合同金额')).toEqual(['CNY', 2_345.67]);
        expect(cells(usd, '合同名称', '币种', '合同金额', '已收金额', '逾期金额')).toEqual([
          'Dollar contract',
          'USD',
          2_500.5,
          500,
          2_000.5,
        ]);
        expect(usd.合同金额.numFmt).toBe('#,##0.00');
        // Yen have no minor unit: ¥1,200,000 is 1 200 000 units, not 12 000.
        expect(cells(jpy, '币种', '合同金额', '逾期金额')).toEqual(['JPY', 1_200_000, 1_200_000]);
        expect(jpy.合同金额.numFmt).toBe('#,##0');
        expect(
          totals.map((row) => cells(row, '合同编号', '合同名称', '币种', '合同金额', '逾期金额')),
        ).toEqual([
          ['合计', '2 份合同', 'CNY', 12_345.67, 4_000],
          ['合计', '1 份合同', 'JPY', 1_200_000, 1_200_000],
          ['合计', '1 份合同', 'USD', 2_500.5, 2_000.5],
        ]);
        expect(totals.map((row) => row.合同金额.numFmt)).toEqual(['#,##0.00', '#,##0', '#,##0.00']);
        expect(totals[0].合同金额.font?.bold).toBe(true);
      });
    });

    describe('the overdue list and its export', () => {
      it('lists each overdue item with its contract’s currency', async () => {
        const res = await client.get(`/api/v1/contract-overdue?entityId=${entityId}&sort=overdueAmount`);
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json();
        expect(
          page.items.map((i: { contractId: string; currency: string; overdueAmount: number }) => [
            i.contractId,
            i.currency,
            i.overdueAmount,
          ]),
        ).toEqual([
          [ids.usd, 'USD', 200_050],
          [ids.cny, 'CNY', 400_000],
          [ids.jpy, 'JPY', 1_200_000],
        ]);
        const totals = (await client.get(`/api/v1/contract-overdue/totals?entityId=${entityId}`)).json();
        expect(totals.byCurrency).toEqual([
          { currency: 'CNY', count: 1, overdueAmount: 400_000 },
          { currency: 'JPY', count: 1, overdueAmount: 1_200_000 },
          { currency: 'USD', count: 1, overdueAmount: 200_050 },
        ]);
      });

      it('exports each amount in its currency with the open amount per currency under the items', async () => {
        const res = await client.get(
          `/api/v1/contract-overdue/export?entityId=${entityId}&sort=overdueAmount`,
        );
        expect(res.statusCode, res.body).toBe(200);
        const { headers, rows } = await readSheet(res.rawPayload);
        expect(headers.slice(-4)).toEqual(['币种', '节点金额', '已结金额', '逾期金额']);
        expect(rows.map((row) => cells(row, '合同名称', '币种', '节点金额', '已结金额', '逾期金额'))).toEqual(
          [
            ['Dollar contract', 'USD', 2_500.5, 500, 2_000.5],
            ['人民币合同', 'CNY', 4_000, 0, 4_000],
            ['Yen contract', 'JPY', 1_200_000, 0, 1_200_000],
            ['1 个节点', 'CNY', null, null, 4_000],
            ['1 个节点', 'JPY', null, null, 1_200_000],
            ['1 个节点', 'USD', null, null, 2_000.5],
          ],
        );
        expect(rows.slice(3).map((row) => row.合同编号.value)).toEqual(['合计', '合计', '合计']);
        expect(rows.map((row) => row.逾期金额.numFmt)).toEqual([
          '#,##0.00',
          '#,##0.00',
          '#,##0',
          '#,##0.00',
          '#,##0',
          '#,##0.00',
        ]);
      });
    });

    describe('oversight and exceptions rows', () => {
      it('carry their contract’s currency', async () => {
        const oversight = await client.get(
          `/api/v1/contract-oversight?kind=OVERDUE_COLLECTION&entityId=${entityId}`,
        );
        expect(oversight.statusCode, oversight.body).toBe(200);
        const breaches = oversight.json().items as { contractId: string; currency: string; amount: number }[];
        expect(Object.fromEntries(breaches.map((b) => [b.contractId, [b.currency, b.amount]]))).toEqual({
          [ids.cny]: ['CNY', 400_000],
          [ids.usd]: ['USD', 200_050],
          [ids.jpy]: ['JPY', 1_200_000],
        });
        const exported = await readSheet(
          (await client.get(`/api/v1/contract-oversight/export?kind=OVERDUE_COLLECTION&entityId=${entityId}`))
            .rawPayload,
        );
        const yen = exported.rows.find((row) => row.合同名称.value === 'Yen contract');
        expect(yen && [...cells(yen, '币种', '金额'), yen.金额.numFmt]).toEqual(['JPY', 1_200_000, '#,##0']);

        const exceptions = await client.get(`/api/v1/contract-exceptions?entityId=${entityId}`);
        expect(exceptions.statusCode, exceptions.body).toBe(200);
        expect(exceptions.json().items).toEqual([
          expect.objectContaining({ contractId: ids.usd, currency: 'USD', paid: 50_000, invoiced: 0 }),
        ]);
      });
    });

    describe('in English', () => {
      it('names the columns and the totals rows in the caller’s language', async () => {
        // The session speaks the user's language (last in the file: it changes the registrar's).
        const world = await t().given.world();
        expect((await client.put('/api/v1/auth/locale', { locale: 'en-US' })).statusCode).toBe(200);
        const englishClient = await t().login(world.registrar.username, world.registrar.password);
        const english = async (url: string) => {
          const res = await englishClient.get(url);
          expect(res.statusCode, res.body).toBe(200);
          return readSheet(res.rawPayload);
        };
        const ledger = await english(`/api/v1/contracts/export?entityId=${entityId}&sort=createdAt`);
        expect(ledger.headers.slice(9, 11)).toEqual(['Currency', 'Amount']);
        expect(cells(ledger.rows[2], 'Status', 'Currency', 'Amount')).toEqual(['In force', 'USD', 2_500.5]);
        expect(cells(ledger.rows[4], 'Number', 'Name', 'Currency', 'Amount')).toEqual([
          'Total',
          '2 contracts',
          'CNY',
          12_345.67,
        ]);
        const overdue = await english(
          `/api/v1/contract-overdue/export?entityId=${entityId}&sort=overdueAmount`,
        );
        expect(cells(overdue.rows[3], 'Contract number', 'Contract', 'Currency', 'Overdue')).toEqual([
          'Total',
          '1 item',
          'CNY',
          4_000,
        ]);
        const oversight = await english(
          `/api/v1/contract-oversight/export?kind=OVERDUE_COLLECTION&entityId=${entityId}`,
        );
        expect(oversight.rows.map((row) => row.Kind.value)).toEqual(Array(3).fill('Overdue collection'));
      });
    });
  },
  { clock },
);
