import type { DataScope } from '@concord/contracts';
import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';

const USERS = '/api/v1/org/users';

/**
 * Data scopes end to end: a role's scope decides which users GET /org/users answers. The expected
 * sets are read straight from org_user with plain conditions, independent of the scope code.
 */
describeEachDialect('data scopes on the user list', (t) => {
  const dept: Record<string, string> = {};
  const member: Record<string, string> = {};
  const entity: Record<string, string> = {};

  beforeAll(async () => {
    const { given, services } = t();
    const ctx = services.systemContext();
    for (const code of ['GRP', 'CONS', 'TECH']) entity[code] = (await given.entityByCode(code)).id;
    const mgt = await given.departmentByCode('CONS', 'MGT');
    // CONS/MGT ─┬─ P ── C ── G
    //           └─ S
    dept.P = (await given.department({ entityId: entity.CONS, parentId: mgt.id, name: 'P' })).id;
    dept.C = (await given.department({ entityId: entity.CONS, parentId: dept.P, name: 'C' })).id;
    dept.G = (await given.department({ entityId: entity.CONS, parentId: dept.C, name: 'G' })).id;
    dept.S = (await given.department({ entityId: entity.CONS, parentId: mgt.id, name: 'S' })).id;
    // A subsidiary of CONS, for entity_and_below.
    const sub = await services.org.createEntity(ctx, {
      parentId: entity.CONS,
      code: 'CSUB',
      name: 'CONS Sub',
      sortOrder: 9,
    });
    entity.CSUB = sub.id;
    dept.SUB = (await given.department({ entityId: sub.id, name: 'Sub HQ' })).id;

    member.p1 = (await given.user({ departmentId: dept.P })).id;
    member.c1 = (await given.user({ departmentId: dept.C })).id;
    member.g1 = (await given.user({ departmentId: dept.G })).id;
    member.s1 = (await given.user({ departmentId: dept.S })).id;
    member.x1 = (await given.user({ departmentId: dept.S, extraDepartmentIds: [dept.P] })).id;
    member.sub1 = (await given.user({ departmentId: dept.SUB })).id;
  });

  /**
   * Ids of users matching a plain condition on org_user. For departments, a user counts through the
   * main department or an extra one (org_user_department).
   */
  async function usersWhere(
    column: 'department_id' | 'entity_id' | 'id',
    values: string[],
  ): Promise<Set<string>> {
    let query = t().services.db.selectFrom('org_user').select('id');
    if (values.length && column === 'department_id') {
      query = query.where((eb: any) =>
        eb.or([
          eb('department_id', 'in', values),
          eb(
            'id',
            'in',
            eb.selectFrom('org_user_department').select('user_id').where('department_id', 'in', values),
          ),
        ]),
      );
    } else if (values.length) query = query.where(column, 'in', values);
    const rows = await query.execute();
    return new Set(rows.map((r: { id: string }) => r.id));
  }
  const allUsers = async () =>
    new Set(
      (await t().services.db.selectFrom('org_user').select('id').execute()).map((r: { id: string }) => r.id),
    );
  const union = (...sets: Set<string>[]) => new Set(sets.flatMap((s) => [...s]));

  async function viewer(
    dataScope: DataScope,
    options: {
      departmentId?: string;
      entityId?: string;
      extraDepartmentIds?: string[];
      scopeEntityIds?: string[];
      scopeDepartmentIds?: string[];
      permissions?: string[];
    } = {},
  ): Promise<{ id: string; client: ApiClient }> {
    const { given } = t();
    const role = await given.role({
      permissions: options.permissions ?? ['org.user.view'],
      dataScope,
      scopeEntityIds: options.scopeEntityIds,
      scopeDepartmentIds: options.scopeDepartmentIds,
    });
    const user = await given.user({
      departmentId: options.departmentId ?? dept.P,
      extraDepartmentIds: options.extraDepartmentIds,
      roles: [{ roleId: role.id, entityId: options.entityId }],
    });
    return { id: user.id, client: await t().login(user.username, user.password) };
  }

  async function visible(client: ApiClient): Promise<Set<string>> {
    const response = await client.get(`${USERS}?pageSize=200`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.items.length).toBe(body.total);
    return new Set(body.items.map((u: { id: string }) => u.id));
  }

  it('self: only the user themself', async () => {
    const me = await viewer('self');
    expect(await visible(me.client)).toEqual(new Set([me.id]));
  });

  it('department: members of the viewer department, by main or extra department', async () => {
    const me = await viewer('department');
    const seen = await visible(me.client);
    expect(seen).toEqual(await usersWhere('department_id', [dept.P]));
    expect(seen).toContain(me.id);
    expect(seen).toContain(member.p1);
    expect(seen).toContain(member.x1); // main department S, extra department P
    expect(seen).not.toContain(member.c1);
    expect(seen).not.toContain(member.s1);
  });

  it("department: the viewer's extra departments count as their own", async () => {
    const me = await viewer('department', { extraDepartmentIds: [dept.S] });
    const seen = await visible(me.client);
    expect(seen).toEqual(await usersWhere('department_id', [dept.P, dept.S]));
    expect(seen).toContain(member.s1);
    expect(seen).toContain(member.x1);
  });

  it('department_and_below: the viewer department and every department under it', async () => {
    const me = await viewer('department_and_below');
    const seen = await visible(me.client);
    expect(seen).toEqual(await usersWhere('department_id', [dept.P, dept.C, dept.G]));
    expect(seen).toContain(member.g1);
    expect(seen).not.toContain(member.s1);
  });

  it('entity: every user of the entity the role is held in, not its subsidiaries', async () => {
    const me = await viewer('entity');
    const seen = await visible(me.client);
    expect(seen).toEqual(await usersWhere('entity_id', [entity.CONS]));
    expect(seen).toContain(member.s1);
    expect(seen).not.toContain(member.sub1);
  });

  it('entity_and_below: the entity and its subsidiaries', async () => {
    const me = await viewer('entity_and_below');
    const seen = await visible(me.client);
    expect(seen).toEqual(await usersWhere('entity_id', [entity.CONS, entity.CSUB]));
    expect(seen).toContain(member.sub1);
    const tech = await usersWhere('entity_id', [entity.TECH]);
    expect([...tech].some((id) => seen.has(id))).toBe(false);
  });

  it('entity_and_below held in the group: everybody', async () => {
    const grpHr = await t().given.departmentByCode('GRP', 'HR');
    const me = await viewer('entity_and_below', { departmentId: grpHr.id });
    expect(await visible(me.client)).toEqual(await allUsers());
  });

  it('all: everybody', async () => {
    const me = await viewer('all');
    const seen = await visible(me.client);
    expect(seen).toEqual(await allUsers());
    expect(seen.size).toBeGreaterThan(27);
  });

  it('custom entities: the listed entities only, not even the viewer', async () => {
    const me = await viewer('custom', { scopeEntityIds: [entity.TECH] });
    const seen = await visible(me.client);
    expect(seen).toEqual(await usersWhere('entity_id', [entity.TECH]));
    expect(seen).not.toContain(me.id);
  });

  it('custom departments: the listed departments only (not below them)', async () => {
    const me = await viewer('custom', { scopeDepartmentIds: [dept.S, dept.C] });
    const seen = await visible(me.client);
    expect(seen).toEqual(await usersWhere('department_id', [dept.S, dept.C]));
    expect(seen).not.toContain(member.g1);
  });

  it('custom entities and departments together', async () => {
    const me = await viewer('custom', { scopeEntityIds: [entity.CSUB], scopeDepartmentIds: [dept.G] });
    expect(await visible(me.client)).toEqual(
      union(await usersWhere('entity_id', [entity.CSUB]), await usersWhere('department_id', [dept.G])),
    );
  });

  it('two roles add up', async () => {
    const { given } = t();
    const self = await given.role({ permissions: ['org.user.view'], dataScope: 'self' });
    const custom = await given.role({
      permissions: ['org.user.view'],
      dataScope: 'custom',
      scopeDepartmentIds: [dept.G],
    });
    const user = await given.user({
      departmentId: dept.S,
      roles: [{ roleId: self.id }, { roleId: custom.id }],
    });
    const client = await t().login(user.username, user.password);
    expect(await visible(client)).toEqual(
      union(new Set([user.id]), await usersWhere('department_id', [dept.G])),
    );
  });

  it('a scope narrows the filters too: total and pages count only visible users', async () => {
    const me = await viewer('department_and_below');
    const expected = await usersWhere('department_id', [dept.P, dept.C, dept.G]);
    const page = (await me.client.get(`${USERS}?pageSize=2&page=1`)).json();
    expect(page.total).toBe(expected.size);
    expect(page.items).toHaveLength(2);
    // Asking for another entity's users answers none rather than leaking them.
    const tech = (await me.client.get(`${USERS}?entityId=${entity.TECH}`)).json();
    expect(tech.total).toBe(0);
  });

  it('switching the acting entity switches the roles that apply', async () => {
    const { given } = t();
    const self = await given.role({ permissions: ['org.user.view'], dataScope: 'self' });
    const wide = await given.role({ permissions: ['org.user.view'], dataScope: 'entity' });
    const user = await given.user({
      departmentId: dept.P,
      roles: [
        { roleId: self.id, entityId: entity.CONS },
        { roleId: wide.id, entityId: entity.TECH },
      ],
    });
    const client = await t().login(user.username, user.password);
    expect(client.session.actingEntity.id).toBe(entity.CONS);
    expect(await visible(client)).toEqual(new Set([user.id]));

    const switched = await client.post('/api/v1/auth/entity', { entityId: entity.TECH });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().actingEntity.id).toBe(entity.TECH);
    const inTech = await visible(client);
    expect(inTech).toEqual(await usersWhere('entity_id', [entity.TECH]));
    expect(inTech).not.toContain(user.id);

    expect((await client.post('/api/v1/auth/entity', { entityId: entity.CONS })).statusCode).toBe(200);
    expect(await visible(client)).toEqual(new Set([user.id]));
    // No role in GRP: the switch is refused and the acting entity stays.
    const refused = await client.post('/api/v1/auth/entity', { entityId: entity.GRP });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('NOT_ALLOWED_ENTITY');
    expect((await client.get('/api/v1/auth/session')).json().actingEntity.id).toBe(entity.CONS);
  });

  it('refuses the list without the permission with 403 FORBIDDEN', async () => {
    const me = await viewer('all', { permissions: ['org.department.view'] });
    const list = await me.client.get(USERS);
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('FORBIDDEN');
    expect((await me.client.get(`${USERS}/${me.id}`)).statusCode).toBe(403);
    // The permission it does hold still works.
    expect((await me.client.get('/api/v1/org/departments')).statusCode).toBe(200);
  });

  it('answers 404 for a user outside the scope, as if it did not exist', async () => {
    const me = await viewer('department');
    expect((await me.client.get(`${USERS}/${member.p1}`)).statusCode).toBe(200);
    const hidden = await me.client.get(`${USERS}/${member.s1}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('NOT_FOUND');
    // A member of the viewer's department through an extra department is visible too.
    expect((await me.client.get(`${USERS}/${member.x1}`)).statusCode).toBe(200);
  });

  it('limits writes to the scope as well', async () => {
    const me = await viewer('department', { permissions: ['org.user.view', 'org.user.manage'] });
    const outside = await me.client.patch(`${USERS}/${member.s1}`, { displayName: 'Hacked' });
    expect(outside.statusCode).toBe(404);
    const inside = await me.client.patch(`${USERS}/${member.p1}`, { displayName: 'Renamed in scope' });
    expect(inside.statusCode).toBe(200);
    const createOutside = await me.client.post(USERS, {
      username: `out${Date.now().toString(36)}`,
      displayName: 'Outside',
      departmentId: dept.S,
      password: 'Passw0rd!x',
    });
    expect(createOutside.statusCode).toBe(400);
    expect(createOutside.json().code).toBe('INVALID_REFERENCE');
    const name = (
      await t()
        .services.db.selectFrom('org_user')
        .select('display_name')
        .where('id', '=', member.s1)
        .executeTakeFirstOrThrow()
    ).display_name;
    expect(name).not.toBe('Hacked');
  });
});
