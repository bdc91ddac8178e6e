/**
 * Legal entities on a real database: the tree, codes and credit codes, patching and disabling, who may.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-app.js';
import { adminOf, API, code } from './org.testing.js';

describeEachDialect('organisation: entities, departments, positions', (t) => {
  const admin = adminOf(t);

  // ------------------------------------------------------------ entities
  it('creates a legal entity under a parent and reads it back', async () => {
    const api = await admin();
    const group = await t().given.entityByCode('GRP');
    const newCode = code('NEWCO');
    const created = await api.post(`${API}/org/entities`, {
      parentId: group.id,
      code: newCode,
      name: '协和新能源有限公司',
      shortName: '协和新能源',
      creditCode: '91110000MA01XYKW2A',
      sortOrder: 7,
    });
    expect(created.statusCode).toBe(201);
    const entity = created.json();
    expect(entity).toMatchObject({
      parentId: group.id,
      code: newCode,
      name: '协和新能源有限公司',
      shortName: '协和新能源',
      creditCode: '91110000MA01XYKW2A',
      active: true,
      sortOrder: 7,
    });
    expect(entity.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const fetched = await api.get(`${API}/org/entities/${entity.id}`);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json()).toEqual(entity);
    const listed = (await api.get(`${API}/org/entities`)).json().items;
    expect(listed.map((e: { code: string }) => e.code)).toEqual(
      expect.arrayContaining(['GRP', 'CONS', 'TECH', newCode]),
    );
  });

  it('refuses a duplicate entity code with 409 DUPLICATE', async () => {
    const api = await admin();
    const group = await t().given.entityByCode('GRP');
    const response = await api.post(`${API}/org/entities`, {
      parentId: group.id,
      code: 'CONS',
      name: 'Another',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('DUPLICATE');
    const tech = await t().given.entityByCode('TECH');
    const renamed = await api.patch(`${API}/org/entities/${tech.id}`, { code: 'CONS' });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().code).toBe('DUPLICATE');
  });

  it('checks the unified social credit code format', async () => {
    const api = await admin();
    const group = await t().given.entityByCode('GRP');
    for (const creditCode of ['12345', '91110000MA01ABCD1XX', '91110000MA01ABCDIX', '91110000ma01abcd1x']) {
      const response = await api.post(`${API}/org/entities`, {
        parentId: group.id,
        code: code('BAD'),
        name: 'X',
        creditCode,
      });
      expect(response.statusCode, creditCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain('body.creditCode');
    }
    const tech = await t().given.entityByCode('TECH');
    const patched = await api.patch(`${API}/org/entities/${tech.id}`, { creditCode: 'NOT-A-CODE' });
    expect(patched.statusCode).toBe(400);
  });

  it('accepts every demo entity saved back as it is (the demo credit codes are valid)', async () => {
    const api = await admin();
    for (const entityCode of ['GRP', 'CONS', 'TECH']) {
      const entity = await t().given.entityByCode(entityCode);
      const saved = await api.patch(`${API}/org/entities/${entity.id}`, {
        code: entity.code,
        name: entity.name,
        shortName: entity.shortName,
        creditCode: entity.creditCode,
      });
      expect(saved.statusCode, `${entityCode}: ${saved.body}`).toBe(200);
      expect(saved.json().creditCode).toBe(entity.creditCode);
    }
  });

  it('refuses an unknown parent entity with 400 INVALID_REFERENCE', async () => {
    const api = await admin();
    const response = await api.post(`${API}/org/entities`, {
      parentId: randomUUID(),
      code: code('ORPH'),
      name: 'Orphan',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('INVALID_REFERENCE');
  });

  it('patches an entity and can disable a subsidiary but not the group', async () => {
    const api = await admin();
    const group = await t().given.entityByCode('GRP');
    const created = (
      await api.post(`${API}/org/entities`, { parentId: group.id, code: code('SUB'), name: 'Subsidiary' })
    ).json();
    const patched = await api.patch(`${API}/org/entities/${created.id}`, {
      name: 'Renamed Subsidiary',
      shortName: 'RS',
      active: false,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      name: 'Renamed Subsidiary',
      shortName: 'RS',
      active: false,
      code: created.code,
    });
    expect((await api.get(`${API}/org/entities/${created.id}`)).json()).toMatchObject({
      name: 'Renamed Subsidiary',
      active: false,
    });
    const cleared = await api.patch(`${API}/org/entities/${created.id}`, { shortName: null });
    expect(cleared.json().shortName).toBeNull();

    const root = await api.patch(`${API}/org/entities/${group.id}`, { active: false });
    expect(root.statusCode).toBe(409);
    expect(root.json().code).toBe('BUILT_IN');
    expect((await api.get(`${API}/org/entities/${group.id}`)).json().active).toBe(true);
  });

  it('answers 404 for an unknown entity', async () => {
    const api = await admin();
    const response = await api.get(`${API}/org/entities/${randomUUID()}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
  });

  it('lets only holders of org.entity.manage create entities', async () => {
    const staff = await t().login('zheng.hao');
    const cons = await t().given.entityByCode('CONS');
    const response = await staff.post(`${API}/org/entities`, {
      parentId: cons.id,
      code: code('NOPE'),
      name: 'Nope',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
  });
});
