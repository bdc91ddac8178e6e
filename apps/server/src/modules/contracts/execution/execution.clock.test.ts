/**
 * Contract execution writes its instants by the app's clock (the one PlatformPorts injects), not the
 * machine's: under a manual clock, the payment plan, payment requests and their approval, payments,
 * deliveries and their acceptance, settlements and their approval, execution settings and the
 * oversight list carry the clock's instant. Every step moves the clock, so a service that read the
 * machine's time, or kept an instant from an earlier step, fails.
 */
import { contractOversightQuerySchema } from '@concord/contracts';
import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/jobs/index.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { describeEachDialect } from '../../../testing/test-app.js';

// Far from the machine's time, so an instant taken from the machine's clock cannot pass.
const START = '2026-03-01T02:00:00.000Z';
// 01:30 on 2 March in Beijing but still 1 March in UTC: payment numbers carry the business date.
const AFTER_BEIJING_MIDNIGHT = '2026-03-01T17:30:00.000Z';
const HOUR = 3600 * 1000;
const clock = new ManualClock(START);
/** Moves the clock on by an hour and answers the new instant. */
const tick = (): string => {
  clock.advance(HOUR);
  return clock.now().toISOString();
};

describeEachDialect(
  'contract execution instants',
  (t) => {
    let registrar: RequestContext;

    beforeAll(async () => {
      clock.set(START);
      registrar = (await t().given.world()).registrar.ctx;
    });

    /** A contract of 30 000 元 in force, on a plan of 10 000 and 20 000 元 written at `planAt`. */
    const contractWithPlan = async () => {
      const { given } = t();
      const contractId = (await given.activeContract({ amount: 3_000_000 })).id;
      const planAt = tick();
      await given.planItems(contractId, [{ amount: 1_000_000 }, { amount: 2_000_000 }]);
      return { contractId, planAt };
    };

    it('stamps the payment plan and the contract it changes with the clock', async () => {
      const { services } = t();
      const { contractId, planAt } = await contractWithPlan();
      expect((await services.contracts.get(registrar, contractId)).updatedAt).toBe(planAt);
    });

    it('stamps a payment request, its approval and its payment with the clock', async () => {
      const { given, services } = t();
      const { contractId } = await contractWithPlan();
      clock.set(AFTER_BEIJING_MIDNIGHT);
      const requestedAt = AFTER_BEIJING_MIDNIGHT;
      const requested = await given.paymentRequest(contractId, {
        amount: 400_000,
        overrideReason: '时钟测试：发票后补',
      });
      expect(requested).toMatchObject({
        status: 'IN_APPROVAL',
        createdAt: requestedAt,
        updatedAt: requestedAt,
      });
      // Numbered by the business date of the same instant (Beijing), neither UTC's nor the machine's day.
      expect(requested.number).toMatch(/^FK20260302-/);

      const approvedAt = tick();
      await given.approve(requested.instanceId!);
      expect(await services.contractPayments.get(registrar, requested.id)).toMatchObject({
        status: 'APPROVED',
        createdAt: requestedAt,
        updatedAt: approvedAt,
      });

      const paidAt = tick();
      const paid = await services.contractPaymentExecution.pay(registrar, requested.id, {
        paidOn: '2026-03-02',
        bankAccount: '测试银行 0000 0000',
        method: 'TRANSFER',
      });
      expect(paid).toMatchObject({ status: 'PAID', updatedAt: paidAt });
    });

    it('stamps a delivery and its acceptance with the clock', async () => {
      const { services } = t();
      const acceptance = services.contractDeliveryAcceptance;
      const { contractId } = await contractWithPlan();
      const deliveredAt = tick();
      const delivery = await acceptance.deliver(registrar, contractId, {
        description: '时钟测试交付',
        deliveredAmount: 500_000,
        deliveredOn: '2026-03-01',
      });
      expect(delivery).toMatchObject({ status: 'DELIVERED', createdAt: deliveredAt, updatedAt: deliveredAt });

      const acceptedAt = tick();
      const accepted = await acceptance.accept(registrar, delivery.id, {
        acceptedAmount: 500_000,
        acceptedOn: '2026-03-01',
      });
      expect(accepted).toMatchObject({ status: 'ACCEPTED', createdAt: deliveredAt, updatedAt: acceptedAt });
    });

    it('stamps a settlement, its decision and the plan it fits with the clock', async () => {
      const { given, services } = t();
      const settlements = services.contractSettlements;
      const { contractId, planAt } = await contractWithPlan();
      const createdAt = tick();
      const settlement = await settlements.create(registrar, contractId, { finalAmount: 2_900_000 });
      expect(settlement).toMatchObject({ status: 'IN_APPROVAL', createdAt, decidedAt: null });

      const decidedAt = tick();
      await given.approve(settlement.instanceId!);
      expect(await settlements.get(registrar, settlement.id)).toMatchObject({
        status: 'APPROVED',
        createdAt,
        decidedAt,
      });
      // The approval fits the plan to the settled amount: the last item shrinks, at that instant.
      const items = await services.db
        .selectFrom('contract_plan_item')
        .select(['amount', 'updated_at'])
        .where('contract_id', '=', contractId)
        .orderBy('seq')
        .execute();
      expect(items.map((item) => [item.amount, new Date(item.updated_at).toISOString()])).toEqual([
        [1_000_000, planAt],
        [1_900_000, decidedAt],
      ]);
    });

    it('stamps execution settings and the oversight list with the clock', async () => {
      const { given, services } = t();
      const world = await given.world();
      const savedAt = tick();
      const settings = await services.executionSettings.save(registrar, world.entityId, {
        toleranceAmount: 100,
        toleranceRate: 0,
        remindBeforeDays: [3],
        ownerAfterDays: 1,
        headAfterDays: 2,
        financeAfterDays: 3,
      });
      expect(settings).toMatchObject({ entityId: world.entityId, updatedAt: savedAt });

      const listedAt = tick();
      const page = await services.contractOversight.list(registrar, contractOversightQuerySchema.parse({}));
      expect(page.asOf).toBe(listedAt);
    });
  },
  { clock },
);
