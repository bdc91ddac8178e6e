import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { modules } from '../../app.js';
import { describeEachDialect } from '../../testing/test-app.js';
import { AuditEventCatalogue, auditRecord } from './audit.events.js';
import { auditFields } from './audit.payloads.js';

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

describe('audit event payloads', () => {
  const catalogue = new AuditEventCatalogue([
    {
      role: auditRecord('角色', 'Role', {}, ['create', 'update'], {
        '*': auditFields({ name: z.string(), permissions: z.array(z.string()) }),
      }),
      session: auditRecord('登录会话', 'Session', { login: label('登录', 'Signed in') }, []),
    },
  ]);
  const change = (field: string, old: unknown, value: unknown) => ({ field, old, new: value });

  it('accepts the declared fields, each of its type or null, on both sides', () => {
    expect(catalogue.payloadProblem('role', 'create', [change('name', null, '财务')])).toBeNull();
    expect(
      catalogue.payloadProblem('role', 'update', [change('permissions', ['audit.view'], [])]),
    ).toBeNull();
    expect(catalogue.payloadProblem('session', 'login', [])).toBeNull();
  });

  it('names a field the event does not declare, a value of the wrong type, and fields of an event without payload', () => {
    expect(catalogue.payloadProblem('role', 'update', [change('colour', null, 'red')])).toMatch(
      /values: .*Unrecognized key.*colour/s,
    );
    expect(catalogue.payloadProblem('role', 'update', [change('name', 7, '财务')])).toMatch(
      /old values: .*name/s,
    );
    expect(catalogue.payloadProblem('session', 'login', [change('ip', null, '::1')])).toBe(
      'records ip but declares no payload',
    );
  });

  it('gives every event of every module a payload, except sign-in and sign-out, which record nothing', () => {
    const all = new AuditEventCatalogue(modules.map((module) => module.auditEvents ?? {}));
    expect(all.withoutPayload()).toEqual(['session.login', 'session.logout']);
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

  it('refuses, under the test suite, an entry whose fields its event does not declare', async () => {
    const { services } = t();
    const ctx = services.systemContext('payload-test');
    const write = (changes: { field: string; old: unknown; new: unknown }[]) =>
      services.db
        .transaction()
        .execute((trx) =>
          services.audit.record(trx, ctx, { entityType: 'role', entityId: 'r1', action: 'update', changes }),
        );
    await expect(write([{ field: 'colour', old: null, new: 'red' }])).rejects.toThrow(
      /Audit event role\.update: .*colour/s,
    );
    await expect(write([{ field: 'dataScope', old: 'entity', new: 'galaxy' }])).rejects.toThrow(/dataScope/);
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
