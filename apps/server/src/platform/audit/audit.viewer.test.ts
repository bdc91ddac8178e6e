/**
 * The audit log on a real database, reading it: filters by actor, record type, record, action and
 * date range; paging and sorting; verifying the chain; what an entity administrator and every user
 * may see; the Excel export.
 */
import { businessDate } from '@concord/contracts';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';
import { API, auditCast, auditCount, writeWithRequestId } from './audit.testing.js';

describeEachDialect('audit log', (t) => {
  let api: ApiClient;
  let entity: Record<string, string> = {};

  beforeAll(async () => {
    ({ api, entity } = await auditCast(t()));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('filters by actor, record type, record, action and date range', async () => {
    const zheng = await t().login('zheng.hao');
    const zhengId = zheng.session.user.id;
    const fin = await t().given.departmentByCode('CONS', 'FIN');
    await writeWithRequestId(zheng, 'PATCH', `/org/departments/${fin.id}`, { sortOrder: 42 });

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
      checkpoints: 0,
    });
    const staff = await t().login('wu.min');
    expect((await staff.get(`${API}/audit/verify`)).statusCode).toBe(403);
  });

  it('shows an entity administrator only what was done acting in their entity (and their own acts)', async () => {
    const rnd = await t().given.departmentByCode('TECH', 'RND');
    const proc = await t().given.departmentByCode('CONS', 'PROC');
    const session = await t().login('admin');
    await writeWithRequestId(session, 'POST', '/auth/entity', { entityId: entity.TECH });
    const inTech = await writeWithRequestId(session, 'PATCH', `/org/departments/${rnd.id}`, {
      sortOrder: 11,
    });
    await writeWithRequestId(session, 'POST', '/auth/entity', { entityId: entity.CONS });
    const inCons = await writeWithRequestId(session, 'PATCH', `/org/departments/${proc.id}`, {
      sortOrder: 12,
    });

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
    await writeWithRequestId(client, 'POST', '/auth/entity', { entityId: entity.TECH });
    const edit = await writeWithRequestId(client, 'PATCH', `/org/departments/${sales.id}`, { sortOrder: 21 });
    await writeWithRequestId(client, 'POST', '/auth/entity', { entityId: entity.CONS });
    const own = (await client.get(`${API}/audit?entityId=${sales.id}`)).json();
    expect(own.items.map((e: { requestId: string }) => e.requestId)).toEqual([edit.requestId]);
    expect(own.items[0]).toMatchObject({ actorId: user.id, actingEntityId: entity.TECH });
    const zheng = await t().login('zheng.hao');
    expect((await zheng.get(`${API}/audit?entityId=${sales.id}`)).json().total).toBe(0);
  });

  it('exports the filtered entries to Excel', async () => {
    const department = await t().given.department({ entityId: entity.CONS, name: 'Before' });
    await writeWithRequestId(api, 'PATCH', `/org/departments/${department.id}`, { name: 'After' });
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
