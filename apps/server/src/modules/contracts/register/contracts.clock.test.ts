/**
 * The register writes its instants by the app's clock (the one PlatformPorts injects), not the
 * machine's: with a manual clock, drafts, submissions, versions, categories and plan lines carry the
 * clock's instant, so time-dependent tests and the demo seed see one time everywhere.
 */
import { expect, it } from 'vitest';
import { ManualClock } from '../../../platform/jobs/index.js';
import { describeEachDialect } from '../../../testing/test-app.js';
import { type ContractFixture, givenContract, publishContractFlows } from '../contracts.testing.js';

// Far from the machine's time, so an instant taken from the machine's clock cannot pass.
const START = '2026-03-01T01:00:00.000Z';
const LATER = '2026-03-02T03:30:00.000Z';
const clock = new ManualClock(START);

describeEachDialect(
  'contract register instants',
  (t) => {
    it('stamps a draft, its submission and the submitted version with the clock', async () => {
      clock.set(START);
      const f: ContractFixture = await publishContractFlows(t());
      const creator = await t().login('feng.bo');
      const draft = await givenContract(creator, f);
      expect(draft).toMatchObject({ createdAt: START, updatedAt: START });

      clock.set(LATER);
      const submitted = await creator.post(`/api/v1/contracts/${draft.id}/submit`, {});
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(submitted.json()).toMatchObject({ status: 'IN_APPROVAL', createdAt: START, updatedAt: LATER });
      const versions = (await creator.get(`/api/v1/contracts/${draft.id}/versions`)).json();
      expect(versions).toEqual([expect.objectContaining({ reason: 'SUBMIT', createdAt: LATER })]);
    });

    it('stamps categories and plan lines with the clock', async () => {
      clock.set(START);
      const { services, given } = t();
      const system = services.systemContext('test');
      const category = await services.contractCategories.create(system, {
        code: `CLOCK-${Date.now().toString(36).toUpperCase()}`,
        name: '时钟测试类别',
        parentId: null,
        direction: 'EXPENSE',
        numberRuleId: null,
        flowKey: null,
        requiredAttachmentTypes: [],
        fields: [],
        expiryReminderDays: 0,
        active: true,
        sortOrder: 0,
        description: null,
      });
      expect(category).toMatchObject({ createdAt: START, updatedAt: START });

      clock.set(LATER);
      const department = await given.departmentByCode('CONS', 'ENG');
      const line = await services.contractPlans.create(system, {
        year: 2027,
        entityId: department.entityId,
        departmentId: department.id,
        categoryId: category.id,
        name: '时钟测试规划',
        plannedAmount: 100_000,
        currency: 'CNY',
        projectRef: null,
        note: null,
      });
      expect(line).toMatchObject({ createdAt: LATER, updatedAt: LATER });
    });
  },
  { demo: true, clock },
);
