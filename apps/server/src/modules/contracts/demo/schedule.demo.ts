import { addDays, businessDate, type ContractScheduleItemInput } from '@concord/contracts';
import type { ContractsDemoServices as Services } from './demo-services.js';
import { executionFactories } from '../contracts.execution.factories.js';

/**
 * Payment and receipt plans of the demo contracts that are approved or in force: three milestones
 * each (advance, progress, retention or their income counterparts), dated around today so that
 * the plan tab, the overdue list and the collection reminders have something to show.
 */
interface DemoMilestone {
  name: string;
  /** Share in basis points; the last milestone takes what remains, so the plan sums exactly. */
  share: number;
  /** Days from today (negative: already due). */
  dueInDays: number;
  condition: string;
}

const plans: { contract: string; milestones: DemoMilestone[] }[] = [
  {
    contract: '城东产业园一期主体结构劳务分包合同',
    milestones: [
      { name: '预付款', share: 3000, dueInDays: -20, condition: '合同签订后 15 日内，凭预付款保函支付' },
      { name: '进度款', share: 6500, dueInDays: 45, condition: '主体结构封顶并经监理验收合格后' },
      { name: '质保金', share: 500, dueInDays: 400, condition: '竣工验收满两年且无质量问题' },
    ],
  },
  {
    contract: '常年法律顾问服务合同',
    milestones: [
      { name: '上半年服务费', share: 5000, dueInDays: -12, condition: '收到律所开具的增值税专用发票后' },
      { name: '下半年服务费', share: 4000, dueInDays: 120, condition: '7 月 1 日后凭发票支付' },
      { name: '年度考核尾款', share: 1000, dueInDays: 300, condition: '年度服务考核合格后' },
    ],
  },
  {
    contract: '集团总部办公楼租赁合同',
    milestones: [
      { name: '2026 年度租金', share: 3279, dueInDays: -40, condition: '每年 1 月 15 日前支付当年租金' },
      { name: '2027 年上半年租金', share: 3361, dueInDays: 60, condition: '续租协议生效后按季度结算' },
      { name: '2027 年下半年租金', share: 3360, dueInDays: 240, condition: '7 月 15 日前支付' },
    ],
  },
  {
    contract: '智慧园区平台销售合同',
    milestones: [
      { name: '预收款', share: 3000, dueInDays: -8, condition: '合同生效后 7 日内客户支付' },
      { name: '到货验收款', share: 6000, dueInDays: 25, condition: '平台上线并经客户验收合格后' },
      { name: '质保金', share: 1000, dueInDays: 365, condition: '质保期一年届满' },
    ],
  },
  {
    contract: '客户系统运维技术服务合同',
    milestones: [
      { name: '首期服务费', share: 3000, dueInDays: 15, condition: '服务开始后 15 日内' },
      { name: '中期服务费', share: 5000, dueInDays: 180, condition: '半年度服务报告确认后' },
      { name: '尾款', share: 2000, dueInDays: 360, condition: '年度服务验收合格后' },
    ],
  },
];

/** Today in China (the register's calendar) plus some days, as YYYY-MM-DD. */
const dayFrom = (now: Date, days: number) => addDays(businessDate(now), days);

/** The milestones in 分: each share of the amount, the last one the remainder. */
export function demoItems(
  amount: number,
  milestones: DemoMilestone[],
  now: Date,
): ContractScheduleItemInput[] {
  let left = amount;
  return milestones.map((m, index) => {
    const itemAmount = index === milestones.length - 1 ? left : Math.round((amount * m.share) / 10000);
    left -= itemAmount;
    return {
      name: m.name,
      dueDate: dayFrom(now, m.dueInDays),
      amount: itemAmount,
      percentage: m.share,
      condition: m.condition,
    };
  });
}

export async function seedContractSchedule(services: Services): Promise<void> {
  const system = services.systemContext('seed-demo');
  const now = services.clock.now();
  for (const plan of plans) {
    const found = (await services.contractLedger.list(system, { q: plan.contract, limit: 20 })).items.find(
      (row) => row.name === plan.contract && (row.status === 'IN_FORCE' || row.status === 'APPROVED'),
    );
    if (!found) continue;
    if ((await services.contractSchedule.get(system, found.id)).items.length > 0) continue;
    await executionFactories.planItems(services, system, found.id, (amount) =>
      demoItems(amount, plan.milestones, now),
    );
  }
}
