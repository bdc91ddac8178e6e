import { addDays } from '@concord/contracts';
/**
 * The contract ledger on a real database, data scope and filters: data scope (group, subsidiary,
 * department, self), every filter against rows whose facts the test knows, totals of the filtered
 * set per currency, search, days to expiry, and the refusal of bad parameters.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { type ContractFixture, expectProblem, insertLedgerRow } from '../contracts.testing.js';
import {
  type LedgerRow,
  type LedgerWorld,
  ledgerQueries,
  ledgerWorld,
  fetchPageWithTotals,
} from './ledger.testing.js';

describeEachDialect('contract ledger', (t) => {
  let world: LedgerWorld;
  let f: ContractFixture;
  let token: string;
  let today: string;
  let rows: LedgerRow[];
  let group: ApiClient; // 张伟: group GM, entity_and_below over GRP
  let consGm: ApiClient; // 赵磊: CONS GM
  let techGm: ApiClient; // 黄磊: TECH GM
  let deptHead: ApiClient; // 冯波: department_and_below over CONS ENG-1
  let staff: ApiClient; // 吴敏: self

  beforeAll(async () => {
    world = await ledgerWorld(t());
    ({ f, token, today, rows, group, consGm, techGm, deptHead, staff } = world);
  });
  const { fetchAll, idsOf, expected, current } = ledgerQueries(() => world);

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
    const cases: [string, () => string, (r: LedgerRow) => boolean][] = [
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
        // Nothing executed or settled on these contracts: all is outstanding (figures: collections.test.ts).
        settledAmount: 0,
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
      const page = await fetchPageWithTotals(group, `q=${other}`);
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
      const cnyOnly = await fetchPageWithTotals(group, `q=${encodeURIComponent(`国内安装 ${other}`)}`);
      expect(cnyOnly.totalsByCurrency).toEqual([{ ...cnyOnly.totals, currency: 'CNY' }]);
      const none = await fetchPageWithTotals(group, `q=nothing-${other}`);
      expect(none.totalsByCurrency).toEqual([]);
    });

    it('finds by number, name or counterparty, ignoring case', async () => {
      const byNumber = await fetchPageWithTotals(group, `q=${token}-007`);
      expect(byNumber.items.map((i: any) => i.name)).toEqual([`服务器采购 ${token}`]);
      const byName = (
        await group.get(`/api/v1/contracts?q=${encodeURIComponent(`法律顾问 ${token}`)}`)
      ).json();
      expect(byName.items.map((i: any) => i.number)).toEqual([`${token}-009`]);
      const byPartner = await fetchAll(group, `partnerId=${f.partners.shared}`);
      const partnerQ = await fetchPageWithTotals(
        group,
        `q=${encodeURIComponent('shared partner GROUP')}&entityId=${f.grp.entityId}&limit=200`,
      );
      expect(idsOf(partnerQ.items.filter((i: any) => i.name.endsWith(token)))).toEqual(
        idsOf(byPartner.items),
      );
      expect(byPartner.items).toHaveLength(2);
      // LIKE wildcards in q are taken literally.
      expect((await fetchPageWithTotals(group, `q=${token}%25`)).items).toEqual([]);
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
});
