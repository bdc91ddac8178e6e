/**
 * The organisation's name cache on a real database: cached per access stamp, a write to the
 * organisation tables (through any path) raises the stamp and is seen at the next stamp, and a
 * request that read an older stamp than the cache holds reads from the database.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-app.js';
import { OrgNameCache } from './org-names.js';

describeEachDialect('organisation: name cache', (t) => {
  const stampNow = async () =>
    Number(
      (
        await t()
          .services.db.selectFrom('iam_access_stamp')
          .select('version')
          .where('id', '=', 1)
          .executeTakeFirstOrThrow()
      ).version,
    );

  it('answers from the cache at one stamp and reads again at the next', async () => {
    const { db } = t().services;
    const cache = new OrgNameCache(db);
    const department = await t().given.departmentByCode('CONS', 'PROC');
    const stamp = await stampNow();
    expect((await cache.at(stamp).departments([department.id])).get(department.id)?.name).toBe(
      department.name,
    );

    await db
      .updateTable('org_department')
      .set({ name: '采购二部' })
      .where('id', '=', department.id)
      .execute();
    const raised = await stampNow();
    expect(raised).toBeGreaterThan(stamp);
    // Still at the old stamp: the cached name (what a request that read the old stamp may show).
    expect((await cache.at(stamp).departments([department.id])).get(department.id)?.name).toBe(
      department.name,
    );
    // At the new stamp: read again.
    expect((await cache.at(raised).departments([department.id])).get(department.id)?.name).toBe('采购二部');
    // A request still holding the old stamp now reads from the database, not the new generation.
    expect((await cache.at(stamp).departments([department.id])).get(department.id)?.name).toBe('采购二部');
    await db
      .updateTable('org_department')
      .set({ name: department.name })
      .where('id', '=', department.id)
      .execute();
  });

  it('names users and entities, and finds the group root among the entities', async () => {
    const { db } = t().services;
    const cache = new OrgNameCache(db);
    const names = cache.at(await stampNow());
    const user = await t().given.userByUsername('li.na');
    const group = await t().given.entityByCode('GRP');
    const construction = await t().given.entityByCode('CONS');
    expect((await names.userNames([user.id, randomUUID()])).get(user.id)).toBe(user.displayName);
    const entities = await names.entities([group.id, construction.id]);
    expect(entities.get(construction.id)?.code).toBe('CONS');
    expect(await names.groupRootId()).toBe(group.id);
    // Asked again: the same answer, from the cache.
    expect((await names.userNames([user.id])).get(user.id)).toBe(user.displayName);
  });

  it('reads from the database without a stamp (a job, the demo seed)', async () => {
    const cache = new OrgNameCache(t().services.db);
    const group = await t().given.entityByCode('GRP');
    expect(await cache.at(undefined).groupRootId()).toBe(group.id);
  });
});
