/**
 * The plan report (规划执行) on a real database: plan vs signed per line with totals in one query,
 * per currency (CNY never added to USD), on the page and in the .xlsx export.
 */
import type { ContractPlanLine, ContractPlanReport } from '@concord/contracts';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../testing/test-app.js';
import { LINES, planHelpers, REPORT } from './plans.testing.js';

describeEachDialect('contract planning', (t) => {
  const { categoryId, department, contractsIn } = planHelpers(t);

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
      expect(response.statusCode).toBe(201);
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
      expect(response.statusCode, response.body).toBe(201);
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
});
