/**
 * Departments (a tree per entity, with heads) and positions on a real database.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';
import { adminOf, API, code } from './org.testing.js';

describeEachDialect('organisation: entities, departments, positions', (t) => {
  const admin = adminOf(t);

  // ------------------------------------------------------------ departments
  async function tree(api: ApiClient) {
    const cons = await t().given.entityByCode('CONS');
    const create = async (parentId: string | null, name: string) => {
      const response = await api.post(`${API}/org/departments`, {
        entityId: cons.id,
        parentId,
        code: code('D'),
        name,
      });
      expect(response.statusCode).toBe(201);
      return response.json();
    };
    const a = await create(null, 'A');
    const b = await create(a.id, 'B');
    const c = await create(b.id, 'C');
    return { cons, a, b, c };
  }

  it('creates a department tree', async () => {
    const api = await admin();
    const { cons, a, b, c } = await tree(api);
    expect(a).toMatchObject({
      entityId: cons.id,
      parentId: null,
      name: 'A',
      headUserId: null,
      memberCount: 0,
    });
    expect(b.parentId).toBe(a.id);
    expect(c.parentId).toBe(b.id);
    const listed = (await api.get(`${API}/org/departments?entityId=${cons.id}`)).json().items as {
      id: string;
      entityId: string;
    }[];
    expect(listed.map((d) => d.id)).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
    expect(new Set(listed.map((d) => d.entityId))).toEqual(new Set([cons.id]));
  });

  it('refuses a duplicate department code within an entity, but not across entities', async () => {
    const api = await admin();
    const cons = await t().given.entityByCode('CONS');
    const tech = await t().given.entityByCode('TECH');
    const dup = await api.post(`${API}/org/departments`, {
      entityId: cons.id,
      code: 'ENG',
      name: 'Engineering again',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DUPLICATE');
    const elsewhere = await api.post(`${API}/org/departments`, {
      entityId: tech.id,
      code: 'ENG',
      name: 'TECH engineering',
    });
    expect(elsewhere.statusCode).toBe(201);
  });

  it('refuses text with NUL characters alike on both dialects', async () => {
    const api = await admin();
    const cons = await t().given.entityByCode('CONS');
    const before = (await api.get(`${API}/org/departments?entityId=${cons.id}`)).json().items.length;
    const response = await api.post(`${API}/org/departments`, {
      entityId: cons.id,
      code: code('N'),
      name: 'a\u0000b',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect((await api.get(`${API}/org/departments?entityId=${cons.id}`)).json().items.length).toBe(before);
  });

  it('refuses a parent department from another entity', async () => {
    const api = await admin();
    const cons = await t().given.entityByCode('CONS');
    const rnd = await t().given.departmentByCode('TECH', 'RND');
    const response = await api.post(`${API}/org/departments`, {
      entityId: cons.id,
      parentId: rnd.id,
      code: code('X'),
      name: 'Cross',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('INVALID_REFERENCE');
  });

  it('moves a department but refuses a move under itself or its descendants', async () => {
    const api = await admin();
    const { a, b, c } = await tree(api);
    for (const target of [a, b, c]) {
      const response = await api.patch(`${API}/org/departments/${a.id}`, { parentId: target.id });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('TREE_CYCLE');
    }
    expect((await api.get(`${API}/org/departments/${a.id}`)).json().parentId).toBeNull();
    // A legitimate move: C up under A, then B under C (no longer its descendant).
    const up = await api.patch(`${API}/org/departments/${c.id}`, { parentId: a.id });
    expect(up.statusCode).toBe(200);
    expect(up.json().parentId).toBe(a.id);
    const down = await api.patch(`${API}/org/departments/${b.id}`, { parentId: c.id });
    expect(down.statusCode).toBe(200);
    expect(down.json().parentId).toBe(c.id);
    const toRoot = await api.patch(`${API}/org/departments/${c.id}`, { parentId: null });
    expect(toRoot.json().parentId).toBeNull();
  });

  it('refuses to delete a department with children or members, and deletes an empty one', async () => {
    const api = await admin();
    const { a, b, c } = await tree(api);
    const withChildren = await api.delete(`${API}/org/departments/${a.id}`);
    expect(withChildren.statusCode).toBe(409);
    expect(withChildren.json().code).toBe('HAS_CHILDREN');

    const member = await t().given.user({ departmentId: c.id });
    const withMember = await api.delete(`${API}/org/departments/${c.id}`);
    expect(withMember.statusCode).toBe(409);
    expect(withMember.json().code).toBe('HAS_CHILDREN');
    expect((await api.get(`${API}/org/departments/${c.id}`)).json().memberCount).toBe(1);

    // A member through an extra department counts too.
    const moved = await api.patch(`${API}/org/users/${member.id}`, {
      departmentId: b.id,
      extraDepartmentIds: [c.id],
    });
    expect(moved.statusCode).toBe(200);
    const withExtra = await api.delete(`${API}/org/departments/${c.id}`);
    expect(withExtra.statusCode).toBe(409);
    expect(withExtra.json().code).toBe('HAS_CHILDREN');

    expect((await api.patch(`${API}/org/users/${member.id}`, { extraDepartmentIds: [] })).statusCode).toBe(
      200,
    );
    const deleted = await api.delete(`${API}/org/departments/${c.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await api.get(`${API}/org/departments/${c.id}`)).statusCode).toBe(404);
    expect((await api.delete(`${API}/org/departments/${c.id}`)).statusCode).toBe(404);
  });

  it('accepts as head only a user of the same entity', async () => {
    const api = await admin();
    const { a } = await tree(api);
    const techUser = await t().given.userByUsername('lin.feng');
    const foreign = await api.patch(`${API}/org/departments/${a.id}`, { headUserId: techUser.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe('INVALID_REFERENCE');
    const unknown = await api.patch(`${API}/org/departments/${a.id}`, { headUserId: randomUUID() });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('INVALID_REFERENCE');

    const consUser = await t().given.userByUsername('wu.min');
    const ok = await api.patch(`${API}/org/departments/${a.id}`, { headUserId: consUser.id });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ headUserId: consUser.id, headName: '吴敏' });

    const cons = await t().given.entityByCode('CONS');
    const createdWithForeignHead = await api.post(`${API}/org/departments`, {
      entityId: cons.id,
      code: code('H'),
      name: 'Headed',
      headUserId: techUser.id,
    });
    expect(createdWithForeignHead.statusCode).toBe(400);
    expect(createdWithForeignHead.json().code).toBe('INVALID_REFERENCE');
    const cleared = await api.patch(`${API}/org/departments/${a.id}`, { headUserId: null });
    expect(cleared.json()).toMatchObject({ headUserId: null, headName: null });
  });

  it('renames a department and answers its member count', async () => {
    const api = await admin();
    const eng1 = await t().given.departmentByCode('CONS', 'ENG-1');
    const fetched = (await api.get(`${API}/org/departments/${eng1.id}`)).json();
    expect(fetched).toMatchObject({ code: 'ENG-1', name: '工程一部', headName: '冯波' });
    expect(fetched.memberCount).toBeGreaterThanOrEqual(2); // feng.bo and wu.min
    const { a } = await tree(api);
    const renamed = await api.patch(`${API}/org/departments/${a.id}`, { name: 'Renamed', sortOrder: 3 });
    expect(renamed.json()).toMatchObject({ name: 'Renamed', sortOrder: 3 });
  });

  // ------------------------------------------------------------ positions
  it('creates, lists, renames and deletes positions', async () => {
    const api = await admin();
    const cons = await t().given.entityByCode('CONS');
    const tech = await t().given.entityByCode('TECH');
    const positionCode = code('P');
    const created = await api.post(`${API}/org/positions`, {
      entityId: cons.id,
      code: positionCode,
      name: '造价工程师',
    });
    expect(created.statusCode).toBe(201);
    const position = created.json();
    expect(position).toMatchObject({ entityId: cons.id, code: positionCode, name: '造价工程师' });

    const listed = (await api.get(`${API}/org/positions?entityId=${cons.id}`)).json().items as {
      id: string;
      entityId: string;
    }[];
    expect(listed.map((p) => p.id)).toContain(position.id);
    expect(new Set(listed.map((p) => p.entityId))).toEqual(new Set([cons.id]));
    const inTech = (await api.get(`${API}/org/positions?entityId=${tech.id}`)).json().items as {
      id: string;
    }[];
    expect(inTech.map((p) => p.id)).not.toContain(position.id);

    const dup = await api.post(`${API}/org/positions`, {
      entityId: cons.id,
      code: positionCode,
      name: 'Again',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DUPLICATE');
    expect(
      (
        await api.post(`${API}/org/positions`, {
          entityId: tech.id,
          code: positionCode,
          name: 'Other entity',
        })
      ).statusCode,
    ).toBe(201);
    const dupRename = await api.patch(`${API}/org/positions/${position.id}`, { code: 'GM' });
    expect(dupRename.statusCode).toBe(409);

    const renamed = await api.patch(`${API}/org/positions/${position.id}`, { name: '高级造价工程师' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: position.id, code: positionCode, name: '高级造价工程师' });

    const deleted = await api.delete(`${API}/org/positions/${position.id}`);
    expect(deleted.statusCode).toBe(204);
    const after = (await api.get(`${API}/org/positions?entityId=${cons.id}`)).json().items as {
      id: string;
    }[];
    expect(after.map((p) => p.id)).not.toContain(position.id);
    expect((await api.patch(`${API}/org/positions/${position.id}`, { name: 'gone' })).statusCode).toBe(404);
  });

  it('refuses to delete a position that a user holds', async () => {
    const api = await admin();
    const cons = await t().given.entityByCode('CONS');
    const position = (
      await api.post(`${API}/org/positions`, { entityId: cons.id, code: code('P'), name: '安全员' })
    ).json();
    const proc = await t().given.departmentByCode('CONS', 'PROC');
    const user = await t().given.user({ departmentId: proc.id });
    expect((await api.patch(`${API}/org/users/${user.id}`, { positionId: position.id })).statusCode).toBe(
      200,
    );
    const refused = await api.delete(`${API}/org/positions/${position.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('HAS_CHILDREN');
    expect((await api.patch(`${API}/org/users/${user.id}`, { positionId: null })).statusCode).toBe(200);
    expect((await api.delete(`${API}/org/positions/${position.id}`)).statusCode).toBe(204);
  });

  it('refuses a position for an unknown entity', async () => {
    const api = await admin();
    const response = await api.post(`${API}/org/positions`, {
      entityId: randomUUID(),
      code: code('P'),
      name: 'x',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('INVALID_REFERENCE');
  });
});
