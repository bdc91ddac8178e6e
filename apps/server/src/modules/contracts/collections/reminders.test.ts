/**
 * Contract reminders with a manual clock: the daily scan notifies the owner (and the department
 * head) of an in-force contract ending within its category's reminder days, once per end date, and
 * the borrower and archivist of an overdue borrow, once a day until it comes back.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/jobs/index.js';
import { describeEachDialect } from '../../../testing/test-app.js';
import { patchContract, testCategory, testContract, userWith } from '../archive/archive.testing.js';

const DAY = 24 * 3600 * 1000;
// 09:00 in Beijing on 1 March 2026: when each dialect's app is built and its daily scan first due.
const START = '2026-03-01T01:00:00.000Z'; // 09:00 in Beijing
// The app is built (and declares its schedules) at 08:00 Beijing time, before the daily 08:30 scan.
const BUILT = '2026-03-01T00:00:00.000Z';
const clock = new ManualClock(BUILT);

describeEachDialect(
  'contract reminders',
  (t) => {
    let owner: { id: string };
    let head: { id: string };
    let archivist: { id: string };
    let borrower: { id: string };
    let categoryId: string;

    beforeAll(async () => {
      owner = await t().given.userByUsername('wu.min');
      head = await t().given.userByUsername('feng.bo'); // head of CONS ENG-1
      archivist = await t().given.userByUsername('zheng.hao');
      borrower = await t().given.userByUsername('zhou.qiang');
      categoryId = (await testCategory(t(), 30)).id;
    });
    // The clock is shared by the dialects' suites: the next app is built (and schedules) at the start again.
    afterAll(() => clock.set(BUILT));

    /** Notifications of one kind about one record, per recipient. */
    async function notices(template: string, link: string) {
      const rows = await t()
        .services.db.selectFrom('notification_item')
        .select(['recipient_id', 'params'])
        .where('kind', '=', template)
        .where('link', '=', link)
        .execute();
      return rows.map((r) => ({
        recipient: r.recipient_id as string,
        params: typeof r.params === 'string' ? JSON.parse(r.params) : r.params,
      }));
    }

    /** One day of the runner: the scan, then the notices it queued (and anything else due). */
    async function runDay() {
      for (let round = 0; round < 50; round++) {
        if ((await t().services.jobRunner.tick()).ran === 0) return;
      }
      throw new Error('the job runner never ran dry');
    }

    const contract = (status: string, endDate: string | null, category = categoryId) =>
      testContract(t(), {
        entity: 'CONS',
        department: 'ENG-1',
        owner: 'wu.min',
        status,
        endDate,
        categoryId: category,
      });

    it('reminds of an expiring contract once per end date, within the category’s days only', async () => {
      clock.set(START);
      const soon = await contract('IN_FORCE', '2026-03-20'); // 19 days: within 30
      const edge = await contract('IN_FORCE', '2026-03-31'); // exactly 30 days
      const later = await contract('IN_FORCE', '2026-04-15'); // 45 days
      const past = await contract('IN_FORCE', '2026-02-27'); // already ended
      const closed = await contract('COMPLETED', '2026-03-10');
      const noEnd = await contract('IN_FORCE', null);
      const silentCategory = (await testCategory(t(), 0)).id;
      const silent = await contract('IN_FORCE', '2026-03-05', silentCategory);
      const shortCategory = (await testCategory(t(), 3)).id;
      const short = await contract('IN_FORCE', '2026-03-10', shortCategory); // 9 days, category says 3

      await runDay();
      const first = await notices('contract.expiring', `/contracts/${soon}`);
      expect(first.map((n) => n.recipient).sort()).toEqual([owner.id, head.id].sort());
      expect(first[0].params).toMatchObject({ endDate: '2026-03-20', days: 19 });
      expect(first[0].params.contract).toContain('测试合同');
      expect((await notices('contract.expiring', `/contracts/${edge}`)).length).toBe(2);
      for (const id of [later, past, closed, noEnd, silent, short])
        expect(await notices('contract.expiring', `/contracts/${id}`), id).toEqual([]);

      // The next days: nothing new for the same end date; the short category's contract comes into range.
      for (let day = 1; day <= 7; day++) {
        clock.advance(DAY);
        await runDay();
      }
      expect((await notices('contract.expiring', `/contracts/${soon}`)).length).toBe(2);
      const shortNotices = await notices('contract.expiring', `/contracts/${short}`);
      expect(shortNotices.length).toBe(2);
      expect(shortNotices[0].params).toMatchObject({ endDate: '2026-03-10', days: 3 });

      // Extended by a change: the new end date is reminded of again when it comes near.
      await patchContract(t(), soon, { end_date: '2026-04-05' });
      clock.advance(DAY);
      await runDay();
      const extended = await notices('contract.expiring', `/contracts/${soon}`);
      expect(extended.length).toBe(4);
      expect(extended.map((n) => n.params.endDate).sort()).toEqual([
        '2026-03-20',
        '2026-03-20',
        '2026-04-05',
        '2026-04-05',
      ]);
    });

    it('reminds borrower and archivist of an overdue borrow once a day until it is returned', async () => {
      clock.set('2026-06-01T01:00:00.000Z');
      const keeper = (
        await userWith(t(), {
          entity: 'CONS',
          department: 'MGT',
          permissions: ['contract.view', 'contract.archive'],
        })
      ).client;
      const id = await contract('IN_FORCE', '2027-12-31');
      const onTime = await contract('IN_FORCE', '2027-12-31');
      for (const contractId of [id, onTime]) {
        const saved = await keeper.put(`/api/v1/contracts/${contractId}/archive`, {
          location: '档案室 C 柜',
          boxNumber: 'B-01',
          archivistId: archivist.id,
          archivedDate: '2026-05-01',
          copies: 1,
        });
        expect(saved.statusCode, saved.body).toBe(200);
      }
      const borrow = (
        await keeper.post(`/api/v1/contracts/${id}/borrows`, {
          borrowerId: borrower.id,
          borrowedDate: '2026-05-20',
          dueDate: '2026-05-30',
          purpose: '审计抽查',
        })
      ).json();
      await keeper.post(`/api/v1/contracts/${onTime}/borrows`, {
        borrowerId: borrower.id,
        borrowedDate: '2026-05-20',
        dueDate: '2026-06-01',
        purpose: '审计抽查',
      });
      const link = `/contracts/${id}?tab=archive`;

      await runDay();
      const first = await notices('contract.borrowOverdue', link);
      expect(first.map((n) => n.recipient).sort()).toEqual([borrower.id, archivist.id].sort());
      expect(first[0].params).toMatchObject({ borrower: '周强', dueDate: '2026-05-30', days: 2 });
      expect(await notices('contract.borrowOverdue', `/contracts/${onTime}?tab=archive`)).toEqual([]);

      // Several runs on the same day add nothing.
      clock.advance(3600 * 1000);
      await runDay();
      await runDay();
      expect((await notices('contract.borrowOverdue', link)).length).toBe(2);

      clock.advance(DAY);
      await runDay();
      const second = await notices('contract.borrowOverdue', link);
      expect(second.length).toBe(4);
      expect(second.map((n) => n.params.days).sort()).toEqual([2, 2, 3, 3]);
      // Due today is not overdue yet; tomorrow it is.
      expect((await notices('contract.borrowOverdue', `/contracts/${onTime}?tab=archive`)).length).toBe(2);

      await keeper.post(`/api/v1/contract-borrows/${borrow.id}/return`, { returnedDate: '2026-06-02' });
      clock.advance(DAY);
      await runDay();
      expect((await notices('contract.borrowOverdue', link)).length).toBe(4);

      // The message reads in each recipient's language.
      const reader = await t().login('zhou.qiang');
      const inbox = (await reader.get('/api/v1/notifications?pageSize=50')).json();
      const item = inbox.items.find((n: any) => n.link === link);
      expect(item.title).toContain('合同原件借阅逾期');
      expect(item.body).toContain('已逾期');
    });
  },
  { demo: true, clock },
);
