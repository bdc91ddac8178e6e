/**
 * Payment and receipt plans on a real database: the plan-sum rule (equal passes, one 分 off is
 * refused), items never below what is paid or requested on them, the figures the plan shows, and
 * change orders of the amount carrying (or lacking) the new plan.
 */
import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../../db/index.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import {
  approveAll,
  approvedContract,
  type ContractFixture,
  expectProblem,
  givenContract,
  publishContractFlows,
  todayOf,
} from '../contracts.testing.js';

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describeEachDialect('contract payment plans (schedule)', (t) => {
  let f: ContractFixture;
  let creator: ApiClient; // 冯波: CONS ENG-1 head, holds contract.payment
  let reviewer: ApiClient; // 周强
  let gm: ApiClient; // 赵磊: approves contracts and changes
  let finance: ApiClient; // 孙丽: CONS finance and head of FIN
  let staff: ApiClient; // 吴敏: no contract.payment
  let tech: ApiClient; // 黄磊: TECH general manager
  let clients: { creator: ApiClient; reviewer: ApiClient; gm: ApiClient };
  let today: string;

  beforeAll(async () => {
    f = await publishContractFlows(t());
    creator = await t().login('feng.bo');
    reviewer = await t().login('zhou.qiang');
    gm = await t().login('zhao.lei');
    finance = await t().login('sun.li');
    staff = await t().login('wu.min');
    tech = await t().login('huang.lei');
    clients = { creator, reviewer, gm };
    today = todayOf(t()).date;
  });

  const db = () => t().services.db;
  const url = (id: string) => `/api/v1/contracts/${id}/schedule`;
  /** 30% / 65% / 5% of ¥11,300.00: 预付款 overdue, 进度款 due in a month, 质保金 in a year. */
  const threeItems = () => [
    {
      name: '预付款',
      dueDate: addDays(today, -10),
      amount: 339_000,
      percentage: 3000,
      condition: '合同签订后 10 日内',
    },
    {
      name: '进度款',
      dueDate: addDays(today, 30),
      amount: 734_500,
      percentage: 6500,
      condition: '到货验收合格后',
    },
    {
      name: '质保金',
      dueDate: addDays(today, 365),
      amount: 56_500,
      percentage: 500,
      condition: '质保期满无质量问题',
    },
  ];
  const contractRow = (id: string) =>
    db()
      .selectFrom('contract')
      .select(['planned_amount', 'requested_amount', 'paid_amount', 'next_due_date', 'lock_version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  /** A payment row written straight into the table (the payments service has its own tests). */
  const givenPayment = async (
    contract: Record<string, any>,
    itemId: string,
    amount: number,
    status: 'IN_APPROVAL' | 'PAID' | 'REJECTED',
  ) => {
    const now = t().services.clock.now().toISOString();
    await db()
      .insertInto('contract_payment')
      .values({
        id: newId(),
        contract_id: contract.id,
        plan_item_id: itemId,
        kind: 'PAYMENT',
        number: `FK-${newId().slice(-12)}`,
        amount,
        status,
        entity_id: contract.entityId,
        department_id: contract.departmentId,
        requested_by: f.users.fengBo,
        paid_on: status === 'PAID' ? today : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db()
      .transaction()
      .execute((trx) => t().services.contractFigures.refresh(trx, contract.id));
  };

  it('accepts a plan summing exactly to the amount and refuses one 分 off, naming both sums', async () => {
    const signed = await approvedContract(t(), clients, f, { sign: true });
    const empty = (await creator.get(url(signed.id))).json();
    expect(empty).toMatchObject({
      contractId: signed.id,
      direction: 'EXPENSE',
      executableAmount: 1_130_000,
      editable: true,
      items: [],
      totals: { amount: 0, difference: 0 },
    });

    const offByOne = threeItems();
    offByOne[2].amount -= 1;
    const short = expectProblem(
      await creator.put(url(signed.id), { lockVersion: empty.lockVersion, items: offByOne }),
      400,
      'CONTRACT_PLAN_SUM',
    );
    expect(short.detail).toBe(
      '计划金额合计 ¥11,299.99 与合同应执行金额 ¥11,300.00 不一致（相差 -¥0.01），请调整计划',
    );
    const over = threeItems();
    over[0].amount += 1;
    expectProblem(
      await creator.put(url(signed.id), { lockVersion: empty.lockVersion, items: over }),
      400,
      'CONTRACT_PLAN_SUM',
    );
    expect((await creator.get(url(signed.id))).json().items).toEqual([]);

    const saved = await creator.put(url(signed.id), { lockVersion: empty.lockVersion, items: threeItems() });
    expect(saved.statusCode, saved.body).toBe(200);
    const plan = saved.json();
    expect(plan.items.map((i: any) => [i.seq, i.name, i.amount, i.percentage, i.overdue])).toEqual([
      [1, '预付款', 339_000, 3000, true],
      [2, '进度款', 734_500, 6500, false],
      [3, '质保金', 56_500, 500, false],
    ]);
    expect(plan.items[0]).toMatchObject({
      condition: '合同签订后 10 日内',
      paid: 0,
      requested: 0,
      remaining: 339_000,
    });
    expect(plan.totals).toEqual({
      amount: 1_130_000,
      requested: 0,
      paid: 0,
      invoiced: 0,
      accepted: 0,
      remaining: 1_130_000,
      overdue: 339_000,
      difference: 0,
    });
    expect(plan.lockVersion).toBe(empty.lockVersion + 1);
    // The figures the ledger reads were refreshed in the same transaction.
    const row = await contractRow(signed.id);
    expect(row.planned_amount).toBe(1_130_000);
    expect(String(row.next_due_date)).toBe(addDays(today, -10));

    // The old lockVersion is stale now.
    expectProblem(
      await creator.put(url(signed.id), { lockVersion: empty.lockVersion, items: threeItems() }),
      409,
      'CONFLICT',
    );
    // The replacement is audited with both plans.
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', '=', signed.id)
      .where('action', '=', 'schedule')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('keeps items at or above what is paid or requested on them, and items with payments', async () => {
    const signed = await approvedContract(t(), clients, f, { sign: true });
    const first = (
      await creator.put(url(signed.id), { lockVersion: signed.lockVersion, items: threeItems() })
    ).json();
    const [advance, progress, retention] = first.items;
    await givenPayment(signed, advance.id, 200_000, 'PAID');
    await givenPayment(signed, advance.id, 100_000, 'IN_APPROVAL');
    await givenPayment(signed, progress.id, 50_000, 'REJECTED');

    const plan = (await creator.get(url(signed.id))).json();
    expect(plan.items[0]).toMatchObject({
      paid: 200_000,
      requested: 100_000,
      remaining: 139_000,
      overdue: true,
    });
    expect(plan.items[1]).toMatchObject({ paid: 0, requested: 0, remaining: 734_500 });
    expect(plan.totals).toMatchObject({
      paid: 200_000,
      requested: 100_000,
      remaining: 930_000,
      overdue: 139_000,
    });
    const figures = await contractRow(signed.id);
    expect([figures.paid_amount, figures.requested_amount]).toEqual([200_000, 100_000]);

    const edit = (changes: (items: any[]) => void) => {
      const items = plan.items.map((i: any) => ({
        id: i.id,
        name: i.name,
        dueDate: i.dueDate,
        amount: i.amount,
        percentage: i.percentage,
        condition: i.condition,
      }));
      changes(items);
      return items;
    };
    // 预付款 down to ¥2,999.99 while ¥3,000.00 is paid or requested on it (the sum kept).
    const below = expectProblem(
      await creator.put(url(signed.id), {
        lockVersion: plan.lockVersion,
        items: edit((items) => {
          items[0].amount = 299_999;
          items[1].amount += 39_001;
        }),
      }),
      409,
      'CONTRACT_PLAN_BELOW_USED',
    );
    expect(below.detail).toBe('计划节点「预付款」已付款及在途申请合计 ¥3,000.00，不能删除或调减至 ¥2,999.99');
    // Removing it is reducing it to nothing.
    expectProblem(
      await creator.put(url(signed.id), {
        lockVersion: plan.lockVersion,
        items: edit((items) => {
          items[1].amount += items[0].amount;
          items.splice(0, 1);
        }),
      }),
      409,
      'CONTRACT_PLAN_BELOW_USED',
    );
    // 进度款 has only a rejected request: its amount may change, but it cannot be removed.
    const inUse = expectProblem(
      await creator.put(url(signed.id), {
        lockVersion: plan.lockVersion,
        items: edit((items) => {
          items[2].amount += items[1].amount;
          items.splice(1, 1);
        }),
      }),
      409,
      'CONTRACT_PLAN_ITEM_IN_USE',
    );
    expect(inUse.detail).toBe('计划节点「进度款」已关联付款/收款记录，不能删除（可调整其金额或日期）');
    // Unknown ids are refused.
    expectProblem(
      await creator.put(url(signed.id), {
        lockVersion: plan.lockVersion,
        items: edit((items) => {
          items[2].id = newId();
        }),
      }),
      400,
      'VALIDATION_FAILED',
    );

    // Down to exactly what is used, the rest moved to a new 4th item, 质保金 removed: allowed, ids kept.
    const saved = await creator.put(url(signed.id), {
      lockVersion: plan.lockVersion,
      items: edit((items) => {
        items[0].amount = 300_000;
        items.splice(2, 1);
        items.push({
          name: '竣工款',
          dueDate: addDays(today, 90),
          amount: 39_000 + 56_500,
          condition: '竣工验收后',
        });
      }),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = saved.json();
    expect(after.items.map((i: any) => [i.name, i.amount, i.paid, i.requested])).toEqual([
      ['预付款', 300_000, 200_000, 100_000],
      ['进度款', 734_500, 0, 0],
      ['竣工款', 95_500, 0, 0],
    ]);
    expect(after.items[0].id).toBe(advance.id);
    expect(after.items[1].id).toBe(progress.id);
    expect(after.items.map((i: any) => i.id)).not.toContain(retention.id);
    expect(after.totals).toMatchObject({
      amount: 1_130_000,
      paid: 200_000,
      requested: 100_000,
      difference: 0,
    });
    // Reordering keeps the ids (positions are rewritten without clashing).
    const reordered = await creator.put(url(signed.id), {
      lockVersion: after.lockVersion,
      items: [...after.items].reverse().map((i: any) => ({
        id: i.id,
        name: i.name,
        dueDate: i.dueDate,
        amount: i.amount,
      })),
    });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json().items.map((i: any) => [i.seq, i.name])).toEqual([
      [1, '竣工款'],
      [2, '进度款'],
      [3, '预付款'],
    ]);
  });

  it('checks permission, scope and status', async () => {
    const draft = await givenContract(creator, f);
    // A draft may be planned before approval.
    const planned = await creator.put(url(draft.id), { lockVersion: draft.lockVersion, items: threeItems() });
    expect(planned.statusCode, planned.body).toBe(200);
    // 孙丽 (CONS finance, head of FIN) reads the plan; she plans only her department's contracts.
    const read = await finance.get(url(draft.id));
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ editable: false, totals: { amount: 1_130_000 } });
    expect((await creator.get(url(draft.id))).json().editable).toBe(true);
    expectProblem(
      await finance.put(url(draft.id), { lockVersion: draft.lockVersion + 1, items: [] }),
      404,
      'NOT_FOUND',
    );
    // 吴敏 (staff) holds no contract.payment at all.
    expectProblem(
      await staff.put(url(draft.id), { lockVersion: draft.lockVersion + 1, items: [] }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await tech.get(url(draft.id)), 404, 'NOT_FOUND');
    // 黄磊 may plan TECH's contracts, not CONS's: hidden.
    expectProblem(await tech.put(url(draft.id), { lockVersion: 0, items: [] }), 404, 'NOT_FOUND');
    // In approval: no re-planning until it is decided.
    const current = (await creator.get(`/api/v1/contracts/${draft.id}`)).json();
    const submitted = await creator.post(`/api/v1/contracts/${draft.id}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    const refused = expectProblem(
      await creator.put(url(draft.id), { lockVersion: current.lockVersion + 1, items: threeItems() }),
      409,
      'CONTRACT_ILLEGAL_TRANSITION',
    );
    expect(refused.detail).toBe('合同当前状态为「审批中」，不能调整收付款计划');
    expect((await creator.get(url(draft.id))).json().editable).toBe(false);
  });

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
    expect(created.statusCode, created.body).toBe(200);
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
    expect(created.statusCode, created.body).toBe(200);
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
