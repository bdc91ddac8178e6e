/**
 * The demo company opens on a workbench with something in each of its groups (需要我处理 and
 * 最近处理的记录) for 何军, 协和科技's sales head: the demo is dated around the day it is seeded.
 */
import type {
  AuditRecentPage,
  ContractLedgerPage,
  ContractOverduePage,
  Page,
  PartnerExpiringQualification,
} from '@concord/contracts';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../testing/test-app.js';

describeEachDialect('demo workbench', (t) => {
  it('shows 何军 an overdue collection, a contract ending soon, an expiring qualification and recent records', async () => {
    const heJun = await t().login('he.jun');
    const me = heJun.session.user.id as string;
    const get = async <T>(url: string): Promise<T> => {
      const response = await heJun.get(`/api/v1${url}`);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      return response.json() as T;
    };
    const overdue = await get<ContractOverduePage>(`/contract-overdue?ownerId=${me}&limit=5`);
    expect(overdue.items.map((i) => i.contractName)).toContain('智慧园区平台销售合同');
    const ending = await get<ContractLedgerPage>(`/contracts?ownerId=${me}&expiringWithinDays=30&limit=5`);
    expect(ending.items.map((c) => [c.name, c.daysToExpiry])).toEqual([['园区安防系统年度维保服务合同', 25]]);
    const qualifications = await get<Page<PartnerExpiringQualification>>('/partners/qualifications/expiring');
    expect(qualifications.items.map((q) => [q.partnerName, q.type, q.daysLeft])).toContainEqual([
      '杭州澄明软件有限公司',
      '软件企业证书',
      25,
    ]);
    // The kinds the workbench links to: his contracts (by name) and the approvals he started.
    const recent = await get<AuditRecentPage>('/audit/mine/recent?types=contract,partner,workflow_instance');
    expect(recent.items.length).toBe(5);
    // Named by their modules where the entries record no name: an approval by its title, a
    // contract by its name and number.
    expect(recent.items.every((r) => r.title)).toBe(true);
    const titles = recent.items.map((r) => r.title);
    expect(titles.some((title) => /^园区安防系统年度维保服务合同（HT-TECH-\d{6}-\d{4}）$/.test(title!))).toBe(
      true,
    );
    expect(
      recent.items.some((r) => r.entityType === 'workflow_instance' && r.title?.startsWith('合同')),
    ).toBe(true);
  });
});
