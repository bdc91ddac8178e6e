/**
 * Matching 款、票、物 on a real database: per contract and per plan item with the tolerance of the
 * contract's entity (amount and rate forms, inside and outside), the exceptions list computed in SQL
 * (its content, differences, filters and scope), and the SQL verdict agreeing with `matchingStatus`.
 * Figures are written straight onto the contract and plan item rows (what figures.service.ts keeps
 * there), so each case states exactly the figures it is about.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/index.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { type ContractFixture, insertLedgerRow, publishContractFlows } from '../contracts.testing.js';
import { matchingStatus, withinTolerance } from './execution.rules.js';

type Figures = { paid: number; invoiced: number; accepted: number };

describe('withinTolerance (amount and rate forms)', () => {
  it('allows the larger of the amount and the rate of the larger figure', () => {
    expect(withinTolerance(100_000, 100_500, { amount: 500, rate: 0 })).toBe(true);
    expect(withinTolerance(100_000, 100_501, { amount: 500, rate: 0 })).toBe(false);
    // 1% of 1,010,000 = 10,100
    expect(withinTolerance(1_000_000, 1_010_000, { amount: 0, rate: 100 })).toBe(true);
    expect(withinTolerance(1_000_000, 1_010_102, { amount: 0, rate: 100 })).toBe(false);
    expect(withinTolerance(1_000_000, 1_010_102, { amount: 20_000, rate: 100 })).toBe(true);
    expect(matchingStatus({ paid: 0, invoiced: 0, accepted: 0 }, { amount: 0, rate: 0 })).toBe('MATCHED');
    expect(matchingStatus({ paid: 1, invoiced: 0, accepted: 0 }, { amount: 0, rate: 0 })).toBe('MISMATCHED');
  });
});

describeEachDialect('contract matching and the exceptions list', (t) => {
  let f: ContractFixture;
  let admin: ApiClient;
  let tag: string;
  const db = () => t().services.db;

  async function contract(input: {
    entity: 'CONS' | 'TECH' | 'GRP';
    name: string;
    figures: Figures;
    direction?: 'INCOME' | 'EXPENSE';
    status?: string;
    amount?: number;
    /** The name's prefix (the file's tag by default): a test that lists by it sees only its rows. */
    prefix?: string;
  }): Promise<string> {
    const placement = {
      CONS: {
        entityId: f.cons.entityId,
        departmentId: f.cons.eng1,
        ownerId: f.users.fengBo,
        partnerId: f.partners.cons,
      },
      TECH: {
        entityId: f.tech.entityId,
        departmentId: f.tech.rnd,
        ownerId: f.users.huangLei,
        partnerId: f.partners.tech,
      },
      GRP: {
        entityId: f.grp.entityId,
        departmentId: f.grp.legal,
        ownerId: f.users.wangFang,
        partnerId: f.partners.shared,
      },
    }[input.entity];
    const id = await insertLedgerRow(t(), {
      ...placement,
      name: `${input.prefix ?? tag} ${input.name}`,
      categoryId: f.category.id,
      partnerName: '对账伙伴',
      status: input.status ?? 'IN_FORCE',
      direction: input.direction,
      amount: input.amount ?? 2_000_000,
    });
    await setFigures(id, input.figures);
    return id;
  }

  async function setFigures(contractId: string, figures: Figures) {
    await db()
      .updateTable('contract')
      .set({
        paid_amount: figures.paid,
        invoiced_amount: figures.invoiced,
        accepted_amount: figures.accepted,
      })
      .where('id', '=', contractId)
      .execute();
  }

  async function item(contractId: string, seq: number, amount: number, figures: Figures) {
    const id = newId();
    await db()
      .insertInto('contract_plan_item')
      .values({
        id,
        contract_id: contractId,
        seq,
        name: `节点${seq}`,
        due_date: '2026-06-30',
        amount,
        percentage: null,
        condition_text: null,
        paid_amount: figures.paid,
        invoiced_amount: figures.invoiced,
        accepted_amount: figures.accepted,
        matched_paid_amount: figures.paid,
        matched_invoiced_amount: figures.invoiced,
        matched_accepted_amount: figures.accepted,
        created_at: t().services.clock.now().toISOString(),
        updated_at: t().services.clock.now().toISOString(),
      })
      .execute();
    return id;
  }

  const settings = (amount: number, rate: number) => ({
    toleranceAmount: amount,
    toleranceRate: rate,
    remindBeforeDays: [7, 1],
    ownerAfterDays: 0,
    headAfterDays: 7,
    financeAfterDays: 15,
  });

  beforeAll(async () => {
    f = await publishContractFlows(t());
    tag = `MT${randomUUID().slice(0, 6)}`;
    admin = await t().login('admin');
    // CONS: ¥5.00 by amount; the group (and so TECH, which has no row): 1% by rate.
    const cons = await admin.put(`/api/v1/contract-settings/${f.cons.entityId}`, settings(500, 0));
    expect(cons.statusCode, cons.body).toBe(200);
    const group = await admin.put(`/api/v1/contract-settings/${f.grp.entityId}`, settings(0, 100));
    expect(group.statusCode, group.body).toBe(200);
    await admin.delete(`/api/v1/contract-settings/${f.tech.entityId}`);
  });

  it('matches per contract and per plan item with the entity tolerance in amount form', async () => {
    const id = await contract({
      entity: 'CONS',
      name: '钢材',
      figures: { paid: 700_000, invoiced: 700_400, accepted: 650_000 },
    });
    const first = await item(id, 1, 300_000, { paid: 300_000, invoiced: 300_400, accepted: 300_000 });
    const second = await item(id, 2, 1_700_000, { paid: 300_000, invoiced: 300_000, accepted: 250_000 });
    const res = await admin.get(`/api/v1/contracts/${id}/matching`);
    expect(res.statusCode, res.body).toBe(200);
    const matching = res.json();
    expect(matching).toMatchObject({
      contractId: id,
      direction: 'EXPENSE',
      executableAmount: 2_000_000,
      tolerance: { amount: 500, rate: 0 },
      toleranceSource: 'ENTITY',
      total: {
        paid: 700_000,
        invoiced: 700_400,
        accepted: 650_000,
        paidVsInvoiced: -400,
        paidVsAccepted: 50_000,
        invoicedVsAccepted: 50_400,
        status: 'MISMATCHED',
      },
    });
    expect(matching.lines).toEqual([
      {
        planItemId: first,
        seq: 1,
        name: '节点1',
        amount: 300_000,
        paid: 300_000,
        invoiced: 300_400,
        accepted: 300_000,
        paidVsInvoiced: -400,
        paidVsAccepted: 0,
        invoicedVsAccepted: 400,
        status: 'MATCHED',
      },
      {
        planItemId: second,
        seq: 2,
        name: '节点2',
        amount: 1_700_000,
        paid: 300_000,
        invoiced: 300_000,
        accepted: 250_000,
        paidVsInvoiced: 0,
        paidVsAccepted: 50_000,
        invoicedVsAccepted: 50_000,
        status: 'MISMATCHED',
      },
      // Figures written without their allocation to the items: the contract's totals less the items'.
      {
        planItemId: null,
        seq: null,
        name: '',
        amount: null,
        paid: 100_000,
        invoiced: 100_000,
        accepted: 100_000,
        paidVsInvoiced: 0,
        paidVsAccepted: 0,
        invoicedVsAccepted: 0,
        status: 'MATCHED',
      },
    ]);

    // Just inside, then just outside the ¥5.00 tolerance, on the totals alone (without the items,
    // whose own verdict would decide the contract's: 节点2 is off).
    await db().deleteFrom('contract_plan_item').where('contract_id', '=', id).execute();
    await setFigures(id, { paid: 700_000, invoiced: 700_500, accepted: 699_500 });
    expect((await admin.get(`/api/v1/contracts/${id}/matching`)).json().total.status).toBe('MISMATCHED');
    await setFigures(id, { paid: 700_000, invoiced: 700_500, accepted: 700_000 });
    expect((await admin.get(`/api/v1/contracts/${id}/matching`)).json().total.status).toBe('MATCHED');
    await setFigures(id, { paid: 700_000, invoiced: 700_501, accepted: 700_000 });
    expect((await admin.get(`/api/v1/contracts/${id}/matching`)).json().total.status).toBe('MISMATCHED');
  });

  it('uses the group tolerance (rate form) where the entity has none', async () => {
    // 1% of 1,010,000 = 10,100: inside.
    const inside = await contract({
      entity: 'TECH',
      name: '软件-容差内',
      figures: { paid: 1_000_000, invoiced: 1_010_000, accepted: 1_005_000 },
    });
    const outside = await contract({
      entity: 'TECH',
      name: '软件-容差外',
      figures: { paid: 1_000_000, invoiced: 1_010_102, accepted: 1_000_000 },
    });
    const a = (await admin.get(`/api/v1/contracts/${inside}/matching`)).json();
    expect(a.tolerance).toEqual({ amount: 0, rate: 100 });
    expect(a.toleranceSource).toBe('GROUP');
    expect(a.total.status).toBe('MATCHED');
    expect(a.lines).toEqual([]);
    expect((await admin.get(`/api/v1/contracts/${outside}/matching`)).json().total.status).toBe('MISMATCHED');
  });

  describe('the exceptions list', () => {
    // Rows of their own (a prefix no other test uses), so the list holds exactly these.
    const prefix = `EX${randomUUID().slice(0, 6)}`;
    const q = `q=${encodeURIComponent(`${prefix} `)}&pageSize=100`;
    const ids = { consBad: '', consIncome: '', techBad: '', grpBad: '' };
    beforeAll(async () => {
      ids.consBad = await contract({
        prefix,
        entity: 'CONS',
        name: '建设-不符',
        figures: { paid: 500_000, invoiced: 300_000, accepted: 500_000 },
      });
      await contract({
        prefix,
        entity: 'CONS',
        name: '建设-相符',
        figures: { paid: 500_000, invoiced: 500_300, accepted: 500_000 },
      });
      ids.consIncome = await contract({
        prefix,
        entity: 'CONS',
        name: '建设-收入不符',
        direction: 'INCOME',
        figures: { paid: 0, invoiced: 200_000, accepted: 200_000 },
      });
      // Voided and draft contracts are never exceptions.
      await contract({
        prefix,
        entity: 'CONS',
        name: '建设-作废',
        status: 'VOIDED',
        figures: { paid: 1, invoiced: 0, accepted: 0 },
      });
      ids.techBad = await contract({
        prefix,
        entity: 'TECH',
        name: '科技-不符',
        figures: { paid: 0, invoiced: 0, accepted: 800_000 },
      });
      ids.grpBad = await contract({
        prefix,
        entity: 'GRP',
        name: '集团-不符',
        figures: { paid: 100_000, invoiced: 0, accepted: 0 },
      });
    });

    it('lists every contract whose figures disagree beyond tolerance, largest difference first', async () => {
      const res = await admin.get(`/api/v1/contract-exceptions?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      const names = page.items.map((i: { name: string }) => i.name.replace(`${prefix} `, ''));
      expect(new Set(names)).toEqual(new Set(['建设-不符', '建设-收入不符', '科技-不符', '集团-不符']));
      expect(page.total).toBe(4);
      const diffs = page.items.map((i: { maxDifference: number }) => i.maxDifference);
      expect(diffs).toEqual([...diffs].sort((x, y) => y - x));
      expect(page.items[0].contractId).toBe(ids.techBad);
    });

    it("shows each figure's differences and the tolerance of the contract's entity", async () => {
      const page = (await admin.get(`/api/v1/contract-exceptions?${q}`)).json();
      const row = page.items.find((i: { contractId: string }) => i.contractId === ids.consBad);
      expect(row).toMatchObject({
        direction: 'EXPENSE',
        entityId: f.cons.entityId,
        status: 'IN_FORCE',
        executableAmount: 2_000_000,
        paid: 500_000,
        invoiced: 300_000,
        accepted: 500_000,
        paidVsInvoiced: 200_000,
        paidVsAccepted: 0,
        invoicedVsAccepted: -200_000,
        maxDifference: 200_000,
        toleranceAmount: 500,
        toleranceRate: 0,
      });
      expect(page.items.find((i: { contractId: string }) => i.contractId === ids.techBad)).toMatchObject({
        toleranceAmount: 0,
        toleranceRate: 100,
        maxDifference: 800_000,
      });
    });

    it('filters by direction and entity, and pages', async () => {
      const income = (await admin.get(`/api/v1/contract-exceptions?${q}&direction=INCOME`)).json();
      expect(income.items.map((i: { contractId: string }) => i.contractId)).toEqual([ids.consIncome]);
      const tech = (await admin.get(`/api/v1/contract-exceptions?${q}&entityId=${f.tech.entityId}`)).json();
      expect(tech.items.map((i: { contractId: string }) => i.contractId)).toEqual([ids.techBad]);
      const paged = (
        await admin.get(`/api/v1/contract-exceptions?${q.replace('pageSize=100', 'pageSize=3')}&page=2`)
      ).json();
      expect(paged).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(paged.items).toHaveLength(1);
    });

    it('exports the filtered list in its order, each figure in the contract’s currency', async () => {
      const filter = `q=${encodeURIComponent(`${prefix} `)}`;
      const list = (await admin.get(`/api/v1/contract-exceptions?${q}`)).json();
      const res = await admin.get(`/api/v1/contract-exceptions/export?${filter}`);
      expect(res.statusCode, res.body).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as never);
      const sheet = workbook.worksheets[0];
      const [header, ...data] = sheet
        .getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1));
      expect(header.slice(0, 2)).toEqual(['合同编号', '合同名称']);
      expect(data.map((r) => r[1])).toEqual(list.items.map((i: { name: string }) => i.name));
      const largest = header.indexOf('最大差额');
      expect(data.map((r) => r[largest])).toEqual(list.items.map((i: any) => i.maxDifference / 100));
      expect(sheet.getRow(2).getCell(largest + 1).numFmt).toBe('#,##0.00');
      const staff = await t().login('wu.min'); // reads the register, holds no export right
      expect((await staff.get(`/api/v1/contract-exceptions/export?${filter}`)).statusCode).toBe(403);
    });

    it("shows each user the exceptions within their scope, and no other entity's matching", async () => {
      // 郑浩 (CONS entity admin) sees CONS only; 张伟 (group GM, entity and below) sees every one.
      const consView = (await (await t().login('zheng.hao')).get(`/api/v1/contract-exceptions?${q}`)).json();
      expect(consView.items.map((i: { contractId: string }) => i.contractId).sort()).toEqual(
        [ids.consBad, ids.consIncome].sort(),
      );
      const gm = (await (await t().login('zhang.wei')).get(`/api/v1/contract-exceptions?${q}`)).json();
      expect(gm.total).toBe(4);
      // A user scoped to TECH cannot read a CONS contract's matching.
      const techUser = await t().login('ma.chao');
      expect((await techUser.get(`/api/v1/contracts/${ids.consBad}/matching`)).statusCode).toBe(404);
    });
  });

  it('flags in SQL exactly what matchingStatus flags, around the tolerance boundaries', async () => {
    const cases: { id: string; figures: Figures }[] = [];
    const base = 1_000_000;
    // TECH (group tolerance: 1% of the larger) and CONS (¥5.00): deltas around both limits.
    const deltas = [0, 499, 500, 501, 9_999, 10_000, 10_100, 10_101, 10_102, 50_000];
    for (const [index, delta] of deltas.entries()) {
      for (const entity of ['CONS', 'TECH'] as const) {
        const figures = { paid: base, invoiced: base + delta, accepted: index % 2 ? base : base + delta };
        cases.push({ id: await contract({ entity, name: `边界${entity}${index}`, figures }), figures });
      }
    }
    const listed = new Set<string>();
    for (let page = 1; ; page += 1) {
      const res = (
        await admin.get(
          `/api/v1/contract-exceptions?q=${encodeURIComponent(`${tag} 边界`)}&pageSize=200&page=${page}`,
        )
      ).json();
      for (const i of res.items) listed.add(i.contractId);
      if (res.items.length < 200) break;
    }
    let flagged = 0;
    for (const c of cases) {
      const matching = (await admin.get(`/api/v1/contracts/${c.id}/matching`)).json();
      const expected = matchingStatus(c.figures, matching.tolerance);
      expect(matching.total.status).toBe(expected);
      expect(listed.has(c.id), `${JSON.stringify(c.figures)} ${JSON.stringify(matching.tolerance)}`).toBe(
        expected === 'MISMATCHED',
      );
      if (expected === 'MISMATCHED') flagged += 1;
    }
    // CONS flags deltas above 500 (7 of 10), TECH above 1% of the larger figure (2 of 10).
    expect(flagged).toBe(9);
  });
});
