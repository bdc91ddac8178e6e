/**
 * The contract register on a real database, signing and closing: signing with the signed scan (a
 * version records it), completing, terminating with a reason, voiding, and who may do each.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import {
  approvedContract,
  type ContractFixture,
  expectProblem,
  givenContract,
  uploadFile,
} from '../contracts.testing.js';
import { type RegisterCast, registerCast } from './register.testing.js';

describeEachDialect('contract register', (t) => {
  let f: ContractFixture;
  let creator: ApiClient; // 冯波: head of CONS ENG-1, contract.create over his department
  let gm: ApiClient; // 赵磊: CONS general manager, second step, contract.manage
  let clients: RegisterCast['clients'];

  beforeAll(async () => {
    ({ f, creator, gm, clients } = await registerCast(t()));
  });

  describe('signing and closing', () => {
    it('signs only with the signed scan; the signed amount is fixed and a version records the scan', async () => {
      const approved = await approvedContract(t(), clients, f);
      const missing = expectProblem(
        await gm.post(`/api/v1/contracts/${approved.id}/sign`, { signDate: '2026-02-01' }),
        400,
        'CONTRACT_ATTACHMENTS_MISSING',
      );
      expect(missing.detail).toBe('缺少必需的附件：合同签署扫描件');
      const annex = await uploadFile(t(), gm, '附件一.pdf');
      expectProblem(
        await gm.post(`/api/v1/contracts/${approved.id}/sign`, {
          signDate: '2026-02-01',
          attachments: [{ fileId: annex, type: 'ANNEX' }],
        }),
        400,
        'CONTRACT_ATTACHMENTS_MISSING',
      );
      const scan = await uploadFile(t(), gm);
      const signed = await gm.post(`/api/v1/contracts/${approved.id}/sign`, {
        signDate: '2026-02-01',
        attachments: [{ fileId: scan, type: 'SIGNED_SCAN' }],
      });
      expect(signed.statusCode, signed.body).toBe(200);
      expect(signed.json()).toMatchObject({
        status: 'IN_FORCE',
        signDate: '2026-02-01',
        signedAmount: 1_130_000,
        currentAmount: 1_130_000,
        version: 2,
        attachments: [{ fileId: scan, type: 'SIGNED_SCAN', name: '合同签署扫描件.pdf' }],
      });
      expect(signed.json().actions).toEqual(['complete', 'terminate']);
      const compare = (await gm.get(`/api/v1/contracts/${approved.id}/compare?from=1&to=2`)).json();
      expect(compare.to.reason).toBe('SIGN');
      expect(compare.fields).toEqual([{ field: 'signDate', before: null, after: '2026-02-01' }]);
      expect(compare.attachments.added).toEqual([
        { fileId: scan, type: 'SIGNED_SCAN', name: '合同签署扫描件.pdf' },
      ]);
    });

    it('needs contract.manage to sign', async () => {
      const approved = await approvedContract(t(), clients, f);
      expectProblem(
        await creator.post(`/api/v1/contracts/${approved.id}/sign`, { signDate: '2026-02-01' }),
        403,
        'FORBIDDEN',
      );
    });

    it('completes a contract in force, and nothing closes it again', async () => {
      const signed = await approvedContract(t(), clients, f, { sign: true });
      // Completing requires the closing evaluation first (evaluations.service.ts).
      expectProblem(
        await gm.post(`/api/v1/contracts/${signed.id}/complete`, {}),
        409,
        'CONTRACT_EVALUATION_REQUIRED',
      );
      const scores = ['quality', 'schedule', 'service', 'compliance'].map((code) => ({ code, score: 90 }));
      expect((await gm.post(`/api/v1/contracts/${signed.id}/evaluation`, { scores })).statusCode).toBe(201);
      const done = await gm.post(`/api/v1/contracts/${signed.id}/complete`, { reason: '货物已全部交付' });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ status: 'COMPLETED', statusReason: '货物已全部交付', actions: [] });
      expect(
        expectProblem(
          await gm.post(`/api/v1/contracts/${signed.id}/terminate`, { reason: '重复' }),
          409,
          'CONTRACT_ILLEGAL_TRANSITION',
        ).detail,
      ).toBe('合同当前状态为「已完成」，不能终止');
      expectProblem(
        await gm.post(`/api/v1/contracts/${signed.id}/void`, { reason: '重复' }),
        409,
        'CONTRACT_ILLEGAL_TRANSITION',
      );
    });

    it('terminates a contract in force with a reason (a reason is required)', async () => {
      const signed = await approvedContract(t(), clients, f, { sign: true });
      expectProblem(await gm.post(`/api/v1/contracts/${signed.id}/terminate`, {}), 400, 'VALIDATION_FAILED');
      const ended = await gm.post(`/api/v1/contracts/${signed.id}/terminate`, { reason: '对方违约' });
      expect(ended.json()).toMatchObject({
        status: 'TERMINATED',
        statusReason: '对方违约',
        signedAmount: 1_130_000,
      });
      expect(
        expectProblem(
          await gm.post(`/api/v1/contracts/${signed.id}/complete`, {}),
          409,
          'CONTRACT_ILLEGAL_TRANSITION',
        ).detail,
      ).toBe('合同当前状态为「已终止」，不能完成');
    });

    it('voids a draft or an approved contract, but not one in force', async () => {
      const draft = await givenContract(creator, f);
      const voidedDraft = await gm.post(`/api/v1/contracts/${draft.id}/void`, { reason: '项目取消' });
      expect(voidedDraft.json()).toMatchObject({ status: 'VOIDED', statusReason: '项目取消' });
      const approved = await approvedContract(t(), clients, f);
      expect(
        (await gm.post(`/api/v1/contracts/${approved.id}/void`, { reason: '未签订' })).json().status,
      ).toBe('VOIDED');
      const signed = await approvedContract(t(), clients, f, { sign: true });
      expect(
        expectProblem(
          await gm.post(`/api/v1/contracts/${signed.id}/void`, { reason: '作废' }),
          409,
          'CONTRACT_ILLEGAL_TRANSITION',
        ).detail,
      ).toBe('合同当前状态为「履行中」，不能作废');
      expectProblem(await gm.post(`/api/v1/contracts/${voidedDraft.json().id}/submit`, {}), 403, 'FORBIDDEN');
      expect(
        expectProblem(
          await creator.post(`/api/v1/contracts/${voidedDraft.json().id}/submit`, {}),
          409,
          'CONTRACT_ILLEGAL_TRANSITION',
        ).detail,
      ).toBe('合同当前状态为「已作废」，不能提交审批');
    });
  });
});
