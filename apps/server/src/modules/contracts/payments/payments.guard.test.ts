/**
 * The payment guard on a real database: requests beyond the plan item or the contract, 50 concurrent requests against one item, and idempotency by key.
 */
import { formatErrorMessage } from '@concord/contracts';
import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { expectProblem } from '../contracts.testing.js';
import { requestHash } from './payments.writes.js';
import {
  consContract as contractIn,
  paymentsWorld,
  requestBody as body,
  givenItems,
  itemFigures,
  instancesOf,
  OVERRIDE_REASON as reason,
} from './payments.testing.js';

describeEachDialect('contract payments: the guard and idempotency', (t) => {
  let requester: ApiClient;
  let overrider: ApiClient;
  let categoryId: string;

  beforeAll(async () => {
    ({ requester, overrider, categoryId } = await paymentsWorld(t()));
  });

  const consContract = (amount: number, status?: string) => contractIn(t(), categoryId, amount, status);

  it('refuses requests beyond the plan item or beyond the contract, naming what is left', async () => {
    // Items summing to more than the contract (written directly): the contract binds on the second.
    const contractId = await consContract(1_500_000);
    const [first, second] = await givenItems(t(), contractId, [1_000_000, 1_000_000]);
    const ok = await overrider.post(
      `/api/v1/contracts/${contractId}/payments`,
      body(first, 600_000, { overrideReason: reason }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
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
    expect(exact.statusCode, exact.body).toBe(201);

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
    const accepted = responses.filter((r) => r.statusCode === 201);
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
    expect(first.statusCode, first.body).toBe(201);
    const again = await overrider.post(`/api/v1/contracts/${contractId}/payments`, request);
    expect(again.statusCode, again.body).toBe(201);
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
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(201);
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
});
