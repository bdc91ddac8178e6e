/**
 * Retention (质保金) on the receivable side (issue 12 §2.3), on both dialects: on an income contract
 * the customer holds the approved settlement's retention back until its release is recorded, so the
 * outstanding receivable on the contract (settlement tab) and in the ledger (row, sort and totals)
 * is settled − received − retention, and the release brings it back. The rules of the payable side
 * hold the same way: a retention above what is still unreceived is refused, an early release needs a
 * reason and contract.override over the contract, and the audit says it was early.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../../db/index.js';
import { publishOneStepFlow } from '../../../testing/flows.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { userWith } from '../archive/archive.testing.js';
import {
  approveAll,
  type ContractFixture,
  expectProblem,
  insertLedgerRow,
  publishContractFlows,
} from '../contracts.testing.js';

describeEachDialect('retention on income contracts', (t) => {
  let f: ContractFixture;
  let creator: ApiClient; // 冯波: CONS ENG-1 head, settles
  let gm: ApiClient; // 赵磊: approves the test category's settlements
  let admin: ApiClient; // sees every entity: the ledger's totals come from the rollup
  const tag = `RI${randomUUID().slice(0, 6)}`;
  const db = () => t().services.db;

  beforeAll(async () => {
    f = await publishContractFlows(t());
    creator = await t().login('feng.bo');
    gm = await t().login('zhao.lei');
    admin = await t().login('admin');
    await publishOneStepFlow(t().services, {
      key: `ri-settle-${f.category.code.toLowerCase()}`,
      name: `合同结算（收入测试 ${f.category.code}）`,
      businessType: 'contract.settlement',
      entityId: f.cons.entityId,
      category: f.category.code,
      approverId: f.users.zhaoLei,
      step: { id: 'gm', name: '总经理审批' },
    });
  });

  /** A CONS income contract of ¥11,300.00 in force with ¥5,000.00 received from the customer. */
  async function receivedContract() {
    const number = `${tag}-${Math.floor(Math.random() * 1e8)}`;
    const id = await insertLedgerRow(t(), {
      name: `${tag} 收入合同`,
      number,
      categoryId: f.category.id,
      entityId: f.cons.entityId,
      departmentId: f.cons.eng1,
      ownerId: f.users.fengBo,
      partnerId: f.partners.cons,
      partnerName: f.partners.consName,
      status: 'IN_FORCE',
      direction: 'INCOME',
      amount: 1_130_000,
      signDate: '2026-01-15',
    });
    const now = t().services.clock.now().toISOString();
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('contract_payment')
          .values({
            id: newId(),
            contract_id: id,
            plan_item_id: null,
            kind: 'RECEIPT',
            number: `RI-${newId().slice(-12)}`,
            amount: 500_000,
            status: 'RECEIVED',
            refund_of_id: null,
            purpose: null,
            entity_id: f.cons.entityId,
            department_id: f.cons.eng1,
            requested_by: f.users.fengBo,
            instance_id: null,
            paid_on: '2026-02-20',
            bank_account: null,
            method: 'TRANSFER',
            reference: null,
            override_reason: null,
            override_by: null,
            idempotency_key: null,
            request_hash: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await t().services.contractFigures.refresh(trx, id);
      });
    return { id, number };
  }

  const settlementBody = (retentionAmount: number) => ({
    finalAmount: 1_130_000,
    deductions: [{ reason: '验收扣款', amount: 50_000 }],
    retentionAmount,
    retentionReleaseDate: '2026-12-31',
    note: '按验收结果结算',
  });

  /** The same contract settled at ¥10,800.00 with ¥540.00 retained, approved. */
  async function settled() {
    const contract = await receivedContract();
    const created = await creator.post(`/api/v1/contracts/${contract.id}/settlement`, settlementBody(54_000));
    expect(created.statusCode, created.body).toBe(201);
    await approveAll(created.json().instanceId, [gm]);
    return { contract, settlement: created.json() };
  }

  const ledgerRow = async (number: string) => {
    const page = (await creator.get(`/api/v1/contracts?limit=10&q=${encodeURIComponent(number)}`)).json();
    return page.items.find((r: { number: string }) => r.number === number);
  };
  /** The ledger's totals of CONS income contracts: answered from the rollup buckets. */
  const rollupOutstanding = async () => {
    const res = await admin.get(`/api/v1/contracts/totals?entityId=${f.cons.entityId}&direction=INCOME`);
    expect(res.statusCode, res.body).toBe(200);
    const totals = res.json();
    expect(totals.source).toBe('rollup');
    return totals.byCurrency.find((c: { currency: string }) => c.currency === 'CNY')?.outstandingAmount ?? 0;
  };

  it('refuses a retention above what is still unreceived at settlement, naming the most it may be', async () => {
    // ¥10,800.00 settled, ¥5,000.00 received: at most ¥5,800.00 can be held back.
    const contract = await receivedContract();
    const above = expectProblem(
      await creator.post(`/api/v1/contracts/${contract.id}/settlement`, settlementBody(580_001)),
      400,
      'VALIDATION_FAILED',
    );
    expect(above.detail).toContain('质保金不能超过结算时尚未收到的金额 ¥5,800.00');
    expect(above.errors?.[0]?.path).toBe('retentionAmount');
  });

  it('takes the retention not yet due off the outstanding receivable, on the contract and in the ledger', async () => {
    const before = await rollupOutstanding();
    const { contract } = await settled();
    const view = (await creator.get(`/api/v1/contracts/${contract.id}/settlement`)).json();
    // Before: ¥5,800.00 outstanding, as if the customer owed the retention now.
    expect(view).toMatchObject({
      settledAmount: 1_080_000,
      paidAmount: 500_000,
      retentionHeldAmount: 54_000,
      outstandingAmount: 526_000,
    });
    expect((await ledgerRow(contract.number)).outstandingAmount).toBe(526_000);
    // The totals from the rollup agree with the rows: this contract adds 1,080,000 − 500,000 − 54,000.
    expect((await rollupOutstanding()) - before).toBe(526_000);
    const computed = (
      await creator.get(`/api/v1/contracts/totals?q=${encodeURIComponent(contract.number)}`)
    ).json();
    expect(computed.byCurrency[0].outstandingAmount).toBe(526_000);
    // Sorted by outstanding amount, the row sits by its net figure.
    const sorted = (
      await creator.get(`/api/v1/contracts?limit=100&sort=outstandingAmount&q=${encodeURIComponent(tag)}`)
    ).json();
    const figures = sorted.items.map((r: { outstandingAmount: number }) => r.outstandingAmount);
    expect(figures).toEqual([...figures].sort((a, b) => a - b));
  });

  it('releases early only with a reason and contract.override, audited, and the receivable is whole again', async () => {
    const { contract, settlement } = await settled();
    const total = await rollupOutstanding();
    const release = (client: ApiClient, body: Record<string, unknown>) =>
      client.post(`/api/v1/contract-settlements/${settlement.id}/release-retention`, body);
    const early = { releasedOn: '2026-06-01' };
    const noReason = expectProblem(await release(creator, early), 400, 'VALIDATION_FAILED');
    expect(noReason.detail).toContain('质保金到期日为 2026-12-31，提前释放须填写原因');
    expectProblem(await release(creator, { ...early, note: '客户提前支付质保金' }), 403, 'FORBIDDEN');
    expect(
      (await creator.get(`/api/v1/contracts/${contract.id}/settlement`)).json().retentionHeldAmount,
    ).toBe(54_000);
    const overrider = await userWith(t(), {
      entity: 'CONS',
      department: 'ENG-1',
      permissions: ['contract.view', 'contract.settle', 'contract.override'],
    });
    const released = await release(overrider.client, { ...early, note: '客户提前支付质保金' });
    expect(released.statusCode, released.body).toBe(200);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['changes'])
      .where('entity_type', '=', 'contract_settlement')
      .where('entity_id', '=', settlement.id)
      .where('action', '=', 'release-retention')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.changes)).toContain('releasedBeforeDue');
    expect((await creator.get(`/api/v1/contracts/${contract.id}/settlement`)).json()).toMatchObject({
      retentionHeldAmount: 0,
      outstandingAmount: 580_000,
    });
    expect((await ledgerRow(contract.number)).outstandingAmount).toBe(580_000);
    expect((await rollupOutstanding()) - total).toBe(54_000);
  });
});
