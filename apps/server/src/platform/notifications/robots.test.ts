import { allPermissionCodes } from '@concord/contracts';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-app.js';

const api = '/api/v1';

describeEachDialect('notifications: group robot settings', (t) => {
  it('lets an admin create, edit, list and delete robots, never returning the secret, all audited', async () => {
    const admin = await t().login('admin');
    const tech = await t().given.entityByCode('TECH');
    const created = await admin.post(`${api}/notification-robots`, {
      entityId: tech.id,
      name: '研发群',
      kind: 'feishu',
      webhookUrl: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc',
      secret: 's3cret',
    });
    expect(created.statusCode).toBe(201);
    const robot = created.json();
    expect(robot).toMatchObject({
      entityId: tech.id,
      kind: 'feishu',
      hasSecret: true,
      enabled: true,
      locale: 'zh-CN',
    });
    expect(created.body).not.toContain('s3cret');

    const patched = await admin.patch(`${api}/notification-robots/${robot.id}`, {
      secret: null,
      enabled: false,
    });
    expect(patched.json()).toMatchObject({ hasSecret: false, enabled: false });
    const list = (await admin.get(`${api}/notification-robots?entityId=${tech.id}&enabled=false`)).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(robot.id);

    const bad = await admin.post(`${api}/notification-robots`, {
      entityId: tech.id,
      name: 'x',
      kind: 'wecom',
      webhookUrl: 'ftp://example.com/hook',
    });
    expect(bad.statusCode).toBe(400);

    expect((await admin.delete(`${api}/notification-robots/${robot.id}`)).statusCode).toBe(204);
    expect((await admin.get(`${api}/notification-robots/${robot.id}`)).statusCode).toBe(404);
    const actions = await t()
      .services.db.selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'notification_robot')
      .where('entity_id', '=', robot.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(JSON.stringify(actions)).not.toContain('s3cret');
  });

  it('scopes robots by entity: an entity admin sees and manages only their own', async () => {
    const { given } = t();
    const cons = await given.entityByCode('CONS');
    const tech = await given.entityByCode('TECH');
    const role = await given.role({
      permissions: ['notification.robot.view', 'notification.robot.manage'],
      dataScope: 'entity',
    });
    const department = await given.departmentByCode('CONS', 'ENG');
    const user = await given.user({
      departmentId: department.id,
      roles: [{ roleId: role.id, entityId: cons.id }],
    });
    const client = await t().login(user.username, user.password);
    const admin = await t().login('admin');
    const techRobot = (
      await admin.post(`${api}/notification-robots`, {
        entityId: tech.id,
        name: 'Tech',
        kind: 'wecom',
        webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      })
    ).json();

    const own = await client.post(`${api}/notification-robots`, {
      entityId: cons.id,
      name: 'Cons',
      kind: 'dingtalk',
      webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=t',
    });
    expect(own.statusCode).toBe(201);
    const foreign = await client.post(`${api}/notification-robots`, {
      entityId: tech.id,
      name: 'Nope',
      kind: 'dingtalk',
      webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=t',
    });
    expect(foreign.statusCode).toBe(400);
    const list = (await client.get(`${api}/notification-robots?pageSize=200`)).json();
    expect(list.items.every((r: { entityId: string }) => r.entityId === cons.id)).toBe(true);
    expect(list.items).toHaveLength(1);
    for (const response of [
      await client.get(`${api}/notification-robots/${techRobot.id}`),
      await client.patch(`${api}/notification-robots/${techRobot.id}`, { name: 'taken' }),
      await client.post(`${api}/notification-robots/${techRobot.id}/test`, {}),
      await client.delete(`${api}/notification-robots/${techRobot.id}`),
    ]) {
      expect(response.statusCode).toBe(404);
    }
  });

  it('refuses robot settings to users without the permission', async () => {
    const department = await t().given.departmentByCode('CONS', 'ENG');
    const role = await t().given.role({
      permissions: allPermissionCodes.filter((c) => !c.startsWith('notification.')),
      dataScope: 'all',
    });
    const user = await t().given.user({ departmentId: department.id, roles: [{ roleId: role.id }] });
    const client = await t().login(user.username, user.password);
    expect((await client.get(`${api}/notification-robots`)).statusCode).toBe(403);
    // Their own notifications need no permission.
    expect((await client.get(`${api}/notifications`)).statusCode).toBe(200);
  });
});
