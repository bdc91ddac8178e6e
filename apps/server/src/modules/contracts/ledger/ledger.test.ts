/**
 * The contract ledger on a real database: every filter against rows whose facts the test knows,
 * keyset paging that walks every row once for several sorts (nullable keys and ties included),
 * totals of the filtered set, data scope (group, subsidiary, department, self), the .xlsx export.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import {
  type ContractFixture,
  expectProblem,
  insertLedgerRow,
  type LedgerRowInput,
  publishContractFlows,
  todayOf,
} from '../contracts.testing.js';
import { addDays } from './ledger.repository.js';

type Entity = 'CONS' | 'TECH' | 'GRP';
interface Row extends LedgerRowInput {
  id: string;
  entity: Entity;
}

describeEachDialect('contract ledger', (t) => {
  let f: ContractFixture;
  let token: string;
  let today: string;
  let rows: Row[];
  let group: ApiClient; // 张伟: group GM, entity_and_below over GRP
  let consGm: ApiClient; // 赵磊: CONS GM
  let techGm: ApiClient; // 黄磊: TECH GM
  let deptHead: ApiClient; // 冯波: department_and_below over CONS ENG-1
  let staff: ApiClient; // 吴敏: self

  beforeAll(async () => {
    f = await publishContractFlows(t());
    token = `LG${f.prefix}`;
    today = todayOf(t()).date;
    const ids = {
      CONS: f.cons.entityId,
      TECH: f.tech.entityId,
      GRP: f.grp.entityId,
    };
    const partner = {
      CONS: { partnerId: f.partners.cons, partnerName: f.partners.consName },
      TECH: { partnerId: f.partners.tech, partnerName: '深圳科技伙伴有限公司' },
      GRP: { partnerId: f.partners.shared, partnerName: 'Shared Partner Group Ltd' },
    };
    const main = f.category.id;
    const other = f.otherCategory.id;
    const n = (i: number) => `${token}-${String(i).padStart(3, '0')}`;
    // Creation instants with ties, so the createdAt sort must break them by id.
    const at = (i: number) => `2026-0${1 + (i % 3)}-0${1 + (i % 2)}T08:00:00.000Z`;
    const specs: (Omit<LedgerRowInput, 'entityId' | 'partnerId' | 'partnerName' | 'name'> & {
      entity: Entity;
      label: string;
    })[] = [
      {
        entity: 'CONS',
        label: '钢材采购',
        departmentId: f.cons.eng1,
        ownerId: f.users.fengBo,
        status: 'IN_FORCE',
        number: n(1),
        amount: 1_000_000,
        categoryId: main,
        signDate: '2026-01-10',
        endDate: addDays(today, 10),
      },
      {
        entity: 'CONS',
        label: '混凝土采购',
        departmentId: f.cons.eng1,
        ownerId: f.users.wuMin,
        status: 'IN_FORCE',
        number: n(2),
        amount: 5_000_000,
        currentAmount: 5_500_000,
        categoryId: main,
        signDate: '2026-02-01',
        endDate: addDays(today, 45),
      },
      {
        entity: 'CONS',
        label: '塔吊租赁',
        departmentId: f.cons.proc,
        ownerId: f.users.zhaoLei,
        status: 'DRAFT',
        number: null,
        amount: 300_000,
        categoryId: other,
      },
      {
        entity: 'CONS',
        label: '防水工程',
        departmentId: f.cons.eng1,
        ownerId: f.users.fengBo,
        status: 'COMPLETED',
        number: n(4),
        amount: 2_000_000,
        categoryId: main,
        signDate: '2025-06-01',
        endDate: addDays(today, -30),
      },
      {
        entity: 'CONS',
        label: '土方分包',
        departmentId: f.cons.eng,
        ownerId: f.users.zhouQiang,
        status: 'IN_FORCE',
        number: n(5),
        amount: 1_000_000,
        categoryId: main,
        signDate: '2026-03-15',
        endDate: addDays(today, -5),
      },
      {
        entity: 'CONS',
        label: '监理服务',
        departmentId: f.cons.eng1,
        ownerId: f.users.fengBo,
        status: 'APPROVED',
        number: n(6),
        amount: 750_000,
        categoryId: other,
        direction: 'INCOME',
        endDate: addDays(today, 5),
      },
      {
        entity: 'TECH',
        label: '服务器采购',
        departmentId: f.tech.rnd,
        ownerId: f.users.linFeng,
        status: 'IN_FORCE',
        number: n(7),
        amount: 8_000_000,
        categoryId: main,
        signDate: '2026-01-20',
        endDate: addDays(today, 20),
      },
      {
        entity: 'TECH',
        label: '软件许可',
        departmentId: f.tech.rnd,
        ownerId: f.users.linFeng,
        status: 'IN_APPROVAL',
        number: n(8),
        amount: 420_000,
        categoryId: main,
      },
      {
        entity: 'GRP',
        label: '法律顾问',
        departmentId: f.grp.legal,
        ownerId: f.users.wangFang,
        status: 'IN_FORCE',
        number: n(9),
        amount: 12_000_000,
        categoryId: other,
        signDate: '2025-12-01',
        endDate: addDays(today, 200),
      },
      {
        entity: 'GRP',
        label: '办公楼租赁',
        departmentId: f.grp.legal,
        ownerId: f.users.wangFang,
        status: 'TERMINATED',
        number: n(10),
        amount: 640_000,
        currentAmount: 600_000,
        categoryId: main,
        signDate: '2025-11-11',
        endDate: '2026-06-30',
      },
    ];
    // More CONS rows for paging: repeated amounts and dates, missing numbers and dates.
    const amounts = [1_000_000, 300_000, 2_000_000, 1_000_000];
    for (let i = 11; i <= 26; i++) {
      const status = ['DRAFT', 'IN_FORCE', 'COMPLETED', 'IN_APPROVAL'][i % 4];
      specs.push({
        entity: 'CONS',
        label: `批量合同${i % 5}`,
        departmentId: i % 2 ? f.cons.eng1 : f.cons.eng,
        ownerId: i % 3 ? f.users.fengBo : f.users.wuMin,
        status,
        number: status === 'DRAFT' ? null : n(i),
        amount: amounts[i % 4],
        categoryId: i % 3 ? main : other,
        signDate: i % 4 === 1 || i % 4 === 2 ? `2026-0${1 + (i % 3)}-15` : null,
        endDate: i % 5 === 0 ? null : addDays(today, 60 + (i % 3) * 30),
      });
    }
    rows = [];
    for (const [i, spec] of specs.entries()) {
      const { entity, label, ...rest } = spec;
      const input: LedgerRowInput = {
        ...rest,
        name: `${label} ${token}`,
        entityId: ids[entity],
        ...partner[entity],
        createdAt: at(i),
      };
      rows.push({ ...input, entity, id: await insertLedgerRow(t(), input) });
    }
    group = await t().login('zhang.wei');
    consGm = await t().login('zhao.lei');
    techGm = await t().login('huang.lei');
    deptHead = await t().login('feng.bo');
    staff = await t().login('wu.min');
  });

  const fetchAll = async (client: ApiClient, query: string) => {
    const res = await client.get(`/api/v1/contracts?q=${token}&limit=200${query ? `&${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: any[]; totals: any; nextCursor: string | null };
  };
  const idsOf = (items: { id: string }[]) => items.map((i) => i.id).sort();
  const expected = (predicate: (row: Row) => boolean) =>
    rows
      .filter(predicate)
      .map((r) => r.id)
      .sort();
  const current = (r: Row) => r.currentAmount ?? r.amount ?? 1_000_000;

  describe('data scope', () => {
    it('shows a group user the contracts of the group and both subsidiaries', async () => {
      const page = await fetchAll(group, '');
      expect(idsOf(page.items)).toEqual(expected(() => true));
      expect(page.items).toHaveLength(26);
      expect(new Set(page.items.map((i) => i.entityName))).toEqual(
        new Set(['协和控股集团有限公司', '协和建设工程有限公司', '协和智能科技有限公司']),
      );
    });

    it('shows a subsidiary user only the subsidiary’s contracts', async () => {
      const cons = await fetchAll(consGm, '');
      expect(idsOf(cons.items)).toEqual(expected((r) => r.entity === 'CONS'));
      expect(cons.totals.count).toBe(22);
      const tech = await fetchAll(techGm, '');
      expect(idsOf(tech.items)).toEqual(expected((r) => r.entity === 'TECH'));
      // Filtering by another entity does not widen the scope.
      expect((await fetchAll(consGm, `entityId=${f.tech.entityId}`)).items).toEqual([]);
    });

    it('narrows to the department and below, and to one’s own contracts', async () => {
      expect(idsOf((await fetchAll(deptHead, '')).items)).toEqual(
        expected((r) => r.departmentId === f.cons.eng1),
      );
      expect(idsOf((await fetchAll(staff, '')).items)).toEqual(expected((r) => r.ownerId === f.users.wuMin));
    });
  });

  describe('filters', () => {
    const cases: [string, () => string, (r: Row) => boolean][] = [
      ['status', () => 'status=IN_FORCE,COMPLETED', (r) => ['IN_FORCE', 'COMPLETED'].includes(r.status)],
      ['direction', () => 'direction=INCOME', (r) => r.direction === 'INCOME'],
      ['category', () => `categoryId=${f.otherCategory.id}`, (r) => r.categoryId === f.otherCategory.id],
      ['entity', () => `entityId=${f.grp.entityId}`, (r) => r.entity === 'GRP'],
      ['department', () => `departmentId=${f.cons.eng}`, (r) => r.departmentId === f.cons.eng],
      ['owner', () => `ownerId=${f.users.wuMin}`, (r) => r.ownerId === f.users.wuMin],
      ['partner', () => `partnerId=${f.partners.tech}`, (r) => r.partnerId === f.partners.tech],
      [
        'sign date range',
        () => 'signDateFrom=2026-01-15&signDateTo=2026-02-28',
        (r) => !!r.signDate && r.signDate >= '2026-01-15' && r.signDate <= '2026-02-28',
      ],
      [
        'end date range',
        () => `endDateFrom=${addDays(today, 0)}&endDateTo=${addDays(today, 60)}`,
        (r) => !!r.endDate && r.endDate >= today && r.endDate <= addDays(today, 60),
      ],
      [
        'amount range (on the current amount)',
        () => 'amountMin=1000000&amountMax=5500000',
        (r) => current(r) >= 1_000_000 && current(r) <= 5_500_000,
      ],
      [
        'expiring within 30 days (in force only, past end dates included)',
        () => 'expiringWithinDays=30',
        (r) => r.status === 'IN_FORCE' && !!r.endDate && r.endDate <= addDays(today, 30),
      ],
      [
        'combined',
        () => `status=IN_FORCE&entityId=${f.cons.entityId}&amountMax=1000000`,
        (r) => r.status === 'IN_FORCE' && r.entity === 'CONS' && current(r) <= 1_000_000,
      ],
    ];

    it.each(cases)('%s', async (_name, query, predicate) => {
      const page = await fetchAll(group, query());
      const want = expected(predicate);
      expect(want.length).toBeGreaterThan(0);
      expect(idsOf(page.items)).toEqual(want);
      const chosen = rows.filter(predicate);
      expect(page.totals).toEqual({
        count: chosen.length,
        amount: chosen.reduce((s, r) => s + (r.amount ?? 1_000_000), 0),
        signedAmount: chosen
          .filter((r) => ['IN_FORCE', 'COMPLETED', 'TERMINATED'].includes(r.status))
          .reduce((s, r) => s + (r.amount ?? 1_000_000), 0),
        currentAmount: chosen.reduce((s, r) => s + current(r), 0),
        // Nothing executed on these contracts: all is outstanding (figures: collections.test.ts).
        plannedAmount: 0,
        requestedAmount: 0,
        paidAmount: 0,
        receivedAmount: 0,
        invoicedAmount: 0,
        acceptedAmount: 0,
        outstandingAmount: chosen.reduce((s, r) => s + current(r), 0),
        overdueAmount: 0,
      });
    });

    it('totals each currency apart, never adding yuan to dollars', async () => {
      const other = `fx${Math.random().toString(36).slice(2, 10)}`; // not matched by the `q=${token}` of other tests
      const { id: _id, entity: _entity, ...base } = rows[0];
      const spec = (name: string, currency: string, amount: number) => ({
        ...base,
        name: `${name} ${other}`,
        number: null,
        status: 'IN_FORCE',
        amount,
        currentAmount: amount,
        currency,
      });
      await insertLedgerRow(t(), spec('进口设备', 'USD', 500_000));
      await insertLedgerRow(t(), spec('进口备件', 'USD', 25_000));
      await insertLedgerRow(t(), spec('国内安装', 'CNY', 300_000));
      const page = (await group.get(`/api/v1/contracts?q=${other}`)).json();
      expect(
        page.totalsByCurrency.map((r: any) => [
          r.currency,
          r.count,
          r.amount,
          r.signedAmount,
          r.outstandingAmount,
        ]),
      ).toEqual([
        ['CNY', 1, 300_000, 300_000, 300_000],
        ['USD', 2, 525_000, 525_000, 525_000],
      ]);
      expect(page.totals.count).toBe(3);
      const cnyOnly = (
        await group.get(`/api/v1/contracts?q=${encodeURIComponent(`国内安装 ${other}`)}`)
      ).json();
      expect(cnyOnly.totalsByCurrency).toEqual([{ ...cnyOnly.totals, currency: 'CNY' }]);
      const none = (await group.get(`/api/v1/contracts?q=nothing-${other}`)).json();
      expect(none.totalsByCurrency).toEqual([]);
    });

    it('finds by number, name or counterparty, ignoring case', async () => {
      const byNumber = (await group.get(`/api/v1/contracts?q=${token}-007`)).json();
      expect(byNumber.items.map((i: any) => i.name)).toEqual([`服务器采购 ${token}`]);
      const byName = (
        await group.get(`/api/v1/contracts?q=${encodeURIComponent(`法律顾问 ${token}`)}`)
      ).json();
      expect(byName.items.map((i: any) => i.number)).toEqual([`${token}-009`]);
      const byPartner = await fetchAll(group, `partnerId=${f.partners.shared}`);
      const partnerQ = (
        await group.get(
          `/api/v1/contracts?q=${encodeURIComponent('shared partner GROUP')}&entityId=${f.grp.entityId}&limit=200`,
        )
      ).json();
      expect(idsOf(partnerQ.items.filter((i: any) => i.name.endsWith(token)))).toEqual(
        idsOf(byPartner.items),
      );
      expect(byPartner.items).toHaveLength(2);
      // LIKE wildcards in q are taken literally.
      expect((await group.get(`/api/v1/contracts?q=${token}%25`)).json().items).toEqual([]);
    });

    it('shows days to expiry for approved and in-force contracts only', async () => {
      const page = await fetchAll(group, '');
      const byNumber = new Map(page.items.map((i) => [i.number, i]));
      expect(byNumber.get(`${token}-001`)).toMatchObject({ daysToExpiry: 10, status: 'IN_FORCE' });
      expect(byNumber.get(`${token}-005`)?.daysToExpiry).toBe(-5);
      expect(byNumber.get(`${token}-006`)?.daysToExpiry).toBe(5);
      expect(byNumber.get(`${token}-004`)?.daysToExpiry).toBeNull();
      expect(byNumber.get(`${token}-010`)).toMatchObject({
        daysToExpiry: null,
        amount: 640_000,
        signedAmount: 640_000,
        currentAmount: 600_000,
      });
      expect(byNumber.get(`${token}-002`)).toMatchObject({
        categoryName: `测试合同类别 ${f.category.code}`,
        departmentName: '工程一部',
        ownerName: '吴敏',
        partnerName: f.partners.consName,
      });
    });

    it('refuses a bad cursor, an unknown sort field and an unknown parameter with 400', async () => {
      const bad = expectProblem(
        await group.get('/api/v1/contracts?cursor=not-a-cursor'),
        400,
        'VALIDATION_FAILED',
      );
      expect(bad.errors).toEqual([{ path: 'cursor', message: 'not a cursor this ledger gave out' }]);
      const forged = Buffer.from(JSON.stringify([{ a: 1 }, 'x'])).toString('base64url');
      expectProblem(await group.get(`/api/v1/contracts?cursor=${forged}`), 400, 'VALIDATION_FAILED');
      expectProblem(await group.get('/api/v1/contracts?sort=bogus'), 400, 'VALIDATION_FAILED');
      expectProblem(await group.get('/api/v1/contracts?bogus=1'), 400, 'VALIDATION_FAILED');
      expectProblem(await group.get('/api/v1/contracts?status=OPEN'), 400, 'VALIDATION_FAILED');
    });
  });

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
        expect(page.totals.count).toBe(26);
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
      const ledger = (await group.get(`/api/v1/contracts?${query}&limit=200`)).json();
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
      expect(data.map((r) => r[12])).toEqual(ledger.items.map((i: any) => i.currentAmount / 100));
      const first = data[0];
      const top = ledger.items[0];
      expect(first[5]).toBe('协和建设工程有限公司');
      expect(first[8]).toBe(
        { IN_FORCE: '履行中', DRAFT: '草稿', COMPLETED: '已完成', IN_APPROVAL: '审批中', APPROVED: '已审批' }[
          top.status as string
        ],
      );
      expect(top.currentAmount).toBe(5_500_000);
    });

    it('needs contract.export', async () => {
      expectProblem(await staff.get(`/api/v1/contracts/export?q=${token}`), 403, 'FORBIDDEN');
    });
  });
});
