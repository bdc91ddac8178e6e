/**
 * Currencies in the approval engine (ADR 0007) on a real database: an amount range matches only
 * documents of its currency, and a flow whose amount condition is in another currency than the
 * document's refuses the start, naming both, while same-currency documents route as before.
 */
import { randomUUID } from 'node:crypto';
import type { Currency, WfCond, WfFlow, WfNode } from '@concord/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';
import { AppError } from '../http/index.js';
import { approval, flow, users } from './workflow.testing.js';

/** One approver, or a condition that sends big amounts to a second approver. */
function flowOf(approver: string, big?: { when: WfCond; approver: string }): WfFlow {
  const step = (id: string, userId: string) => approval(id, users(userId), { mode: 'or' });
  if (!big) return flow(step('mgr', approver));
  return flow({
    id: 'amount',
    name: '金额条件',
    type: 'condition',
    branches: [
      { id: 'big', name: '大额', priority: 1, when: big.when, next: step('gm', big.approver) },
      { id: 'other', name: '其他', priority: 2, next: step('mgr', approver) },
    ],
  } as WfNode);
}

describeEachDialect('approval engine currencies', (t) => {
  let admin: ApiClient;
  let initiator: ApiClient;
  const tag = randomUUID().slice(0, 6);
  const ids: Record<string, string> = {};
  let zhou: string;
  let zhao: string;

  async function define(
    key: string,
    businessType: string,
    flow: WfFlow,
    binding: Record<string, unknown> = {},
  ): Promise<string> {
    const created = await admin.post('/api/v1/workflow/definitions', {
      key: `${key}-${tag}`,
      name: `${key} ${tag}`,
      businessType,
      flow,
      ...binding,
    });
    expect(created.statusCode, created.body).toBe(201);
    const published = await admin.post(`/api/v1/workflow/definitions/${created.json().id}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
    return created.json().id;
  }

  async function start(businessType: string, amount: number, currency: Currency, formData = {}) {
    const { services } = t();
    const ctx = await initiator.context(services);
    const user = await t().given.userByUsername('wu.min');
    const subjectId = randomUUID();
    const instanceId = await services.db.transaction().execute((trx) =>
      services.workflow.start(trx, ctx, {
        businessType,
        subjectId,
        title: `${businessType} ${currency} ${amount}`,
        entityId: user.entityId,
        departmentId: user.departmentId,
        amount,
        currency,
        category: null,
        formData: { amount, ...formData },
      }),
    );
    return { instanceId, subjectId };
  }

  const instanceRow = (id: string) =>
    t()
      .services.db.selectFrom('wf_instance')
      .select(['definition_id', 'amount', 'currency'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  const pathOf = async (id: string) =>
    ((await initiator.get(`/api/v1/workflow/instances/${id}`)).json().path as { nodeId: string }[]).map(
      (s) => s.nodeId,
    );

  async function refusal(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  beforeAll(async () => {
    const { services } = t();
    // The documents of these tests declare `amount` as money, like a contract or a form does.
    services.approvalSubjects.register({
      type: 'cur',
      onApproved: async () => {},
      onRejected: async () => {},
      onWithdrawn: async () => {},
      fields: async () => [
        { key: 'amount', label: '金额', type: 'money', required: true },
        { key: 'copies', label: '份数', type: 'number', required: true },
      ],
    });
    admin = await t().login('admin');
    initiator = await t().login('wu.min');
    zhou = (await t().given.userByUsername('zhou.qiang')).id;
    zhao = (await t().given.userByUsername('zhao.lei')).id;
    const range = { minAmount: 0, maxAmount: 1_000_000, priority: 10 };
    ids.cnyRange = await define('cny-range', 'cur.range', flowOf(zhou), range);
    ids.usdRange = await define('usd-range', 'cur.range', flowOf(zhou), { ...range, amountCurrency: 'USD' });
    ids.anyAmount = await define('any-amount', 'cur.range', flowOf(zhou), { priority: 0 });
    const cnyBig = { field: 'amount', op: 'gte', value: 1_000_000, currency: 'CNY' } as const;
    await define('cny-cond', 'cur.cond', flowOf(zhou, { when: cnyBig, approver: zhao }));
    const usdBig = { field: 'amount', op: 'gte', value: 1_000_000, currency: 'USD' } as const;
    await define('usd-cond', 'cur.usd', flowOf(zhou, { when: usdBig, approver: zhao }));
    // Drawn before currencies: no currency on the condition, on a field the document says is money.
    const legacyBig = { field: 'amount', op: 'gte', value: 1_000_000 } as const;
    await define('legacy-cond', 'cur.legacy', flowOf(zhou, { when: legacyBig, approver: zhao }));
    const manyCopies = { field: 'copies', op: 'gte', value: 3 } as const;
    await define('copies-cond', 'cur.copies', flowOf(zhou, { when: manyCopies, approver: zhao }));
  });

  describe('definition amount ranges', () => {
    it('matches a CNY range only for a CNY document and stores the amount and currency on the instance', async () => {
      const cny = await start('cur.range', 500_00, 'CNY');
      expect(await instanceRow(cny.instanceId)).toEqual({
        definition_id: ids.cnyRange,
        amount: 500_00,
        currency: 'CNY',
      });
      const usdDefinition = (await admin.get(`/api/v1/workflow/definitions/${ids.usdRange}`)).json();
      expect(usdDefinition).toMatchObject({ minAmount: 0, maxAmount: 1_000_000, amountCurrency: 'USD' });
      const changed = await admin.patch(`/api/v1/workflow/definitions/${ids.cnyRange}`, {
        amountCurrency: 'EUR',
      });
      expect(changed.json().amountCurrency).toBe('EUR');
      await admin.patch(`/api/v1/workflow/definitions/${ids.cnyRange}`, { amountCurrency: 'CNY' });
    });

    it('gives a USD contract the USD range, never the CNY one, and another currency the unbounded flow', async () => {
      const usd = await start('cur.range', 500_00, 'USD');
      expect(await instanceRow(usd.instanceId)).toMatchObject({
        definition_id: ids.usdRange,
        currency: 'USD',
      });
      const eur = await start('cur.range', 500_00, 'EUR');
      expect(await instanceRow(eur.instanceId)).toMatchObject({
        definition_id: ids.anyAmount,
        currency: 'EUR',
      });
    });
  });

  describe('amount conditions', () => {
    it('routes a CNY document by a CNY condition as before', async () => {
      const big = await start('cur.cond', 2_000_000, 'CNY');
      expect(await pathOf(big.instanceId)).toEqual(['start', 'gm']);
      const small = await start('cur.cond', 5_000, 'CNY');
      expect(await pathOf(small.instanceId)).toEqual(['start', 'mgr']);
    });

    it('refuses a USD document on a flow with a CNY condition, naming both currencies, and writes nothing', async () => {
      const { services } = t();
      const before = await services.db
        .selectFrom('wf_instance')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const error = await refusal(start('cur.cond', 2_000_000, 'USD'));
      expect(error.code).toBe('WF_CURRENCY_MISMATCH');
      expect(error.status).toBe(409);
      expect(error.messageFor('zh-CN')).toContain('以 CNY 设定，不能比较 USD 金额的单据');
      expect(error.messageFor('en-US')).toContain('in CNY and cannot compare a document in USD');
      const after = await services.db
        .selectFrom('wf_instance')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('compares a USD document with a USD condition', async () => {
      const big = await start('cur.usd', 2_000_000, 'USD');
      expect(await pathOf(big.instanceId)).toEqual(['start', 'gm']);
      // The approval detail names the currency, so its money fields show in dollars.
      const detail = (await initiator.get(`/api/v1/workflow/instances/${big.instanceId}`)).json();
      expect(detail).toMatchObject({ currency: 'USD', formData: { amount: 2_000_000 } });
      const error = await refusal(start('cur.usd', 2_000_000, 'CNY'));
      expect(error.messageFor('en-US')).toContain('in USD and cannot compare a document in CNY');
    });

    it('reads a condition without a currency on a money field as CNY', async () => {
      const cny = await start('cur.legacy', 2_000_000, 'CNY');
      expect(await pathOf(cny.instanceId)).toEqual(['start', 'gm']);
      const error = await refusal(start('cur.legacy', 2_000_000, 'USD'));
      expect(error.code).toBe('WF_CURRENCY_MISMATCH');
    });

    it('lets a condition on a plain number route a document in any currency', async () => {
      const usd = await start('cur.copies', 2_000_000, 'USD', { copies: 5 });
      expect(await pathOf(usd.instanceId)).toEqual(['start', 'gm']);
    });
  });
});
