/**
 * The contract register on a real database, drafts: registering one with the tax split, the
 * validation of amounts, dates, categories, partners, departments and owners, editing with the lock
 * version, deleting, and scope.
 */
import { splitTax } from '@concord/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { type ContractFixture, draftBody, expectProblem, givenContract } from '../contracts.testing.js';
import { registerCast } from './register.testing.js';

describeEachDialect('contract register', (t) => {
  let f: ContractFixture;
  let creator: ApiClient; // 冯波: head of CONS ENG-1, contract.create over his department
  let techUser: ApiClient; // 林峰: TECH staff, en-US

  beforeAll(async () => {
    ({ f, creator, techUser } = await registerCast(t()));
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

    it('keeps the kind of a 0% rate (免税, 不征税, 零税率) and refuses one beside another rate, in the reader’s language', async () => {
      const exempt = await givenContract(creator, f, { taxRate: 0, taxExemption: 'EXEMPT' });
      expect(exempt).toMatchObject({ taxRate: 0, taxExemption: 'EXEMPT', taxAmount: 0 });
      expect((await givenContract(creator, f)).taxExemption).toBeNull();
      const refused = expectProblem(
        await creator.post('/api/v1/contracts', draftBody(f, { taxRate: 1300, taxExemption: 'ZERO_RATED' })),
        400,
        'VALIDATION_FAILED',
      );
      expect(refused.detail).toContain('免税、不征税或零税率时税率应为 0%');
      expect(refused.errors?.map((e) => e.path)).toEqual(['taxExemption']);
      expectProblem(
        await creator.post('/api/v1/contracts', draftBody(f, { taxRate: 0, taxExemption: 'FREE' })),
        400,
        'VALIDATION_FAILED',
      );
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
      expect(usable.statusCode, usable.body).toBe(201);
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
      expect(res.statusCode, res.body).toBe(204);
      expectProblem(await creator.get(`/api/v1/contracts/${draft.id}`), 404, 'NOT_FOUND');
    });

    it('hides a CONS contract from a TECH user', async () => {
      const draft = await givenContract(creator, f);
      expectProblem(await techUser.get(`/api/v1/contracts/${draft.id}`), 404, 'NOT_FOUND');
    });
  });
});
