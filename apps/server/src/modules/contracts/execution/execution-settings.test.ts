/**
 * Execution settings per entity on a real database: the fallback entity → group → defaults through
 * `forEntity` and the API, saving and resetting (audited), validation, and who may change them.
 */
import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { expectProblem } from '../contracts.testing.js';

describeEachDialect('contract execution settings', (t) => {
  let admin: ApiClient;
  let ids: { GRP: string; CONS: string; TECH: string };
  const db = () => t().services.db;
  const forEntity = (id: string) => t().services.executionSettings.forEntity(db(), id);
  const body = (overrides: Record<string, unknown> = {}) => ({
    toleranceAmount: 1_000,
    toleranceRate: 50,
    remindBeforeDays: [3, 10, 3],
    ownerAfterDays: 1,
    headAfterDays: 5,
    financeAfterDays: 10,
    ...overrides,
  });

  beforeAll(async () => {
    admin = await t().login('admin');
    const { given } = t();
    ids = {
      GRP: (await given.entityByCode('GRP')).id,
      CONS: (await given.entityByCode('CONS')).id,
      TECH: (await given.entityByCode('TECH')).id,
    };
    // Start from no rows at all (the demo may have saved some).
    for (const id of Object.values(ids)) await admin.delete(`/api/v1/contract-settings/${id}`);
  });

  it('falls back from the entity to the group to the defaults', async () => {
    expect(await forEntity(ids.CONS)).toEqual({
      tolerance: { amount: 100, rate: 0 },
      remindBeforeDays: [7, 1],
      ownerAfterDays: 0,
      headAfterDays: 7,
      financeAfterDays: 15,
      source: 'DEFAULT',
    });

    const group = await admin.put(`/api/v1/contract-settings/${ids.GRP}`, body());
    expect(group.statusCode, group.body).toBe(200);
    expect(group.json()).toMatchObject({
      entityId: ids.GRP,
      source: 'GROUP',
      toleranceAmount: 1_000,
      toleranceRate: 50,
      // Distinct, latest first.
      remindBeforeDays: [10, 3],
      canEdit: true,
    });
    expect(await forEntity(ids.CONS)).toEqual({
      tolerance: { amount: 1_000, rate: 50 },
      remindBeforeDays: [10, 3],
      ownerAfterDays: 1,
      headAfterDays: 5,
      financeAfterDays: 10,
      source: 'GROUP',
    });

    const cons = await admin.put(
      `/api/v1/contract-settings/${ids.CONS}`,
      body({ toleranceAmount: 0, toleranceRate: 200, remindBeforeDays: [], financeAfterDays: 30 }),
    );
    expect(cons.statusCode, cons.body).toBe(200);
    expect(await forEntity(ids.CONS)).toMatchObject({
      tolerance: { amount: 0, rate: 200 },
      remindBeforeDays: [],
      financeAfterDays: 30,
      source: 'ENTITY',
    });
    // TECH still follows the group.
    expect((await forEntity(ids.TECH)).source).toBe('GROUP');
    const list = (await admin.get('/api/v1/contract-settings')).json();
    expect(list.map((s: { entityId: string; source: string }) => [s.entityId, s.source])).toEqual(
      expect.arrayContaining([
        [ids.GRP, 'GROUP'],
        [ids.CONS, 'ENTITY'],
        [ids.TECH, 'GROUP'],
      ]),
    );

    // Resetting CONS: the group's apply again; resetting the group: the defaults.
    const reset = await admin.delete(`/api/v1/contract-settings/${ids.CONS}`);
    expect(reset.json()).toMatchObject({ source: 'GROUP', toleranceAmount: 1_000, updatedAt: null });
    await admin.delete(`/api/v1/contract-settings/${ids.GRP}`);
    expect((await forEntity(ids.CONS)).source).toBe('DEFAULT');

    const audit = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'contract_execution_setting')
      .where('entity_id', '=', ids.CONS)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('records what changed when settings are updated', async () => {
    await admin.put(`/api/v1/contract-settings/${ids.TECH}`, body());
    await admin.put(`/api/v1/contract-settings/${ids.TECH}`, body({ toleranceAmount: 2_000 }));
    const rows = await t().services.audit.list(t().services.systemContext(), {
      entityType: 'contract_execution_setting',
      entityId: ids.TECH,
      page: 1,
      pageSize: 10,
    } as never);
    const update = rows.items.find((r: { action: string }) => r.action === 'update') as
      | { changes: { field: string; old: unknown; new: unknown }[] }
      | undefined;
    expect(update?.changes).toEqual([{ field: 'toleranceAmount', old: 1_000, new: 2_000 }]);
  });

  it('validates the input', async () => {
    expectProblem(
      await admin.put(
        `/api/v1/contract-settings/${ids.CONS}`,
        body({ headAfterDays: 20, financeAfterDays: 10 }),
      ),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await admin.put(`/api/v1/contract-settings/${ids.CONS}`, body({ toleranceRate: 10_001 })),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('lets only holders of contract.settings change settings, within their scope', async () => {
    // 孙丽 (CONS finance) reads but may not change.
    const sunLi = await t().login('sun.li');
    const read = await sunLi.get(`/api/v1/contract-settings/${ids.CONS}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().canEdit).toBe(false);
    expectProblem(await sunLi.put(`/api/v1/contract-settings/${ids.CONS}`, body()), 403, 'FORBIDDEN');
    // 郑浩 (CONS entity admin) changes CONS, not TECH nor the group; he does not see TECH's.
    const zhengHao = await t().login('zheng.hao');
    const own = await zhengHao.put(`/api/v1/contract-settings/${ids.CONS}`, body({ toleranceAmount: 300 }));
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ source: 'ENTITY', toleranceAmount: 300, canEdit: true });
    expectProblem(await zhengHao.put(`/api/v1/contract-settings/${ids.TECH}`, body()), 404, 'NOT_FOUND');
    expectProblem(await zhengHao.put(`/api/v1/contract-settings/${ids.GRP}`, body()), 404, 'NOT_FOUND');
    expectProblem(await zhengHao.get(`/api/v1/contract-settings/${ids.TECH}`), 404, 'NOT_FOUND');
    const visible = (await zhengHao.get('/api/v1/contract-settings')).json();
    expect(visible.map((s: { entityId: string }) => s.entityId)).toEqual([ids.CONS]);
  });
});
