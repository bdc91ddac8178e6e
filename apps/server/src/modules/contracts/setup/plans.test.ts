import type { ContractPlanLine, ContractPlanReport } from '@concord/contracts';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { newId } from '../../../db/index.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';

const LINES = '/api/v1/contract-plans';
const REPORT = '/api/v1/contract-plans/report';

describeEachDialect('contract planning', (t) => {
  const categoryId = async (code: string) => {
    const { services } = t();
    const { items } = await services.contractCategories.list(services.systemContext('test'));
    return items.find((c) => c.code === code)!.id;
  };
  const department = (entity: string, code: string) => t().given.departmentByCode(entity, code);
  /** A CONS user who may view and manage plan lines of the whole subsidiary. */
  const consPlanner = async (): Promise<ApiClient> => {
    const { given } = t();
    const role = await given.role({
      permissions: ['contract.plan.view', 'contract.plan.manage', 'contract.category.view'],
      dataScope: 'entity',
    });
    const user = await given.user({
      departmentId: (await department('CONS', 'PROC')).id,
      roles: [{ roleId: role.id }],
    });
    return t().login(user.username, user.password);
  };
  const names = (items: ContractPlanLine[]) => items.map((i) => i.name).sort();
  /**
   * Writes contract rows linked to plan lines straight into the register, with the figures a test
   * needs, in the given category, department and owner.
   */
  const contractsIn =
    (c: { categoryId: string; entityId: string; departmentId: string; ownerId: string }) =>
    (planLineId: string, status: string, currentAmount: number, currency = 'CNY') => {
      const now = t().services.clock.now().toISOString();
      return t()
        .services.db.insertInto('contract' as never)
        .values({
          id: newId(),
          number: null,
          name: `测试合同 ${status}`,
          category_id: c.categoryId,
          direction: 'EXPENSE',
          partner_id: newId(),
          partner_name: '测试供应商',
          partner_credit_code: null,
          partner_bank: null,
          entity_id: c.entityId,
          department_id: c.departmentId,
          owner_id: c.ownerId,
          amount: currentAmount,
          tax_rate: 0,
          tax_amount: 0,
          signed_amount: ['IN_FORCE', 'COMPLETED', 'TERMINATED'].includes(status) ? currentAmount : null,
          current_amount: currentAmount,
          currency,
          sign_date: null,
          start_date: null,
          end_date: null,
          plan_line_id: planLineId,
          project_ref: null,
          budget_ref: null,
          body: '',
          attachments: '[]',
          custom_data: '{}',
          status,
          version: 0,
          instance_id: null,
          pending_change_id: null,
          status_reason: null,
          imported: false,
          lock_version: 0,
          created_by: null,
          created_at: now,
          updated_at: now,
        } as never)
        .execute();
    };

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
    expect(created.statusCode).toBe(200);
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

    expect((await planner.delete(`${LINES}/${line.id}`)).statusCode).toBe(200);
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

  it('reports plan vs signed per line with totals, in one query, and exports it', async () => {
    const cons = await t().given.entityByCode('CONS');
    const tech = await t().given.entityByCode('TECH');
    const eng = await department('CONS', 'ENG');
    const eng1 = await department('CONS', 'ENG-1');
    const rnd = await department('TECH', 'RND');
    const material = await categoryId('PURCHASE-MATERIAL');
    const owner = await t().given.userByUsername('zhou.qiang');
    const admin = await t().login('admin');
    const newLine = async (body: Record<string, unknown>): Promise<ContractPlanLine> => {
      const response = await admin.post(LINES, { year: 2031, direction: 'EXPENSE', ...body });
      expect(response.statusCode).toBe(200);
      return response.json();
    };
    const steel = await newLine({
      entityId: cons.id,
      departmentId: eng.id,
      categoryId: material,
      name: '甲：钢材',
      plannedAmount: 100_000_000,
    });
    const unplanned = await newLine({
      entityId: cons.id,
      departmentId: eng1.id,
      name: '乙：零星采购',
      plannedAmount: 0,
    });
    const servers = await newLine({
      entityId: tech.id,
      departmentId: rnd.id,
      name: '丙：服务器',
      plannedAmount: 500_000,
    });

    const insertContract = contractsIn({
      categoryId: material,
      entityId: cons.id,
      departmentId: eng.id,
      ownerId: owner.id,
    });
    await insertContract(steel.id, 'IN_FORCE', 30_000_000);
    await insertContract(steel.id, 'COMPLETED', 10_000_000);
    await insertContract(steel.id, 'TERMINATED', 5_000_000);
    await insertContract(steel.id, 'DRAFT', 2_000_000);
    await insertContract(steel.id, 'IN_APPROVAL', 3_000_000);
    await insertContract(steel.id, 'APPROVED', 1_000_000);
    await insertContract(steel.id, 'VOIDED', 50_000_000);
    await insertContract(steel.id, 'IN_FORCE', 7_000_000, 'USD');
    await insertContract(unplanned.id, 'IN_FORCE', 1_234);

    const group = await t().login('zhang.wei');
    const report: ContractPlanReport = (await group.get(`${REPORT}?year=2031&sort=-signedAmount`)).json();
    expect(report.total).toBe(3);
    expect(report.items.map((r) => r.name)).toEqual(['甲：钢材', '乙：零星采购', '丙：服务器']);
    expect(report.items[0]).toEqual({
      planLineId: steel.id,
      year: 2031,
      name: '甲：钢材',
      entityId: cons.id,
      entityName: '协和建设工程有限公司',
      departmentId: eng.id,
      departmentName: '工程部',
      categoryId: material,
      categoryName: '材料采购',
      direction: 'EXPENSE',
      projectRef: null,
      currency: 'CNY',
      plannedAmount: 100_000_000,
      signedAmount: 45_000_000,
      inProgressAmount: 6_000_000,
      contractCount: 6,
      remainingAmount: 55_000_000,
      executionRate: 4500,
    });
    expect(report.items[1]).toMatchObject({
      signedAmount: 1_234,
      inProgressAmount: 0,
      contractCount: 1,
      remainingAmount: -1_234,
      executionRate: null,
    });
    expect(report.items[2]).toMatchObject({
      planLineId: servers.id,
      signedAmount: 0,
      contractCount: 0,
      remainingAmount: 500_000,
      executionRate: 0,
    });
    // The USD contract on the CNY line counts nowhere: a line's figures are in its own currency.
    expect(report.totalsByCurrency).toEqual([
      {
        currency: 'CNY',
        lines: 3,
        plannedAmount: 100_500_000,
        signedAmount: 45_001_234,
        inProgressAmount: 6_000_000,
        contractCount: 7,
        remainingAmount: 55_498_766,
        executionRate: 4478,
      },
    ]);

    // Paging keeps the totals of the whole set; sorting works on the aggregates.
    const page = (await group.get(`${REPORT}?year=2031&pageSize=1&page=2&sort=-remainingAmount`)).json();
    expect(page.total).toBe(3);
    expect(page.items.map((r: { name: string }) => r.name)).toEqual(['丙：服务器']);
    expect(page.totalsByCurrency[0].signedAmount).toBe(45_001_234);

    // A subsidiary's user sees its own lines only, totals included.
    const consUser = await t().login('zhao.lei');
    const consReport: ContractPlanReport = (await consUser.get(`${REPORT}?year=2031`)).json();
    expect(consReport.items.map((r) => r.name).sort()).toEqual(['乙：零星采购', '甲：钢材']);
    expect(consReport.totalsByCurrency).toMatchObject([
      { currency: 'CNY', lines: 2, plannedAmount: 100_000_000, executionRate: 4500 },
    ]);
    const filtered: ContractPlanReport = (
      await group.get(`${REPORT}?year=2031&departmentId=${eng1.id}`)
    ).json();
    expect(filtered.items.map((r) => r.name)).toEqual(['乙：零星采购']);

    // A line contracts are linked to cannot be deleted (voided and other-currency ones count too).
    const refused = await admin.delete(`${LINES}/${steel.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CONTRACT_SETUP_IN_USE' });
    expect(refused.json().detail).toContain('8');

    const download = await group.get(`${REPORT}/export?year=2031&sort=-signedAmount`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as never);
    const sheet = workbook.worksheets[0];
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toHaveLength(5);
    expect(rows[0].slice(0, 3)).toEqual(['年度', '规划名称', '法人主体']);
    expect(rows[1].slice(0, 4)).toEqual([2031, '甲：钢材', '协和建设工程有限公司', '工程部']);
    expect(rows[1].slice(8)).toEqual([1_000_000, 450_000, 60_000, 6, 550_000, 0.45]);
    expect(rows[4][1]).toBe('合计');
    expect(rows[4].slice(7)).toEqual(['CNY', 1_005_000, 450_012.34, 60_000, 7, 554_987.66, 0.4478]);
  });

  it('totals the report per currency and never adds CNY to USD, on the page and in the export', async () => {
    const cons = await t().given.entityByCode('CONS');
    const eng = await department('CONS', 'ENG');
    const material = await categoryId('PURCHASE-MATERIAL');
    const owner = await t().given.userByUsername('zhou.qiang');
    const admin = await t().login('admin');
    const newLine = async (name: string, plannedAmount: number, currency: string) => {
      const body = { year: 2032, direction: 'EXPENSE', entityId: cons.id, departmentId: eng.id, name };
      const response = await admin.post(LINES, { ...body, categoryId: material, plannedAmount, currency });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as ContractPlanLine).id;
    };
    const yuanLine = await newLine('戊：国内钢材', 1_000_000, 'CNY');
    const dollarLine = await newLine('己：进口设备', 500_000, 'USD');
    const contract = contractsIn({
      categoryId: material,
      entityId: cons.id,
      departmentId: eng.id,
      ownerId: owner.id,
    });
    await contract(yuanLine, 'IN_FORCE', 400_000, 'CNY');
    await contract(dollarLine, 'IN_FORCE', 200_000, 'USD');
    await contract(dollarLine, 'IN_APPROVAL', 100_000, 'USD');

    const group = await t().login('zhang.wei');
    const report: ContractPlanReport = (await group.get(`${REPORT}?year=2032`)).json();
    expect(report.total).toBe(2);
    expect(report.totalsByCurrency).toEqual([
      {
        currency: 'CNY',
        lines: 1,
        plannedAmount: 1_000_000,
        signedAmount: 400_000,
        inProgressAmount: 0,
        contractCount: 1,
        remainingAmount: 600_000,
        executionRate: 4000,
      },
      {
        currency: 'USD',
        lines: 1,
        plannedAmount: 500_000,
        signedAmount: 200_000,
        inProgressAmount: 100_000,
        contractCount: 2,
        remainingAmount: 300_000,
        executionRate: 4000,
      },
    ]);

    const download = await group.get(`${REPORT}/export?year=2032&sort=name`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as never);
    const rows: unknown[][] = [];
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.map((row) => [row[1], row[7], row[8]])).toEqual([
      ['规划名称', '币种', '规划金额'],
      ['己：进口设备', 'USD', 5_000],
      ['戊：国内钢材', 'CNY', 10_000],
      ['合计', 'CNY', 10_000],
      ['合计', 'USD', 5_000],
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
