import { businessDate, type WfFlow } from '@concord/contracts';
import type { ContractsDemoServices as Services } from './demo-services.js';
import { executionFactories } from '../contracts.execution.factories.js';
import { approveAll, demoContext } from './demo-actors.js';
import { workflowFactories } from '../../../platform/workflow/index.js';

/**
 * Demo money on the demo contracts: the payment request flow, a paid advance and a request in
 * approval on expense contracts of the group and of 协和建设, and a receipt on 协和科技's sales
 * contract (the route guard test needs a payment record in TECH and in GRP). Runs after the plans
 * (seedContractSchedule); a contract without a plan is left alone.
 */
const paymentFlow: WfFlow = {
  schemaVersion: 1,
  settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
  root: {
    id: 'start',
    name: '发起人',
    type: 'start',
    next: {
      id: 'finance',
      name: '财务审核',
      type: 'approval',
      assignee: { role: 'finance' },
      mode: 'or',
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

interface DemoPayment {
  contract: string;
  /** The plan item (by seq) the money is for. */
  seq: number;
  /** Share of the item in basis points. */
  share: number;
  by: string;
  purpose: string;
  /** Why it goes beyond the invoices and acceptance so far (advance payments do). */
  override: string;
  /** Paid by this finance user; left in approval when absent. */
  paidBy?: string;
  bankAccount?: string;
  reference?: string;
}

const payments: DemoPayment[] = [
  {
    contract: '城东产业园一期主体结构劳务分包合同',
    seq: 1,
    share: 10000,
    by: 'zhao.lei',
    purpose: '合同约定预付款 30%，分包单位已提交预付款保函',
    override: '预付款：按合同约定在开票和验收前支付，已收到银行预付款保函',
    paidBy: 'sun.li',
    bankAccount: '中国建设银行杭州城东支行 3305 **** 6688',
    reference: 'JS-FK-202603-001',
  },
  {
    contract: '城东产业园一期主体结构劳务分包合同',
    seq: 2,
    share: 4000,
    by: 'zhao.lei',
    purpose: '3#、4# 楼主体结构进度款（第一次）',
    override: '进度款：监理已确认形象进度，发票随款开具',
  },
  {
    contract: '常年法律顾问服务合同',
    seq: 1,
    share: 10000,
    by: 'zhang.wei',
    purpose: '2026 年上半年常年法律顾问服务费',
    override: '律所已开具增值税专用发票，待登记入票据台账',
    paidBy: 'li.na',
    bankAccount: '招商银行北京分行营业部 1109 **** 0001',
    reference: 'JT-FK-202601-017',
  },
  {
    contract: '常年法律顾问服务合同',
    seq: 2,
    share: 5000,
    by: 'zhang.wei',
    purpose: '下半年服务费（第一笔）',
    override: '专项诉讼支持已完成，发票随后开具',
  },
];

const receipts: {
  contract: string;
  seq: number;
  share: number;
  by: string;
  bankAccount: string;
  reference: string;
}[] = [
  {
    // The customer paid 60% of the advance: the rest is an overdue receivable, so the overdue list
    // (逾期应收, its default tab) and the collection reminders have something to show from the start.
    contract: '智慧园区平台销售合同',
    seq: 1,
    share: 6000,
    by: 'he.jun',
    bankAccount: '中国银行深圳前海支行 7445 **** 2026',
    reference: 'KJ-SK-202606-003',
  },
];

export async function seedContractPayments(services: Services): Promise<void> {
  const system = services.systemContext('seed-demo');
  const definitions = await services.workflowDefinitions.list(system);
  if (!definitions.some((d) => d.businessType === 'contract.payment')) {
    await workflowFactories.publishedFlow(services, system, {
      key: 'contract-payment',
      name: '合同付款申请审批',
      businessType: 'contract.payment',
      priority: 0,
      flow: paymentFlow,
    });
  }
  const as = (username: string) => demoContext(services, username);
  const position = async (name: string) => {
    const found = (await services.contractLedger.list(system, { q: name, limit: 20 })).items.find(
      (row) => row.name === name && (row.status === 'IN_FORCE' || row.status === 'APPROVED'),
    );
    if (!found) return null;
    return services.contractPayments.position(system, found.id);
  };
  const today = businessDate(services.clock.now());

  for (const demo of payments) {
    const current = await position(demo.contract);
    const item = current?.items.find((i) => i.seq === demo.seq);
    if (!current || !item) continue;
    const amount = Math.min(item.room, Math.round((item.amount * demo.share) / 10000));
    if (amount <= 0) continue;
    const ctx = await as(demo.by);
    const request = {
      planItemId: item.id,
      amount,
      purpose: demo.purpose,
      idempotencyKey: `demo-${current.contractId}-${demo.seq}-${demo.share}`,
      overrideReason: demo.override,
    };
    if (!demo.paidBy) {
      await executionFactories.paymentRequest(services, ctx, current.contractId, request);
      continue;
    }
    await executionFactories.paidPayment(
      services,
      ctx,
      current.contractId,
      {
        ...request,
        pay: { paidOn: today, bankAccount: demo.bankAccount!, method: 'TRANSFER', reference: demo.reference },
      },
      { approve: (instanceId) => approveAll(services, instanceId), payer: await as(demo.paidBy) },
    );
  }
  for (const demo of receipts) {
    const current = await position(demo.contract);
    const item = current?.items.find((i) => i.seq === demo.seq);
    if (!current || !item) continue;
    const amount = Math.min(item.room, Math.round((item.amount * demo.share) / 10000));
    if (amount <= 0) continue;
    await executionFactories.receipt(services, await as(demo.by), current.contractId, {
      planItemId: item.id,
      amount,
      receivedOn: today,
      bankAccount: demo.bankAccount,
      method: 'TRANSFER',
      reference: demo.reference,
      idempotencyKey: `demo-${current.contractId}-receipt-${demo.seq}`,
    });
  }
}
