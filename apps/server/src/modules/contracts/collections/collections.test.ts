/**
 * Collections on a manual clock: the pure collection steps, and the daily scan that reminds before
 * a due date and escalates after it (owner → department head → finance) on the configured days, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/jobs/index.js';
import { describeEachDialect } from '../../../testing/test-app.js';
import { patchContract, testCategory, testContract, userWith } from '../archive/archive.testing.js';
import { type CollectionSettings, collectionStep, DEFAULT_COLLECTION_SETTINGS } from './collections.jobs.js';
import {
  DAY,
  execution,
  notices as noticesOf,
  runDay as runDayOf,
  START,
  seedConsExecutionSettings,
} from './collections.testing.js';

const clock = new ManualClock(START);

describe('collection steps', () => {
  const settings: CollectionSettings = {
    remindBeforeDays: [7, 1],
    ownerAfterDays: 0,
    headAfterDays: 7,
    financeAfterDays: 15,
  };
  it('reminds on the configured days before, then escalates owner → head → finance after the due date', () => {
    const due = '2026-03-20';
    expect(collectionStep(settings, '2026-03-12', due)).toBeNull(); // 8 days before
    expect(collectionStep(settings, '2026-03-13', due)).toBe('before:7');
    expect(collectionStep(settings, '2026-03-15', due)).toBe('before:7'); // same step: deduplicated
    expect(collectionStep(settings, '2026-03-19', due)).toBe('before:1');
    expect(collectionStep(settings, '2026-03-20', due)).toBe('owner'); // due today, owner after 0 days
    expect(collectionStep(settings, '2026-03-26', due)).toBe('owner');
    expect(collectionStep(settings, '2026-03-27', due)).toBe('head');
    expect(collectionStep(settings, '2026-04-04', due)).toBe('finance');
    // A month past the last escalation the scan stops looking.
    expect(collectionStep(settings, '2026-05-04', due)).toBe('finance');
    expect(collectionStep(settings, '2026-05-05', due)).toBeNull();
  });

  it('waits for the owner day when it is later than the due date, and uses the defaults', () => {
    const late = { ...settings, ownerAfterDays: 3 };
    expect(collectionStep(late, '2026-03-21', '2026-03-20')).toBeNull();
    expect(collectionStep(late, '2026-03-23', '2026-03-20')).toBe('owner');
    expect(DEFAULT_COLLECTION_SETTINGS).toEqual({
      remindBeforeDays: [7, 1],
      ownerAfterDays: 0,
      headAfterDays: 7,
      financeAfterDays: 15,
    });
  });
});

describeEachDialect(
  'contract collection reminders',
  (t) => {
    const x = execution(t);
    let categoryId: string;
    const runDay = () => runDayOf(t());
    const notices = (link: string) => noticesOf(t(), link);

    beforeAll(async () => {
      clock.set(START);
      await seedConsExecutionSettings(t());
      categoryId = (await testCategory(t(), 0)).id;
    });
    afterAll(() => clock.set(START));

    it('reminds before the due date and escalates owner → head → finance on the configured days, once each', async () => {
      const owner = await t().given.userByUsername('wu.min');
      const head = await t().given.userByUsername('feng.bo'); // head of CONS ENG-1
      const finance = await userWith(t(), {
        entity: 'CONS',
        department: 'FIN',
        permissions: ['contract.view', 'contract.pay'],
      });
      const contract = await testContract(t(), {
        entity: 'CONS',
        department: 'ENG-1',
        owner: 'wu.min',
        status: 'IN_FORCE',
        categoryId,
        amount: 100_000,
        name: 'X6 催收合同',
      });
      await patchContract(t(), contract, { direction: 'INCOME' });
      const item = await x.item(contract, 1, '2026-03-10', 100_000);
      const paidItem = await x.item(contract, 2, '2026-03-10', 0);
      await x.refresh(contract);
      const link = `/contracts/${contract}?tab=schedule`;

      clock.set(START);
      const seen: Record<string, { kind: string; recipients: string[]; days: number }[]> = {};
      let before = 0;
      for (let day = 1; day <= 20; day++) {
        await runDay();
        const all = await notices(link);
        const today = `2026-03-${String(day).padStart(2, '0')}`;
        const fresh = all.slice(before);
        before = all.length;
        if (fresh.length) {
          const kinds = [...new Set(fresh.map((n) => n.kind))];
          seen[today] = kinds.map((kind) => ({
            kind,
            recipients: fresh
              .filter((n) => n.kind === kind)
              .map((n) => n.recipient)
              .sort(),
            days: fresh.find((n) => n.kind === kind)!.params.days,
          }));
        }
        clock.advance(DAY);
      }
      const financeHolders = seen['2026-03-18']?.[0]?.recipients ?? [];
      expect(financeHolders).toContain(finance.id);
      expect(financeHolders).not.toContain(head.id);
      expect(seen).toEqual({
        '2026-03-05': [{ kind: 'contract.receivableDue', recipients: [owner.id], days: 5 }],
        '2026-03-08': [{ kind: 'contract.receivableDue', recipients: [owner.id], days: 2 }],
        '2026-03-11': [{ kind: 'contract.receivableOverdue', recipients: [owner.id], days: 1 }],
        '2026-03-14': [{ kind: 'contract.receivableOverdue', recipients: [head.id], days: 4 }],
        '2026-03-18': [{ kind: 'contract.receivableOverdue', recipients: financeHolders, days: 8 }],
      });
      // The item with nothing to collect was never reminded of.
      expect(paidItem).toBeTruthy();
      const [escalated] = (await notices(link)).filter((n) => n.recipient === head.id);
      expect(escalated.params).toMatchObject({
        amount: '¥1,000.00',
        days: 4,
        dueDate: '2026-03-10',
        item: '第1期',
      });
      const inbox = (await (await t().login('feng.bo')).get('/api/v1/notifications?pageSize=50')).json();
      const body = inbox.items.find((n: { link: string }) => n.link === link)?.body as string;
      expect(body).toContain('逾期 4 天');
      expect(body).toContain('¥1,000.00');

      // Paid in full: no more reminders even when the scan runs again.
      await x.money(contract, item, 'RECEIPT', 'RECEIVED', 100_000);
      await x.refresh(contract);
      clock.set('2026-04-05T01:00:00.000Z');
      await runDay();
      expect((await notices(link)).length).toBe(before);
      clock.set(START);
    });
  },
  { demo: true, clock },
);
