/**
 * Test helpers of the payment tests: plan items written straight into the table, the figures kept
 * on contracts and plan items, and the world the payment tests share (a one-step payment flow in
 * CONS, users holding what each test is about, the test category).
 */
import { randomUUID } from 'node:crypto';
import { newId } from '../../../db/index.js';
import { publishOneStepFlow } from '../../../testing/flows.js';
import type { ApiClient, TestApp } from '../../../testing/test-app.js';
import { testCategory, testContract, userWith } from '../archive/archive.testing.js';

/** Plan items written straight into the table (the schedule's own rules are tested elsewhere). */
export async function givenItems(app: TestApp, contractId: string, amounts: number[]): Promise<string[]> {
  const db = app.services.db;
  const ids: string[] = [];
  for (const [index, amount] of amounts.entries()) {
    const id = newId();
    const now = app.services.clock.now().toISOString();
    await db
      .insertInto('contract_plan_item')
      .values({
        id,
        contract_id: contractId,
        seq: index + 1,
        name: `第 ${index + 1} 期`,
        due_date: `2026-0${index + 3}-15`,
        amount,
        percentage: null,
        condition_text: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    ids.push(id);
  }
  return ids;
}

export async function contractFigures(app: TestApp, contractId: string) {
  const row = await app.services.db
    .selectFrom('contract')
    .select(['requested_amount', 'paid_amount'])
    .where('id', '=', contractId)
    .executeTakeFirstOrThrow();
  return { requested: row.requested_amount, paid: row.paid_amount };
}

export async function itemFigures(app: TestApp, itemId: string) {
  const row = await app.services.db
    .selectFrom('contract_plan_item')
    .select(['requested_amount', 'paid_amount'])
    .where('id', '=', itemId)
    .executeTakeFirstOrThrow();
  return { requested: row.requested_amount, paid: row.paid_amount };
}

export async function instancesOf(app: TestApp, subjectId: string): Promise<number> {
  const row = await app.services.db
    .selectFrom('wf_instance')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('subject_id', '=', subjectId)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The override reason the tests give. */
export const OVERRIDE_REASON = '预付款，发票随货';

export interface PaymentsWorld {
  /** contract.payment over CONS, no override. */
  requester: ApiClient;
  /** contract.payment + contract.override over CONS. */
  overrider: ApiClient;
  overriderId: string;
  /** contract.pay over CONS. */
  finance: ApiClient;
  /** zhao.lei, the test flow's approver. */
  approver: ApiClient;
  /** Everything, but over TECH only. */
  outsider: ApiClient;
  categoryId: string;
}

/** Publishes the test payment flow in CONS (approved by 赵磊) and makes the users of the tests. */
export async function paymentsWorld(app: TestApp): Promise<PaymentsWorld> {
  const { services, given } = app;
  const cons = await given.entityByCode('CONS');
  const gm = await given.userByUsername('zhao.lei');
  await publishOneStepFlow(services, {
    key: 'x2-payment-test',
    name: '付款申请（测试）',
    businessType: 'contract.payment',
    entityId: cons.id,
    approverId: gm.id,
    step: { id: 'gm', name: '总经理审批' },
  });
  const user = (permissions: string[], entity = 'CONS', department = 'MGT') =>
    userWith(app, { entity, department, permissions: ['contract.view', ...permissions] }).then(
      (u) => u.client,
    );
  const withOverride = await userWith(app, {
    entity: 'CONS',
    department: 'MGT',
    permissions: ['contract.view', 'contract.payment', 'contract.override'],
  });
  return {
    requester: await user(['contract.payment']),
    overrider: withOverride.client,
    overriderId: withOverride.id,
    finance: await user(['contract.pay']),
    outsider: await user(['contract.payment', 'contract.override', 'contract.pay'], 'TECH', 'RND'),
    approver: await app.login('zhao.lei'),
    categoryId: (await testCategory(app)).id,
  };
}

/** A contract of CONS 工程一部 in the test category, in force unless told otherwise. */
export const consContract = (app: TestApp, categoryId: string, amount: number, status = 'IN_FORCE') =>
  testContract(app, {
    entity: 'CONS',
    department: 'ENG-1',
    owner: 'wu.min',
    status,
    categoryId,
    amount,
    name: '工程一部钢材采购合同',
  });

/** A payment request body with a fresh idempotency key. */
export const requestBody = (planItemId: string, amount: number, extra: Record<string, unknown> = {}) => ({
  planItemId,
  amount,
  purpose: '第一期进度款',
  idempotencyKey: randomUUID(),
  ...extra,
});
