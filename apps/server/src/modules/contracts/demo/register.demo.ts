import { addDays, businessDate } from '@concord/contracts';
import type { ContractsDemoServices as Services } from './demo-services.js';
import { type ContractDraftInput, contractFactories } from '../contracts.factories.js';
import { approveAll, demoContext } from './demo-actors.js';
import { seedClosingEvaluation } from './closing.demo.js';
import { demoContractFlows } from './flows.demo.js';
import { workflowFactories } from '../../../platform/workflow/index.js';

/*
 * The demo group's contract register: contracts in every status in each company, through the
 * approval flows of flows.demo.ts, so the ledger, the versions and the approval centre show real
 * data on first start.
 */

type Target = 'DRAFT' | 'IN_APPROVAL' | 'APPROVED' | 'IN_FORCE' | 'COMPLETED' | 'CHANGED';

interface DemoContract {
  entity: string;
  department: string;
  /** Who registers it: the company's administrator when the owner's department scope cannot see the partner or plan line. */
  by: string;
  /** Who is responsible for it; the registrant when absent. */
  owner?: string;
  category: string;
  /** The counterparty's name; the first usable partner when this one is not usable by the user. */
  partner: string;
  name: string;
  amountYuan: number;
  taxRatePercent: number;
  start: string;
  end: string;
  sign?: string;
  /** Dated around the day of seeding instead (signed on its start): a term that ends soon stays soon. */
  around?: { startDaysAgo: number; endsInDays: number };
  target: Target;
  body: string;
  /** The name of the 2026 plan line it executes. */
  plan?: string;
}

const clause = (subject: string) =>
  [
    `第一条 合同标的：${subject}。`,
    '第二条 合同价款：以本合同约定的含税总价为准，分期支付。',
    '第三条 履行期限：自合同生效之日起至约定结束日止。',
    '第四条 质量标准：符合国家及行业现行标准。',
    '第五条 违约责任：任何一方违约，应向守约方支付合同总价 5% 的违约金。',
    '第六条 争议解决：协商不成的，提交合同签订地人民法院诉讼解决。',
  ].join('\n');

const demoContracts: DemoContract[] = [
  {
    entity: 'GRP',
    department: 'FIN',
    by: 'li.na',
    category: 'OTHER',
    partner: '北京华信联合会计师事务所（特殊普通合伙）',
    name: '2027 年度审计服务合同',
    amountYuan: 380_000,
    taxRatePercent: 6,
    start: '2027-01-01',
    end: '2027-12-31',
    target: 'IN_APPROVAL',
    body: clause('2027 年度财务报表审计服务'),
  },
  {
    entity: 'GRP',
    department: 'GMO',
    by: 'yang.xue',
    owner: 'liu.yang',
    category: 'LEASE',
    partner: '北京金泰物业管理有限公司',
    name: '集团总部办公楼租赁合同',
    amountYuan: 2_640_000,
    taxRatePercent: 9,
    start: '2025-01-01',
    end: '2026-12-31',
    sign: '2024-12-20',
    target: 'CHANGED',
    body: clause('北京市朝阳区某大厦 18 层办公用房租赁'),
  },
  {
    entity: 'GRP',
    department: 'LEGAL',
    by: 'wang.fang',
    category: 'OTHER',
    partner: '北京中诚明律师事务所',
    name: '常年法律顾问服务合同',
    plan: '常年法律顾问服务',
    amountYuan: 240_000,
    taxRatePercent: 6,
    start: '2026-01-01',
    end: '2026-12-31',
    sign: '2025-12-28',
    target: 'IN_FORCE',
    body: clause('常年法律顾问服务'),
  },
  {
    entity: 'CONS',
    department: 'ENG',
    by: 'zheng.hao',
    owner: 'zhou.qiang',
    category: 'ENG-SUBCONTRACT',
    partner: '苏州恒力钢结构工程有限公司',
    name: '城东产业园一期主体结构劳务分包合同',
    plan: '城东产业园一期土建施工分包',
    amountYuan: 12_800_000,
    taxRatePercent: 9,
    start: '2026-03-01',
    end: '2027-06-30',
    sign: '2026-02-20',
    target: 'IN_FORCE',
    body: clause('城东产业园一期 3#–6# 楼主体结构劳务分包'),
  },
  {
    entity: 'CONS',
    department: 'ENG-1',
    by: 'zheng.hao',
    owner: 'feng.bo',
    category: 'PURCHASE-MATERIAL',
    partner: '上海浦江商品混凝土有限公司',
    name: '商品混凝土采购合同（2026 年度）',
    plan: '商品混凝土年度采购',
    amountYuan: 3_560_000,
    taxRatePercent: 13,
    start: '2026-01-01',
    end: '2026-12-31',
    sign: '2025-12-25',
    target: 'COMPLETED',
    body: clause('C30/C35 商品混凝土供应'),
  },
  {
    entity: 'CONS',
    department: 'PROC',
    by: 'xu.tao',
    category: 'PURCHASE-MATERIAL',
    partner: '苏州恒力钢结构工程有限公司',
    name: '螺纹钢采购合同',
    amountYuan: 1_980_000,
    taxRatePercent: 13,
    start: '2026-12-01',
    end: '2027-05-31',
    target: 'DRAFT',
    body: clause('HRB400E 螺纹钢供应'),
  },
  {
    entity: 'TECH',
    department: 'SALES',
    by: 'he.jun',
    category: 'SALES-PRODUCT',
    partner: '深圳市前海智慧城市建设服务中心',
    name: '智慧园区平台销售合同',
    plan: '智慧园区平台销售',
    amountYuan: 860_000,
    taxRatePercent: 13,
    start: '2026-06-01',
    end: '2027-05-31',
    sign: '2026-05-20',
    target: 'IN_FORCE',
    body: clause('智慧园区管理平台软件及硬件'),
  },
  {
    entity: 'TECH',
    department: 'SALES',
    by: 'he.jun',
    category: 'SALES-SERVICE',
    partner: '广州智联电子科技有限公司',
    name: '客户系统运维技术服务合同',
    plan: '客户系统运维技术服务',
    amountYuan: 180_000,
    taxRatePercent: 6,
    start: '2027-01-01',
    end: '2027-12-31',
    target: 'APPROVED',
    body: clause('平台运维与技术支持服务'),
  },
  {
    // Ends within the month: its owner's workbench (即将到期的合同) shows it, whenever the demo is seeded.
    entity: 'TECH',
    department: 'SALES',
    by: 'he.jun',
    category: 'SALES-SERVICE',
    partner: '杭州澄明软件有限公司',
    name: '园区安防系统年度维保服务合同',
    amountYuan: 96_000,
    taxRatePercent: 6,
    start: '',
    end: '',
    around: { startDaysAgo: 340, endsInDays: 25 },
    target: 'IN_FORCE',
    body: clause('园区安防监控系统年度巡检与维保服务'),
  },
];

