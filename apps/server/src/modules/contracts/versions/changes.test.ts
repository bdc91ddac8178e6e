/**
 * Change orders on a real database: proposed on approved or signed contracts only, one at a time,
 * approved through the engine (the contract gets a new version, the ledger its new current amount)
 * or rejected (nothing changes).
 */
import { splitTax } from '@concord/contracts';
import { beforeAll, expect, it } from 'vitest';
import { fetchPageWithTotals } from '../ledger/ledger.testing.js';
import { actOnApproval } from '../../../testing/approvals.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import {
  approveAll,
  approvedContract,
  type ContractFixture,
  expectProblem,
  givenContract,
  publishContractFlows,
} from '../contracts.testing.js';

describeEachDialect('contract change orders', (t) => {
  let f: ContractFixture;
  let creator: ApiClient; // 冯波
  let reviewer: ApiClient; // 周强
  let gm: ApiClient; // 赵磊: approves the contract's step two and every change
  let group: ApiClient; // 张伟: group general manager, reads the ledger
  let clients: { creator: ApiClient; reviewer: ApiClient; gm: ApiClient };

  beforeAll(async () => {
    f = await publishContractFlows(t());
    creator = await t().login('feng.bo');
    reviewer = await t().login('zhou.qiang');
    gm = await t().login('zhao.lei');
    group = await t().login('zhang.wei');
    clients = { creator, reviewer, gm };
  });

  const ledgerRow = async (number: string) => {
    const page = await fetchPageWithTotals(
      group,
      `categoryId=${f.category.id}&q=${encodeURIComponent(number)}`,
    );
    expect(page.items).toHaveLength(1);
    return { row: page.items[0], totals: page.totals };
  };

  it('is refused on a draft and on a contract in approval', async () => {
    const draft = await givenContract(creator, f);
    const onDraft = expectProblem(
      await creator.post(`/api/v1/contracts/${draft.id}/changes`, {
        reason: '增加数量',
        proposed: { amount: 2_000_000 },
      }),
      409,
      'CONTRACT_ILLEGAL_TRANSITION',
    );
    expect(onDraft.detail).toBe('合同当前状态为「草稿」，不能变更');
    await creator.post(`/api/v1/contracts/${draft.id}/submit`, {});
    expect(
      expectProblem(
        await creator.post(`/api/v1/contracts/${draft.id}/changes`, {
          reason: '增加数量',
          proposed: { amount: 2_000_000 },
        }),
        409,
        'CONTRACT_ILLEGAL_TRANSITION',
      ).detail,
    ).toBe('合同当前状态为「审批中」，不能变更');
  });

  it('refuses a change that alters nothing, and an end date before the start', async () => {
    const signed = await approvedContract(t(), clients, f, { sign: true });
    const same = expectProblem(
      await creator.post(`/api/v1/contracts/${signed.id}/changes`, {
        reason: '无变化',
        proposed: { amount: signed.currentAmount, endDate: signed.endDate },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(same.errors).toEqual([{ path: 'proposed', message: 'the change alters nothing' }]);
    expectProblem(
      await creator.post(`/api/v1/contracts/${signed.id}/changes`, { reason: '无内容', proposed: {} }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await creator.post(`/api/v1/contracts/${signed.id}/changes`, {
        reason: '提前结束',
        proposed: { endDate: '2025-12-31' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await creator.get(`/api/v1/contracts/${signed.id}`)).json().pendingChangeId).toBeNull();
  });

  /** A signed contract (¥11,300.00 to 2026-12-31) with a supplement for ¥13,560.00 to 2027-03-31 in approval. */
  const proposed = async () => {
    const signed = await approvedContract(t(), clients, f, { sign: true });
    const created = await creator.post(`/api/v1/contracts/${signed.id}/changes`, {
      kind: 'SUPPLEMENT',
      reason: '增加钢材 20 吨',
      proposed: { amount: 1_356_000, endDate: '2027-03-31', name: signed.name },
    });
    expect(created.statusCode, created.body).toBe(201);
    return { signed, change: created.json() };
  };
  /** The same, the change approved by 赵磊. */
  const approvedChange = async () => {
    const { signed, change } = await proposed();
    await approveAll(change.instanceId, [gm]);
    return { signed, change };
  };

  it('proposes only what changes, numbered after the contract, pending on it', async () => {
    const { signed, change } = await proposed();
    expect(change).toMatchObject({
      contractId: signed.id,
      number: `${signed.number}-BG01`,
      kind: 'SUPPLEMENT',
      status: 'IN_APPROVAL',
      // Unchanged values are left out of the proposal.
      proposed: { amount: 1_356_000, endDate: '2027-03-31' },
      before: { amount: 1_130_000, endDate: '2026-12-31' },
      resultingVersion: null,
      createdByName: '冯波',
    });
    expect(Object.keys(change.proposed).sort()).toEqual(['amount', 'endDate']);
    const pending = (await gm.get(`/api/v1/contracts/${signed.id}`)).json();
    expect(pending).toMatchObject({ pendingChangeId: change.id, currentAmount: 1_130_000, version: 2 });
    expect(pending.actions).toEqual(['complete', 'terminate']);
    // The ledger keeps the signed figures until the change is approved.
    expect((await ledgerRow(signed.number)).row).toMatchObject({
      amount: 1_130_000,
      signedAmount: 1_130_000,
      currentAmount: 1_130_000,
    });
  });

  it('allows one change at a time, and no completion while one is pending', async () => {
    const { signed } = await proposed();
    const second = expectProblem(
      await creator.post(`/api/v1/contracts/${signed.id}/changes`, {
        reason: '再改',
        proposed: { amount: 1 },
      }),
      409,
      'CONTRACT_CHANGE_PENDING',
    );
    expect(second.detail).toBe('该合同已有变更在审批中，请等待其结束');
    expectProblem(
      await gm.post(`/api/v1/contracts/${signed.id}/complete`, {}),
      409,
      'CONTRACT_CHANGE_PENDING',
    );
  });

  it('applies an approved change: new amount, tax and end date as a new version', async () => {
    const { signed, change } = await approvedChange();
    const after = (await creator.get(`/api/v1/contracts/${signed.id}`)).json();
    expect(after).toMatchObject({
      status: 'IN_FORCE',
      amount: 1_356_000,
      currentAmount: 1_356_000,
      signedAmount: 1_130_000,
      taxAmount: splitTax(1_356_000, 1300).taxAmount,
      endDate: '2027-03-31',
      version: 3,
      pendingChangeId: null,
    });
    expect(after.taxAmount).toBe(156_000);
    const versions = (await creator.get(`/api/v1/contracts/${signed.id}/versions`)).json();
    expect(versions[0]).toMatchObject({
      version: 3,
      reason: 'CHANGE',
      changeId: change.id,
      note: '增加钢材 20 吨',
    });
    expect(versions.map((v: any) => v.reason)).toEqual(['CHANGE', 'SIGN', 'SUBMIT']);
    const compare = (await creator.get(`/api/v1/contracts/${signed.id}/compare?from=2&to=3`)).json();
    // Stored fields are read back with sorted keys (the same on both dialects), so the order is alphabetical.
    expect(compare.fields).toEqual([
      { field: 'amount', before: 1_130_000, after: 1_356_000 },
      { field: 'endDate', before: '2026-12-31', after: '2027-03-31' },
      { field: 'taxAmount', before: 130_000, after: 156_000 },
    ]);
    const [listed] = (await creator.get(`/api/v1/contracts/${signed.id}/changes`)).json();
    expect(listed).toMatchObject({ id: change.id, status: 'APPROVED', resultingVersion: 3 });
    expect(listed.decidedAt).toEqual(expect.any(String));
  });

  it("shows an approved change in the ledger's row and totals", async () => {
    const { signed } = await approvedChange();
    const now = await ledgerRow(signed.number);
    expect(now.row).toMatchObject({
      amount: 1_356_000,
      signedAmount: 1_130_000,
      currentAmount: 1_356_000,
      endDate: '2027-03-31',
    });
    expect(now.totals).toMatchObject({
      count: 1,
      amount: 1_356_000,
      signedAmount: 1_130_000,
      currentAmount: 1_356_000,
      // Nothing paid yet: all of the new amount is outstanding.
      outstandingAmount: 1_356_000,
    });
  });

  it('numbers the next change after the first and compares it with the new values', async () => {
    const { signed } = await approvedChange();
    const next = await creator.post(`/api/v1/contracts/${signed.id}/changes`, {
      reason: '减少数量',
      proposed: { amount: 1_243_000 },
    });
    expect(next.json()).toMatchObject({ number: `${signed.number}-BG02`, before: { amount: 1_356_000 } });
  });

  it('leaves the contract as it was when a change is rejected', async () => {
    const approved = await approvedContract(t(), clients, f);
    const change = (
      await creator.post(`/api/v1/contracts/${approved.id}/changes`, {
        reason: '变更收款账户',
        proposed: {
          amount: 999_000,
          body: '新的正文',
          partnerBank: {
            bankName: '中国银行上海分行',
            accountName: '上海钢材',
            accountNumber: '4567 8901 2345',
          },
        },
      })
    ).json();
    expect(change.status).toBe('IN_APPROVAL');
    const rejected = await actOnApproval(gm, change.instanceId, { action: 'reject', comment: '不同意' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const after = (await creator.get(`/api/v1/contracts/${approved.id}`)).json();
    expect(after).toMatchObject({
      status: 'APPROVED',
      amount: approved.amount,
      currentAmount: approved.currentAmount,
      body: approved.body,
      partnerBank: approved.partnerBank,
      version: approved.version,
      pendingChangeId: null,
    });
    const [listed] = (await creator.get(`/api/v1/contracts/${approved.id}/changes`)).json();
    expect(listed).toMatchObject({ status: 'REJECTED', resultingVersion: null });
    expect((await ledgerRow(approved.number)).row.currentAmount).toBe(approved.currentAmount);
    // With the rejected change closed, a new one may start.
    const again = await creator.post(`/api/v1/contracts/${approved.id}/changes`, {
      reason: '再次申请',
      proposed: { amount: 999_000 },
    });
    expect(again.statusCode, again.body).toBe(201);
  });

  it('lets the proposer withdraw a change', async () => {
    const approved = await approvedContract(t(), clients, f);
    const change = (
      await creator.post(`/api/v1/contracts/${approved.id}/changes`, {
        reason: '延期',
        proposed: { endDate: '2027-01-31' },
      })
    ).json();
    const withdrawn = await actOnApproval(creator, change.instanceId, { action: 'withdraw' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await creator.get(`/api/v1/contracts/${approved.id}`)).json()).toMatchObject({
      endDate: '2026-12-31',
      pendingChangeId: null,
    });
    const [listed] = (await creator.get(`/api/v1/contracts/${approved.id}/changes`)).json();
    expect(listed.status).toBe('WITHDRAWN');
  });
});
