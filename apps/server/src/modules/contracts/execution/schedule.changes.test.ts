/**
 * Payment plans and change orders on a real database: a change of the amount carries the new plan
 * and applies it on approval; a contract without a plan changes its amount without one.
 */
import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { approveAll, approvedContract, type ContractFixture, expectProblem } from '../contracts.testing.js';
import { type ScheduleCast, scheduleCast, scheduleHelpers } from './schedule.testing.js';

describeEachDialect('contract payment plans (schedule)', (t) => {
  let cast: ScheduleCast;
  let f: ContractFixture;
  let creator: ApiClient;
  let gm: ApiClient;
  let clients: ScheduleCast['clients'];

  beforeAll(async () => {
    cast = await scheduleCast(t());
    ({ f, creator, gm, clients } = cast);
  });
  const { url, threeItems, contractRow, givenPayment } = scheduleHelpers(t, () => cast);

  it('requires a change of the amount to carry the new plan, and applies it on approval', async () => {
    const signed = await approvedContract(t(), clients, f, { sign: true });
    const first = (
      await creator.put(url(signed.id), { lockVersion: signed.lockVersion, items: threeItems() })
    ).json();
    const [advance, progress, retention] = first.items;
    await givenPayment(signed, advance.id, 339_000, 'PAID');

    // Without the plan: refused, naming the plan's sum and the new amount.
    const without = expectProblem(
      await creator.post(`/api/v1/contracts/${signed.id}/changes`, {
        reason: '增加钢材 20 吨',
        proposed: { amount: 1_356_000 },
      }),
      400,
      'CONTRACT_PLAN_SUM',
    );
    expect(without.detail).toBe(
      '计划金额合计 ¥11,300.00 与合同应执行金额 ¥13,560.00 不一致（相差 -¥2,260.00），请调整计划',
    );
    const newPlan = [
      { id: advance.id, name: advance.name, dueDate: advance.dueDate, amount: 339_000, percentage: 2500 },
      { id: progress.id, name: progress.name, dueDate: progress.dueDate, amount: 949_200, percentage: 7000 },
      { id: retention.id, name: retention.name, dueDate: retention.dueDate, amount: 67_800, percentage: 500 },
    ];
    // A plan that sums to the old amount, or takes the paid advance below its payment: refused.
    expectProblem(
      await creator.post(`/api/v1/contracts/${signed.id}/changes`, {
        reason: '增加钢材 20 吨',
        proposed: { amount: 1_356_000, schedule: threeItems() },
      }),
      400,
      'CONTRACT_PLAN_SUM',
    );
    expectProblem(
      await creator.post(`/api/v1/contracts/${signed.id}/changes`, {
        reason: '增加钢材 20 吨',
        proposed: {
          amount: 1_356_000,
          schedule: [{ ...newPlan[0], amount: 338_000 }, { ...newPlan[1], amount: 950_200 }, newPlan[2]],
        },
      }),
      409,
      'CONTRACT_PLAN_BELOW_USED',
    );
    // A plan without a change of the amount is not a change order.
    expectProblem(
      await creator.post(`/api/v1/contracts/${signed.id}/changes`, {
        reason: '调整计划',
        proposed: { endDate: '2027-03-31', schedule: threeItems() },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await creator.get(`/api/v1/contracts/${signed.id}`)).json().pendingChangeId).toBeNull();

    const created = await creator.post(`/api/v1/contracts/${signed.id}/changes`, {
      reason: '增加钢材 20 吨',
      proposed: { amount: 1_356_000, schedule: newPlan },
    });
    expect(created.statusCode, created.body).toBe(201);
    const change = created.json();
    expect(change.proposed.schedule).toHaveLength(3);
    expect(change.before.schedule.map((i: any) => i.amount)).toEqual([339_000, 734_500, 56_500]);
    // While the change is in approval the plan is not edited on its own.
    const pending = (await creator.get(url(signed.id))).json();
    expect(pending.editable).toBe(false);
    expectProblem(
      await creator.put(url(signed.id), { lockVersion: pending.lockVersion, items: threeItems() }),
      409,
      'CONTRACT_CHANGE_PENDING',
    );

    // The approver reads the new plan in the approval's form.
    const approval = (await gm.get(`/api/v1/workflow/instances/${change.instanceId}`)).json();
    expect(approval.formData.schedulePlan).toBe(
      [
        `1. 预付款 ${advance.dueDate} ¥3,390.00（25.00%）`,
        `2. 进度款 ${progress.dueDate} ¥9,492.00（70.00%）`,
        `3. 质保金 ${retention.dueDate} ¥678.00（5.00%）`,
      ].join('\n'),
    );
    await approveAll(change.instanceId, [gm]);
    const after = (await creator.get(url(signed.id))).json();
    expect(after.executableAmount).toBe(1_356_000);
    expect(after.items.map((i: any) => [i.id, i.amount, i.percentage, i.paid])).toEqual([
      [advance.id, 339_000, 2500, 339_000],
      [progress.id, 949_200, 7000, 0],
      [retention.id, 67_800, 500, 0],
    ]);
    expect(after.totals).toMatchObject({
      amount: 1_356_000,
      paid: 339_000,
      remaining: 1_017_000,
      difference: 0,
    });
    const row = await contractRow(signed.id);
    expect(row.planned_amount).toBe(1_356_000);
    // 预付款 is fully paid: the next due date is the progress payment's.
    expect(String(row.next_due_date)).toBe(progress.dueDate);
    expect((await creator.get(`/api/v1/contracts/${signed.id}`)).json().currentAmount).toBe(1_356_000);
  });

  it('lets a contract without a plan change its amount without one', async () => {
    const signed = await approvedContract(t(), clients, f, { sign: true });
    const created = await creator.post(`/api/v1/contracts/${signed.id}/changes`, {
      reason: '减少数量',
      proposed: { amount: 1_000_000 },
    });
    expect(created.statusCode, created.body).toBe(201);
    await approveAll(created.json().instanceId, [gm]);
    const plan = (await creator.get(url(signed.id))).json();
    expect(plan).toMatchObject({
      executableAmount: 1_000_000,
      items: [],
      totals: { amount: 0, difference: 0 },
    });
    // A plan made afterwards sums to the new amount.
    const items = threeItems();
    expectProblem(
      await creator.put(url(signed.id), { lockVersion: plan.lockVersion, items }),
      400,
      'CONTRACT_PLAN_SUM',
    );
    items[1].amount -= 130_000;
    const saved = await creator.put(url(signed.id), { lockVersion: plan.lockVersion, items });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().totals.amount).toBe(1_000_000);
  });
});
