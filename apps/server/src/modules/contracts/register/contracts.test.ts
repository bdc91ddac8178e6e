/**
 * The contract register on a real database: drafts and their validation, numbering at submission,
 * the approval round trip through the engine (status changes in the engine's transaction), approver
 * edits becoming versions, version compare, signing and closing, illegal transitions in both languages.
 */
import { splitTax } from '@concord/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { actOnApproval } from '../../../testing/approvals.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import {
  approveAll,
  approvedContract,
  type ContractFixture,
  draftBody,
  expectProblem,
  givenContract,
  publishContractFlows,
  todayOf,
  uploadFile,
} from '../contracts.testing.js';

describeEachDialect('contract register', (t) => {
  let f: ContractFixture;
  let creator: ApiClient; // 冯波: head of CONS ENG-1, contract.create over his department
  let reviewer: ApiClient; // 周强: first step, may edit the body
  let gm: ApiClient; // 赵磊: CONS general manager, second step, contract.manage
  let techUser: ApiClient; // 林峰: TECH staff, en-US
  let clients: { creator: ApiClient; reviewer: ApiClient; gm: ApiClient };

  beforeAll(async () => {
    f = await publishContractFlows(t());
    creator = await t().login('feng.bo');
    reviewer = await t().login('zhou.qiang');
    gm = await t().login('zhao.lei');
    techUser = await t().login('lin.feng');
    clients = { creator, reviewer, gm };
  });

  describe('drafts', () => {
    it('registers a draft with the tax split, names and no number yet', async () => {
      const draft = await givenContract(creator, f, { amount: 1_000_000, taxRate: 600 });
      expect(draft).toMatchObject({
        status: 'DRAFT',
        number: null,
        version: 0,
        lockVersion: 0,
        direction: 'EXPENSE',
        categoryId: f.category.id,
        partnerId: f.partners.cons,
        partnerName: f.partners.consName,
        entityId: f.cons.entityId,
        entityName: '协和建设工程有限公司',
        departmentName: '工程一部',
        ownerName: '冯波',
        amount: 1_000_000,
        taxRate: 600,
        taxAmount: splitTax(1_000_000, 600).taxAmount,
        amountExclTax: 1_000_000 - 56_604,
        currentAmount: 1_000_000,
        signedAmount: null,
        instanceId: null,
        currency: 'CNY',
      });
      expect(draft.taxAmount).toBe(56_604);
      expect(draft.actions).toEqual(['edit', 'delete', 'submit']);
      const read = await creator.get(`/api/v1/contracts/${draft.id}`);
      expect(read.json()).toMatchObject({ id: draft.id, body: draftBody(f).body, startDate: '2026-01-01' });
    });

    it('refuses bad amounts with problem+json naming the field', async () => {
      for (const amount of [-1, 1.5, '100', 1_000_000_000_000_001]) {
        const body = expectProblem(
          await creator.post('/api/v1/contracts', draftBody(f, { amount })),
          400,
          'VALIDATION_FAILED',
        );
        expect(body.errors?.map((e) => e.path)).toContain('body.amount');
      }
      const rate = expectProblem(
        await creator.post('/api/v1/contracts', draftBody(f, { taxRate: 10001 })),
        400,
        'VALIDATION_FAILED',
      );
      expect(rate.errors?.map((e) => e.path)).toContain('body.taxRate');
    });

    it('refuses an end date before the start date', async () => {
      const body = expectProblem(
        await creator.post(
          '/api/v1/contracts',
          draftBody(f, { startDate: '2026-06-01', endDate: '2026-05-31' }),
        ),
        400,
        'VALIDATION_FAILED',
      );
      expect(body.detail).toBe('输入有误：endDate: the end date must not be before the start date');
      expect(body.errors).toEqual([
        { path: 'endDate', message: 'the end date must not be before the start date' },
      ]);
    });

    it('refuses an unknown category', async () => {
      const body = expectProblem(
        await creator.post(
          '/api/v1/contracts',
          draftBody(f, { categoryId: '0190f000-0000-7000-8000-000000000abc' }),
        ),
        400,
        'INVALID_REFERENCE',
      );
      expect(body.detail).toBe('合同类别无效或不可用');
    });

    it('refuses a blacklisted partner', async () => {
      const body = expectProblem(
        await creator.post('/api/v1/contracts', draftBody(f, { partnerId: f.partners.blacklisted })),
        409,
        'PARTNER_BLACKLISTED',
      );
      expect(body.detail).toBe(`合作伙伴「${f.partners.blacklistedName}」已被列入黑名单，不能用于新合同`);
    });

    it("refuses another entity's partner that is not shared, and accepts one shared with the group", async () => {
      // 冯波 cannot even see TECH's partner; the administrator sees it but TECH alone may use it.
      const hidden = expectProblem(
        await creator.post('/api/v1/contracts', draftBody(f, { partnerId: f.partners.tech })),
        400,
        'INVALID_REFERENCE',
      );
      expect(hidden.detail).toBe('合作伙伴无效或不可用');
      const admin = await t().login('admin');
      const notUsable = expectProblem(
        await admin.post(
          '/api/v1/contracts',
          draftBody(f, { partnerId: f.partners.tech, entityId: f.grp.entityId, departmentId: f.grp.legal }),
        ),
        400,
        'INVALID_REFERENCE',
      );
      expect(notUsable.detail).toBe('合作伙伴无效或不可用');
      const usable = await admin.post(
        '/api/v1/contracts',
        draftBody(f, { partnerId: f.partners.tech, entityId: f.tech.entityId, departmentId: f.tech.rnd }),
      );
      expect(usable.statusCode, usable.body).toBe(200);
      const shared = await givenContract(creator, f, { partnerId: f.partners.shared });
      expect(shared.partnerId).toBe(f.partners.shared);
    });

    it('refuses a department of another entity and an owner outside the creator’s scope', async () => {
      expectProblem(
        await creator.post('/api/v1/contracts', draftBody(f, { departmentId: f.tech.rnd })),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await creator.post('/api/v1/contracts', draftBody(f, { departmentId: f.cons.proc })),
        403,
        'FORBIDDEN',
      );
    });

    it('edits a draft with its lock version and refuses a stale one with 409', async () => {
      const draft = await givenContract(creator, f);
      const { categoryId: _category, ...rest } = draftBody(f);
      const edited = await creator.put(`/api/v1/contracts/${draft.id}`, {
        ...rest,
        name: '钢材采购合同（修订）',
        amount: 2_260_000,
        lockVersion: 0,
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({
        name: '钢材采购合同（修订）',
        amount: 2_260_000,
        currentAmount: 2_260_000,
        taxAmount: 260_000,
        lockVersion: 1,
      });
      const stale = await creator.put(`/api/v1/contracts/${draft.id}`, {
        ...rest,
        name: '过期的修改',
        lockVersion: 0,
      });
      expectProblem(stale, 409, 'CONFLICT');
      expect((await creator.get(`/api/v1/contracts/${draft.id}`)).json().name).toBe('钢材采购合同（修订）');
    });

    it('deletes a draft that was never submitted', async () => {
      const draft = await givenContract(creator, f);
      const res = await creator.delete(`/api/v1/contracts/${draft.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expectProblem(await creator.get(`/api/v1/contracts/${draft.id}`), 404, 'NOT_FOUND');
    });

    it('hides a CONS contract from a TECH user', async () => {
      const draft = await givenContract(creator, f);
      expectProblem(await techUser.get(`/api/v1/contracts/${draft.id}`), 404, 'NOT_FOUND');
    });
  });

  describe('submission and approval', () => {
    it('numbers the contract from its category rule at submission and records version 1', async () => {
      const { yyyymm } = todayOf(t());
      const first = await givenContract(creator, f);
      const second = await givenContract(creator, f);
      const a = await creator.post(`/api/v1/contracts/${first.id}/submit`, {});
      expect(a.statusCode, a.body).toBe(200);
      const b = await creator.post(`/api/v1/contracts/${second.id}/submit`, {});
      const numberA = a.json().number as string;
      const numberB = b.json().number as string;
      expect(numberA).toMatch(new RegExp(`^${f.prefix}-CONS-${yyyymm}-\\d{4}$`));
      expect(Number(numberB.slice(-4))).toBe(Number(numberA.slice(-4)) + 1);
      expect(a.json()).toMatchObject({ status: 'IN_APPROVAL', version: 1, lockVersion: 1, actions: [] });
      expect(a.json().instanceId).toEqual(expect.any(String));
      const versions = (await creator.get(`/api/v1/contracts/${first.id}/versions`)).json();
      expect(versions).toMatchObject([
        { version: 1, reason: 'SUBMIT', createdByName: '冯波', changeId: null },
      ]);
      const v1 = (await creator.get(`/api/v1/contracts/${first.id}/version?number=1`)).json();
      expect(v1.fields).toMatchObject({
        number: numberA,
        amount: 1_130_000,
        taxRate: 1300,
        taxAmount: 130_000,
      });
      expect(v1.body).toBe(draftBody(f).body);
      // The approval carries the contract's fields and its own title.
      const instance = (await reviewer.get(`/api/v1/workflow/instances/${a.json().instanceId}`)).json();
      expect(instance.title).toBe(`合同审批：城东产业园钢材采购合同（${numberA}）`);
    });

    it('refuses illegal transitions through the API with 409 naming the status (zh-CN)', async () => {
      const draft = await givenContract(creator, f);
      const submitted = (await creator.post(`/api/v1/contracts/${draft.id}/submit`, {})).json();
      const again = expectProblem(
        await creator.post(`/api/v1/contracts/${draft.id}/submit`, {}),
        409,
        'CONTRACT_ILLEGAL_TRANSITION',
      );
      expect(again.detail).toBe('合同当前状态为「审批中」，不能提交审批');
      const { categoryId: _c, ...rest } = draftBody(f);
      const edit = expectProblem(
        await creator.put(`/api/v1/contracts/${draft.id}`, { ...rest, lockVersion: submitted.lockVersion }),
        409,
        'CONTRACT_ILLEGAL_TRANSITION',
      );
      expect(edit.detail).toBe('合同当前状态为「审批中」，不能编辑');
      expect(
        expectProblem(
          await creator.delete(`/api/v1/contracts/${draft.id}`),
          409,
          'CONTRACT_ILLEGAL_TRANSITION',
        ).detail,
      ).toBe('合同当前状态为「审批中」，不能删除');
      const sign = expectProblem(
        await gm.post(`/api/v1/contracts/${draft.id}/sign`, { signDate: '2026-02-01' }),
        409,
        'CONTRACT_ILLEGAL_TRANSITION',
      );
      expect(sign.detail).toBe('合同当前状态为「审批中」，不能签订生效');
      expect(
        expectProblem(
          await gm.post(`/api/v1/contracts/${draft.id}/complete`, {}),
          409,
          'CONTRACT_ILLEGAL_TRANSITION',
        ).detail,
      ).toBe('合同当前状态为「审批中」，不能完成');
      expect((await creator.get(`/api/v1/contracts/${draft.id}`)).json().status).toBe('IN_APPROVAL');
    });

    it('words the refusal in English for a user whose locale is en-US', async () => {
      const draft = await givenContract(techUser, f, {
        partnerId: f.partners.shared,
        departmentId: f.tech.rnd,
        ownerId: f.users.linFeng,
      });
      expect((await techUser.post(`/api/v1/contracts/${draft.id}/submit`, {})).statusCode).toBe(200);
      const body = expectProblem(
        await techUser.post(`/api/v1/contracts/${draft.id}/submit`, {}),
        409,
        'CONTRACT_ILLEGAL_TRANSITION',
      );
      expect(body.detail).toBe('The contract is "in approval"; it cannot be submitted for approval');
    });

    it("refuses submission without the category's required attachments, in the user's language", async () => {
      const system = t().services.systemContext('test');
      const strict = await t().services.contractCategories.create(system, {
        code: `${f.category.code}-Q`,
        name: '须附报价单的测试类别',
        parentId: null,
        direction: 'EXPENSE',
        numberRuleId: null,
        flowKey: f.signFlowKey,
        requiredAttachmentTypes: ['SIGNED_SCAN', 'QUOTATION', 'TECHNICAL'],
        fields: [],
        expiryReminderDays: 30,
        active: true,
        sortOrder: 0,
        description: null,
      });
      const zh = await givenContract(creator, f, { categoryId: strict.id });
      expect(
        expectProblem(
          await creator.post(`/api/v1/contracts/${zh.id}/submit`, {}),
          400,
          'CONTRACT_ATTACHMENTS_MISSING',
        ).detail,
      ).toBe('缺少必需的附件：报价单、技术文件');
      const en = await givenContract(techUser, f, {
        categoryId: strict.id,
        partnerId: f.partners.shared,
        departmentId: f.tech.rnd,
        ownerId: f.users.linFeng,
      });
      expect(
        expectProblem(
          await techUser.post(`/api/v1/contracts/${en.id}/submit`, {}),
          400,
          'CONTRACT_ATTACHMENTS_MISSING',
        ).detail,
      ).toBe('Required attachments are missing: quotation, technical document');
      // Nothing was numbered or versioned.
      expect((await creator.get(`/api/v1/contracts/${zh.id}`)).json()).toMatchObject({
        status: 'DRAFT',
        number: null,
        version: 0,
      });
    });

    it('runs the approval round trip: two approvers, the contract approved in the same transaction', async () => {
      const draft = await givenContract(creator, f);
      const submitted = (await creator.post(`/api/v1/contracts/${draft.id}/submit`, {})).json();
      await approveAll(submitted.instanceId, [reviewer]);
      expect((await creator.get(`/api/v1/contracts/${draft.id}`)).json().status).toBe('IN_APPROVAL');
      // 冯波 holds no task: the GM's step is next.
      const notMine = await actOnApproval(creator, submitted.instanceId, { action: 'approve' });
      expect(notMine.statusCode).toBeGreaterThanOrEqual(400);
      await approveAll(submitted.instanceId, [gm]);
      const approved = (await gm.get(`/api/v1/contracts/${draft.id}`)).json();
      expect(approved).toMatchObject({ status: 'APPROVED', version: 1, number: submitted.number });
      expect(approved.actions).toEqual(['sign', 'void']);
      const instance = (await gm.get(`/api/v1/workflow/instances/${submitted.instanceId}`)).json();
      expect(instance.status).toBe('APPROVED');
      // The status change is audited with the approval.
      const audit = await t()
        .services.db.selectFrom('audit_log' as never)
        .selectAll()
        .where('entity_id' as never, '=', draft.id as never)
        .where('action' as never, '=', 'approved' as never)
        .execute();
      expect(audit).toHaveLength(1);
    });

    it('returns a rejected contract to draft, keeps its number, and numbers nothing new on resubmission', async () => {
      const draft = await givenContract(creator, f);
      const submitted = (await creator.post(`/api/v1/contracts/${draft.id}/submit`, {})).json();
      const rejected = await actOnApproval(reviewer, submitted.instanceId, {
        action: 'reject',
        comment: '价款有误',
      });
      expect(rejected.statusCode, rejected.body).toBe(200);
      const back = (await creator.get(`/api/v1/contracts/${draft.id}`)).json();
      expect(back).toMatchObject({ status: 'DRAFT', number: submitted.number, version: 1 });
      expect(back.actions).toEqual(['edit', 'delete', 'submit']);
      // A numbered draft cannot be deleted (it would leave a gap).
      expectProblem(
        await creator.delete(`/api/v1/contracts/${draft.id}`),
        409,
        'CONTRACT_ILLEGAL_TRANSITION',
      );
      const resubmitted = (await creator.post(`/api/v1/contracts/${draft.id}/submit`, {})).json();
      expect(resubmitted).toMatchObject({ status: 'IN_APPROVAL', number: submitted.number, version: 2 });
      expect(resubmitted.instanceId).not.toBe(submitted.instanceId);
    });

    it('returns a withdrawn contract to draft', async () => {
      const draft = await givenContract(creator, f);
      const submitted = (await creator.post(`/api/v1/contracts/${draft.id}/submit`, {})).json();
      const withdrawn = await actOnApproval(creator, submitted.instanceId, {
        action: 'withdraw',
        comment: '补充附件',
      });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect((await creator.get(`/api/v1/contracts/${draft.id}`)).json()).toMatchObject({
        status: 'DRAFT',
        number: submitted.number,
      });
    });

    it('turns an approver’s edit of the body into a version and compares it with the submitted one', async () => {
      const draft = await givenContract(creator, f);
      const submitted = (await creator.post(`/api/v1/contracts/${draft.id}/submit`, {})).json();
      const newBody = `${draftBody(f).body}\n第四条 违约责任：逾期每日万分之五`.replace(
        '含税 11,300 元',
        '含税 11,300.00 元',
      );
      const edited = await actOnApproval(reviewer, submitted.instanceId, {
        action: 'approve',
        formPatch: { body: newBody },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      const after = (await creator.get(`/api/v1/contracts/${draft.id}`)).json();
      expect(after).toMatchObject({ status: 'IN_APPROVAL', version: 2, body: newBody });
      const versions = (await creator.get(`/api/v1/contracts/${draft.id}/versions`)).json();
      expect(versions.map((v: any) => [v.version, v.reason, v.createdByName])).toEqual([
        [2, 'APPROVAL_EDIT', '周强'],
        [1, 'SUBMIT', '冯波'],
      ]);
      // Editing a field the step does not allow is refused.
      const notEditable = await actOnApproval(gm, submitted.instanceId, {
        action: 'approve',
        formPatch: { amount: 1 },
      });
      expect(notEditable.statusCode).toBe(403);
      expect(notEditable.json().code).toBe('WF_FIELD_NOT_EDITABLE');
      expect((await creator.get(`/api/v1/contracts/${draft.id}`)).json()).toMatchObject({
        amount: 1_130_000,
        version: 2,
      });
      const compare = await creator.get(`/api/v1/contracts/${draft.id}/compare?from=1&to=2`);
      expect(compare.statusCode, compare.body).toBe(200);
      const diff = compare.json();
      expect(diff.from).toMatchObject({ version: 1, reason: 'SUBMIT', createdByName: '冯波' });
      expect(diff.to).toMatchObject({ version: 2, reason: 'APPROVAL_EDIT', createdByName: '周强' });
      expect(diff.fields).toEqual([]);
      expect(diff.body).toEqual([
        { op: 'equal', line: '第一条 标的：螺纹钢 100 吨' },
        { op: 'removed', line: '第二条 价款：含税 11,300 元' },
        { op: 'added', line: '第二条 价款：含税 11,300.00 元' },
        { op: 'equal', line: '第三条 交付：2026 年 3 月' },
        { op: 'added', line: '第四条 违约责任：逾期每日万分之五' },
      ]);
      expect(diff.attachments).toEqual({ added: [], removed: [] });
      expectProblem(
        await creator.get(`/api/v1/contracts/${draft.id}/compare?from=1&to=1`),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(await creator.get(`/api/v1/contracts/${draft.id}/compare?from=1&to=9`), 404, 'NOT_FOUND');
      await approveAll(submitted.instanceId, [gm]);
      expect((await creator.get(`/api/v1/contracts/${draft.id}`)).json()).toMatchObject({
        status: 'APPROVED',
        version: 2,
        body: newBody,
      });
    });
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
      expect((await gm.post(`/api/v1/contracts/${signed.id}/evaluation`, { scores })).statusCode).toBe(200);
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
