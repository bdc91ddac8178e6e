/**
 * Payment overrides (only holders of contract.override, with a reason), receipts and their refunds on income contracts, another subsidiary kept away, and the request hash.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it, describe } from 'vitest';
import { writeJson } from '../../../db/index.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { patchContract } from '../archive/archive.testing.js';
import { expectProblem } from '../contracts.testing.js';
import { requestHash } from './payments.writes.js';
import {
  consContract as contractIn,
  paymentsWorld,
  requestBody as body,
  givenItems,
  contractFigures,
  itemFigures,
  OVERRIDE_REASON as reason,
} from './payments.testing.js';

describeEachDialect('contract payments: override, receipts and scope', (t) => {
  let requester: ApiClient;
  let overrider: ApiClient;
  let overriderId: string;
  let finance: ApiClient;
  let outsider: ApiClient;
  let categoryId: string;

  beforeAll(async () => {
    ({ requester, overrider, overriderId, finance, outsider, categoryId } = await paymentsWorld(t()));
  });

  const consContract = (amount: number, status?: string) => contractIn(t(), categoryId, amount, status);

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
    expect(allowed.statusCode, allowed.body).toBe(201);
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
      expect(within.statusCode, within.body).toBe(201);
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
    expect(first.statusCode, first.body).toBe(201);
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
    expect(again.statusCode, again.body).toBe(201);
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

  it("holds the settlement's retention back from what may be paid until it is released, unless overridden", async () => {
    const contractId = await consContract(1_000_000);
    const [item] = await givenItems(t(), contractId, [1_000_000]);
    // Settled at ¥10,000.00 with ¥1,000.00 retained until 2027-06-30 (as an approved settlement leaves it).
    const db = t().services.db;
    const settlementId = randomUUID();
    const contract = await db
      .selectFrom('contract')
      .selectAll()
      .where('id', '=', contractId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('contract_settlement')
      .values({
        id: settlementId,
        contract_id: contractId,
        final_amount: 1_000_000,
        deductions: writeJson([]),
        deduction_total: 0,
        retention_amount: 100_000,
        retention_release_date: '2027-06-30',
        retention_released_on: null,
        note: null,
        status: 'APPROVED',
        instance_id: null,
        created_by: contract.owner_id,
        created_at: new Date().toISOString(),
        decided_at: new Date().toISOString(),
      })
      .execute();
    await db
      .updateTable('contract')
      .set({ settled_amount: 1_000_000 })
      .where('id', '=', contractId)
      .execute();

    // The full amount reaches into the retention: refused, naming it, even where nothing else would be.
    const full = await requester.post(`/api/v1/contracts/${contractId}/payments`, body(item, 1_000_000));
    expect(expectProblem(full, 409, 'CONTRACT_PAYMENT_RETENTION_HELD').detail).toBe(
      '结算质保金 ¥1,000.00 暂扣至 2027-06-30：本次申请后已付及在途 ¥10,000.00 超过可付金额 ¥9,000.00（结算金额减质保金），须先释放质保金，或由有“超额放行”权限的人填写放行原因',
    );
    expectProblem(
      await requester.post(
        `/api/v1/contracts/${contractId}/payments`,
        body(item, 1_000_000, { overrideReason: reason }),
      ),
      403,
      'FORBIDDEN',
    );
    // Within the payable only the usual checks apply (here: nothing invoiced or accepted yet).
    expectProblem(
      await requester.post(`/api/v1/contracts/${contractId}/payments`, body(item, 900_000)),
      409,
      'CONTRACT_PAYMENT_NEEDS_OVERRIDE',
    );
    // Released, the retention is payable like the rest.
    await db
      .updateTable('contract_settlement')
      .set({ retention_released_on: '2026-12-01' })
      .where('id', '=', settlementId)
      .execute();
    expectProblem(
      await requester.post(`/api/v1/contracts/${contractId}/payments`, body(item, 1_000_000)),
      409,
      'CONTRACT_PAYMENT_NEEDS_OVERRIDE',
    );
    const overridden = await overrider.post(
      `/api/v1/contracts/${contractId}/payments`,
      body(item, 1_000_000, { overrideReason: reason }),
    );
    expect(overridden.statusCode, overridden.body).toBe(201);
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
