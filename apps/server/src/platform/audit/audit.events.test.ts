import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-app.js';
import { AuditEventCatalogue } from './audit.events.js';

const label = (zh: string, en: string) => ({ 'zh-CN': zh, 'en-US': en });

describe('audit event catalogue', () => {
  const catalogue = new AuditEventCatalogue([
    { user: { label: label('用户', 'User'), actions: { create: label('新增', 'Created') } } },
    {
      user: {
        label: label('用户', 'User'),
        actions: { change_password: label('修改密码', 'Password changed') },
      },
    },
  ]);

  it('merges the actions two modules declare on one kind of record, and labels them per language', () => {
    expect(catalogue.has('user', 'create')).toBe(true);
    expect(catalogue.has('user', 'change_password')).toBe(true);
    expect(catalogue.has('user', 'delete')).toBe(false);
    expect(catalogue.labels('user', 'change_password', 'zh-CN')).toEqual({
      entityTypeLabel: '用户',
      actionLabel: '修改密码',
    });
    expect(catalogue.labels('user', 'create', 'en-US')).toEqual({
      entityTypeLabel: 'User',
      actionLabel: 'Created',
    });
  });

  it('shows an undeclared code as itself (old entries), and refuses an event declared twice', () => {
    expect(catalogue.labels('gone', 'purged', 'zh-CN')).toEqual({
      entityTypeLabel: 'gone',
      actionLabel: 'purged',
    });
    const twice = { role: { label: label('角色', 'Role'), actions: { create: label('新增', 'Created') } } };
    expect(() => new AuditEventCatalogue([twice, twice])).toThrow('Audit event role.create declared twice');
  });
});

describeEachDialect('audit labels through the API', (t) => {
  it('labels every entry of the demo in the reader’s language, never a raw code', async () => {
    const admin = await t().login('admin');
    const zh = (await admin.get('/api/v1/audit?pageSize=100')).json();
    expect(zh.items.length).toBeGreaterThan(20);
    const login = zh.items.find((e: { entityType: string; action: string }) => e.action === 'login');
    expect(login).toMatchObject({ entityType: 'session', entityTypeLabel: '登录会话', actionLabel: '登录' });
    for (const entry of zh.items) {
      expect(entry.actionLabel).not.toBe(entry.action);
      expect(entry.entityTypeLabel).not.toBe(entry.entityType);
    }
    // A reader whose language is English (the session's locale is the user's setting).
    const english = { ...(await admin.context(t().services)), locale: 'en-US' as const };
    const en = await t().services.audit.list(english, {
      page: 1,
      pageSize: 1,
      entityType: 'session',
      action: 'login',
    });
    expect(en.items[0]).toMatchObject({ entityTypeLabel: 'Session', actionLabel: 'Signed in' });
  });

  it('lists the kinds of record and actions for the filters, to holders of audit.view only', async () => {
    const admin = await t().login('admin');
    const types = (await admin.get('/api/v1/audit/event-types')).json().items as {
      entityType: string;
      actions: { action: string; label: string }[];
    }[];
    const contract = types.find((type) => type.entityType === 'contract');
    expect(contract?.actions).toContainEqual({ action: 'sign', label: '签订' });
    const clerk = await t().login('wang.fang');
    expect((await clerk.get('/api/v1/audit/event-types')).statusCode).toBe(403);
  });
});
