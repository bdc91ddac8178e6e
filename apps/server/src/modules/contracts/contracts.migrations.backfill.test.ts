/**
 * The backfills of the issue 12 §2 migrations on rows that existed before them, on both dialects:
 * each migration is taken down and up again over contracts written the old way (figures on the rows,
 * no allocation, no retention column), and fills what figures.service.ts now keeps.
 */
import { beforeAll, expect, it } from 'vitest';
import { newId, writeJson } from '../../db/index.js';
import { describeEachDialect } from '../../testing/test-app.js';
import { type ContractFixture, insertLedgerRow, publishContractFlows } from './contracts.testing.js';
import * as planItemMatched from './migrations/20261221_000100_contract_plan_item_matched.js';
import * as retentionHeld from './migrations/20261221_000300_contract_retention_held.js';
import * as rollupSettled from './migrations/20261221_000500_contract_ledger_rollup_settled.js';

describeEachDialect('contract execution migrations backfill existing rows', (t) => {
  let f: ContractFixture;
  const db = () => t().services.db;
  beforeAll(async () => {
    f = await publishContractFlows(t());
  });

  const contract = (direction: 'INCOME' | 'EXPENSE') =>
    insertLedgerRow(t(), {
      name: '迁移回填测试合同',
      categoryId: f.category.id,
      entityId: f.cons.entityId,
      departmentId: f.cons.eng1,
      ownerId: f.users.fengBo,
      partnerId: f.partners.cons,
      partnerName: f.partners.consName,
      status: 'IN_FORCE',
      direction,
      amount: 1_000_000,
    });

  async function item(contractId: string, seq: number, amount: number, due: string, paid: number) {
    const id = newId();
    await db()
      .insertInto('contract_plan_item')
      .values({
        id,
        contract_id: contractId,
        seq,
        name: `第${seq}期`,
        due_date: due,
        amount,
        percentage: null,
        condition_text: null,
        paid_amount: paid,
        created_at: t().services.clock.now().toISOString(),
        updated_at: t().services.clock.now().toISOString(),
      })
      .execute();
    return id;
  }

  it('allocates the figures tied to no plan item to the items, as matching does now', async () => {
    const id = await contract('EXPENSE');
    // Listed out of due-date order: 第2期 falls due first.
    const late = await item(id, 1, 400_000, '2026-09-30', 0);
    const early = await item(id, 2, 600_000, '2026-04-30', 300_000);
    await db()
      .updateTable('contract')
      .set({ paid_amount: 300_000, invoiced_amount: 700_000, accepted_amount: 1_100_000 })
      .where('id', '=', id)
      .execute();
    await planItemMatched.down(db());
    await planItemMatched.up(db());
    const rows = await db()
      .selectFrom('contract_plan_item')
      .select(['id', 'matched_paid_amount', 'matched_invoiced_amount', 'matched_accepted_amount'])
      .where('contract_id', '=', id)
      .execute();
    const of = (itemId: string) => rows.find((r) => r.id === itemId)!;
    expect(of(early)).toMatchObject({
      matched_paid_amount: 300_000,
      matched_invoiced_amount: 600_000,
      matched_accepted_amount: 600_000,
    });
    expect(of(late)).toMatchObject({
      matched_paid_amount: 0,
      matched_invoiced_amount: 100_000,
      matched_accepted_amount: 500_000,
    });
  });

  it("holds a contract's unreleased retention back from its outstanding amount", async () => {
    const income = await contract('INCOME');
    const expense = await contract('EXPENSE');
    const released = await contract('INCOME');
    for (const [contractId, releasedOn] of [
      [income, null],
      [expense, null],
      [released, '2026-06-01'],
    ] as const) {
      await db()
        .insertInto('contract_settlement')
        .values({
          id: newId(),
          contract_id: contractId,
          final_amount: 1_000_000,
          deductions: writeJson([]),
          deduction_total: 0,
          retention_amount: 50_000,
          retention_release_date: '2026-12-31',
          retention_released_on: releasedOn,
          note: null,
          status: 'APPROVED',
          instance_id: null,
          created_by: f.users.fengBo,
          created_at: t().services.clock.now().toISOString(),
          decided_at: t().services.clock.now().toISOString(),
        })
        .execute();
    }
    // The ledger's rollup version 4 (a later migration) reads the column: taken down around it.
    await rollupSettled.down(db());
    await retentionHeld.down(db());
    await retentionHeld.up(db());
    const heldOf = async () =>
      Object.fromEntries(
        (
          await db()
            .selectFrom('contract')
            .select(['id', 'retention_held_amount'])
            .where('id', 'in', [income, expense, released])
            .execute()
        ).map((r) => [r.id, r.retention_held_amount]),
      );
    // 20261221_000300 fills income contracts; 20261221_000500 expense ones (the payable side too).
    expect(await heldOf()).toEqual({ [income]: 50_000, [expense]: 0, [released]: 0 });
    await rollupSettled.up(db());
    expect(await heldOf()).toEqual({ [income]: 50_000, [expense]: 50_000, [released]: 0 });
  });
});
