/**
 * The contract ledger on a real database, sorting, paging and export: keyset paging that walks every
 * row once for several sorts (nullable keys and ties included) and the .xlsx export of the filtered,
 * sorted ledger.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { type ContractFixture, expectProblem } from '../contracts.testing.js';
import { type LedgerWorld, ledgerQueries, ledgerWorld, fetchPageWithTotals } from './ledger.testing.js';

describeEachDialect('contract ledger', (t) => {
  let world: LedgerWorld;
  let f: ContractFixture;
  let token: string;
  let group: ApiClient; // 张伟: group GM, entity_and_below over GRP
  let staff: ApiClient; // 吴敏: self

  beforeAll(async () => {
    world = await ledgerWorld(t());
    ({ f, token, group, staff } = world);
  });
  const { fetchAll, expected } = ledgerQueries(() => world);

  describe('sorting and keyset paging', () => {
    const sorts = [
      'createdAt',
      '-createdAt',
      'number',
      '-number',
      'amount',
      '-currentAmount',
      'signDate',
      '-signDate',
      'endDate',
      '-endDate',
      'name',
      'status',
      'partnerName',
    ];

    it.each(sorts)('walks every row exactly once sorted by %s', async (sort) => {
      const whole = await fetchAll(group, `sort=${sort}`);
      expect(whole.nextCursor).toBeNull();
      expect(whole.totals.count).toBe(26);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await group.get(
          `/api/v1/contracts?q=${token}&sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json();
        expect(page.items.length).toBeLessThanOrEqual(4);
        // The page carries no totals: they are asked for apart, once for the filters.
        expect(page).not.toHaveProperty('totals');
        seen.push(...page.items.map((i: any) => i.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      expect(pages).toBe(7);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(whole.items.map((i) => i.id));
      expect(seen.sort()).toEqual(expected(() => true));
    });

    it('orders by the key with ties broken by id, missing dates and numbers first when ascending', async () => {
      const key = (i: any, field: string) => i[field] ?? '';
      for (const [sort, field] of [
        ['amount', 'amount'],
        ['-currentAmount', 'currentAmount'],
        ['signDate', 'signDate'],
        ['-endDate', 'endDate'],
        ['number', 'number'],
        ['createdAt', 'createdAt'],
      ] as const) {
        const items = (await fetchAll(group, `sort=${sort}`)).items;
        const descending = sort.startsWith('-');
        for (let i = 1; i < items.length; i++) {
          const [a, b] = [key(items[i - 1], field), key(items[i], field)];
          const ordered = descending ? a >= b : a <= b;
          expect(ordered, `${sort}: ${a} then ${b}`).toBe(true);
          if (a === b)
            expect(descending ? items[i - 1].id > items[i].id : items[i - 1].id < items[i].id).toBe(true);
        }
      }
      const bySign = (await fetchAll(group, 'sort=signDate')).items;
      expect(bySign[0].signDate).toBeNull();
    });
  });

  describe('export', () => {
    it('exports the filtered, sorted ledger to .xlsx with the same rows', async () => {
      const query = `q=${token}&entityId=${f.cons.entityId}&sort=-currentAmount`;
      const ledger = await fetchPageWithTotals(group, `${query}&limit=200`);
      const res = await group.get(`/api/v1/contracts/export?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect(sheet.name).toBe('合同台账');
      const sheetRows: unknown[][] = [];
      sheet.eachRow((row) => {
        sheetRows.push((row.values as unknown[]).slice(1));
      });
      const [header, ...rows] = sheetRows;
      expect(header.slice(0, 3)).toEqual(['合同编号', '合同名称', '相对方']);
      // Under the contracts, a totals row per currency (these are all CNY).
      const data = rows.slice(0, -1);
      expect(rows.slice(-1).map((r) => r.slice(0, 2))).toEqual([['合计', '22 份合同']]);
      expect(data).toHaveLength(22);
      expect(data.map((r) => r[1])).toEqual(ledger.items.map((i: any) => i.name));
      expect(data.map((r) => r[0] ?? null)).toEqual(ledger.items.map((i: any) => i.number));
      expect(data.map((r) => r[14])).toEqual(ledger.items.map((i: any) => i.currentAmount / 100));
      // The tax rate as a percent cell and the VAT within the amount, as the import reads them back.
      expect(header.slice(10, 13)).toEqual(['合同金额', '税率', '税额']);
      expect(data.map((r) => [r[11], r[12]])).toEqual(
        ledger.items.map((i: any) => [i.taxRate / 10000, i.taxAmount / 100]),
      );
      const first = data[0];
      const top = ledger.items[0];
      expect(first[5]).toBe('协和建设工程有限公司');
      expect(first[8]).toBe(
        { IN_FORCE: '履行中', DRAFT: '草稿', COMPLETED: '已完成', IN_APPROVAL: '审批中', APPROVED: '已审批' }[
          top.status as string
        ],
      );
      expect(top.currentAmount).toBe(5_500_000);
      // Dates are Excel dates (sortable in Excel), of the same day, shown yyyy-mm-dd.
      expect(
        data.map((r) => (r[15] instanceof Date ? r[15].toISOString().slice(0, 10) : (r[15] ?? null))),
      ).toEqual(ledger.items.map((i: any) => i.signDate));
      const signed = data.findIndex((r) => r[15] instanceof Date);
      expect(signed).toBeGreaterThanOrEqual(0);
      expect(sheet.getRow(signed + 2).getCell(16).numFmt).toBe('yyyy-mm-dd');
      expect(sheet.getRow(signed + 2).getCell(12).numFmt).toBe('0.00%');
    });

    it('needs contract.export', async () => {
      expectProblem(await staff.get(`/api/v1/contracts/export?q=${token}`), 403, 'FORBIDDEN');
    });
  });
});
