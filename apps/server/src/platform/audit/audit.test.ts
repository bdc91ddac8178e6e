import { businessDate } from '@concord/contracts';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { readJson, writeJson } from '../../db/index.js';
import { type ApiClient, describeEachDialect, type TestApp } from '../../testing/test-app.js';
import { entryHash } from './audit.hash.js';

const API = '/api/v1';
const rid = () => `req-${randomUUID()}`;

async function auditCount(t: TestApp, where?: (q: any) => any): Promise<number> {
  let query = t.services.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n'));
  if (where) query = where(query);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

describeEachDialect('audit log', (t) => {
  let api: ApiClient;
  let adminId = '';
  const entity: Record<string, string> = {};

  beforeAll(async () => {
    api = await t().login('admin');
    adminId = api.session.user.id;
    for (const code of ['GRP', 'CONS', 'TECH']) entity[code] = (await t().given.entityByCode(code)).id;
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  /** Sends a write with a request id of its own and returns the response with that id. */
  async function write(
    client: ApiClient,
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ) {
    const requestId = rid();
    const response = await client.request({
      method,
      url: `${API}${url}`,
      payload: payload as never,
      headers: { 'x-request-id': requestId },
    });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(200);
    expect(response.headers['x-request-id']).toBe(requestId);
    return { requestId, body: response.json() };
  }

  async function entriesWithRequestId(requestId: string) {
    const rows = await t()
      .services.db.selectFrom('audit_log')
      .selectAll()
      .where('request_id', '=', requestId)
      .execute();
    return rows.map((r: any) => ({ ...r, seq: Number(r.seq), changes: readJson(r.changes, []) }));
  }

  it('records actor, acting entity, request id, address and the field-level change', async () => {
    const department = await t().given.department({ entityId: entity.CONS, name: '旧名称' });
    const { requestId } = await write(api, 'PATCH', `/org/departments/${department.id}`, { name: '新名称' });
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

    const ent = await write(api, 'POST', '/org/entities', {
      parentId: entity.GRP,
      code: `AUD${Date.now()}`,
      name: 'Audited',
    });
    expectEntry(ent.requestId, 'entity', 'create', ent.body.id);
    expectEntry(
      (await write(api, 'PATCH', `/org/entities/${ent.body.id}`, { name: 'Audited 2' })).requestId,
      'entity',
      'update',
      ent.body.id,
    );

    const dep = await write(api, 'POST', '/org/departments', {
      entityId: cons,
      code: `AUD${Date.now()}`,
      name: 'Dep',
    });
    expectEntry(dep.requestId, 'department', 'create', dep.body.id);
    expectEntry(
      (await write(api, 'PATCH', `/org/departments/${dep.body.id}`, { sortOrder: 5 })).requestId,
      'department',
      'update',
      dep.body.id,
    );

    const pos = await write(api, 'POST', '/org/positions', {
      entityId: cons,
      code: `AUD${Date.now()}`,
      name: 'Pos',
    });
    expectEntry(pos.requestId, 'position', 'create', pos.body.id);
    expectEntry(
      (await write(api, 'PATCH', `/org/positions/${pos.body.id}`, { name: 'Pos 2' })).requestId,
      'position',
      'update',
      pos.body.id,
    );
    expectEntry(
      (await write(api, 'DELETE', `/org/positions/${pos.body.id}`)).requestId,
      'position',
      'delete',
      pos.body.id,
    );

    const user = await write(api, 'POST', '/org/users', {
      username: `aud.${Date.now().toString(36)}`,
      displayName: 'Audited User',
      departmentId: dep.body.id,
      password: 'Audit2026pw',
    });
    const uid = user.body.id;
    expectEntry(user.requestId, 'user', 'create', uid);
    expectEntry(
      (await write(api, 'PATCH', `/org/users/${uid}`, { displayName: 'Renamed' })).requestId,
      'user',
      'update',
      uid,
    );
    expectEntry(
      (await write(api, 'POST', `/org/users/${uid}/active`, { active: false })).requestId,
      'user',
      'disable',
      uid,
    );
    expectEntry(
      (await write(api, 'POST', `/org/users/${uid}/active`, { active: true })).requestId,
      'user',
      'enable',
      uid,
    );
    expectEntry(
      (await write(api, 'POST', `/org/users/${uid}/password`, { newPassword: 'Other2026pw' })).requestId,
      'user',
      'reset_password',
      uid,
    );

    const role = await write(api, 'POST', '/iam/roles', {
      code: `aud_${Date.now()}`,
      name: 'R',
      permissions: ['org.user.view'],
      dataScope: 'self',
    });
    expectEntry(role.requestId, 'role', 'create', role.body.id);
    expectEntry(
      (await write(api, 'PATCH', `/iam/roles/${role.body.id}`, { name: 'R2' })).requestId,
      'role',
      'update',
      role.body.id,
    );
    expectEntry(
      (
        await write(api, 'PUT', `/org/users/${uid}/roles`, {
          assignments: [{ roleId: role.body.id, entityId: cons }],
        })
      ).requestId,
      'user',
      'set_roles',
      uid,
    );
    expectEntry(
      (await write(api, 'PUT', `/org/users/${uid}/roles`, { assignments: [] })).requestId,
      'user',
      'set_roles',
      uid,
    );
    expectEntry(
      (await write(api, 'DELETE', `/iam/roles/${role.body.id}`)).requestId,
      'role',
      'delete',
      role.body.id,
    );
    expectEntry(
      (
        await write(api, 'PATCH', `/org/users/${uid}`, {
          departmentId: (await t().given.departmentByCode('CONS', 'PROC')).id,
        })
      ).requestId,
      'user',
      'update',
      uid,
    );
    expectEntry(
      (await write(api, 'DELETE', `/org/departments/${dep.body.id}`)).requestId,
      'department',
      'delete',
      dep.body.id,
    );

    const session = await t().login('admin');
    expectEntry(
      (await write(session, 'POST', '/auth/entity', { entityId: cons })).requestId,
      'session',
      'switch_entity',
      adminId,
    );
    expectEntry(
      (await write(session, 'PUT', '/auth/locale', { locale: 'zh-CN' })).requestId,
      'user',
      'update_profile',
      adminId,
    );
    expectEntry((await write(session, 'POST', '/auth/logout')).requestId, 'session', 'logout', adminId);

    for (const check of checks) {
      const entries = await entriesWithRequestId(check.requestId);
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
      await entriesWithRequestId(checks.find((c) => c.action === 'switch_entity')!.requestId)
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

  it('filters by actor, record type, record, action and date range', async () => {
    const zheng = await t().login('zheng.hao');
    const zhengId = zheng.session.user.id;
    const fin = await t().given.departmentByCode('CONS', 'FIN');
    await write(zheng, 'PATCH', `/org/departments/${fin.id}`, { sortOrder: 42 });

    const byActor = (await api.get(`${API}/audit?actorId=${zhengId}&pageSize=200`)).json();
    expect(byActor.total).toBe(await auditCount(t(), (q) => q.where('actor_id', '=', zhengId)));
    expect(byActor.total).toBeGreaterThanOrEqual(2); // sign-in and the edit
    expect(byActor.items.every((e: { actorId: string }) => e.actorId === zhengId)).toBe(true);

    const byRecord = (await api.get(`${API}/audit?entityType=department&entityId=${fin.id}`)).json();
    expect(byRecord.total).toBe(await auditCount(t(), (q) => q.where('entity_id', '=', fin.id)));
    expect(byRecord.items[0]).toMatchObject({
      actorId: zhengId,
      actingEntityId: entity.CONS,
      changes: [{ field: 'sort_order', old: 3, new: 42 }],
    });

    const logins = (await api.get(`${API}/audit?action=login&pageSize=200`)).json();
    expect(logins.total).toBe(await auditCount(t(), (q) => q.where('action', '=', 'login')));
    expect(new Set(logins.items.map((e: { action: string }) => e.action))).toEqual(new Set(['login']));
    const typeOnly = (await api.get(`${API}/audit?entityType=session&pageSize=1`)).json();
    expect(typeOnly.total).toBe(await auditCount(t(), (q) => q.where('entity_type', '=', 'session')));

    // Entries written "in the past" on either side of Beijing midnight: the date range is in
    // Beijing dates, so 23:59:59.9 on 15 March there (15:59:59.9Z) is the 15th, and 16:00Z the 16th.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-15T15:59:59.900Z'));
    const past = await t().given.department({ entityId: entity.CONS, name: 'Dated' });
    vi.setSystemTime(new Date('2025-03-15T16:00:00.000Z'));
    const after = await t().given.department({ entityId: entity.CONS, name: 'Dated later' });
    vi.useRealTimers();
    const range = async (query: string, id = past.id) =>
      (await api.get(`${API}/audit?entityId=${id}&${query}`)).json().total;
    expect(await range('from=2025-03-15&to=2025-03-15')).toBe(1);
    expect(await range('from=2025-03-15')).toBe(1);
    expect(await range('to=2025-03-15')).toBe(1);
    expect(await range('to=2025-03-14')).toBe(0);
    expect(await range('from=2025-03-16')).toBe(0);
    expect(await range('from=2025-03-15&to=2025-03-15', after.id)).toBe(0);
    expect(await range('from=2025-03-16&to=2025-03-16', after.id)).toBe(1);
    const today = businessDate(new Date());
    expect((await api.get(`${API}/audit?to=2025-03-15`)).json().total).toBe(
      await auditCount(t(), (q) => q.where('at', '<', '2025-03-15T16:00:00.000Z')),
    );
    expect(
      (await api.get(`${API}/audit?from=${today}&to=${today}&entityId=${fin.id}`)).json().total,
    ).toBeGreaterThanOrEqual(1);
    for (const bad of ['from=2025-13-01', 'to=yesterday', 'actorId=nobody', 'bogus=1']) {
      expect((await api.get(`${API}/audit?${bad}`)).statusCode, bad).toBe(400);
    }
  });

  it('pages newest first and sorts by sequence on request', async () => {
    const total = await auditCount(t());
    const first = (await api.get(`${API}/audit?pageSize=5`)).json();
    const second = (await api.get(`${API}/audit?pageSize=5&page=2`)).json();
    expect(first).toMatchObject({ total, page: 1, pageSize: 5 });
    const seqs = [...first.items, ...second.items].map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(10);
    expect(seqs[0]).toBe(total);
    const ascending = (await api.get(`${API}/audit?pageSize=3&sort=seq`))
      .json()
      .items.map((e: { seq: number }) => e.seq);
    expect(ascending).toEqual([1, 2, 3]);
    expect((await api.get(`${API}/audit?sort=actorId`)).statusCode).toBe(400);
  });

  it('verifies the chain', async () => {
    const response = await api.get(`${API}/audit/verify`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      ok: true,
      checked: await auditCount(t()),
      brokenAt: null,
      reason: null,
    });
    const staff = await t().login('wu.min');
    expect((await staff.get(`${API}/audit/verify`)).statusCode).toBe(403);
  });

  it('shows an entity administrator only what was done acting in their entity (and their own acts)', async () => {
    const rnd = await t().given.departmentByCode('TECH', 'RND');
    const proc = await t().given.departmentByCode('CONS', 'PROC');
    const session = await t().login('admin');
    await write(session, 'POST', '/auth/entity', { entityId: entity.TECH });
    const inTech = await write(session, 'PATCH', `/org/departments/${rnd.id}`, { sortOrder: 11 });
    await write(session, 'POST', '/auth/entity', { entityId: entity.CONS });
    const inCons = await write(session, 'PATCH', `/org/departments/${proc.id}`, { sortOrder: 12 });

    const seenBy = async (username: string) => {
      const client = await t().login(username);
      const page = (await client.get(`${API}/audit?entityType=department&pageSize=200`)).json();
      return {
        client,
        requestIds: new Set(page.items.map((e: { requestId: string }) => e.requestId)),
        items: page.items,
      };
    };
    const zheng = await seenBy('zheng.hao');
    expect(zheng.requestIds).toContain(inCons.requestId);
    expect(zheng.requestIds).not.toContain(inTech.requestId);
    expect(
      zheng.items.every(
        (e: { actingEntityId: string; actorId: string }) =>
          e.actingEntityId === entity.CONS || e.actorId === zheng.client.session.user.id,
      ),
    ).toBe(true);
    expect((await zheng.client.get(`${API}/audit?entityId=${rnd.id}`)).json().total).toBe(0);

    const ma = await seenBy('ma.chao');
    expect(ma.requestIds).toContain(inTech.requestId);
    expect(ma.requestIds).not.toContain(inCons.requestId);
  });

  it('always shows users their own entries, whichever entity they acted in', async () => {
    const { given } = t();
    const role = await given.role({
      permissions: ['audit.view', 'org.department.view', 'org.department.manage'],
      dataScope: 'entity',
    });
    const proc = await given.departmentByCode('CONS', 'PROC');
    const user = await given.user({
      departmentId: proc.id,
      roles: [{ roleId: role.id }, { roleId: role.id, entityId: entity.TECH }],
    });
    const client = await t().login(user.username, user.password);
    const sales = await given.departmentByCode('TECH', 'SALES');
    await write(client, 'POST', '/auth/entity', { entityId: entity.TECH });
    const edit = await write(client, 'PATCH', `/org/departments/${sales.id}`, { sortOrder: 21 });
    await write(client, 'POST', '/auth/entity', { entityId: entity.CONS });
    const own = (await client.get(`${API}/audit?entityId=${sales.id}`)).json();
    expect(own.items.map((e: { requestId: string }) => e.requestId)).toEqual([edit.requestId]);
    expect(own.items[0]).toMatchObject({ actorId: user.id, actingEntityId: entity.TECH });
    const zheng = await t().login('zheng.hao');
    expect((await zheng.get(`${API}/audit?entityId=${sales.id}`)).json().total).toBe(0);
  });

  it('exports the filtered entries to Excel', async () => {
    const department = await t().given.department({ entityId: entity.CONS, name: 'Before' });
    await write(api, 'PATCH', `/org/departments/${department.id}`, { name: 'After' });
    const expected = (await api.get(`${API}/audit?entityType=department&pageSize=200`)).json();
    const response = await api.get(`${API}/audit/export?entityType=department`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0].eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows[0]).toEqual(['#', '时间', '操作人', '对象类型', '对象', '动作', '变更', '请求号', 'IP']);
    expect(rows.length - 1).toBe(expected.total);
    expect(rows.slice(1).map((r) => r[0])).toEqual(expected.items.map((e: { seq: number }) => e.seq));
    // Record type and action as the reader says them, not as codes.
    const rename = rows.find((r) => r[4] === department.id && r[5] === '修改')!;
    expect(rename[3]).toBe('部门');
    expect(rename[2]).toBe('系统管理员');
    expect(rename[6]).toBe('name: "Before" → "After"');

    const noExport = await t().login('zheng.hao');
    expect((await noExport.get(`${API}/audit/export`)).statusCode).toBe(403);
  });
});

describeEachDialect('audit log tamper detection', (t) => {
  const db = () => t().services.db;
  const verify = () => t().services.audit.verify();
  const headSeq = async () =>
    Number((await db().selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);

  it('is refused by the database while the append-only triggers are in place', async () => {
    await expect(sql`UPDATE audit_log SET action = 'forged' WHERE seq = 3`.execute(db())).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log WHERE seq = 3`.execute(db())).rejects.toThrow(/append-only/);
    const row = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    expect(row.action).not.toBe('forged');
    expect(await verify()).toEqual({ ok: true, checked: await headSeq(), brokenAt: null, reason: null });
  });

  it('finds a changed entry', async () => {
    if (t().dialect === 'postgres') await sql`DROP TRIGGER audit_log_append_only ON audit_log`.execute(db());
    else {
      await sql`DROP TRIGGER audit_log_no_update`.execute(db());
      await sql`DROP TRIGGER audit_log_no_delete`.execute(db());
    }
    const original = await db()
      .selectFrom('audit_log')
      .select('changes')
      .where('seq', '=', 10)
      .executeTakeFirstOrThrow();
    await db()
      .updateTable('audit_log')
      .set({ changes: writeJson([{ field: 'name', old: 'a', new: 'b' }]) })
      .where('seq', '=', 10)
      .execute();
    expect(await verify()).toMatchObject({
      ok: false,
      checked: 9,
      brokenAt: 10,
      reason: expect.stringMatching(/changed/),
    });
    const api = await t().login('admin');
    expect((await api.get(`${API}/audit/verify`)).json()).toMatchObject({ ok: false, brokenAt: 10 });

    // Put it back: the chain is whole again, so the finding was about that change.
    await db()
      .updateTable('audit_log')
      .set({ changes: writeJson(readJson(original.changes, [])) })
      .where('seq', '=', 10)
      .execute();
    expect((await verify()).ok).toBe(true);

    await db().updateTable('audit_log').set({ actor_id: randomUUID() }).where('seq', '=', 12).execute();
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 12 });
    await db().updateTable('audit_log').set({ actor_id: null }).where('seq', '=', 12).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('finds a changed entry whose own hash was recomputed, at the next link', async () => {
    const row = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', 15)
      .executeTakeFirstOrThrow();
    const forged: Record<string, any> = {
      ...row,
      seq: Number(row.seq),
      action: 'forged',
      changes: readJson(row.changes, []),
    };
    const hash = entryHash({
      seq: forged.seq,
      at: new Date(forged.at).toISOString(),
      actorId: forged.actor_id,
      actingEntityId: forged.acting_entity_id,
      entityType: forged.entity_type,
      entityId: forged.entity_id,
      action: forged.action,
      changes: forged.changes,
      requestId: forged.request_id,
      ip: forged.ip,
      prevHash: forged.prev_hash,
    });
    await db().updateTable('audit_log').set({ action: 'forged', hash }).where('seq', '=', 15).execute();
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 16, reason: expect.stringMatching(/link/) });
    await db()
      .updateTable('audit_log')
      .set({ action: row.action, hash: row.hash })
      .where('seq', '=', 15)
      .execute();
    expect((await verify()).ok).toBe(true);
  });

  it('finds a deleted entry in the middle', async () => {
    const row = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', 20)
      .executeTakeFirstOrThrow();
    await db().deleteFrom('audit_log').where('seq', '=', 20).execute();
    expect(await verify()).toMatchObject({
      ok: false,
      checked: 19,
      brokenAt: 20,
      reason: expect.stringMatching(/missing/),
    });
    await db()
      .insertInto('audit_log')
      .values({ ...row, changes: writeJson(readJson(row.changes, [])) })
      .execute();
    expect((await verify()).ok).toBe(true);
  });

  it('finds entries deleted from the end', async () => {
    const last = await headSeq();
    await db().deleteFrom('audit_log').where('seq', '=', last).execute();
    expect(await verify()).toEqual({
      ok: false,
      checked: last - 1,
      brokenAt: last,
      reason: `entries ${last} to ${last} are missing from the end`,
    });
    await db()
      .deleteFrom('audit_log')
      .where('seq', '>=', last - 2)
      .execute();
    expect(await verify()).toMatchObject({
      ok: false,
      brokenAt: last - 2,
      reason: `entries ${last - 2} to ${last} are missing from the end`,
    });
  });
});
