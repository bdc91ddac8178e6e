import { addDays } from '@concord/contracts';
import { newId } from '../../../db/index.js';
import type { ApiClient, TestApp } from '../../../testing/test-app.js';
import { type ContractFixture, publishContractFlows, todayOf } from '../contracts.testing.js';

/** The demo people the payment-plan tests act as, signed in, the test flows and today's date. */
export interface ScheduleCast {
  f: ContractFixture;
  /** 冯波: CONS ENG-1 head, holds contract.payment. */
  creator: ApiClient;
  /** 周强. */
  reviewer: ApiClient;
  /** 赵磊: approves contracts and changes. */
  gm: ApiClient;
  /** 孙丽: CONS finance and head of FIN. */
  finance: ApiClient;
  /** 吴敏: no contract.payment. */
  staff: ApiClient;
  /** 黄磊: TECH general manager. */
  tech: ApiClient;
  clients: { creator: ApiClient; reviewer: ApiClient; gm: ApiClient };
  today: string;
}

/** Publishes the test flows and signs the cast in (each test file sets up its own). */
export async function scheduleCast(app: TestApp): Promise<ScheduleCast> {
  const f = await publishContractFlows(app);
  const creator = await app.login('feng.bo');
  const reviewer = await app.login('zhou.qiang');
  const gm = await app.login('zhao.lei');
  const finance = await app.login('sun.li');
  const staff = await app.login('wu.min');
  const tech = await app.login('huang.lei');
  const today = todayOf(app).date;
  return { f, creator, reviewer, gm, finance, staff, tech, clients: { creator, reviewer, gm }, today };
}

/** The plan's URL, a three-item plan, the contract's figures and payments written straight into the table. */
export function scheduleHelpers(t: () => TestApp, cast: () => ScheduleCast) {
  const db = () => t().services.db;
  const url = (id: string) => `/api/v1/contracts/${id}/schedule`;
  /** 30% / 65% / 5% of ¥11,300.00: 预付款 overdue, 进度款 due in a month, 质保金 in a year. */
  const threeItems = () => [
    {
      name: '预付款',
      dueDate: addDays(cast().today, -10),
      amount: 339_000,
      percentage: 3000,
      condition: '合同签订后 10 日内',
    },
    {
      name: '进度款',
      dueDate: addDays(cast().today, 30),
      amount: 734_500,
      percentage: 6500,
      condition: '到货验收合格后',
    },
    {
      name: '质保金',
      dueDate: addDays(cast().today, 365),
      amount: 56_500,
      percentage: 500,
      condition: '质保期满无质量问题',
    },
  ];
  const contractRow = (id: string) =>
    db()
      .selectFrom('contract')
      .select(['planned_amount', 'requested_amount', 'paid_amount', 'next_due_date', 'lock_version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  /** A payment row written straight into the table (the payments service has its own tests). */
  const givenPayment = async (
    contract: Record<string, any>,
    itemId: string,
    amount: number,
    status: 'IN_APPROVAL' | 'PAID' | 'REJECTED',
  ) => {
    const now = t().services.clock.now().toISOString();
    await db()
      .insertInto('contract_payment')
      .values({
        id: newId(),
        contract_id: contract.id,
        plan_item_id: itemId,
        kind: 'PAYMENT',
        number: `FK-${newId().slice(-12)}`,
        amount,
        status,
        entity_id: contract.entityId,
        department_id: contract.departmentId,
        requested_by: cast().f.users.fengBo,
        paid_on: status === 'PAID' ? cast().today : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db()
      .transaction()
      .execute((trx) => t().services.contractFigures.refresh(trx, contract.id));
  };
  return { db, url, threeItems, contractRow, givenPayment };
}
