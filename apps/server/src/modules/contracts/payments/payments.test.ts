/**
 * Payment requests, payments, receipts and refunds on a real database: the guard (plan item and
 * contract, under 50 concurrent requests), idempotency by key, the override flag with its
 * permission, approval outcomes through the engine, execution by finance, refunds, and figures.
 */
import { randomUUID } from 'node:crypto';
import { formatErrorMessage } from '@concord/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId, writeJson } from '../../../db/index.js';
import { actOnApproval, publishOneStepFlow } from '../../../testing/approvals.js';
import { type ApiClient, describeEachDialect, type TestApp } from '../../../testing/test-app.js';
import { patchContract, testCategory, testContract, userWith } from '../archive/archive.testing.js';
import { expectProblem } from '../contracts.testing.js';
import { requestHash } from './payments.writes.js';

/** Plan items written straight into the table (the schedule's own rules are tested elsewhere). */
async function givenItems(app: TestApp, contractId: string, amounts: number[]): Promise<string[]> {
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

async function contractFigures(app: TestApp, contractId: string) {
  const row = await app.services.db
    .selectFrom('contract')
    .select(['requested_amount', 'paid_amount'])
    .where('id', '=', contractId)
    .executeTakeFirstOrThrow();
  return { requested: row.requested_amount, paid: row.paid_amount };
}

async function itemFigures(app: TestApp, itemId: string) {
  const row = await app.services.db
    .selectFrom('contract_plan_item')
    .select(['requested_amount', 'paid_amount'])
    .where('id', '=', itemId)
    .executeTakeFirstOrThrow();
  return { requested: row.requested_amount, paid: row.paid_amount };
}

async function instancesOf(app: TestApp, subjectId: string): Promise<number> {
  const row = await app.services.db
    .selectFrom('wf_instance')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('subject_id', '=', subjectId)
    .executeTakeFirstOrThrow();
  return row.n;
}

describeEachDialect('contract payments', (t) => {
  let requester: ApiClient; // contract.payment over CONS, no override
  let overrider: ApiClient; // contract.payment + contract.override over CONS
  let overriderId: string;
  let finance: ApiClient; // contract.pay over CONS
  let approver: ApiClient; // zhao.lei, the test flow's approver
  let outsider: ApiClient; // everything, but over TECH only
  let categoryId: string;
  const reason = '预付款，发票随货';

  beforeAll(async () => {
    const { services, given } = t();
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
      userWith(t(), { entity, department, permissions: ['contract.view', ...permissions] }).then(
        (u) => u.client,
      );
    requester = await user(['contract.payment']);
    const withOverride = await userWith(t(), {
      entity: 'CONS',
      department: 'MGT',
      permissions: ['contract.view', 'contract.payment', 'contract.override'],
    });
    overrider = withOverride.client;
    overriderId = withOverride.id;
    finance = await user(['contract.pay']);
    outsider = await user(['contract.payment', 'contract.override', 'contract.pay'], 'TECH', 'RND');
    approver = await t().login('zhao.lei');
    categoryId = (await testCategory(t())).id;
  });

  const consContract = async (amount: number, status = 'IN_FORCE') =>
    testContract(t(), {
      entity: 'CONS',
      department: 'ENG-1',
      owner: 'wu.min',
      status,
      categoryId,
      amount,
      name: '工程一部钢材采购合同',
    });
  const body = (planItemId: string, amount: number, extra: Record<string, unknown> = {}) => ({
    planItemId,
    amount,
    purpose: '第一期进度款',
    idempotencyKey: randomUUID(),
    ...extra,
  });

  it('requests, approves, pays and refunds, keeping the figures equal to their sources', async () => {
    const contractId = await consContract(1_000_000);
    const [first, second] = await givenItems(t(), contractId, [300_000, 700_000]);
    const res = await overrider.post(
      `/api/v1/contracts/${contractId}/payments`,
      body(first, 200_000, { overrideReason: reason }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const payment = res.json();
    expect(payment).toMatchObject({
      kind: 'PAYMENT',
      status: 'IN_APPROVAL',
      amount: 200_000,
      planItemId: first,
      planItemSeq: 1,
      overrideReason: reason,
      refundedAmount: 0,
    });
    expect(payment.number).toMatch(/^FK\d{8}-[0-9A-F]{8}$/);
    expect(payment.instanceId).toBeTruthy();
    expect(await contractFigures(t(), contractId)).toEqual({ requested: 200_000, paid: 0 });
    expect(await itemFigures(t(), first)).toEqual({ requested: 200_000, paid: 0 });

    // The approval detail shows the request's own fields.
    const detail = (await approver.get(`/api/v1/workflow/instances/${payment.instanceId}`)).json();
    expect(JSON.stringify(detail)).toContain('付款事由');

    // Not payable before approval.
    const early = await finance.post(`/api/v1/contract-payments/${payment.id}/pay`, {
      paidOn: '2026-03-20',
      bankAccount: '招商银行 6225 **** 0001',
      method: 'TRANSFER',
    });
    expectProblem(early, 409, 'CONTRACT_PAYMENT_STATE');

    const approved = await actOnApproval(approver, payment.instanceId, {
      action: 'approve',
      comment: '同意',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await requester.get(`/api/v1/contract-payments/${payment.id}`)).json().status).toBe('APPROVED');
    expect(await contractFigures(t(), contractId)).toEqual({ requested: 200_000, paid: 0 });

    // Only finance pays.
    const notFinance = await requester.post(`/api/v1/contract-payments/${payment.id}/pay`, {
      paidOn: '2026-03-20',
      bankAccount: '招商银行 6225 **** 0001',
      method: 'TRANSFER',
    });
    expectProblem(notFinance, 403, 'FORBIDDEN');
    const paid = await finance.post(`/api/v1/contract-payments/${payment.id}/pay`, {
      paidOn: '2026-03-20',
      bankAccount: '招商银行 6225 **** 0001',
      method: 'TRANSFER',
      reference: 'HD20260320-01',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({
      status: 'PAID',
      paidOn: '2026-03-20',
      method: 'TRANSFER',
      reference: 'HD20260320-01',
    });
    expect(await contractFigures(t(), contractId)).toEqual({ requested: 0, paid: 200_000 });
    expect(await itemFigures(t(), first)).toEqual({ requested: 0, paid: 200_000 });
    expect(await itemFigures(t(), second)).toEqual({ requested: 0, paid: 0 });

    // Refunds: at most what the payment brought, net of earlier refunds.
    const refund = await requester.post(`/api/v1/contract-payments/${payment.id}/refund`, {
      amount: 50_000,
      refundedOn: '2026-04-01',
      reason: '质量扣款退回',
      idempotencyKey: randomUUID(),
    });
    expect(refund.statusCode, refund.body).toBe(200);
    expect(refund.json()).toMatchObject({
      kind: 'REFUND',
      status: 'REFUNDED',
      amount: 50_000,
      refundOfId: payment.id,
      refundOfNumber: payment.number,
      planItemId: first,
      paidOn: '2026-04-01',
    });
    expect(await contractFigures(t(), contractId)).toEqual({ requested: 0, paid: 150_000 });
    expect(await itemFigures(t(), first)).toEqual({ requested: 0, paid: 150_000 });
    const tooMuch = await requester.post(`/api/v1/contract-payments/${payment.id}/refund`, {
      amount: 150_001,
      refundedOn: '2026-04-02',
      reason: '多退',
      idempotencyKey: randomUUID(),
    });
    expect(expectProblem(tooMuch, 409, 'CONTRACT_OVER_REFUND').detail).toContain('¥1,500.00');
    const refundOfRefund = await requester.post(`/api/v1/contract-payments/${refund.json().id}/refund`, {
      amount: 1,
      refundedOn: '2026-04-02',
      reason: '退款的退款',
      idempotencyKey: randomUUID(),
    });
    expectProblem(refundOfRefund, 409, 'CONTRACT_PAYMENT_STATE');

    // The list: every kind, with totals over all pages.
    const list = (await requester.get(`/api/v1/contracts/${contractId}/payments?pageSize=1`)).json();
    expect(list.total).toBe(2);
    expect(list.items).toHaveLength(1);
    expect(list.totals).toEqual({ requested: 0, paid: 200_000, received: 0, refunded: 50_000, net: 150_000 });
    const original = (await requester.get(`/api/v1/contract-payments/${payment.id}`)).json();
    expect(original.refundedAmount).toBe(50_000);

    // Every write is audited.
    const audit = await t()
      .services.db.selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'contract_payment')
      .where('entity_id', 'in', [payment.id, refund.json().id])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['pay', 'refund', 'request', 'status']);
  });

  it('releases the requested amount when the approval is rejected or withdrawn, or an approved one is canceled', async () => {
    const contractId = await consContract(500_000);
    const [item] = await givenItems(t(), contractId, [500_000]);
    const request = async (amount: number) => {
      const res = await overrider.post(
        `/api/v1/contracts/${contractId}/payments`,
        body(item, amount, { overrideReason: reason }),
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const rejected = await request(100_000);
    const withdrawn = await request(150_000);
    const canceled = await request(200_000);
    expect(await itemFigures(t(), item)).toEqual({ requested: 450_000, paid: 0 });

    expect(
      (await actOnApproval(approver, rejected.instanceId, { action: 'reject', comment: '资料不全' }))
        .statusCode,
    ).toBe(200);
    expect((await actOnApproval(overrider, withdrawn.instanceId, { action: 'withdraw' })).statusCode).toBe(
      200,
    );
    expect((await actOnApproval(approver, canceled.instanceId, { action: 'approve' })).statusCode).toBe(200);
    expect(await itemFigures(t(), item)).toEqual({ requested: 200_000, paid: 0 });

    // Only an approved, unpaid request can be canceled.
    expectProblem(
      await requester.post(`/api/v1/contract-payments/${rejected.id}/cancel`, { reason: '不再需要' }),
      409,
      'CONTRACT_PAYMENT_STATE',
    );
    const cancel = await requester.post(`/api/v1/contract-payments/${canceled.id}/cancel`, {
      reason: '供应商改为承兑汇票结算',
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json().status).toBe('CANCELED');
    const statuses = (await requester.get(`/api/v1/contracts/${contractId}/payments`))
      .json()
      .items.map((p: { id: string; status: string }) => [p.id, p.status]);
    expect(Object.fromEntries(statuses)).toEqual({
      [rejected.id]: 'REJECTED',
      [withdrawn.id]: 'WITHDRAWN',
      [canceled.id]: 'CANCELED',
    });
    expect(await itemFigures(t(), item)).toEqual({ requested: 0, paid: 0 });
    expect(await contractFigures(t(), contractId)).toEqual({ requested: 0, paid: 0 });
    // The whole item is free again.
    await request(500_000);
  });

  it('refuses requests beyond the plan item or beyond the contract, naming what is left', async () => {
    // Items summing to more than the contract (written directly): the contract binds on the second.
    const contractId = await consContract(1_500_000);
    const [first, second] = await givenItems(t(), contractId, [1_000_000, 1_000_000]);
    const ok = await overrider.post(
      `/api/v1/contracts/${contractId}/payments`,
      body(first, 600_000, { overrideReason: reason }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    const overItem = await overrider.post(
      `/api/v1/contracts/${contractId}/payments`,
      body(first, 400_001, { overrideReason: reason }),
    );
    const itemProblem = expectProblem(overItem, 409, 'CONTRACT_OVER_PAYMENT');
    expect(itemProblem.detail).toBe('金额 ¥4,000.01 超出付款/收款计划节点的剩余额度 ¥4,000.00');
    const overContract = await overrider.post(
      `/api/v1/contracts/${contractId}/payments`,
      body(second, 900_001, { overrideReason: reason }),
    );
    expect(expectProblem(overContract, 409, 'CONTRACT_OVER_PAYMENT').detail).toBe(
      '金额 ¥9,000.01 超出合同的剩余额度 ¥9,000.00',
    );
    expect(
      formatErrorMessage('CONTRACT_OVER_PAYMENT', 'en-US', {
        amount: '¥9,000.01',
        what: 'contract',
        remaining: '¥9,000.00',
      }),
    ).toBe('The amount ¥9,000.01 exceeds what is left on the contract: ¥9,000.00');
    const exact = await overrider.post(
      `/api/v1/contracts/${contractId}/payments`,
      body(second, 900_000, { overrideReason: reason }),
    );
    expect(exact.statusCode, exact.body).toBe(200);

    // The position the form shows.
    const position = (await requester.get(`/api/v1/contracts/${contractId}/payment-position`)).json();
    expect(position).toMatchObject({ amount: 1_500_000, requested: 1_500_000, paid: 0, room: 0, open: true });
    expect(position.items.map((i: { room: number }) => i.room)).toEqual([0, 0]);
    expect(position.can).toEqual({ request: true, pay: false, override: false });

    // A plan item of another contract, a draft contract.
    const other = await consContract(100_000);
    expectProblem(
      await overrider.post(`/api/v1/contracts/${other}/payments`, body(first, 1, { overrideReason: reason })),
      400,
      'INVALID_REFERENCE',
    );
    const draft = await consContract(100_000, 'DRAFT');
    const [draftItem] = await givenItems(t(), draft, [100_000]);
    expectProblem(
      await overrider.post(
        `/api/v1/contracts/${draft}/payments`,
        body(draftItem, 1, { overrideReason: reason }),
      ),
      409,
      'CONTRACT_PAYMENT_STATE',
    );
  });

  it('holds the guard under 50 concurrent requests against one plan item', async () => {
    const contractId = await consContract(10_000_000);
    const [item] = await givenItems(t(), contractId, [1_000_000, 9_000_000]);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        overrider.post(
          `/api/v1/contracts/${contractId}/payments`,
          body(item, 30_000, { overrideReason: reason }),
        ),
      ),
    );
    const accepted = responses.filter((r) => r.statusCode === 200);
    const refused = responses.filter((r) => r.statusCode === 409);
    for (const r of refused) expect(r.json().code).toBe('CONTRACT_OVER_PAYMENT');
    // 33 × ¥300 = ¥9,900 fits in ¥10,000; the 34th would not.
    expect(accepted).toHaveLength(33);
    expect(refused).toHaveLength(17);
    const rows = await t()
      .services.db.selectFrom('contract_payment')
      .select(['amount', 'status'])
      .where('plan_item_id', '=', item)
      .execute();
    expect(rows).toHaveLength(33);
    const sum = rows.reduce((total, r) => total + r.amount, 0);
    expect(sum).toBe(990_000);
    expect(sum).toBeLessThanOrEqual(1_000_000);
    expect(await itemFigures(t(), item)).toEqual({ requested: 990_000, paid: 0 });
    expect(new Set(accepted.map((r) => r.json().number)).size).toBe(33);
  });

  it('answers a repeated key with the same payment, and refuses the key with a different body', async () => {
    const contractId = await consContract(1_000_000);
    const [item] = await givenItems(t(), contractId, [1_000_000]);
    const request = body(item, 100_000, { overrideReason: reason });
    const first = await overrider.post(`/api/v1/contracts/${contractId}/payments`, request);
    expect(first.statusCode, first.body).toBe(200);
    const again = await overrider.post(`/api/v1/contracts/${contractId}/payments`, request);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await instancesOf(t(), first.json().id)).toBe(1);

    const different = await overrider.post(`/api/v1/contracts/${contractId}/payments`, {
      ...request,
      amount: 100_001,
    });
    expect(expectProblem(different, 409, 'IDEMPOTENCY_MISMATCH').detail).toContain(request.idempotencyKey);
    const elsewhere = await consContract(1_000_000);
    const [otherItem] = await givenItems(t(), elsewhere, [1_000_000]);
    expectProblem(
      await overrider.post(`/api/v1/contracts/${elsewhere}/payments`, { ...request, planItemId: otherItem }),
      409,
      'IDEMPOTENCY_MISMATCH',
    );

    // The same new key sent five times at once: one payment, five equal answers.
    const burst = body(item, 50_000, { overrideReason: reason });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => overrider.post(`/api/v1/contracts/${contractId}/payments`, burst)),
    );
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await instancesOf(t(), answers[0].json().id)).toBe(1);
    const list = (await requester.get(`/api/v1/contracts/${contractId}/payments`)).json();
    expect(list.total).toBe(2);
    expect(list.totals.requested).toBe(150_000);

    // Refunds and receipts are idempotent too.
    const stored = await t()
      .services.db.selectFrom('contract_payment')
      .select(['request_hash', 'idempotency_key'])
      .where('id', '=', first.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.idempotency_key).toBe(request.idempotencyKey);
    expect(stored.request_hash).toBe(
      requestHash({ kind: 'PAYMENT', contractId, ...request, idempotencyKey: undefined }),
    );
  });

  it('asks for an override reason beyond invoices and acceptance, given only by holders of contract.override', async () => {
    const contractId = await consContract(1_000_000);
    const [item] = await givenItems(t(), contractId, [1_000_000]);
    const needs = await requester.post(`/api/v1/contracts/${contractId}/payments`, body(item, 100_000));
    expect(expectProblem(needs, 409, 'CONTRACT_PAYMENT_NEEDS_OVERRIDE').detail).toContain(
      '已付及在途 ¥1,000.00 超过已开票 ¥0.00 / 已验收 ¥0.00',
    );
    const notAllowed = await requester.post(
      `/api/v1/contracts/${contractId}/payments`,
      body(item, 100_000, { overrideReason: reason }),
    );
    expectProblem(notAllowed, 403, 'FORBIDDEN');
    const allowed = await overrider.post(
      `/api/v1/contracts/${contractId}/payments`,
      body(item, 100_000, { overrideReason: reason }),
    );
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(allowed.json().overrideReason).toBe(reason);
    expect(allowed.json().overrideBy).toBe(overriderId);
    expect(allowed.json().overrideByName).toBeTruthy();

    // Within the entity's tolerance no override is needed (and none is stored).
    const db = t().services.db;
    const consId = (await t().given.entityByCode('CONS')).id;
    await db.deleteFrom('contract_execution_setting').where('entity_id', '=', consId).execute();
    await db
      .insertInto('contract_execution_setting')
      .values({
        entity_id: consId,
        tolerance_amount: 500_000,
        tolerance_rate: 0,
        remind_before_days: writeJson([7]),
        owner_after_days: 0,
        head_after_days: 7,
        finance_after_days: 15,
        updated_at: t().services.clock.now().toISOString(),
      })
      .execute();
    try {
      const within = await requester.post(
        `/api/v1/contracts/${contractId}/payments`,
        body(item, 300_000, { overrideReason: '无需' }),
      );
      expect(within.statusCode, within.body).toBe(200);
      expect(within.json().overrideReason).toBeNull();
      // 100,000 + 300,000 requested; 200,000 more passes ¥5,000 of tolerance.
      expectProblem(
        await requester.post(`/api/v1/contracts/${contractId}/payments`, body(item, 200_000)),
        409,
        'CONTRACT_PAYMENT_NEEDS_OVERRIDE',
      );
    } finally {
      await db.deleteFrom('contract_execution_setting').where('entity_id', '=', consId).execute();
    }
  });

  it('registers receipts on income contracts within the plan, and refunds them', async () => {
    const contractId = await consContract(800_000);
    await patchContract(t(), contractId, { direction: 'INCOME' });
    const [item] = await givenItems(t(), contractId, [300_000, 500_000]);
    const receipt = (amount: number, extra: Record<string, unknown> = {}) => ({
      planItemId: item,
      amount,
      receivedOn: '2026-03-18',
      bankAccount: '工商银行 1202 **** 8899',
      method: 'TRANSFER',
      reference: 'SK-0318',
      idempotencyKey: randomUUID(),
      ...extra,
    });
    const first = await requester.post(`/api/v1/contracts/${contractId}/receipts`, receipt(250_000));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      kind: 'RECEIPT',
      status: 'RECEIVED',
      amount: 250_000,
      paidOn: '2026-03-18',
    });
    expect(first.json().number).toMatch(/^SK/);
    expect(await itemFigures(t(), item)).toEqual({ requested: 0, paid: 250_000 });
    expect(await contractFigures(t(), contractId)).toEqual({ requested: 0, paid: 250_000 });
    expect(
      expectProblem(
        await requester.post(`/api/v1/contracts/${contractId}/receipts`, receipt(50_001)),
        409,
        'CONTRACT_OVER_PAYMENT',
      ).detail,
    ).toContain('¥500.00');
    // Payment requests are for expense contracts.
    expectProblem(
      await overrider.post(
        `/api/v1/contracts/${contractId}/payments`,
        body(item, 1, { overrideReason: reason }),
      ),
      409,
      'CONTRACT_PAYMENT_STATE',
    );
    const refund = await requester.post(`/api/v1/contract-payments/${first.json().id}/refund`, {
      amount: 100_000,
      refundedOn: '2026-03-25',
      reason: '客户多付退回',
      idempotencyKey: randomUUID(),
    });
    expect(refund.statusCode, refund.body).toBe(200);
    expect(await contractFigures(t(), contractId)).toEqual({ requested: 0, paid: 150_000 });
    // Room is back after the refund.
    const again = await requester.post(`/api/v1/contracts/${contractId}/receipts`, receipt(150_000));
    expect(again.statusCode, again.body).toBe(200);
    expect(await itemFigures(t(), item)).toEqual({ requested: 0, paid: 300_000 });
    const totals = (await requester.get(`/api/v1/contracts/${contractId}/payments`)).json().totals;
    expect(totals).toEqual({ requested: 0, paid: 0, received: 400_000, refunded: 100_000, net: 300_000 });
  });

  it("keeps another subsidiary's users away from a contract's money", async () => {
    const contractId = await consContract(1_000_000);
    const [item] = await givenItems(t(), contractId, [1_000_000]);
    const created = (
      await overrider.post(
        `/api/v1/contracts/${contractId}/payments`,
        body(item, 10_000, { overrideReason: reason }),
      )
    ).json();
    expectProblem(await outsider.get(`/api/v1/contract-payments/${created.id}`), 404, 'NOT_FOUND');
    expectProblem(await outsider.get(`/api/v1/contracts/${contractId}/payments`), 404, 'NOT_FOUND');
    expectProblem(
      await outsider.post(
        `/api/v1/contracts/${contractId}/payments`,
        body(item, 10_000, { overrideReason: reason }),
      ),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await outsider.post(`/api/v1/contract-payments/${created.id}/pay`, {
        paidOn: '2026-03-20',
        bankAccount: 'x',
        method: 'CASH',
      }),
      404,
      'NOT_FOUND',
    );
    // Without contract.payment, no requests at all.
    expectProblem(
      await finance.post(`/api/v1/contracts/${contractId}/payments`, body(item, 10_000)),
      403,
      'FORBIDDEN',
    );
  });
});

describe('payment helpers', () => {
  it('hashes canonical bodies', () => {
    expect(requestHash({ b: 1, a: { d: [1, 2], c: undefined } })).toBe(
      requestHash({ a: { d: [1, 2] }, b: 1 }),
    );
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });
});
