/**
 * Settlement (结算) on both dialects: the settled amount must cover what is paid and requested; one
 * settlement at a time; its approval makes the contract execute against the settled amount
 * (outstanding amounts follow); the warranty retention is reminded of before and on its release
 * date (manual clock) and released once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/jobs/index.js';
import { actOnApproval } from '../../../testing/approvals.js';
import { publishOneStepFlow } from '../../../testing/flows.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import {
  approveAll,
  approvedContract,
  type ContractFixture,
  expectProblem,
  givenContract,
  publishContractFlows,
} from '../contracts.testing.js';
import { executableAmount } from '../execution/execution.rules.js';
import { userWith } from '../archive/archive.testing.js';
import { insertPaidPayment } from './settlement.testing.js';

const DAY = 24 * 3600 * 1000;
// 09:00 in Beijing on 1 March 2026.
const START = '2026-03-01T01:00:00.000Z';
const clock = new ManualClock(START);

describeEachDialect(
  'contract settlement',
  (t) => {
    let f: ContractFixture;
    let creator: ApiClient;
    let reviewer: ApiClient;
    let gm: ApiClient;
    let clients: { creator: ApiClient; reviewer: ApiClient; gm: ApiClient };

    beforeAll(async () => {
      clock.set(START);
      f = await publishContractFlows(t());
      creator = await t().login('feng.bo');
      reviewer = await t().login('zhou.qiang');
      gm = await t().login('zhao.lei');
      clients = { creator, reviewer, gm };
      // The test category's settlements go to 赵磊 (bound to CONS and the category: wins over the demo flow).
      await publishOneStepFlow(t().services, {
        key: `x5-settle-${f.category.code.toLowerCase()}`,
        name: `合同结算（测试 ${f.category.code}）`,
        businessType: 'contract.settlement',
        entityId: f.cons.entityId,
        category: f.category.code,
        approverId: f.users.zhaoLei,
        step: { id: 'gm', name: '总经理审批' },
      });
    });
    afterAll(() => clock.set(START));

    const db = () => t().services.db;

    const paid = (contractId: string, amount: number) => insertPaidPayment(t(), contractId, amount);

    const settlementBody = (overrides: Record<string, unknown> = {}) => ({
      finalAmount: 1_130_000,
      deductions: [
        { reason: '质量问题扣款', amount: 30_000 },
        { reason: '延期交付违约金', amount: 20_000 },
      ],
      retentionAmount: 54_000,
      retentionReleaseDate: '2026-06-30',
      note: '按验收结果结算',
      ...overrides,
    });

    /** A signed contract of ¥11,300.00 with ¥5,000.00 paid. */
    const paidContract = async () => {
      const contract = await approvedContract(t(), clients, f, { sign: true });
      await paid(contract.id, 500_000);
      return contract;
    };
    /** The same with a settlement of ¥10,800.00 (¥500.00 deducted, ¥540.00 retained) in approval. */
    const settling = async () => {
      const contract = await paidContract();
      const created = await creator.post(`/api/v1/contracts/${contract.id}/settlement`, settlementBody());
      expect(created.statusCode, created.body).toBe(201);
      return { contract, settlement: created.json() };
    };
    /** The same settlement approved by 赵磊. */
    const settled = async () => {
      const { contract, settlement } = await settling();
      await approveAll(settlement.instanceId, [gm]);
      return { contract, settlement };
    };

    it('refuses a settlement below what is paid, naming both amounts', async () => {
      const contract = await paidContract();
      const below = expectProblem(
        await creator.post(
          `/api/v1/contracts/${contract.id}/settlement`,
          settlementBody({ deductions: [{ reason: '大额扣款', amount: 700_000 }], retentionAmount: 0 }),
        ),
        400,
        'CONTRACT_SETTLEMENT_BELOW_PAID',
      );
      expect(below.detail).toBe('结算金额 ¥4,300.00 低于已付（已收）及审批中的金额 ¥5,000.00，不能结算');
      expect((await creator.get(`/api/v1/contracts/${contract.id}/settlement`)).json()).toMatchObject({
        settlements: [],
        currentAmount: 1_130_000,
        settledAmount: null,
        executableAmount: 1_130_000,
        paidAmount: 500_000,
        outstandingAmount: 630_000,
        planAdjustmentNeeded: false,
        canSettle: true,
      });
    });

    it('refuses a retention above what is still unpaid at settlement, naming the most it may be', async () => {
      // ¥10,800.00 settled, ¥5,000.00 paid: at most ¥5,800.00 can be held back.
      const contract = await paidContract();
      const above = expectProblem(
        await creator.post(
          `/api/v1/contracts/${contract.id}/settlement`,
          settlementBody({ retentionAmount: 580_001 }),
        ),
        400,
        'VALIDATION_FAILED',
      );
      expect(above.detail).toContain('质保金不能超过结算时尚未支付的金额 ¥5,800.00');
      const exact = await creator.post(
        `/api/v1/contracts/${contract.id}/settlement`,
        settlementBody({ retentionAmount: 580_000 }),
      );
      expect(exact.statusCode, exact.body).toBe(201);
    });

    it('takes one settlement at a time into approval, changing nothing until it is approved', async () => {
      const { contract, settlement } = await settling();
      expect(settlement).toMatchObject({
        contractId: contract.id,
        finalAmount: 1_130_000,
        deductionTotal: 50_000,
        settledAmount: 1_080_000,
        retentionAmount: 54_000,
        retentionReleaseDate: '2026-06-30',
        retentionReleasedOn: null,
        status: 'IN_APPROVAL',
        createdByName: '冯波',
      });
      expect(settlement.instanceId).toBeTruthy();
      const again = expectProblem(
        await creator.post(`/api/v1/contracts/${contract.id}/settlement`, settlementBody()),
        409,
        'CONTRACT_SETTLEMENT_STATE',
      );
      expect(again.detail).toBe('结算不允许此操作：该合同已有结算在审批中');
      // Retention cannot be released before approval.
      expectProblem(
        await creator.post(`/api/v1/contract-settlements/${settlement.id}/release-retention`, {}),
        409,
        'CONTRACT_SETTLEMENT_STATE',
      );
      expect((await creator.get(`/api/v1/contracts/${contract.id}/settlement`)).json()).toMatchObject({
        settledAmount: null,
        executableAmount: 1_130_000,
        canSettle: false,
      });
    });

    it('executes against the settled amount once approved, and settles a contract once', async () => {
      const { contract } = await settled();
      const after = (await creator.get(`/api/v1/contracts/${contract.id}/settlement`)).json();
      expect(after).toMatchObject({
        currentAmount: 1_130_000,
        settledAmount: 1_080_000,
        executableAmount: 1_080_000,
        paidAmount: 500_000,
        // Payable now: settled − paid − the retention we hold until its release.
        outstandingAmount: 526_000,
        retentionHeldAmount: 54_000,
        // No plan was made for this contract: its sum (0) differs from the settled amount.
        plannedAmount: 0,
        planAdjustmentNeeded: true,
        canSettle: false,
      });
      expect(after.settlements.map((s: any) => s.status)).toEqual(['APPROVED']);
      const row = await db()
        .selectFrom('contract')
        .selectAll()
        .where('id', '=', contract.id)
        .executeTakeFirstOrThrow();
      expect(row.settled_amount).toBe(1_080_000);
      expect(executableAmount(row)).toBe(1_080_000);
      // Settled once: a second settlement is refused.
      expect(
        expectProblem(
          await creator.post(`/api/v1/contracts/${contract.id}/settlement`, settlementBody()),
          409,
          'CONTRACT_SETTLEMENT_STATE',
        ).detail,
      ).toBe('结算不允许此操作：该合同已结算');
    });

    it('releases the retention before its date only with a reason, by someone allowed to override, audited', async () => {
      const { settlement } = await settled();
      const release = (client: ApiClient, body: Record<string, unknown>) =>
        client.post(`/api/v1/contract-settlements/${settlement.id}/release-retention`, body);
      const early = { releasedOn: '2026-03-01' }; // due 2026-06-30
      expect(expectProblem(await release(creator, early), 400, 'VALIDATION_FAILED').detail).toContain(
        '质保金到期日为 2026-06-30，提前释放须填写原因',
      );
      expectProblem(await release(creator, { ...early, note: '供应商申请提前退还' }), 403, 'FORBIDDEN');
      const overrider = await userWith(t(), {
        entity: 'CONS',
        department: 'ENG-1',
        permissions: ['contract.view', 'contract.settle', 'contract.override'],
      });
      const released = await release(overrider.client, { ...early, note: '供应商申请提前退还' });
      expect(released.statusCode, released.body).toBe(200);
      const audit = await db()
        .selectFrom('audit_log')
        .select(['action', 'changes'])
        .where('entity_type', '=', 'contract_settlement')
        .where('entity_id', '=', settlement.id)
        .where('action', '=', 'release-retention')
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(audit.changes)).toContain('releasedBeforeDue');
    });

    it('releases the retention of an approved settlement once, audited', async () => {
      const { contract, settlement } = await settled();
      const released = await creator.post(`/api/v1/contract-settlements/${settlement.id}/release-retention`, {
        releasedOn: '2026-07-01',
        note: '质保期满，无质量问题',
      });
      expect(released.statusCode, released.body).toBe(200);
      expect(released.json()).toMatchObject({ status: 'APPROVED', retentionReleasedOn: '2026-07-01' });
      // Released, the retention is payable: back in the outstanding amount.
      expect((await creator.get(`/api/v1/contracts/${contract.id}/settlement`)).json()).toMatchObject({
        outstandingAmount: 580_000,
        retentionHeldAmount: 0,
      });
      expect(
        expectProblem(
          await creator.post(`/api/v1/contract-settlements/${settlement.id}/release-retention`, {}),
          409,
          'CONTRACT_SETTLEMENT_STATE',
        ).detail,
      ).toBe('结算不允许此操作：质保金已于 2026-07-01 释放');
      const audits = await db()
        .selectFrom('audit_log')
        .select(['action'])
        .where('entity_id', '=', settlement.id)
        .execute();
      expect(audits.map((a) => a.action).sort()).toEqual(['create', 'release-retention', 'status']);
    });

    it('fits the plan to the settled amount less the retention, which becomes an item due on its release date', async () => {
      const contract = await approvedContract(t(), clients, f, { sign: true });
      const url = `/api/v1/contracts/${contract.id}/schedule`;
      const empty = (await creator.get(url)).json();
      const saved = await creator.put(url, {
        lockVersion: empty.lockVersion,
        items: [
          { name: '预付款', dueDate: '2026-03-10', amount: 300_000 },
          { name: '进度款', dueDate: '2026-04-10', amount: 530_000 },
          { name: '尾款', dueDate: '2026-05-10', amount: 300_000 },
        ],
      });
      expect(saved.statusCode, saved.body).toBe(200);

      const created = await creator.post(`/api/v1/contracts/${contract.id}/settlement`, settlementBody());
      expect(created.statusCode, created.body).toBe(201);
      await approveAll(created.json().instanceId, [gm]);

      const plan = (await creator.get(url)).json();
      // 1,130,000 settled at 1,080,000 with 54,000 retained: the last item gives up 50,000 and the
      // retention, which is due on its release date (never overdue before it).
      expect(plan.items.map((i: any) => [i.name, i.dueDate, i.amount])).toEqual([
        ['预付款', '2026-03-10', 300_000],
        ['进度款', '2026-04-10', 530_000],
        ['尾款', '2026-05-10', 196_000],
        ['质保金', '2026-06-30', 54_000],
      ]);
      const fitted = await db()
        .selectFrom('audit_log')
        .select('changes')
        .where('entity_id', '=', contract.id)
        .where('action', '=', 'plan_fit_to_settlement')
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(fitted.changes)).toContain('planItem.4.amount');
      // On 1 June the first three items are past due, the retention is not: the ledger's overdue
      // amount leaves it out.
      clock.set('2026-06-01T01:00:00.000Z');
      try {
        const row = (await creator.get(`/api/v1/contracts?q=${encodeURIComponent(contract.number)}`)).json()
          .items[0];
        expect(row.overdueAmount).toBe(300_000 + 530_000 + 196_000);
      } finally {
        clock.set(START);
      }
      expect((await creator.get(`/api/v1/contracts/${contract.id}/settlement`)).json()).toMatchObject({
        settledAmount: 1_080_000,
        plannedAmount: 1_080_000,
        planAdjustmentNeeded: false,
      });
    });

    it('refuses inconsistent settlements and contracts not in force', async () => {
      const contract = await approvedContract(t(), clients, f, { sign: true });
      const post = (body: Record<string, unknown>) =>
        creator.post(`/api/v1/contracts/${contract.id}/settlement`, body);
      expectProblem(
        await post(settlementBody({ deductions: [{ reason: '超额', amount: 2_000_000 }] })),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(await post(settlementBody({ retentionAmount: 1_100_000 })), 400, 'VALIDATION_FAILED');
      const noDate = expectProblem(
        await post(settlementBody({ retentionReleaseDate: null })),
        400,
        'VALIDATION_FAILED',
      );
      expect(noDate.errors?.[0].path).toBe('retentionReleaseDate');
      const draft = await givenContract(creator, f);
      expectProblem(
        await creator.post(`/api/v1/contracts/${draft.id}/settlement`, settlementBody()),
        409,
        'CONTRACT_SETTLEMENT_STATE',
      );
      // Without contract.settle (staff): forbidden.
      const staff = await t().login('wu.min');
      expectProblem(
        await staff.post(`/api/v1/contracts/${contract.id}/settlement`, settlementBody()),
        403,
        'FORBIDDEN',
      );
      // A rejected settlement leaves the contract unsettled and allows a new one.
      const rejected = (
        await post(settlementBody({ retentionAmount: 0, retentionReleaseDate: null }))
      ).json();
      expect(
        (await actOnApproval(gm, rejected.instanceId, { action: 'reject', comment: '扣款依据不足' }))
          .statusCode,
      ).toBe(200);
      const view = (await creator.get(`/api/v1/contracts/${contract.id}/settlement`)).json();
      expect(view).toMatchObject({ settledAmount: null, executableAmount: 1_130_000, canSettle: true });
      expect(view.settlements.map((s: any) => s.status)).toEqual(['REJECTED']);
    });

    it('reminds the owner of the retention before and on its release date, once each, until released', async () => {
      clock.set(START);
      const contract = await approvedContract(t(), clients, f, { sign: true });
      const settlement = (
        await creator.post(
          `/api/v1/contracts/${contract.id}/settlement`,
          settlementBody({ retentionReleaseDate: '2026-04-15' }),
        )
      ).json();
      await approveAll(settlement.instanceId, [gm]);
      const link = `/contracts/${contract.id}?tab=settlement`;
      const notices = async () =>
        (
          await db()
            .selectFrom('notification_item')
            .select(['recipient_id', 'kind', 'params'])
            .where('link', '=', link)
            .execute()
        ).map((r) => ({
          recipient: r.recipient_id as string,
          kind: r.kind as string,
          params: typeof r.params === 'string' ? JSON.parse(r.params) : r.params,
        }));
      const runDay = async () => {
        for (let round = 0; round < 50; round++) if ((await t().services.jobRunner.tick()).ran === 0) return;
        throw new Error('the job runner never ran dry');
      };

      // 1 March: 45 days ahead, outside the 30-day window.
      await runDay();
      expect(await notices()).toEqual([]);
      // 16 March: exactly 30 days ahead.
      clock.set('2026-03-16T01:00:00.000Z');
      await runDay();
      const first = await notices();
      expect(first).toEqual([
        {
          recipient: f.users.fengBo,
          kind: 'contract.retentionDue',
          params: expect.objectContaining({ amount: '¥540.00', releaseDate: '2026-04-15', days: 30 }),
        },
      ]);
      // The next days: nothing new.
      for (let day = 0; day < 3; day++) {
        clock.advance(DAY);
        await runDay();
      }
      expect((await notices()).length).toBe(1);
      // On the day: the second notice, once.
      clock.set('2026-04-15T01:00:00.000Z');
      await runDay();
      clock.advance(3600 * 1000);
      await runDay();
      const onTheDay = await notices();
      expect(onTheDay.map((n) => n.kind).sort()).toEqual([
        'contract.retentionDue',
        'contract.retentionToday',
      ]);
      // Released: no more notices.
      await creator.post(`/api/v1/contract-settlements/${settlement.id}/release-retention`, {});
      clock.advance(DAY);
      await runDay();
      expect((await notices()).length).toBe(2);
      const released = (await creator.get(`/api/v1/contract-settlements/${settlement.id}`)).json();
      expect(released.retentionReleasedOn).toBe('2026-04-15');
    });
  },
  { demo: true, clock },
);
