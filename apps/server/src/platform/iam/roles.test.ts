import { randomUUID } from 'node:crypto';
import { allPermissionCodes } from '@concord/contracts';
import { beforeAll, expect, it } from 'vitest';
import { demoUsers } from '../../cli/demo-data.js';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';

const ROLES = '/api/v1/iam/roles';
let seq = 0;
const roleCode = () => `r_${Date.now().toString(36)}${seq++}`;

describeEachDialect('roles', (t) => {
  let api: ApiClient;
  let consId = '';
  let techId = '';

  beforeAll(async () => {
    api = await t().login('admin');
    consId = (await t().given.entityByCode('CONS')).id;
    techId = (await t().given.entityByCode('TECH')).id;
  });

  const create = (body: Record<string, unknown>) =>
    api.post(ROLES, {
      code: roleCode(),
      name: '合同管理员',
      permissions: ['org.user.view'],
      dataScope: 'entity',
      ...body,
    });

  it('lists the built-in roles with their permissions and user counts', async () => {
    const response = await api.get(ROLES);
    expect(response.statusCode).toBe(200);
    const roles = response.json().items as any[];
    const byCode = Object.fromEntries(roles.map((r) => [r.code, r]));
    for (const code of [
      'admin',
      'entity_admin',
      'general_manager',
      'finance',
      'legal',
      'dept_head',
      'staff',
    ]) {
      expect(byCode[code], code).toMatchObject({ builtIn: true });
    }
    expect(byCode.admin).toMatchObject({ dataScope: 'all', name: '系统管理员' });
    expect([...byCode.admin.permissions].sort()).toEqual([...allPermissionCodes].sort());
    expect([...byCode.staff.permissions].sort()).toEqual([
      'contract.category.view',
      'contract.create',
      'contract.view',
      'org.user.view',
      'partner.view',
    ]);
    // Counted by distinct user: admin holds the admin role in three entities.
    expect(byCode.admin.userCount).toBe(1);
    expect(byCode.general_manager.userCount).toBe(3);
    expect(byCode.staff.userCount).toBe(3);
    for (const role of roles) {
      const holders = demoUsers.filter((u) => u.roles.includes(role.code)).length;
      if (role.builtIn) expect(role.userCount, role.code).toBe(holders);
    }
  });

  it('creates, reads, updates and deletes a role', async () => {
    const code = roleCode();
    const created = await api.post(ROLES, {
      code,
      name: '合同管理员',
      description: '管理合同台账',
      permissions: ['org.user.view', 'org.department.view', 'org.user.view'],
      dataScope: 'department_and_below',
    });
    expect(created.statusCode, created.body).toBe(201);
    const role = created.json();
    expect(role).toMatchObject({
      code,
      name: '合同管理员',
      description: '管理合同台账',
      permissions: ['org.department.view', 'org.user.view'],
      dataScope: 'department_and_below',
      scopeEntityIds: [],
      scopeDepartmentIds: [],
      builtIn: false,
      userCount: 0,
    });
    expect((await api.get(`${ROLES}/${role.id}`)).json()).toEqual(role);

    const updated = await api.patch(`${ROLES}/${role.id}`, {
      name: '合同主管',
      description: null,
      permissions: ['audit.view'],
      dataScope: 'self',
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      code,
      name: '合同主管',
      description: null,
      permissions: ['audit.view'],
      dataScope: 'self',
    });
    expect((await api.get(`${ROLES}/${role.id}`)).json().permissions).toEqual(['audit.view']);

    const deleted = await api.delete(`${ROLES}/${role.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await api.get(`${ROLES}/${role.id}`)).statusCode).toBe(404);
    expect((await api.get(ROLES)).json().items.map((r: { id: string }) => r.id)).not.toContain(role.id);
  });

  it('refuses unknown permission codes and data scopes with 400', async () => {
    const unknown = await create({ permissions: ['org.user.view', 'contract.delete.everything'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('VALIDATION_FAILED');
    expect(unknown.json().errors.map((e: { path: string }) => e.path)).toContain('body.permissions.1');
    const scope = await create({ dataScope: 'everything' });
    expect(scope.statusCode).toBe(400);
    expect(scope.json().errors.map((e: { path: string }) => e.path)).toContain('body.dataScope');
    const role = (await create({})).json();
    const patched = await api.patch(`${ROLES}/${role.id}`, { permissions: ['nope'] });
    expect(patched.statusCode).toBe(400);
    expect((await api.get(`${ROLES}/${role.id}`)).json().permissions).toEqual(['org.user.view']);
  });

  it('refuses a duplicate role code with 409', async () => {
    const dup = await create({ code: 'admin' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DUPLICATE');
    const role = (await create({})).json();
    const renamed = await api.patch(`${ROLES}/${role.id}`, { code: 'staff' });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().code).toBe('DUPLICATE');
  });

  it('checks the targets of a custom scope and stores them', async () => {
    const eng = await t().given.departmentByCode('CONS', 'ENG');
    const badEntity = await create({ dataScope: 'custom', scopeEntityIds: [consId, randomUUID()] });
    expect(badEntity.statusCode).toBe(400);
    expect(badEntity.json().code).toBe('INVALID_REFERENCE');
    const badDepartment = await create({ dataScope: 'custom', scopeDepartmentIds: [randomUUID()] });
    expect(badDepartment.statusCode).toBe(400);
    expect(badDepartment.json().code).toBe('INVALID_REFERENCE');
    // A department id is not an entity id.
    const swapped = await create({ dataScope: 'custom', scopeEntityIds: [eng.id] });
    expect(swapped.statusCode).toBe(400);

    const created = await create({
      dataScope: 'custom',
      scopeEntityIds: [techId, consId],
      scopeDepartmentIds: [eng.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().scopeEntityIds.sort()).toEqual([consId, techId].sort());
    expect(created.json().scopeDepartmentIds).toEqual([eng.id]);
    const id = created.json().id;

    const badUpdate = await api.patch(`${ROLES}/${id}`, { scopeDepartmentIds: [randomUUID()] });
    expect(badUpdate.statusCode).toBe(400);
    expect((await api.get(`${ROLES}/${id}`)).json().scopeDepartmentIds).toEqual([eng.id]);

    // Leaving the custom scope drops the targets.
    const entityScope = await api.patch(`${ROLES}/${id}`, { dataScope: 'entity' });
    expect(entityScope.json()).toMatchObject({
      dataScope: 'entity',
      scopeEntityIds: [],
      scopeDepartmentIds: [],
    });
    // Targets given with a non-custom scope are not stored.
    const ignored = await create({ dataScope: 'all', scopeEntityIds: [techId] });
    expect(ignored.json().scopeEntityIds).toEqual([]);
  });

  it('stays editable after a department of its custom scope is deleted', async () => {
    const doomed = await t().given.department({ entityId: consId, name: 'Doomed' });
    const role = (await create({ dataScope: 'custom', scopeDepartmentIds: [doomed.id] })).json();
    expect((await api.delete(`/api/v1/org/departments/${doomed.id}`)).statusCode).toBe(204);
    const renamed = await api.patch(`${ROLES}/${role.id}`, { name: 'Still editable' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().name).toBe('Still editable');
    // Newly given targets are still checked.
    const bad = await api.patch(`${ROLES}/${role.id}`, { scopeDepartmentIds: [doomed.id] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('INVALID_REFERENCE');
  });

  it('refuses to delete a built-in role with 409 BUILT_IN', async () => {
    const roles = (await api.get(ROLES)).json().items as { id: string; code: string }[];
    for (const code of ['admin', 'staff']) {
      const role = roles.find((r) => r.code === code)!;
      const response = await api.delete(`${ROLES}/${role.id}`);
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('BUILT_IN');
    }
    expect((await api.get(ROLES)).json().items.length).toBe(roles.length);
  });

  it('counts distinct holders and refuses to delete a role in use', async () => {
    const role = (await create({})).json();
    const { given } = t();
    const proc = await given.departmentByCode('CONS', 'PROC');
    const first = await given.user({
      departmentId: proc.id,
      roles: [{ roleId: role.id }, { roleId: role.id, entityId: techId }],
    });
    await given.user({ departmentId: proc.id, roles: [{ roleId: role.id }] });
    expect((await api.get(`${ROLES}/${role.id}`)).json().userCount).toBe(2);
    expect((await api.get(ROLES)).json().items.find((r: { id: string }) => r.id === role.id).userCount).toBe(
      2,
    );

    const inUse = await api.delete(`${ROLES}/${role.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('HAS_CHILDREN');

    await api.put(`/api/v1/org/users/${first.id}/roles`, { assignments: [] });
    expect((await api.get(`${ROLES}/${role.id}`)).json().userCount).toBe(1);
  });

  it('answers 404 for an unknown role', async () => {
    expect((await api.get(`${ROLES}/${randomUUID()}`)).statusCode).toBe(404);
    expect((await api.patch(`${ROLES}/${randomUUID()}`, { name: 'x' })).statusCode).toBe(404);
    expect((await api.delete(`${ROLES}/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('lets viewers read roles but only managers change them', async () => {
    const entityAdmin = await t().login('zheng.hao');
    expect((await entityAdmin.get(ROLES)).statusCode).toBe(200);
    const refused = await entityAdmin.post(ROLES, {
      code: roleCode(),
      name: 'x',
      permissions: [],
      dataScope: 'self',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    const staff = await t().login('wu.min');
    expect((await staff.get(ROLES)).statusCode).toBe(403);
  });

  it('takes effect at once: a new permission applies to the next request', async () => {
    const { given } = t();
    const role = (await create({ permissions: ['org.department.view'], dataScope: 'entity' })).json();
    const proc = await given.departmentByCode('CONS', 'PROC');
    const user = await given.user({ departmentId: proc.id, roles: [{ roleId: role.id }] });
    const client = await t().login(user.username, user.password);
    expect((await client.get('/api/v1/org/users')).statusCode).toBe(403);
    await api.patch(`${ROLES}/${role.id}`, { permissions: ['org.department.view', 'org.user.view'] });
    const after = await client.get('/api/v1/org/users');
    expect(after.statusCode).toBe(200);
    expect(new Set(after.json().items.map((u: { entityId: string }) => u.entityId))).toEqual(
      new Set([consId]),
    );
  });
});
