/**
 * The audit log on a real database, what a write leaves: actor, acting entity, request id, address
 * and the field-level change; exactly one entry per write for every kind of write; nothing for a
 * refused write; never a password or its hash.
 */
import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';
import { API, auditCast, auditCount, entriesWithRequestId, writeWithRequestId } from './audit.testing.js';

describeEachDialect('audit log', (t) => {
  let api: ApiClient;
  let adminId = '';
  let entity: Record<string, string> = {};

  beforeAll(async () => {
    ({ api, adminId, entity } = await auditCast(t()));
  });

  it('records actor, acting entity, request id, address and the field-level change', async () => {
    const department = await t().given.department({ entityId: entity.CONS, name: '旧名称' });
    const { requestId } = await writeWithRequestId(api, 'PATCH', `/org/departments/${department.id}`, {
      name: '新名称',
    });
    const response = await api.get(`${API}/audit?entityType=department&entityId=${department.id}`);
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.total).toBe(2); // the create by the factory, then the rename
    expect(page.items[0]).toMatchObject({
      actorId: adminId,
      actorName: '系统管理员',
      actingEntityId: entity.GRP,
      entityType: 'department',
      entityId: department.id,
      action: 'update',
      requestId,
      ip: '127.0.0.1',
      changes: [{ field: 'name', old: '旧名称', new: '新名称' }],
    });
    expect(page.items[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(page.items[1]).toMatchObject({ action: 'create', actorId: null, requestId: 'test' });
    expect(page.items[1].seq).toBeLessThan(page.items[0].seq);
  });

  it('leaves exactly one entry per write, for every kind of write', async () => {
    const cons = entity.CONS;
    const checks: { requestId: string; entityType: string; action: string; entityId?: string }[] = [];
    const expectEntry = (requestId: string, entityType: string, action: string, entityId?: string) =>
      checks.push({ requestId, entityType, action, entityId });

    const ent = await writeWithRequestId(api, 'POST', '/org/entities', {
      parentId: entity.GRP,
      code: `AUD${Date.now()}`,
      name: 'Audited',
    });
    expectEntry(ent.requestId, 'entity', 'create', ent.body.id);
    expectEntry(
      (await writeWithRequestId(api, 'PATCH', `/org/entities/${ent.body.id}`, { name: 'Audited 2' }))
        .requestId,
      'entity',
      'update',
      ent.body.id,
    );

    const dep = await writeWithRequestId(api, 'POST', '/org/departments', {
      entityId: cons,
      code: `AUD${Date.now()}`,
      name: 'Dep',
    });
    expectEntry(dep.requestId, 'department', 'create', dep.body.id);
    expectEntry(
      (await writeWithRequestId(api, 'PATCH', `/org/departments/${dep.body.id}`, { sortOrder: 5 })).requestId,
      'department',
      'update',
      dep.body.id,
    );

    const pos = await writeWithRequestId(api, 'POST', '/org/positions', {
      entityId: cons,
      code: `AUD${Date.now()}`,
      name: 'Pos',
    });
    expectEntry(pos.requestId, 'position', 'create', pos.body.id);
    expectEntry(
      (await writeWithRequestId(api, 'PATCH', `/org/positions/${pos.body.id}`, { name: 'Pos 2' })).requestId,
      'position',
      'update',
      pos.body.id,
    );
    expectEntry(
      (await writeWithRequestId(api, 'DELETE', `/org/positions/${pos.body.id}`)).requestId,
      'position',
      'delete',
      pos.body.id,
    );

    const user = await writeWithRequestId(api, 'POST', '/org/users', {
      username: `aud.${Date.now().toString(36)}`,
      displayName: 'Audited User',
      departmentId: dep.body.id,
      password: 'Audit2026pw',
    });
    const uid = user.body.id;
    expectEntry(user.requestId, 'user', 'create', uid);
    expectEntry(
      (await writeWithRequestId(api, 'PATCH', `/org/users/${uid}`, { displayName: 'Renamed' })).requestId,
      'user',
      'update',
      uid,
    );
    expectEntry(
      (await writeWithRequestId(api, 'POST', `/org/users/${uid}/active`, { active: false })).requestId,
      'user',
      'disable',
      uid,
    );
    expectEntry(
      (await writeWithRequestId(api, 'POST', `/org/users/${uid}/active`, { active: true })).requestId,
      'user',
      'enable',
      uid,
    );
    expectEntry(
      (await writeWithRequestId(api, 'POST', `/org/users/${uid}/password`, { newPassword: 'Other2026pw' }))
        .requestId,
      'user',
      'reset_password',
      uid,
    );

    const role = await writeWithRequestId(api, 'POST', '/iam/roles', {
      code: `aud_${Date.now()}`,
      name: 'R',
      permissions: ['org.user.view'],
      dataScope: 'self',
    });
    expectEntry(role.requestId, 'role', 'create', role.body.id);
    expectEntry(
      (await writeWithRequestId(api, 'PATCH', `/iam/roles/${role.body.id}`, { name: 'R2' })).requestId,
      'role',
      'update',
      role.body.id,
    );
    expectEntry(
      (
        await writeWithRequestId(api, 'PUT', `/org/users/${uid}/roles`, {
          assignments: [{ roleId: role.body.id, entityId: cons }],
        })
      ).requestId,
      'user',
      'set_roles',
      uid,
    );
    expectEntry(
      (await writeWithRequestId(api, 'PUT', `/org/users/${uid}/roles`, { assignments: [] })).requestId,
      'user',
      'set_roles',
      uid,
    );
    expectEntry(
      (await writeWithRequestId(api, 'DELETE', `/iam/roles/${role.body.id}`)).requestId,
      'role',
      'delete',
      role.body.id,
    );
    expectEntry(
      (
        await writeWithRequestId(api, 'PATCH', `/org/users/${uid}`, {
          departmentId: (await t().given.departmentByCode('CONS', 'PROC')).id,
        })
      ).requestId,
      'user',
      'update',
      uid,
    );
    expectEntry(
      (await writeWithRequestId(api, 'DELETE', `/org/departments/${dep.body.id}`)).requestId,
      'department',
      'delete',
      dep.body.id,
    );

    const session = await t().login('admin');
    expectEntry(
      (await writeWithRequestId(session, 'POST', '/auth/entity', { entityId: cons })).requestId,
      'session',
      'switch_entity',
      adminId,
    );
    expectEntry(
      (await writeWithRequestId(session, 'PUT', '/auth/locale', { locale: 'zh-CN' })).requestId,
      'user',
      'update_profile',
      adminId,
    );
    expectEntry(
      (await writeWithRequestId(session, 'POST', '/auth/logout')).requestId,
      'session',
      'logout',
      adminId,
    );

    for (const check of checks) {
      const entries = await entriesWithRequestId(t(), check.requestId);
      expect(entries, `${check.entityType} ${check.action}`).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        entity_type: check.entityType,
        action: check.action,
        actor_id: adminId,
        ip: '127.0.0.1',
        ...(check.entityId ? { entity_id: check.entityId } : {}),
      });
    }
    // The switch is recorded in the entity acted in before it, with the change of entity.
    const switched = (
      await entriesWithRequestId(t(), checks.find((c) => c.action === 'switch_entity')!.requestId)
    )[0];
    expect(switched.acting_entity_id).toBe(entity.GRP);
    expect(switched.changes).toEqual([{ field: 'actingEntityId', old: entity.GRP, new: cons }]);
  });

  it('records a refused write nowhere', async () => {
    const before = await auditCount(t());
    const dup = await api.post(`${API}/org/entities`, { parentId: entity.GRP, code: 'CONS', name: 'dup' });
    expect(dup.statusCode).toBe(409);
    expect(await auditCount(t())).toBe(before);
  });

  it('never writes a password or its hash in clear', async () => {
    const { given } = t();
    const proc = await given.departmentByCode('CONS', 'PROC');
    const username = `pw.${Date.now().toString(36)}`;
    const created = await api.post(`${API}/org/users`, {
      username,
      displayName: 'Password Holder',
      departmentId: proc.id,
      password: 'ClearText2026a',
    });
    const userId = created.json().id;
    await api.post(`${API}/org/users/${userId}/password`, { newPassword: 'ClearText2026b' });
    const self = await t().login(username, 'ClearText2026b');
    expect(
      (
        await self.post(`${API}/auth/password`, {
          currentPassword: 'ClearText2026b',
          newPassword: 'ClearText2026c',
        })
      ).statusCode,
    ).toBe(200);
    await t()
      .app.inject({
        method: 'POST',
        url: `${API}/auth/login`,
        payload: { username, password: 'ClearText2026d' },
      })
      .then((r) => expect(r.statusCode).toBe(401));

    const createEntry = (
      await api.get(`${API}/audit?entityType=user&entityId=${userId}&action=create`)
    ).json().items[0];
    expect(createEntry.changes).toContainEqual({ field: 'password', old: null, new: '***' });
    const reset = (await api.get(`${API}/audit?entityId=${userId}&action=reset_password`)).json().items[0];
    expect(reset.changes).toEqual([{ field: 'password', old: '***', new: '***' }]);

    const everything = await t().services.db.selectFrom('audit_log').selectAll().execute();
    const text = JSON.stringify(everything);
    expect(text).not.toContain('ClearText2026');
    expect(text).not.toContain('$argon2');
    expect(text).not.toMatch(/csrf/i);
  });
});