export async function seedDemoContracts(services: Services): Promise<string[]> {
  const system = services.systemContext('seed-demo');
  for (const flow of demoContractFlows) {
    await workflowFactories.publishedFlow(services, system, { ...flow, priority: 0 });
  }
  const entities = new Map((await services.org.listEntities(system)).map((e) => [e.code, e.id]));
  const categories = new Map(
    (await services.contractCategories.list(system)).items.map((c) => [c.code, c.id]),
  );
  const as = (username: string) => demoContext(services, username);
  const today = businessDate(services.clock.now());

  const ids: string[] = [];
  for (const listed of demoContracts) {
    const demo = listed.around
      ? {
          ...listed,
          start: addDays(today, -listed.around.startDaysAgo),
          end: addDays(today, listed.around.endsInDays),
        }
      : listed;
    const ctx = await as(demo.by);
    const entityId = entities.get(demo.entity)!;
    const department = (await services.org.listDepartments(system, entityId)).find(
      (d) => d.code === demo.department,
    )!;
    const partners =
      // Partners this user may pick for the entity: their own company's (in their scope) and shared ones.
      (await services.partners.list(ctx, { page: 1, pageSize: 50, usableBy: entityId, sort: 'name' })).items;
    const partner =
      partners.find((p) => p.name === demo.partner && !p.blacklisted) ?? partners.find((p) => !p.blacklisted);
    if (!partner) throw new Error(`no demo partner usable by ${demo.entity}`);
    const planLineId = demo.plan
      ? (
          await services.contractPlans.list(system, { entityId, q: demo.plan, page: 1, pageSize: 10 })
        ).items.find((line) => line.name === demo.plan)?.id
      : undefined;
    const input: ContractDraftInput = {
      planLineId: planLineId ?? null,
      name: demo.name,
      categoryId: categories.get(demo.category)!,
      partnerId: partner.id,
      entityId,
      departmentId: department.id,
      ownerId: demo.owner ? (await as(demo.owner)).actor!.userId : ctx.actor!.userId,
      amount: Math.round(demo.amountYuan * 100),
      taxRate: demo.taxRatePercent * 100,
      currency: 'CNY',
      startDate: demo.start,
      endDate: demo.end,
      body: demo.body,
      attachments: [],
      customData: demoCustomData(demo.category),
    };
    // The factories attach a document of each type the category requires (a quotation for purchases),
    // and take the contract as far as the demo wants it through the engine and the signing.
    const signer = await as('admin');
    const progress = {
      approve: (instanceId: string) => approveAll(services, instanceId),
      signer,
      signDate: demo.sign ?? demo.start,
    };
    const reach = {
      DRAFT: () => contractFactories.contract(services, ctx, input),
      IN_APPROVAL: () => contractFactories.submittedContract(services, ctx, input),
      APPROVED: () => contractFactories.approvedContract(services, ctx, input, progress),
      IN_FORCE: () => contractFactories.activeContract(services, ctx, input, progress),
    };
    const contract =
      await reach[demo.target === 'COMPLETED' || demo.target === 'CHANGED' ? 'IN_FORCE' : demo.target]();
    ids.push(contract.id);
    if (demo.target === 'COMPLETED') {
      // Completing requires the closing evaluation (回归评价): the owner's department head scores it first.
      await seedClosingEvaluation(services, contract.id);
      await services.contractLifecycle.close(signer, contract.id, 'complete', '货款已结清，合同履行完毕');
    }
    if (demo.target === 'CHANGED') {
      // A renewal by supplementary agreement: one more year at a higher rent, approved.
      await contractFactories.changeOrder(
        services,
        ctx,
        contract.id,
        {
          kind: 'SUPPLEMENT',
          reason: '租期延长一年，租金按市场价上调 5%',
          proposed: {
            // The third year at the old yearly rent plus 5%: ¥2,640,000 + ¥1,386,000.
            amount: Math.round(demo.amountYuan * 100 * 1.525),
            endDate: '2027-12-31',
            body: `${demo.body}\n第七条 续租：租期延长至 2027 年 12 月 31 日，租金上调 5%。`,
          },
        },
        progress,
      );
    }
  }
  return ids;
}

function demoCustomData(category: string): Record<string, unknown> {
  if (category === 'PURCHASE-EQUIP') return { deliveryPlace: '项目部仓库' };
  if (category === 'ENG-SUBCONTRACT') return { siteAddress: '杭州市余杭区城东产业园一期项目' };
  return {};
}
