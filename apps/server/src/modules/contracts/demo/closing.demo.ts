import { addDays, businessDate, type WfFlow } from '@concord/contracts';
import type { ContractsDemoServices as Services } from './demo-services.js';
import { approveAll, demoContext } from './demo-actors.js';
import { workflowFactories } from '../../../platform/workflow/index.js';
import { closingFactories } from '../contracts.closing.factories.js';

/**
 * Demo closing: the settlement flow, an approved settlement with warranty retention on the group's
 * legal counsel contract, a settlement in approval on 协和科技's sales contract (the route guard
 * test needs a settlement in TECH and in GRP), and the closing evaluation of 协和建设's completed
 * concrete contract (seeded by the contract seeding right before it completes the contract).
 */
const settlementFlow: WfFlow = {
  schemaVersion: 1,
  settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
  root: {
    id: 'start',
    name: '发起人',
    type: 'start',
    next: {
      id: 'supervisor',
      name: '直属主管审核',
      type: 'approval',
      assignee: { supervisor: { level: 1, of: 'initiator' }, fallbackUp: true },
      mode: 'and',
      next: {
        id: 'gm',
        name: '总经理审批',
        type: 'approval',
        assignee: { role: 'general_manager' },
        mode: 'or',
      },
    },
  },
} as WfFlow;

interface DemoSettlement {
  contract: string;
  by: string;
  /** Deductions as shares (basis points) of the current amount, capped so the settlement covers what is paid. */
  deductions: { reason: string; share: number }[];
  /** Retention as a share of the settled amount, released this many days from today. */
  retentionShare: number;
  retentionInDays: number;
  note: string;
  approve: boolean;
}

const settlements: DemoSettlement[] = [
  {
    contract: '常年法律顾问服务合同',
    by: 'wang.fang',
    deductions: [{ reason: '专项诉讼支持工时少于约定，按实结算', share: 300 }],
    retentionShare: 500,
    retentionInDays: 20,
    note: '年度服务已全部提供，按实际工时结算；5% 质保金待服务评估期满后释放',
    approve: true,
  },
  {
    contract: '智慧园区平台销售合同',
    by: 'he.jun',
    deductions: [{ reason: '部分硬件延期交付，按合同约定扣减违约金', share: 200 }],
    retentionShare: 500,
    retentionInDays: 365,
    note: '平台已上线运行，按验收结果结算；5% 质保金质保期一年',
    approve: false,
  },
];

const contextOf = demoContext;

/** The completed demo contract's closing evaluation, by the owner's department head (feng.bo). */
export async function seedClosingEvaluation(services: Services, contractId: string): Promise<void> {
  const ctx = await contextOf(services, 'feng.bo');
  const view = await services.contractEvaluations.view(ctx, contractId);
  if (view.evaluation) return;
  const demoScores: Record<string, number> = { quality: 92, schedule: 85, service: 90, compliance: 100 };
  await closingFactories.evaluation(services, ctx, contractId, {
    scoreOf: Object.fromEntries(view.criteria.map((c) => [c.code, demoScores[c.code] ?? 85])),
    comment: '混凝土质量稳定，供货及时；个别批次坍落度偏差已整改，整体表现优秀',
  });
}

export async function seedContractClosing(services: Services): Promise<void> {
  const system = services.systemContext('seed-demo');
  const definitions = await services.workflowDefinitions.list(system);
  if (!definitions.some((d) => d.businessType === 'contract.settlement')) {
    await workflowFactories.publishedFlow(services, system, {
      key: 'contract-settlement',
      name: '合同结算审批',
      businessType: 'contract.settlement',
      priority: 0,
      flow: settlementFlow,
    });
  }
  const dateIn = (days: number) => addDays(businessDate(services.clock.now()), days);

  for (const demo of settlements) {
    const found = (await services.contractLedger.list(system, { q: demo.contract, limit: 20 })).items.find(
      (row) => row.name === demo.contract && row.status === 'IN_FORCE',
    );
    if (!found) continue;
    const view = await services.contractSettlements.view(system, found.id);
    if (!view.canSettle && view.settlements.length) continue;
    const committed = view.paidAmount + view.requestedAmount;
    let room = Math.max(0, view.currentAmount - committed);
    const deductions = demo.deductions
      .map((d) => {
        const amount = Math.min(room, Math.round((view.currentAmount * d.share) / 10000));
        room -= amount;
        return { reason: d.reason, amount };
      })
      .filter((d) => d.amount > 0);
    const settled = view.currentAmount - deductions.reduce((sum, d) => sum + d.amount, 0);
    const retentionAmount = Math.round((settled * demo.retentionShare) / 10000);
    const settlement = await closingFactories.settlement(
      services,
      await contextOf(services, demo.by),
      found.id,
      {
        finalAmount: view.currentAmount,
        deductions,
        retentionAmount,
        retentionReleaseDate: retentionAmount > 0 ? dateIn(demo.retentionInDays) : null,
        note: demo.note,
      },
    );
    if (demo.approve && settlement.instanceId) await approveAll(services, settlement.instanceId);
  }
}
