/**
 * A test app opened on a template's copy must be the app that migrated and seeded on its own:
 * nothing left to migrate, the same rows in every table, every seeded attachment's bytes present.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { allMigrations, buildApp } from '../../app.js';
import { seedDemo } from '../../cli/seed-demo.js';
import { createDatabase, migrateToLatest } from '../../db/index.js';
import { ManualClock } from '../../platform/jobs/index.js';
import { testDatabaseTarget, testDialects } from '../dialects.js';
import { createTestApp } from '../test-app.js';

const START = '2026-03-01T01:00:00.000Z';

async function rowCounts(db: Kysely<any>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await db.introspection.getTables()) {
    const row = await db
      .selectFrom(table.name)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table.name] = Number(row.n);
  }
  return counts;
}

for (const dialect of testDialects()) {
  describe(`test database templates [${dialect}]`, () => {
    it('leaves nothing to migrate in a copy, bare or seeded', async () => {
      for (const demo of [false, true]) {
        const target = await testDatabaseTarget(dialect, { demo, clock: new ManualClock(START) });
        const database = createDatabase(target.url, { sqliteBytes: target.sqliteBytes });
        try {
          expect(await migrateToLatest(database.db, allMigrations)).toEqual([]);
        } finally {
          await database.close();
          await target.drop();
        }
      }
    });

    it('gives the same rows and attachments as an app that seeded itself', async () => {
      const copy = await createTestApp(dialect, { demo: true, clock: new ManualClock(START) });
      const own = await testDatabaseTarget(dialect);
      const seeded = await buildApp({
        databaseUrl: own.url,
        filesDir: own.filesDir,
        logLevel: 'silent',
        rateLimit: false,
        clock: new ManualClock(START),
        cookieSecure: false,
        sessionTtlHours: 12,
      });
      try {
        await seedDemo(seeded.services);
        const expected = await rowCounts(seeded.services.db);
        expect(expected.org_user).toBeGreaterThan(10);
        expect(await rowCounts(copy.services.db)).toEqual(expected);

        const files = await copy.services.db.selectFrom('file_object').selectAll().execute();
        expect(files.length).toBeGreaterThan(0);
        for (const file of files) {
          const { stream } = await copy.services.files.open(copy.services.systemContext(), file.id);
          const hash = createHash('sha256');
          for await (const chunk of stream) hash.update(chunk);
          expect(hash.digest('hex'), file.name).toBe(file.sha256);
        }
      } finally {
        await seeded.app.close();
        await own.drop();
        await copy.close();
      }
    });

    it('signs in a demo user whose password was hashed into the template', async () => {
      const app = await createTestApp(dialect, { demo: true });
      try {
        const client = await app.login('admin');
        expect(client.session.user.username).toBe('admin');
      } finally {
        await app.close();
      }
    });
  });
}
