import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';
import { USERS, uname, userAdministrationKit } from './users.testing.js';

describeEachDialect('user administration: create, update and roles', (t) => {
  const kit = userAdministrationKit(t);
  const { entity, dept, validUser, countUsers } = kit;
  let api: ApiClient;
  beforeAll(() => {
    api = kit.api;
  });

  // ------------------------------------------------------------ create
  it('creates a user who can then sign in', async () => {
    const input = validUser({ locale: 'en-US' });
    const response = await api.post(USERS, input);
    expect(response.statusCode, response.body).toBe(201);
    const user = response.json();
    expect(user).toMatchObject({
      username: input.username,
      displayName: '新员工',
      email: 'new@concord.example',
      phone: '+86 138-0000-0000',
      entityId: entity.CONS,
      entityName: '协和建设工程有限公司',
      departmentId: dept.PROC,
      departmentName: '采购部',
      extraDepartmentIds: [],
      positionId: null,
      active: true,
      locale: 'en-US',
      lockedUntil: null,
      lastLoginAt: null,
      roles: [],
    });
    expect(user).not.toHaveProperty('password');
    const client = await t().login(input.username, input.password);
    expect(client.session.user.id).toBe(user.id);
    expect((await api.get(`${USERS}/${user.id}`)).json().lastLoginAt).not.toBeNull();
  });

  it('answers how to reach users, once each, for the notifications', async () => {
    const input = validUser({ locale: 'en-US' });
    const user = (await api.post(USERS, input)).json();
    expect((await api.post(`${USERS}/${user.id}/active`, { active: false })).statusCode).toBe(200);
    const { services } = t();
    const found = await services.users.contacts(services.db, [user.id, user.id, randomUUID()]);
    expect(found).toEqual([{ id: user.id, email: 'new@concord.example', locale: 'en-US', active: false }]);
  });

  it('stores usernames in lower case and signs in case-insensitively', async () => {
    const name = uname('Mixed');
    const created = (await api.post(USERS, validUser({ username: name }))).json();
    expect(created.username).toBe(name.toLowerCase());
    await expect(t().login(name.toUpperCase(), 'Start2026pw')).resolves.toBeTruthy();
  });

  it('answers 400 with field errors for invalid input', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [validUser({ username: 'a b!' }), 'body.username'],
      [validUser({ username: 'x' }), 'body.username'],
      [validUser({ password: 'short1' }), 'body.password'],
      [validUser({ password: 'lettersonly' }), 'body.password'],
      [validUser({ password: '1234567890' }), 'body.password'],
      [validUser({ email: 'not-an-email' }), 'body.email'],
      [validUser({ phone: 'call me' }), 'body.phone'],
      [validUser({ departmentId: 'not-a-uuid' }), 'body.departmentId'],
      [{ ...validUser(), displayName: undefined }, 'body.displayName'],
      [{ ...validUser(), departmentId: undefined }, 'body.departmentId'],
    ];
    const before = await countUsers();
    for (const [body, path] of cases) {
      const response = await api.post(USERS, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const unknownField = await api.post(USERS, validUser({ isAdmin: true }));
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().code).toBe('VALIDATION_FAILED');
    expect(unknownField.json().errors[0].message).toContain('isAdmin');
    expect(await countUsers()).toBe(before);
  });

  it('refuses a duplicate username with 409, whatever its case', async () => {
    for (const username of ['wu.min', 'WU.MIN']) {
      const response = await api.post(USERS, validUser({ username }));
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('DUPLICATE');
    }
  });

  it('refuses an unknown department, or a position of another entity', async () => {
    const unknown = await api.post(USERS, validUser({ departmentId: randomUUID() }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('INVALID_REFERENCE');
    const techPosition = (await api.get(`/api/v1/org/positions?entityId=${entity.TECH}`)).json().items[0];
    const foreign = await api.post(USERS, validUser({ positionId: techPosition.id }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe('INVALID_REFERENCE');
  });

  // ------------------------------------------------------------ update, enable/disable, password
  it('updates a user, moving them to another entity with their department', async () => {
    const user = (await api.post(USERS, validUser())).json();
    const response = await api.patch(`${USERS}/${user.id}`, {
      displayName: '改名',
      email: null,
      departmentId: dept.RND,
      extraDepartmentIds: [dept.RND],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      displayName: '改名',
      email: null,
      entityId: entity.TECH,
      departmentId: dept.RND,
      departmentName: '研发部',
      // The main department is not repeated as an extra one.
      extraDepartmentIds: [],
    });
    expect((await api.get(`${USERS}/${user.id}`)).json().displayName).toBe('改名');
    // Moving the main department to a former extra department drops it from the extras.
    const withExtras = (
      await api.patch(`${USERS}/${user.id}`, {
        departmentId: dept.PROC,
        extraDepartmentIds: [dept.ENG, dept.ENG1],
      })
    ).json();
    expect(withExtras.extraDepartmentIds.sort()).toEqual([dept.ENG, dept.ENG1].sort());
    const promoted = await api.patch(`${USERS}/${user.id}`, { departmentId: dept.ENG });
    expect(promoted.json()).toMatchObject({ departmentId: dept.ENG, extraDepartmentIds: [dept.ENG1] });
    // Moving to another entity with a position of the old one is refused; with a new position it works.
    const consPosition = (await api.get(`/api/v1/org/positions?entityId=${entity.CONS}`)).json().items[0];
    const techPosition = (await api.get(`/api/v1/org/positions?entityId=${entity.TECH}`)).json().items[0];
    expect((await api.patch(`${USERS}/${user.id}`, { positionId: consPosition.id })).statusCode).toBe(200);
    const stale = await api.patch(`${USERS}/${user.id}`, { departmentId: dept.RND });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().code).toBe('INVALID_REFERENCE');
    expect((await api.get(`${USERS}/${user.id}`)).json().entityId).toBe(entity.CONS);
    const movedWithPosition = await api.patch(`${USERS}/${user.id}`, {
      departmentId: dept.RND,
      positionId: techPosition.id,
    });
    expect(movedWithPosition.statusCode).toBe(200);
    expect(movedWithPosition.json()).toMatchObject({ entityId: entity.TECH, positionId: techPosition.id });
    const bad = await api.patch(`${USERS}/${user.id}`, { username: 'renamed' });
    expect(bad.statusCode).toBe(400);
    expect((await api.patch(`${USERS}/${randomUUID()}`, { displayName: 'x' })).statusCode).toBe(404);
  });

  it('disables and enables a user, and refuses to disable oneself', async () => {
    const input = validUser();
    const user = (await api.post(USERS, input)).json();
    const session = await t().login(input.username, input.password);
    const disabled = await api.post(`${USERS}/${user.id}/active`, { active: false });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().active).toBe(false);
    expect((await session.get('/api/v1/auth/session')).statusCode).toBe(401);
    await expect(t().login(input.username, input.password)).rejects.toThrow(/403/);
    const enabled = await api.post(`${USERS}/${user.id}/active`, { active: true });
    expect(enabled.json().active).toBe(true);
    await expect(t().login(input.username, input.password)).resolves.toBeTruthy();

    const self = await api.post(`${USERS}/${api.session.user.id}/active`, { active: false });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('SELF_ACTION');
    expect((await api.get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('resets a password: the old one stops working, the new one works, a weak one is refused', async () => {
    const input = validUser();
    const user = (await api.post(USERS, input)).json();
    const weak = await api.post(`${USERS}/${user.id}/password`, { newPassword: 'weakweak' });
    expect(weak.statusCode).toBe(400);
    const reset = await api.post(`${USERS}/${user.id}/password`, { newPassword: 'Reset2026pw' });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toEqual({ ok: true });
    await expect(t().login(input.username, input.password)).rejects.toThrow(/401/);
    await expect(t().login(input.username, 'Reset2026pw')).resolves.toBeTruthy();
  });

  it('needs org.user.resetPassword to reset passwords', async () => {
    const staff = await t().login('wu.min');
    const target = await t().given.userByUsername('wu.min');
    const response = await staff.post(`${USERS}/${target.id}/password`, { newPassword: 'Mine2026pw' });
    expect(response.statusCode).toBe(403);
  });

  // ------------------------------------------------------------ roles
  it('sets roles, refuses an unknown role and refuses to change own roles', async () => {
    const user = (await api.post(USERS, validUser())).json();
    const roles = (await api.get('/api/v1/iam/roles')).json().items as { id: string; code: string }[];
    const finance = roles.find((r) => r.code === 'finance')!;
    const staffRole = roles.find((r) => r.code === 'staff')!;
    const set = await api.put(`${USERS}/${user.id}/roles`, {
      assignments: [
        { roleId: finance.id, entityId: entity.CONS },
        { roleId: staffRole.id, entityId: entity.TECH },
        { roleId: finance.id, entityId: entity.CONS },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    const held = set
      .json()
      .roles.map((r: { roleId: string; entityId: string }) => `${r.roleId}@${r.entityId}`);
    expect(held.sort()).toEqual([`${finance.id}@${entity.CONS}`, `${staffRole.id}@${entity.TECH}`].sort());
    expect(set.json().roles.find((r: { roleId: string }) => r.roleId === finance.id)).toMatchObject({
      roleName: '财务',
      entityName: '协和建设工程有限公司',
    });

    const unknownRole = await api.put(`${USERS}/${user.id}/roles`, {
      assignments: [{ roleId: randomUUID(), entityId: entity.CONS }],
    });
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json().code).toBe('INVALID_REFERENCE');
    const unknownEntity = await api.put(`${USERS}/${user.id}/roles`, {
      assignments: [{ roleId: finance.id, entityId: randomUUID() }],
    });
    expect(unknownEntity.statusCode).toBe(400);
    expect(unknownEntity.json().code).toBe('INVALID_REFERENCE');
    // The failed attempts changed nothing.
    expect((await api.get(`${USERS}/${user.id}`)).json().roles).toHaveLength(2);

    const own = await api.put(`${USERS}/${api.session.user.id}/roles`, { assignments: [] });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('SELF_ACTION');
    const cleared = await api.put(`${USERS}/${user.id}/roles`, { assignments: [] });
    expect(cleared.json().roles).toEqual([]);
  });

  it('refuses to let an entity administrator hand out more than they hold', async () => {
    const { given } = t();
    const zheng = await t().login('zheng.hao');
    const roles = (await api.get('/api/v1/iam/roles')).json().items as { id: string; code: string }[];
    const byCode = (code: string) => roles.find((r) => r.code === code)!.id;
    const target = await given.user({ departmentId: dept.PROC });

    // The group's admin role (every permission, every record) would make the target a group administrator.
    const admin = await zheng.put(`${USERS}/${target.id}/roles`, {
      assignments: [{ roleId: byCode('admin'), entityId: entity.CONS }],
    });
    expect(admin.statusCode).toBe(403);
    expect(admin.json().code).toBe('FORBIDDEN');
    // So would a role with only permissions they hold but a data scope wider than theirs.
    const wide = await given.role({ permissions: ['org.user.view'], dataScope: 'all' });
    expect(
      (
        await zheng.put(`${USERS}/${target.id}/roles`, {
          assignments: [{ roleId: wide.id, entityId: entity.CONS }],
        })
      ).statusCode,
    ).toBe(403);
    const customTech = await given.role({
      permissions: ['org.user.view'],
      dataScope: 'custom',
      scopeEntityIds: [entity.TECH],
    });
    expect(
      (
        await zheng.put(`${USERS}/${target.id}/roles`, {
          assignments: [{ roleId: customTech.id, entityId: entity.CONS }],
        })
      ).statusCode,
    ).toBe(403);
    expect((await api.get(`${USERS}/${target.id}`)).json().roles).toEqual([]);

    // Roles within their own rights and reach are fine.
    const ok = await zheng.put(`${USERS}/${target.id}/roles`, {
      assignments: [
        { roleId: byCode('finance'), entityId: entity.CONS },
        { roleId: byCode('dept_head'), entityId: entity.CONS },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const customCons = await given.role({
      permissions: ['org.user.view'],
      dataScope: 'custom',
      scopeDepartmentIds: [dept.ENG],
    });
    const withCustom = await zheng.put(`${USERS}/${target.id}/roles`, {
      assignments: [
        { roleId: byCode('finance'), entityId: entity.CONS },
        { roleId: customCons.id, entityId: entity.CONS },
      ],
    });
    expect(withCustom.statusCode, withCustom.body).toBe(200);

    // A role granted by someone with more rights may stay while the entity administrator edits the others.
    await api.put(`${USERS}/${target.id}/roles`, {
      assignments: [{ roleId: byCode('admin'), entityId: entity.CONS }],
    });
    const keep = await zheng.put(`${USERS}/${target.id}/roles`, {
      assignments: [
        { roleId: byCode('admin'), entityId: entity.CONS },
        { roleId: byCode('staff'), entityId: entity.CONS },
      ],
    });
    expect(keep.statusCode, keep.body).toBe(200);
    expect(keep.json().roles).toHaveLength(2);
  });
});
