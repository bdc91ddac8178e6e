/**
 * The contract register on a real database, submission and approval: numbering at submission, the
 * approval round trip through the engine (status changes in the engine's transaction), rejection and
 * withdrawal back to draft, approver edits becoming versions and their compare, illegal transitions
 * in both languages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { actOnApproval } from '../../../testing/approvals.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import {
  approveAll,
  type ContractFixture,
  draftBody,
  expectProblem,
  givenContract,
  todayOf,
} from '../contracts.testing.js';
import { registerCast } from './register.testing.js';

describeEachDialect('contract register', (t) => {
  let f: ContractFixture;
  let creator: ApiClient; // 冯波: head of CONS ENG-1, contract.create over his department
  let reviewer: ApiClient; // 周强: first step, may edit the body
  let gm: ApiClient; // 赵磊: CONS general manager, second step, contract.manage
  let techUser: ApiClient; // 林峰: TECH staff, en-US

  beforeAll(async () => {
    ({ f, creator, reviewer, gm, techUser } = await registerCast(t()));
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
      // ...and links to the contract's page, on its approval tab.
      expect(instance.documentLink).toBe(`/contracts/${first.id}?tab=approval`);
      // The designer names the contract module's business types (合同审批, not contract.sign).
      const admin = await t().login('admin');
      const types = (await admin.get('/api/v1/workflow/business-types')).json();
      expect(types).toEqual(
        expect.arrayContaining([
          { type: 'contract.sign', label: '合同审批' },
          { type: 'contract.settlement', label: '合同结算' },
        ]),
      );
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
});
