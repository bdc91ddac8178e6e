/**
 * A contract's currency reaches the approval engine (ADR 0007): a USD contract on a flow whose
 * amount condition is stated in CNY is refused at submission with a 409 problem+json naming both
 * currencies in the user's language (the en-US text: workflow.currency.test.ts), and stays an
 * unnumbered draft; a CNY contract routes as before. Messages name amounts in the contract's currency.
 */
import { randomUUID } from 'node:crypto';
import type { WfFlow } from '@concord/contracts';
import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import {
  type ContractFixture,
  expectProblem,
  givenContract,
  publishContractFlows,
} from '../contracts.testing.js';

describeEachDialect('contract currency in approvals', (t) => {
  let f: ContractFixture;
  let creator: ApiClient;

  beforeAll(async () => {
    const { services } = t();
    const system = services.systemContext('test');
    f = await publishContractFlows(t());
    creator = await t().login('feng.bo');
    const step = (id: string, userId: string) => ({
      id,
      name: id,
      type: 'approval',
      assignee: { users: [userId] },
      mode: 'or',
    });
    const flow = {
      schemaVersion: 1,
      settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
      root: {
        id: 'start',
        name: '发起',
        type: 'start',
        next: {
          id: 'amount',
          name: '金额条件',
          type: 'condition',
          branches: [
            {
              id: 'big',
              name: '≥ 100 万元',
              priority: 1,
              when: { field: 'amount', op: 'gte', value: 100_000_000, currency: 'CNY' },
              next: step('gm', f.users.zhaoLei),
            },
            { id: 'other', name: '其他', priority: 2, next: step('review', f.users.zhouQiang) },
          ],
        },
      },
    } as unknown as WfFlow;
    const key = `cur-sign-${randomUUID().slice(0, 6)}`;
    const definition = await services.workflowDefinitions.create(system, {
      key,
      name: '按金额审批（人民币）',
      businessType: 'contract.sign',
      flow,
    } as never);
    await services.workflowDefinitions.publish(system, definition.id);
    await services.contractCategories.update(system, f.category.id, { flowKey: key });
  });

  it('refuses a USD contract on a flow with a CNY amount condition, in the user’s language, and keeps the draft', async () => {
    const draft = await givenContract(creator, f, { currency: 'USD', amount: 200_000_000 });
    const zh = expectProblem(
      await creator.post(`/api/v1/contracts/${draft.id}/submit`, {}),
      409,
      'WF_CURRENCY_MISMATCH',
    );
    expect(zh.detail).toBe(
      '审批流程「按金额审批（人民币）」的金额条件以 CNY 设定，不能比较 USD 金额的单据；请管理员为 USD 配置审批流程',
    );
    const after = (await creator.get(`/api/v1/contracts/${draft.id}`)).json();
    expect(after).toMatchObject({ status: 'DRAFT', number: null, currency: 'USD' });
  });

  it('routes a CNY contract by the same condition', async () => {
    const draft = await givenContract(creator, f, { currency: 'CNY', amount: 200_000_000 });
    const submitted = await creator.post(`/api/v1/contracts/${draft.id}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    const { services } = t();
    const instance = await services.db
      .selectFrom('wf_instance')
      .select(['amount', 'currency'])
      .where('id', '=', submitted.json().instanceId)
      .executeTakeFirstOrThrow();
    expect(instance).toEqual({ amount: 200_000_000, currency: 'CNY' });
    const gm = await t().login('zhao.lei');
    const todo = (await gm.get('/api/v1/workflow/tasks?tab=todo')).json();
    expect(todo.items.map((i: { instanceId: string }) => i.instanceId)).toContain(
      submitted.json().instanceId,
    );
  });

  it('names amounts in the contract’s own currency in its messages', async () => {
    // On the other test category, whose flow has no amount condition.
    const draft = await givenContract(creator, f, {
      categoryId: f.otherCategory.id,
      currency: 'USD',
      amount: 1_130_000,
    });
    const short = expectProblem(
      await creator.put(`/api/v1/contracts/${draft.id}/schedule`, {
        lockVersion: draft.lockVersion,
        items: [
          { name: '预付款', dueDate: '2026-03-01', amount: 1_000_000, percentage: null, condition: null },
        ],
      }),
      400,
      'CONTRACT_PLAN_SUM',
    );
    expect(short.detail).toBe(
      '计划金额合计 US$10,000.00 与合同应执行金额 US$11,300.00 不一致（相差 -US$1,300.00），请调整计划',
    );
  });
});
