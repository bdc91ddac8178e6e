import { expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-app.js';

const api = '/api/v1';

describeEachDialect('notifications: in-app centre and notify', (t) => {
  const userId = async (username: string) => (await t().given.userByUsername(username)).id;
  const jobsOfType = (type: string) =>
    t().services.db.selectFrom('job').selectAll().where('type', '=', type).execute();

  it('shows the demo welcome message to every demo user, with an unread count', async () => {
    const client = await t().login('wu.min');
    const count = await client.get(`${api}/notifications/unread-count`);
    expect(count.json()).toEqual({ count: 1 });
    const list = (await client.get(`${api}/notifications`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ kind: 'system.welcome', title: '欢迎使用 Concord', readAt: null });
  });

  it('writes in-app rows and queues robot jobs in the caller transaction; a rollback leaves nothing', async () => {
    const { services } = t();
    const ctx = services.systemContext('test');
    const recipient = await userId('zhou.qiang');
    const entity = await t().given.entityByCode('TECH');
    const robot = await services.robots.create(ctx, {
      entityId: entity.id,
      name: 'Tech robot',
      kind: 'wecom',
      webhookUrl: 'http://127.0.0.1:9/never',
      secret: null,
      locale: 'en-US',
      enabled: true,
    });
    const robotJobsBefore = (await jobsOfType('notifications.robot')).length;
    const client = await t().login('zhou.qiang');
    const unreadBefore = (await client.get(`${api}/notifications/unread-count`)).json().count;

    await expect(
      services.db.transaction().execute(async (trx) => {
        await services.notifications.notify(trx, ctx, {
          recipients: [recipient],
          template: 'approval.pending',
          params: { subject: 'Rolled back', applicant: 'X' },
          entityId: entity.id,
        });
        throw new Error('the approval failed');
      }),
    ).rejects.toThrow('the approval failed');
    expect((await client.get(`${api}/notifications/unread-count`)).json().count).toBe(unreadBefore);
    expect(await jobsOfType('notifications.robot')).toHaveLength(robotJobsBefore);

    const ids = await services.db.transaction().execute((trx) =>
      services.notifications.notify(trx, ctx, {
        recipients: [recipient, recipient],
        template: 'approval.pending',
        params: { subject: '采购申请 PR-001', applicant: '张伟' },
        link: '/procurement/requests/1',
        entityId: entity.id,
      }),
    );
    expect(ids).toHaveLength(1);
    expect((await client.get(`${api}/notifications/unread-count`)).json().count).toBe(unreadBefore + 1);
    const robotJobs = await jobsOfType('notifications.robot');
    expect(robotJobs).toHaveLength(robotJobsBefore + 1);
    const raw = robotJobs.at(-1)!.payload;
    const payload = typeof raw === 'string' ? JSON.parse(raw) : raw;
    expect(payload).toMatchObject({ robotId: robot.id, title: 'Awaiting your approval: 采购申请 PR-001' });
    // Without SMTP_URL no e-mail is queued.
    expect(await jobsOfType('notifications.email')).toHaveLength(0);
    await services.robots.update(ctx, robot.id, { enabled: false });
  });

  it('renders in the reader language, filters unread, marks one and all read', async () => {
    const { services } = t();
    const ctx = services.systemContext('test');
    const recipient = await userId('lin.feng');
    await services.db.transaction().execute((trx) =>
      services.notifications.notify(trx, ctx, {
        recipients: [recipient],
        template: 'approval.rejected',
        params: { subject: 'Trip', reason: 'budget' },
        link: '/expenses/1',
      }),
    );
    const client = await t().login('lin.feng');
    const unread = (await client.get(`${api}/notifications?unread=true`)).json();
    expect(unread.total).toBe(2);
    const rejected = unread.items.find((n: { kind: string }) => n.kind === 'approval.rejected');
    expect(rejected).toMatchObject({
      title: 'Rejected: Trip',
      body: 'Your "Trip" was rejected: budget',
      link: '/expenses/1',
    });

    const read = await client.post(`${api}/notifications/${rejected.id}/read`, {});
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await client.get(`${api}/notifications/unread-count`)).json().count).toBe(1);
    expect((await client.get(`${api}/notifications?unread=true`)).json().total).toBe(1);
    expect((await client.get(`${api}/notifications`)).json().total).toBe(2);

    expect((await client.post(`${api}/notifications/read-all`, {})).json()).toEqual({ count: 1 });
    expect((await client.get(`${api}/notifications/unread-count`)).json().count).toBe(0);
    const audit = await services.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'notification')
      .where('action', 'in', ['read', 'readAll'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(expect.arrayContaining(['read', 'readAll']));
  });

  it("never shows a user another user's notification (404)", async () => {
    const owner = await t().login('sun.li');
    const other = await t().login('xu.tao');
    const unreadBefore = (await owner.get(`${api}/notifications/unread-count`)).json().count;
    const mine = (await owner.get(`${api}/notifications`)).json().items[0];
    const response = await other.post(`${api}/notifications/${mine.id}/read`, {});
    expect(response.statusCode).toBe(404);
    expect((await other.get(`${api}/notifications`)).body).not.toContain(mine.id);
    expect((await owner.get(`${api}/notifications/unread-count`)).json().count).toBe(unreadBefore);
  });

  it('keeps channel preferences per user, audited', async () => {
    const client = await t().login('huang.lei');
    expect((await client.get(`${api}/notifications/preferences`)).json()).toEqual({
      emailEnabled: true,
      emailConfigured: false,
      email: 'huang.lei@concord.example',
    });
    const updated = await client.put(`${api}/notifications/preferences`, { emailEnabled: false });
    expect(updated.json().emailEnabled).toBe(false);
    expect((await client.get(`${api}/notifications/preferences`)).json().emailEnabled).toBe(false);
    expect(
      (
        await t()
          .login('ma.chao')
          .then((c) => c.get(`${api}/notifications/preferences`))
      ).json().emailEnabled,
    ).toBe(true);
    const entry = await t()
      .services.db.selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'notification_preference')
      .where('entity_id', '=', await userId('huang.lei'))
      .executeTakeFirst();
    expect(entry?.action).toBe('update');
  });

  it('refuses an unknown template', async () => {
    const { services } = t();
    await expect(
      services.db.transaction().execute((trx) =>
        services.notifications.notify(trx, services.systemContext('test'), {
          recipients: [],
          template: 'no.such.template',
        }),
      ),
    ).rejects.toThrow(/Unknown notification template/);
  });
});
