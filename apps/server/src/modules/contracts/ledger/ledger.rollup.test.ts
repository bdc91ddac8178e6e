/**
 * The contract ledger's rollup on a real database: after the demo's whole history and after every
 * kind of write a contract goes through, each bucket equals the sums recomputed from the contracts;
 * the nightly check repairs a bucket that drifted and records the repair.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { sumRollup } from '../../../db/index.js';
import { describeEachDialect } from '../../../testing/test-app.js';
import { contractLedgerRollup } from './ledger.rollup.js';

describeEachDialect('contract ledger rollup', (t) => {
  const drift = async () => {
    const { services } = t();
    const [result] = (await services.rollups.check(services.systemContext('test'), { repair: false })).filter(
      (r) => r.table === 'contract_ledger_rollup',
    );
    return result.drift;
  };

  it('is registered and matches the contracts after the demo', async () => {
    expect(t().services.rollups.tables).toContain('contract_ledger_rollup');
    expect(await drift()).toEqual([]);
  });

  it('follows a contract through drafting, approval, signing, execution, change, settlement and deletion', async () => {
    const { given, services } = t();
    const world = await given.world();
    const ctx = services.systemContext('test');
    const bucketsOfWorld = () =>
      sumRollup(services.db, contractLedgerRollup, { entity_id: [world.entityId] }, ['status']);

    const draft = await given.contract({ amount: 120_000 });
    const doomed = await given.contract({ amount: 7_000 });
    expect(await drift()).toEqual([]);
    const active = await given.activeContract({ amount: 500_000, signDate: '2026-11-20' });
    // A change raises the current amount; payments, invoices and the plan move the execution figures.
    await given.changeOrder(active.id, { proposed: { amount: 600_000 } });
    await given.planItems(active.id);
    await given.paidPayment(active.id, { amount: 200_000, overrideReason: '进度款' });
    await given.contractInvoice(active.id);
    expect(await drift()).toEqual([]);
    // The settlement sets the executable amount.
    const settlement = await given.settlement(active.id, { finalAmount: 590_000 });
    await given.approve(settlement.instanceId!);
    await services.contracts.remove(world.registrar.ctx, doomed.id);
    expect(await drift()).toEqual([]);

    const settled = await services.contracts.get(ctx, active.id);
    const byStatus = Object.fromEntries((await bucketsOfWorld()).map((b) => [b.status, b]));
    expect(byStatus.DRAFT).toMatchObject({ row_count: 1, amount: draft.amount });
    expect(byStatus[settled.status]).toMatchObject({
      row_count: 1,
      current_amount: 600_000,
      executable_amount: 590_000,
      paid_amount: 200_000,
    });
  });

  it('is repaired by the nightly check when a bucket drifted, and the repair is audited', async () => {
    const { services } = t();
    await sql`update contract_ledger_rollup set amount = amount + 1 where status = 'IN_FORCE'`.execute(
      services.db,
    );
    expect((await drift()).length).toBeGreaterThan(0);
    expect(await services.jobs.enqueue(services.db, 'rollups.check', {})).toBeTruthy();
    for (let round = 0; round < 10; round++) if ((await services.jobRunner.tick()).ran === 0) break;
    expect(await drift()).toEqual([]);
    const repairs = await services.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .where('entity_type', '=', 'rollup')
      .execute();
    expect(repairs).toEqual([{ action: 'repair', entity_type: 'rollup' }]);
  });
});
