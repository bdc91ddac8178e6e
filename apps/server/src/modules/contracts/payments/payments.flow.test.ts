/**
 * Payment requests through approval, payment and refund, and the requested amount released when an approval is rejected, withdrawn or canceled.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { actOnApproval } from '../../../testing/approvals.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { expectProblem } from '../contracts.testing.js';
import {
  consContract as contractIn,
  paymentsWorld,
  requestBody as body,
  givenItems,
  contractFigures,
  itemFigures,
  OVERRIDE_REASON as reason,
} from './payments.testing.js';

describeEachDialect('contract payments: request, approval, payment and refund', (t) => {
  let requester: ApiClient;
  let overrider: ApiClient;
  let finance: ApiClient;
  let approver: ApiClient;
  let categoryId: string;

  beforeAll(async () => {
    ({ requester, overrider, finance, approver, categoryId } = await paymentsWorld(t()));
  });

  const consContract = (amount: number, status?: string) => contractIn(t(), categoryId, amount, status);

  it('requests, approves, pays and refunds, keeping the figures equal to their sources', async () => {
    const contractId = await consContract(1_000_000);
    const [first, second] = await givenItems(t(), contractId, [300_000, 700_000]);
    const res = await overrider.post(
      `/api/v1/contracts/${contractId}/payments`,
      body(first, 200_000, { overrideReason: reason }),
    );
    expect(res.statusCode, res.body).toBe(201);
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
    expect(detail.documentLink).toMatch(/^\/contracts\/[0-9a-f-]+\?tab=payments$/);

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
      expect(res.statusCode, res.body).toBe(201);
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
});
