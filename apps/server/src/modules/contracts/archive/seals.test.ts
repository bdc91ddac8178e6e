/**
 * Seal use requests (用印) on a real database: tied to the contract's current version, approved
 * through the engine with a flow bound to `contract.seal` (approve, reject, withdraw round trips),
 * stamped by the keeper, refused on contracts without an approved text and out of scope.
 */
import { beforeAll, expect, it } from 'vitest';
import { actOnApproval } from '../../../testing/approvals.js';
import { publishOneStepFlow } from '../../../testing/flows.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { patchContract, testCategory, testContract, userWith } from './archive.testing.js';

describeEachDialect('contract seal requests', (t) => {
  let requester: ApiClient; // feng.bo: head of CONS ENG-1, holds contract.seal
  let approver: ApiClient; // zhao.lei: CONS general manager, the flow's approver
  let keeper: ApiClient; // contract.archive over CONS
  let category: { id: string; code: string };

  beforeAll(async () => {
    const { services, given } = t();
    const cons = await given.entityByCode('CONS');
    const gm = await given.userByUsername('zhao.lei');
    const step = { id: 'gm', name: '总经理审批' };
    await publishOneStepFlow(services, {
      key: 'h4-seal-test',
      name: '合同用印（测试）',
      businessType: 'contract.seal',
      entityId: cons.id,
      approverId: gm.id,
      step,
    });
    const tech = await given.entityByCode('TECH');
    const techGm = await given.userByUsername('huang.lei');
    await publishOneStepFlow(services, {
      key: 'h4-seal-test-tech',
      name: '合同用印（测试，科技）',
      businessType: 'contract.seal',
      entityId: tech.id,
      approverId: techGm.id,
      step,
    });
    requester = await t().login('feng.bo');
    approver = await t().login('zhao.lei');
    keeper = (
      await userWith(t(), {
        entity: 'CONS',
        department: 'MGT',
        permissions: ['contract.view', 'contract.archive'],
      })
    ).client;
    category = await testCategory(t());
  });

  const consContract = (status: string, version?: number) =>
    testContract(t(), {
      entity: 'CONS',
      department: 'ENG-1',
      owner: 'wu.min',
      status,
      version,
      categoryId: category.id,
      name: '工程一部钢材采购合同',
    });
  const body = { sealType: 'CONTRACT_SEAL', copies: 3, purpose: '与供应商签署正本' };

  /** A request on a contract approved at `version`, in approval. */
  const requested = async (version = 2) => {
    const id = await consContract('APPROVED', version);
    const created = await requester.post(`/api/v1/contracts/${id}/seals`, body);
    expect(created.statusCode, created.body).toBe(201);
    return { contractId: id, request: created.json() };
  };
  /** A request approved by the flow's approver. */
  const approvedRequest = async () => {
    const { contractId, request } = await requested();
    const approved = await actOnApproval(approver, request.instanceId, {
      action: 'approve',
      comment: '同意用印',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    return { contractId, request };
  };

  it('ties a request to the current version and starts its approval through the engine', async () => {
    const { contractId, request } = await requested(2);
    expect(request).toMatchObject({
      contractId,
      contractName: '工程一部钢材采购合同',
      contractVersion: 2,
      sealType: 'CONTRACT_SEAL',
      copies: 3,
      purpose: '与供应商签署正本',
      status: 'IN_APPROVAL',
      requestedByName: '冯波',
      decidedAt: null,
      usedDate: null,
    });
    expect(request.instanceId).toMatch(/^[0-9a-f-]{36}$/);
    const detail = (await approver.get(`/api/v1/workflow/instances/${request.instanceId}`)).json();
    expect(detail.businessType).toBe('contract.seal');
    expect(detail.subjectId).toBe(request.id);
    expect(detail.formData).toMatchObject({ sealType: 'CONTRACT_SEAL', copies: 3, contractVersion: 2 });
  });

  it("is approved when the engine's approval ends approved", async () => {
    const { request } = await approvedRequest();
    const after = (await requester.get(`/api/v1/contract-seals/${request.id}`)).json();
    expect(after.status).toBe('APPROVED');
    expect(after.decidedAt).not.toBeNull();
  });

  it('gives a later version of the contract its own request; the first stays on its version', async () => {
    const { contractId } = await approvedRequest();
    await patchContract(t(), contractId, { version: 3, status: 'IN_FORCE' });
    const second = (
      await requester.post(`/api/v1/contracts/${contractId}/seals`, { ...body, sealType: 'COMPANY_SEAL' })
    ).json();
    expect(second.contractVersion).toBe(3);
    const list = (await requester.get(`/api/v1/contracts/${contractId}/seals`)).json();
    expect(list.total).toBe(2);
    expect(list.items.map((r: any) => [r.contractVersion, r.sealType, r.status])).toEqual([
      [3, 'COMPANY_SEAL', 'IN_APPROVAL'],
      [2, 'CONTRACT_SEAL', 'APPROVED'],
    ]);
  });

  it('refuses to record the stamping of a request still in approval, or by the requester', async () => {
    const { request } = await requested();
    const notYet = await keeper.post(`/api/v1/contract-seals/${request.id}/used`, {});
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().code).toBe('CONTRACT_SEAL_STATE');
    expect(notYet.json().detail).toContain('申请当前为「审批中」');
    // The requester (contract.seal, no contract.archive) cannot record the stamping.
    expect((await requester.post(`/api/v1/contract-seals/${request.id}/used`, {})).statusCode).toBe(403);
  });

  it('records the stamping of an approved request by the keeper, once, audited', async () => {
    const { request } = await approvedRequest();
    const used = await keeper.post(`/api/v1/contract-seals/${request.id}/used`, {
      usedDate: '2026-03-02',
      note: '盖章三份，已交法务',
    });
    expect(used.statusCode, used.body).toBe(200);
    expect(used.json()).toMatchObject({
      status: 'USED',
      usedDate: '2026-03-02',
      usedNote: '盖章三份，已交法务',
    });
    expect(used.json().usedByName).toMatch(/^User /);
    const twice = await keeper.post(`/api/v1/contract-seals/${request.id}/used`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toContain('申请当前为「已用印」');

    const audit = await t()
      .services.db.selectFrom('audit_log' as never)
      .select('action' as never)
      .where('entity_type' as never, '=', 'contract_seal_request' as never)
      .where('entity_id' as never, '=', request.id as never)
      .orderBy('seq' as never)
      .execute();
    expect(audit.map((a: any) => a.action)).toEqual(['request', 'status', 'used']);
  });

  it('records a rejection and a withdrawal', async () => {
    const id = await consContract('IN_FORCE');
    const rejected = (await requester.post(`/api/v1/contracts/${id}/seals`, body)).json();
    const rejection = await actOnApproval(approver, rejected.instanceId, {
      action: 'reject',
      comment: '份数不对',
    });
    expect(rejection.statusCode, rejection.body).toBe(200);
    const afterReject = (await requester.get(`/api/v1/contract-seals/${rejected.id}`)).json();
    expect(afterReject.status).toBe('REJECTED');
    expect(afterReject.decidedAt).not.toBeNull();
    expect((await keeper.post(`/api/v1/contract-seals/${rejected.id}/used`, {})).statusCode).toBe(409);

    const withdrawn = (await requester.post(`/api/v1/contracts/${id}/seals`, { ...body, copies: 2 })).json();
    const withdrawal = await actOnApproval(requester, withdrawn.instanceId, {
      action: 'withdraw',
      comment: '填错了',
    });
    expect(withdrawal.statusCode, withdrawal.body).toBe(200);
    expect((await requester.get(`/api/v1/contract-seals/${withdrawn.id}`)).json().status).toBe('WITHDRAWN');
  });

  it('refuses contracts without an approved text, callers without the permission and other entities', async () => {
    for (const status of ['DRAFT', 'IN_APPROVAL', 'COMPLETED', 'TERMINATED', 'VOIDED']) {
      const id = await consContract(status);
      const refused = await requester.post(`/api/v1/contracts/${id}/seals`, body);
      expect(refused.statusCode, status).toBe(409);
      expect(refused.json().code).toBe('CONTRACT_SEAL_STATE');
      expect(refused.json().detail).toContain('只有已审批或已生效的合同可以申请用印');
      expect((await requester.get(`/api/v1/contracts/${id}/seals`)).json().total).toBe(0);
    }

    const id = await consContract('IN_FORCE');
    const staff = await t().login('wu.min'); // the owner, but without contract.seal
    expect((await staff.post(`/api/v1/contracts/${id}/seals`, body)).statusCode).toBe(403);
    expect((await staff.get(`/api/v1/contracts/${id}/seals`)).statusCode).toBe(200);

    const techId = await testContract(t(), {
      entity: 'TECH',
      department: 'SALES',
      owner: 'guo.xin',
      status: 'IN_FORCE',
      categoryId: category.id,
    });
    const techRequester = await t().login('he.jun');
    const techSeal = await techRequester.post(`/api/v1/contracts/${techId}/seals`, body);
    expect(techSeal.statusCode, techSeal.body).toBe(201);
    const techRequest = techSeal.json();
    expect((await requester.post(`/api/v1/contracts/${techId}/seals`, body)).statusCode).toBe(404);
    expect((await requester.get(`/api/v1/contracts/${techId}/seals`)).statusCode).toBe(404);
    expect((await requester.get(`/api/v1/contract-seals/${techRequest.id}`)).statusCode).toBe(404);
    const techApproval = await actOnApproval(await t().login('huang.lei'), techRequest.instanceId, {
      action: 'approve',
    });
    expect(techApproval.statusCode, techApproval.body).toBe(200);
    expect((await keeper.post(`/api/v1/contract-seals/${techRequest.id}/used`, {})).statusCode).toBe(404);
    expect((await techRequester.get(`/api/v1/contract-seals/${techRequest.id}`)).json().status).toBe(
      'APPROVED',
    );
  });
});
