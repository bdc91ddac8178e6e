import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabaseTarget, testDatabaseTarget, testDialects } from '../testing/dialects.js';
import { type AppDatabase, columnTypes, createDatabase, type Db, QueryTemplate } from './index.js';

/**
 * A query built once per count of values and bound to each call's: it answers exactly what the
 * query built afresh answers, reuses one SQL text per count, and refuses a stand-in that was not
 * used as a value.
 */
for (const dialect of testDialects()) {
  describe(`query templates [${dialect}]`, () => {
    let target: TestDatabaseTarget;
    let database: AppDatabase;
    let db: Db;
    // A boolean constant of the query (true), the values beside it.
    const built = (d: Db, [prefix, ...usernames]: string[]) =>
      d
        .selectFrom('scratch_person' as 'org_user')
        .select(['username', 'display_name'])
        .where('active', '=', true)
        .where((eb) =>
          eb.or([eb('username', 'in', usernames), eb('username', 'like', sql<string>`${prefix} || '%'`)]),
        )
        .orderBy('username');

    beforeAll(async () => {
      target = await testDatabaseTarget(dialect);
      database = createDatabase(target.url, { schema: target.schema });
      db = database.db;
      await db.schema
        .createTable('scratch_person')
        .addColumn('username', 'text', (c) => c.primaryKey())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('active', columnTypes(db).bool, (c) => c.notNull())
        .execute();
      await db
        .insertInto('scratch_person' as 'org_user')
        .values(
          [
            ['zhang.wei', '张伟', true],
            ['zhang.li', '张丽', false],
            ['wang.fang', '王芳', true],
            ['li.na', '李娜', true],
            ['chen.jing', '陈静', true],
            ['wu.min', '吴敏', true],
            ['admin', '系统管理员', true],
          ].map(([username, display_name, active]) => ({ username, display_name, active }) as never),
        )
        .execute();
    });
    afterAll(async () => {
      await database?.close();
      await target?.drop();
    });

    it('answers what the query built afresh answers, with one SQL text per count of values', async () => {
      let builds = 0;
      const template = new QueryTemplate<{ username: string; display_name: string }>((d, values) => {
        builds += 1;
        return built(d, values);
      });
      const asks = [
        ['zhang', 'wang.fang', 'li.na'],
        ['chen', 'wu.min', 'no.such.user'],
        ['', 'admin'],
      ];
      const texts = new Set<string>();
      for (const values of asks) {
        const bound = template.bind(db, values);
        texts.add(bound.sql);
        const rows = (await db.executeQuery(bound)).rows;
        expect(rows).toEqual(await built(db, values).execute());
        expect(rows.length).toBeGreaterThan(0);
      }
      // The first two have three values, the last two: two shapes, each built once.
      expect(builds).toBe(2);
      expect(texts.size).toBe(2);
      expect(template.bind(db, ['zhang', 'x', 'y']).parameters).toEqual(
        expect.arrayContaining(['zhang', 'x', 'y']),
      );
    });

    it('refuses a stand-in that is not used as a value', () => {
      const template = new QueryTemplate((d, [name]) =>
        d.selectFrom('org_user').select('id').where('username', '=', name.toUpperCase()),
      );
      expect(() => template.bind(db, ['wang.fang'])).toThrow(/value 0 is not a parameter/);
    });
  });
}
