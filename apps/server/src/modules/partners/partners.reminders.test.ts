import { businessDate, type Notification, type PartnerDetail } from '@concord/contracts';
import { afterAll, expect, it } from 'vitest';
import { ManualClock } from '../../platform/jobs/index.js';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';

const START = '2026-03-01T01:00:00.000Z'; // 09:00 in China
// The app is built (and declares its schedules) at 08:00 in China, before the daily 08:30 scan.
const BUILT = '2026-03-01T00:00:00.000Z';
const day = 86_400_000;
const clock = new ManualClock(BUILT);

describeEachDialect(
  'partner qualification reminders',
  (t) => {
    const expiring = async (client: ApiClient): Promise<Notification[]> => {
      const page = (await client.get('/api/v1/notifications?pageSize=100')).json();
      return page.items.filter((n: Notification) => n.kind === 'partner.qualificationExpiring');
    };
    // The next dialect's suite seeds its demo data at the start again.
    afterAll(() => clock.set(BUILT));

    /** Runs the job runner until it has nothing left to do now. */
    const runJobs = async () => {
      for (let round = 0; round < 5; round++) {
        if ((await t().services.jobRunner.tick()).ran === 0) return;
      }
    };

    it('reminds the owner and the partner managers 30 days ahead, once', async () => {
      const { given } = t();
      const world = await given.world();
      // A partner of the test's own company, registered by its registrar (its owner), with one
      // qualification ending 20 days after today (2026-03-21) and one already expired.
      const steel = await given.partner({
        name: '提醒测试钢结构工程有限公司',
        qualifications: [
          { type: '建筑业企业资质证书', number: 'D232045678', validTo: '2026-03-21' },
          { type: '安全生产许可证', number: 'AQ-2023-1', validTo: '2026-02-14' },
        ],
      });
      const ours = (items: Notification[]) => items.filter((n) => n.title.endsWith(steel.name));
      const owner = await t().login(world.registrar.username, world.registrar.password);

      clock.set(START);
      await runJobs();
      const first = ours(await expiring(owner));
      expect(first.map((n) => [n.title, n.body, n.link])).toEqual([
        [
          '资质即将到期：提醒测试钢结构工程有限公司',
          '合作伙伴“提醒测试钢结构工程有限公司”的资质“建筑业企业资质证书”（编号 D232045678）将于 2026-03-21 到期，还剩 20 天，请及时更新。',
          `/partners/${steel.id}`,
        ],
      ]);
      // The approver holds partner.manage in the company too; 协和科技's he.jun hears nothing of it.
      const manager = await t().login(world.approver.username, world.approver.password);
      expect(ours(await expiring(manager))).toHaveLength(1);
      expect(ours(await expiring(await t().login('he.jun')))).toHaveLength(0);

      // The next day's scan finds the same qualification and threshold: nothing new.
      clock.advance(day);
      await runJobs();
      expect(ours(await expiring(owner))).toHaveLength(1);

      // At 7 days left the second threshold is reached: one more reminder.
      clock.set(new Date(Date.parse(START) + 13 * day));
      await runJobs();
      const second = ours(await expiring(owner));
      expect(second).toHaveLength(2);
      expect(second[0].body).toContain('还剩 7 天');
    });

    it('reminds afresh of a renewed end date, and not of a removed qualification', async () => {
      const legal = await t().login('wang.fang');
      const partner = (
        await legal.post('/api/v1/partners', { name: '续期测试', type: 'individual', kinds: ['supplier'] })
      ).json() as PartnerDetail;
      const today = businessDate(clock.now());
      const inDays = (n: number) => new Date(Date.parse(today) + n * day).toISOString().slice(0, 10);
      const kept = (
        await legal.post(`/api/v1/partners/${partner.id}/qualifications`, {
          type: '资质甲',
          validTo: inDays(25),
        })
      ).json();
      const removed = (
        await legal.post(`/api/v1/partners/${partner.id}/qualifications`, {
          type: '资质乙',
          validTo: inDays(29),
        })
      ).json();
      clock.advance(day);
      // The scan queues both; 资质乙 is removed before its reminder runs.
      await t().services.qualificationReminders.scan(clock.now());
      await legal.delete(`/api/v1/partners/qualifications/${removed.id}`);
      await runJobs();
      const mine = () => expiring(legal).then((items) => items.filter((n) => n.title.endsWith('续期测试')));
      expect((await mine()).map((n) => n.body.match(/资质“(.+?)”/)![1])).toEqual(['资质甲']);

      await legal.patch(`/api/v1/partners/qualifications/${kept.id}`, { validTo: inDays(28) });
      clock.advance(day);
      await runJobs();
      expect((await mine()).map((n) => n.body.match(/将于 (\S+) 到期/)![1])).toEqual([
        inDays(28),
        inDays(25),
      ]);
    });
  },
  { demo: true, clock },
);
