import { addDays, businessDate, type Delivery } from '@concord/contracts';
import { Readable } from 'node:stream';
import type { ContractsDemoServices as Services } from './demo-services.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { closingFactories } from '../contracts.closing.factories.js';

/**
 * Demo deliveries and acceptance (交付/验收) on the demo contracts in force, and a group default
 * for the matching tolerance. 协和建设's labour subcontract has work accepted for less than the
 * advance already paid, so the exceptions list (款票物不符) is not empty; 协和科技's platform sale
 * has a delivery awaiting the customer's acceptance and the group's legal counsel contract a
 * delivery accepted in full (the route guard test needs a delivery in TECH and in GRP).
 */
interface DemoDelivery {
  contract: string;
  /** The plan item (by seq) the delivery belongs to. */
  seq: number;
  description: string;
  quantity?: string;
  unit?: string;
  /** Share of the contract's executable amount in basis points. */
  share: number;
  deliveredInDays: number;
  /** Accepted share of the delivered amount (basis points); absent: awaiting acceptance. */
  accept?: { share: number; note: string; inDays: number };
  reject?: string;
  document: string;
}

const deliveries: DemoDelivery[] = [
  {
    contract: '城东产业园一期主体结构劳务分包合同',
    seq: 2,
    description: '1#、2# 楼主体结构劳务（±0.000 至 6 层）',
    quantity: '8600',
    unit: '平方米',
    share: 2500,
    deliveredInDays: -15,
    accept: { share: 8000, note: '2# 楼 5–6 层部分梁板返工，暂按 80% 计量', inDays: -10 },
    document: '工程量确认单（第一期）.txt',
  },
  {
    contract: '城东产业园一期主体结构劳务分包合同',
    seq: 2,
    description: '3# 楼基础劳务（监理复查不合格）',
    quantity: '1200',
    unit: '平方米',
    share: 300,
    deliveredInDays: -9,
    reject: '监理复查钢筋保护层不合格，要求整改后重新报验',
    document: '报验单（3# 楼基础）.txt',
  },
  {
    contract: '常年法律顾问服务合同',
    seq: 1,
    description: '2026 年上半年常年法律顾问服务（合同审查 46 份、法律意见书 5 份）',
    share: 5000,
    deliveredInDays: -14,
    accept: { share: 10000, note: '服务记录经法务部确认', inDays: -12 },
    document: '上半年法律服务工作报告.txt',
  },
  {
    contract: '智慧园区平台销售合同',
    seq: 2,
    description: '智慧园区平台一期上线（门禁、能耗、访客模块）',
    quantity: '3',
    unit: '模块',
    share: 6000,
    deliveredInDays: -3,
    document: '上线确认单（待客户签署）.txt',
  },
];

/** Today in China plus some days, as YYYY-MM-DD. */
const dayFrom = (now: Date, days: number) => addDays(businessDate(now), days);

export async function seedContractDeliveries(services: Services): Promise<void> {
  const system = services.systemContext('seed-demo');
  const now = services.clock.now();
  // The group default: ¥1.00 or 0.5% of the larger figure, whichever is larger.
  const root = (await services.org.listEntities(system)).find((e) => !e.parentId);
  if (root && (await services.executionSettings.get(system, root.id)).source === 'DEFAULT') {
    await services.executionSettings.save(system, root.id, {
      toleranceAmount: 100,
      toleranceRate: 50,
      remindBeforeDays: [7, 1],
      ownerAfterDays: 0,
      headAfterDays: 7,
      financeAfterDays: 15,
    });
  }
  const admin = await services.users.findByUsername('admin');
  const as = async (userId: string, entityId: string): Promise<RequestContext> =>
    services.auth.contextForUser(userId, entityId, 'seed-demo');
  for (const demo of deliveries) {
    const row = (await services.contractLedger.list(system, { q: demo.contract, limit: 20 })).items.find(
      (r) => r.name === demo.contract && r.status === 'IN_FORCE',
    );
    if (!row) continue;
    const existing = await services.contractDeliveries.list(system, row.id, { page: 1, pageSize: 50 });
    if (existing.items.some((d) => d.description === demo.description)) continue;
    const schedule = await services.contractSchedule.get(system, row.id);
    const item = schedule.items.find((i) => i.seq === demo.seq);
    // The contract's owner records and accepts when allowed to; the administrator otherwise.
    const owner = await services.users.loadUser(services.db, row.ownerId).catch(() => null);
    let ctx = owner ? await as(owner.id, owner.entityId) : null;
    if (!ctx?.access.has('contract.delivery')) ctx = await as(admin!.id, admin!.entity_id);
    const upload = async (name: string) =>
      (
        await services.files.upload(
          ctx!,
          {
            name,
            contentType: 'text/plain',
            stream: Readable.from([Buffer.from(`${name}\n${demo.description}\n`)]),
          },
          row.entityId,
        )
      ).id;
    const deliveredAmount = Math.round((schedule.executableAmount * demo.share) / 10000);
    const input = {
      planItemId: item?.id ?? null,
      description: demo.description,
      quantity: demo.quantity ?? null,
      unit: demo.unit ?? null,
      deliveredAmount,
      deliveredOn: dayFrom(now, demo.deliveredInDays),
      fileIds: [await upload(demo.document)],
    };
    let delivered: Delivery;
    try {
      delivered = await closingFactories.delivery(services, ctx, row.id, input);
    } catch {
      // The contract is outside the owner's delivery scope: the administrator records it.
      ctx = await as(admin!.id, admin!.entity_id);
      delivered = await closingFactories.delivery(services, ctx, row.id, input);
    }
    if (demo.accept) {
      await closingFactories.acceptance(services, ctx, delivered, {
        acceptedAmount: Math.round((deliveredAmount * demo.accept.share) / 10000),
        acceptedOn: dayFrom(now, demo.accept.inDays),
        note: demo.accept.note,
        fileIds: [await upload(`验收单-${demo.document}`)],
      });
    } else if (demo.reject) {
      await closingFactories.rejection(services, ctx, delivered.id, demo.reject);
    }
  }
}
