import { beforeAll, expect, it } from 'vitest';
import type { ContractOverdueItem } from '@concord/contracts';
import { isPostgres } from '../../../db/index.js';
import type { Scope } from '../../../platform/access/index.js';
import { ManualClock } from '../../../platform/jobs/index.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { patchContract, testCategory, testContract } from '../archive/archive.testing.js';
import { execution, explainPlan, START, withScansPricedOut } from './collections.testing.js';
import {
  type OverdueCursor,
  type OverdueRow,
  overduePage,
  overduePageQuery,
  parseOverdueSort,
  sortIndexOf,
} from './overdue.repository.js';

const clock = new ManualClock(START);
const TODAY = START.slice(0, 10);
const MARK = '翻页逾期';
const sorts = ['dueDate', 'daysOverdue', 'overdueAmount', 'contractNumber', 'partnerName'] as const;
const everything: Scope = { all: true, entityIds: new Set(), departmentIds: new Set(), userIds: new Set() };

/** The order the list promises for a sort, computed from the rows themselves. */
function expectedOrder(rows: ContractOverdueItem[], sortText: string): string[] {
  const sort = parseOverdueSort(sortText);
  const key = (r: ContractOverdueItem): [string | number, string, number] => {
    switch (sort.field) {
      case 'dueDate':
        return [r.dueDate, r.itemId, 0];
      case 'overdueAmount':
        return [r.overdueAmount, r.itemId, 0];
      case 'contractNumber':
        return [r.contractNumber ?? '', r.contractId, r.seq];
      case 'partnerName':
        return [r.partnerName, r.contractId, r.seq];
    }
  };
  const compare = (a: ContractOverdueItem, b: ContractOverdueItem) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  };
  const sorted = [...rows].sort(compare);
  if (sort.descending) sorted.reverse();
  return sorted.map((r) => r.itemId);
}

