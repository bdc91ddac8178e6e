/**
 * Yearly plan lines (年度合同规划) on a real database: the lines each user may see, filtered, sorted and
 * paged in SQL; creating, updating and deleting within the scope of contract.plan.manage, audited;
 * the lines the register may link a contract to.
 */
import type { ContractPlanLine } from '@concord/contracts';
import { expect, it } from 'vitest';
import { newId } from '../../../db/index.js';
import { describeEachDialect } from '../../../testing/test-app.js';
import { LINES, planHelpers } from './plans.testing.js';

describeEachDialect('contract planning', (t) => {
  const { categoryId, department, consPlanner, names } = planHelpers(t);

  it('lists the demo lines each user may see, filtered and sorted in SQL', async () => {
    const group = await t().login('zhang.wei');
    const all = (await group.get(`${LINES}?year=2026&pageSize=100`)).json();
    expect(all.total).toBe(12);

    const cons = await t().login('zhao.lei');
    const consLines = (await cons.get(`${LINES}?year=2026&sort=-plannedAmount`)).json();
    expect(consLines.total).toBe(4);
    expect(consLines.items.map((l: ContractPlanLine) => [l.name, l.plannedAmount])).toEqual([
      ['城东产业园一期土建施工分包', 2_800_000_000],
      ['城东产业园一期钢材采购', 960_000_000],
      ['商品混凝土年度采购', 420_000_000],
      ['塔吊及施工升降机采购', 350_000_000],
    ]);
    const first: ContractPlanLine = consLines.items[0];
    expect(first).toMatchObject({
      year: 2026,
      entityName: '协和建设工程有限公司',
      departmentName: '工程部',
      categoryName: '施工分包',
      direction: 'EXPENSE',
      projectRef: 'PRJ-CONS-2026-01',
      currency: 'CNY',
      lockVersion: 0,
    });

    // A department head sees their department's lines only.
    const head = await t().login('feng.bo');
    expect(names((await head.get(LINES)).json().items)).toEqual([
      '商品混凝土年度采购',
      '城东产业园一期钢材采购',
    ]);

    const equipment = await categoryId('PURCHASE-EQUIP');
    expect(names((await group.get(`${LINES}?categoryId=${equipment}`)).json().items)).toEqual([
      '塔吊及施工升降机采购',
      '研发测试服务器采购',
      '财务共享中心服务器采购',
    ]);
    expect(names((await group.get(`${LINES}?q=${encodeURIComponent('租赁')}`)).json().items)).toEqual([
      '研发中心办公场地租赁',
      '集团总部办公楼租赁',
    ]);
    const tech = await t().given.entityByCode('TECH');
    const techLines = (await group.get(`${LINES}?entityId=${tech.id}&direction=INCOME&sort=name`)).json();
    expect(techLines.items.map((l: ContractPlanLine) => l.name)).toEqual([
      '客户系统运维技术服务',
      '智慧园区平台销售',
    ]);
    const rnd = await department('TECH', 'RND');
    expect((await group.get(`${LINES}?departmentId=${rnd.id}`)).json().total).toBe(2);

    const paged = (await group.get(`${LINES}?year=2026&pageSize=5&page=3&sort=name`)).json();
    expect(paged).toMatchObject({ total: 12, page: 3, pageSize: 5 });
    expect(paged.items).toHaveLength(2);
    expect((await group.get(`${LINES}?sort=unknownField`)).statusCode).toBe(400);

    // A line of another subsidiary is out of reach by id too.
    const techLine: ContractPlanLine = techLines.items[0];
    expect((await cons.get(`${LINES}/${techLine.id}`)).statusCode).toBe(404);
    expect((await group.get(`${LINES}/${techLine.id}`)).json().name).toBe('客户系统运维技术服务');
  });

  it('creates, updates and deletes lines within the scope of contract.plan.manage, audited', async () => {
    const planner = await consPlanner();
    const eng = await department('CONS', 'ENG');
    const material = await categoryId('PURCHASE-MATERIAL');

    const created = await planner.post(LINES, {
      year: 2027,
      departmentId: eng.id,
      categoryId: material,
      name: '2027 年度钢筋采购',
      plannedAmount: 12_345_678,
      projectRef: 'PRJ-CONS-2027-02',
    });
    expect(created.statusCode).toBe(201);
    const line: ContractPlanLine = created.json();
    const cons = await t().given.entityByCode('CONS');
    expect(line).toMatchObject({
      year: 2027,
      entityId: cons.id,
      departmentId: eng.id,
      categoryId: material,
      categoryName: '材料采购',
      direction: 'EXPENSE',
      plannedAmount: 12_345_678,
      currency: 'CNY',
      note: null,
      lockVersion: 0,
    });

    // Another subsidiary's department, or another subsidiary altogether, is refused.
    const techRnd = await department('TECH', 'RND');
    const tech = await t().given.entityByCode('TECH');
    for (const body of [
      { departmentId: techRnd.id },
      { departmentId: techRnd.id, entityId: tech.id },
      { departmentId: '00000000-0000-4000-8000-000000000000' },
    ]) {
      const refused = await planner.post(LINES, {
        year: 2027,
        name: '越权',
        plannedAmount: 1,
        direction: 'EXPENSE',
        ...body,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().code).toBe('INVALID_REFERENCE');
    }
    // Direction: from the category, required without one, and never against the category's.
    const mismatch = await planner.post(LINES, {
      year: 2027,
      departmentId: eng.id,
      categoryId: material,
      direction: 'INCOME',
      name: '方向不符',
      plannedAmount: 1,
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0].path).toBe('direction');
    const noDirection = await planner.post(LINES, {
      year: 2027,
      departmentId: eng.id,
      name: '无方向',
      plannedAmount: 1,
    });
    expect(noDirection.statusCode).toBe(400);
    const income = await planner.post(LINES, {
      year: 2027,
      departmentId: eng.id,
      direction: 'INCOME',
      name: '工程咨询收入',
      plannedAmount: 5_000_000,
      currency: 'USD',
    });
    expect(income.json()).toMatchObject({ direction: 'INCOME', categoryId: null, currency: 'USD' });

    const stale = await planner.patch(`${LINES}/${line.id}`, { name: '改名', lockVersion: 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    const proc = await department('CONS', 'PROC');
    const updated = await planner.patch(`${LINES}/${line.id}`, {
      name: '2027 年度钢筋及型材采购',
      plannedAmount: 20_000_000,
      departmentId: proc.id,
      categoryId: null,
      note: '分两批招标',
      lockVersion: 0,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      name: '2027 年度钢筋及型材采购',
      plannedAmount: 20_000_000,
      departmentId: proc.id,
      departmentName: '采购部',
      categoryId: null,
      categoryName: null,
      direction: 'EXPENSE',
      note: '分两批招标',
      lockVersion: 1,
    });
    const toIncome = await planner.patch(`${LINES}/${line.id}`, {
      categoryId: await categoryId('SALES-SERVICE'),
      lockVersion: 1,
    });
    expect(toIncome.json()).toMatchObject({ direction: 'INCOME', categoryName: '技术服务', lockVersion: 2 });

    // Viewing is not managing, and another subsidiary's line is not found.
    const viewer = await t().login('zhao.lei');
    expect(
      (
        await viewer.post(LINES, {
          year: 2027,
          departmentId: eng.id,
          name: 'x',
          plannedAmount: 1,
          direction: 'EXPENSE',
        })
      ).statusCode,
    ).toBe(403);
    const group = await t().login('zhang.wei');
    const techLine: ContractPlanLine = (await group.get(`${LINES}?entityId=${tech.id}`)).json().items[0];
    expect((await planner.patch(`${LINES}/${techLine.id}`, { name: 'x', lockVersion: 0 })).statusCode).toBe(
      404,
    );
    expect((await planner.delete(`${LINES}/${techLine.id}`)).statusCode).toBe(404);

    expect((await planner.delete(`${LINES}/${line.id}`)).statusCode).toBe(204);
    expect((await planner.get(`${LINES}/${line.id}`)).statusCode).toBe(404);
    const admin = await t().login('admin');
    const trail = (await admin.get(`/api/v1/audit?entityType=contract_plan_line&entityId=${line.id}`)).json();
    expect(trail.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'create',
      'delete',
      'update',
      'update',
    ]);
  });

  it('gives the register a line only when the caller sees it and it belongs to the contract entity', async () => {
    const { services } = t();
    const cons = await t().given.entityByCode('CONS');
    const tech = await t().given.entityByCode('TECH');
    const group = await t().login('zhang.wei');
    const consLine: ContractPlanLine = (
      await group.get(`${LINES}?entityId=${cons.id}&year=2026&sort=name`)
    ).json().items[0];
    const techLine: ContractPlanLine = (
      await group.get(`${LINES}?entityId=${tech.id}&year=2026&sort=name`)
    ).json().items[0];
    const lineFor = async (
      username: string,
      id: string,
      contract: Parameters<typeof services.contractPlans.lineForContract>[3],
    ) => {
      const ctx = await (await t().login(username)).context(services);
      // As the register does: scopes are resolved before its transaction (SQLite has one connection).
      if (ctx.access.has('contract.plan.view')) await ctx.access.require('contract.plan.view');
      return services.db
        .transaction()
        .execute((trx) => services.contractPlans.lineForContract(trx, ctx, id, contract));
    };
    const found = await lineFor('zhao.lei', consLine.id, {
      entityId: cons.id,
      direction: 'EXPENSE',
      currency: 'CNY',
    });
    expect(found).toMatchObject({ id: consLine.id, name: consLine.name, entityId: cons.id });

    const invalid = { code: 'INVALID_REFERENCE', params: { what: 'plan line' } };
    await expect(lineFor('zhao.lei', consLine.id, { entityId: tech.id })).rejects.toMatchObject(invalid);
    await expect(lineFor('zhao.lei', techLine.id, { entityId: tech.id })).rejects.toMatchObject(invalid);
    await expect(
      lineFor('zhao.lei', consLine.id, { entityId: cons.id, direction: 'INCOME' }),
    ).rejects.toMatchObject(invalid);
    await expect(
      lineFor('zhao.lei', consLine.id, { entityId: cons.id, currency: 'USD' }),
    ).rejects.toMatchObject(invalid);
    // Staff without contract.plan.view cannot link plan lines.
    await expect(lineFor('wu.min', consLine.id, { entityId: cons.id })).rejects.toMatchObject(invalid);
    await expect(lineFor('zhao.lei', newId(), { entityId: cons.id })).rejects.toMatchObject(invalid);
  });
});
