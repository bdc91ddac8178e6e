/**
 * Payment and receipt plans (收付款计划) on a real database: a plan sums exactly to the amount, items
 * stay at or above what is paid or requested on them, permission, scope and status.
 */
import { addDays } from '@concord/contracts';
import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../../db/index.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import {
  approvedContract,
  type ContractFixture,
  expectProblem,
  givenContract,
} from '../contracts.testing.js';
import { type ScheduleCast, scheduleCast, scheduleHelpers } from './schedule.testing.js';

describeEachDialect('contract payment plans (schedule)', (t) => {
  let cast: ScheduleCast;
  let f: ContractFixture;
  let creator: ApiClient;
  let finance: ApiClient;
  let staff: ApiClient;
  let tech: ApiClient;
  let clients: ScheduleCast['clients'];
  let today: string;

  beforeAll(async () => {
    cast = await scheduleCast(t());
    ({ f, creator, finance, staff, tech, clients, today } = cast);
  });
  const { db, url, threeItems, contractRow, givenPayment } = scheduleHelpers(t, () => cast);

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
});