describeEachDialect(
  'contract overdue list paging',
  (t) => {
    const x = execution(t);
    let group: ApiClient;
    let all: ContractOverdueItem[];

    beforeAll(async () => {
      clock.set(START);
      group = await t().login('zhang.wei');
      const categoryId = (await testCategory(t(), 0)).id;
      // Six contracts in force, two partner names (ties), items due on shared dates (ties) with
      // equal open amounts (ties), some paid in part, one paid in full (not overdue), one not due yet.
      for (let c = 0; c < 6; c++) {
        const id = await testContract(t(), {
          entity: 'CONS',
          department: 'ENG-1',
          owner: 'wu.min',
          status: 'IN_FORCE',
          categoryId,
          amount: 900_000,
          name: `${MARK} ${c}`,
        });
        await patchContract(t(), id, {
          direction: 'INCOME',
          partner_name: c % 2 ? '乙方客户' : '甲方客户',
          ...(c === 5 && { number: null }),
        });
        const items = [
          await x.item(id, 1, '2026-01-10', 100_000),
          await x.item(id, 2, c % 3 ? '2026-02-01' : '2026-02-15', 200_000),
          await x.item(id, 3, '2026-02-20', 100_000 + c * 10_000),
          await x.item(id, 4, '2026-04-01', 100_000),
        ];
        if (c === 1) await x.money(id, items[0], 'RECEIPT', 'RECEIVED', 100_000);
        if (c === 2) await x.money(id, items[1], 'RECEIPT', 'RECEIVED', 50_000);
        await x.refresh(id);
      }
      const res = await group.get(`/api/v1/contract-overdue?q=${encodeURIComponent(MARK)}&limit=200`);
      expect(res.statusCode, res.body).toBe(200);
      all = res.json().items;
    });

    it('holds the overdue items of the set: due before today, money open', () => {
      // 6 contracts × 3 items due before 1 March, less the one paid in full.
      expect(all).toHaveLength(17);
      expect(all.every((r) => r.dueDate < TODAY && r.overdueAmount > 0)).toBe(true);
    });

    for (const field of sorts) {
      for (const sort of [field, `-${field}`]) {
        it(`pages by ${sort}: each item once, in order`, async () => {
          const seen: string[] = [];
          let cursor: string | null = null;
          for (let page = 0; page < 20; page++) {
            const query = `q=${encodeURIComponent(MARK)}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
            const res = await group.get(`/api/v1/contract-overdue?${query}`);
            expect(res.statusCode, res.body).toBe(200);
            const body = res.json();
            seen.push(...body.items.map((r: ContractOverdueItem) => r.itemId));
            cursor = body.nextCursor;
            if (!cursor) break;
          }
          expect(seen).toEqual(expectedOrder(all, sort));
        });
      }
    }

    it('reads a dense set through the sort’s index with the same pages (SQLite)', async () => {
      const { db } = t().services;
      const filter = { direction: 'INCOME' as const, q: MARK };
      for (const field of sorts) {
        for (const sortText of [field, `-${field}`]) {
          const sort = parseOverdueSort(sortText);
          const walk = async (readBy: string | null) => {
            const ids: string[] = [];
            let after: OverdueCursor | null = null;
            for (;;) {
              const rows: OverdueRow[] = await overduePage(db, {
                scope: everything,
                filter,
                today: TODAY,
                sort,
                cursor: after,
                limit: 3,
                readBy,
              });
              ids.push(...rows.map((r) => r.item_id));
              const last = rows[rows.length - 1];
              if (rows.length < 3 || !last) return ids;
              after =
                sort.field === 'dueDate'
                  ? { value: last.due_date, id: last.item_id }
                  : sort.field === 'overdueAmount'
                    ? { value: last.overdue_amount, id: last.item_id }
                    : {
                        value: sort.field === 'contractNumber' ? (last.number ?? '') : last.partner_name,
                        id: last.contract_id,
                        seq: last.seq,
                      };
            }
          };
          const expected = expectedOrder(all, sortText);
          expect(await walk(null), sortText).toEqual(expected);
          expect(await walk(sortIndexOf(sort)), sortText).toEqual(expected);
        }
      }
    });

    it('plans every dense read through the sort’s index, with no sort and no scan', async () => {
      const { db } = t().services;
      const pg = isPostgres(db);
      await withScansPricedOut(db, async () => {
        for (const field of sorts) {
          for (const sortText of [field, `-${field}`]) {
            const sort = parseOverdueSort(sortText);
            const itemSort = sort.field === 'dueDate' || sort.field === 'overdueAmount';
            const cursor: OverdueCursor = itemSort
              ? { value: sort.field === 'dueDate' ? '2026-02-01' : 100_000, id: all[0].itemId }
              : { value: '乙方客户', id: all[0].contractId, seq: 2 };
            for (const after of [null, cursor]) {
              const query = overduePageQuery(db, {
                scope: everything,
                filter: { direction: 'INCOME' },
                today: TODAY,
                sort,
                cursor: after,
                limit: 21,
                readBy: sortIndexOf(sort),
              });
              const plan = await explainPlan(db, query);
              const label = `${sortText} ${after ? 'later' : 'first'} page:\n${plan}`;
              if (pg) {
                expect(plan, label).not.toMatch(/Seq Scan on (contract|contract_plan_item)\b/);
                // A contract sort orders a contract's few items by their number (an incremental
                // sort on the presorted contract key): bounded, not the set.
                const sorts = plan
                  .split('\n')
                  .filter(
                    (line) => /\bSort\b/.test(line) && !/Incremental Sort|Sort Key|Presorted Key/.test(line),
                  );
                expect(sorts, label).toEqual([]);
              } else {
                // The outer loop walks the sort's index; the other table is sought row by row.
                const [outer, ...inner] = plan.split('\n').filter((line) => /^(SCAN|SEARCH) /.test(line));
                expect(outer, label).toContain(`USING INDEX ${sortIndexOf(sort)}`);
                // A later page seeks the index to the cursor, not walks it from the start.
                if (after) expect(outer, label).toMatch(/^SEARCH /);
                expect(inner, label).toEqual([expect.stringMatching(/^SEARCH [ic] USING /)]);
                // A contract sort orders a contract's few items by their number ("last term"):
                // bounded, not the set.
                expect(plan.replace('USE TEMP B-TREE FOR LAST TERM OF ORDER BY', ''), label).not.toMatch(
                  /TEMP B-TREE/,
                );
              }
            }
          }
        }
      });
    });

    it('refuses a cursor it did not give out, and an unknown sort', async () => {
      for (const query of ['cursor=bm90LWEtY3Vyc29y', 'sort=name']) {
        const res = await group.get(`/api/v1/contract-overdue?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    });

    it('filters by department, owner and counterparty, and the totals follow the filter', async () => {
      const [first, second] = [...new Set(all.map((r) => r.contractId))];
      const itemsOf = (contractId: string) => all.filter((r) => r.contractId === contractId);
      const openOf = (rows: ContractOverdueItem[]) => rows.reduce((sum, r) => sum + r.overdueAmount, 0);
      const procurement = await t().given.departmentByCode('CONS', 'PROC');
      const linFeng = await t().given.userByUsername('lin.feng');
      const partner = await t()
        .services.db.selectFrom('partner')
        .select('id')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await patchContract(t(), first, { department_id: procurement.id, owner_id: linFeng.id });
      await patchContract(t(), second, { partner_id: partner.id });

      const cases: [string, ContractOverdueItem[]][] = [
        [`departmentId=${procurement.id}`, itemsOf(first)],
        [`ownerId=${linFeng.id}`, itemsOf(first)],
        [`partnerId=${partner.id}`, itemsOf(second)],
        [`departmentId=${procurement.id}&partnerId=${partner.id}`, []],
      ];
      for (const [filter, expected] of cases) {
        const query = `q=${encodeURIComponent(MARK)}&${filter}`;
        const page = await group.get(`/api/v1/contract-overdue?${query}&limit=200`);
        expect(page.statusCode, page.body).toBe(200);
        expect(
          page
            .json()
            .items.map((r: ContractOverdueItem) => r.itemId)
            .sort(),
          filter,
        ).toEqual(expected.map((r) => r.itemId).sort());
        const totals = await group.get(`/api/v1/contract-overdue/totals?${query}`);
        expect(totals.statusCode, totals.body).toBe(200);
        expect(totals.json(), filter).toMatchObject({ count: expected.length, source: 'computed' });
        const cny = totals.json().byCurrency.find((c: { currency: string }) => c.currency === 'CNY');
        expect(cny?.overdueAmount ?? 0, filter).toBe(openOf(expected));
      }
      expect(itemsOf(first).length).toBeGreaterThan(0);
      expect(itemsOf(second).length).toBeGreaterThan(0);
    });
  },
  { demo: true, clock },
);
