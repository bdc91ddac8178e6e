import { allMigrations, buildApp } from '../../app.js';
import { seedDemo } from '../../cli/seed-demo.js';
import { createDatabase, migrateToLatest } from '../../db/index.js';
import { ManualClock } from '../../platform/jobs/index.js';
import type { TemplateSpec } from './template-spec.js';

/**
 * Fills an empty database with a template's content, exactly as a test app used to on its own:
 * a bare template only migrates (the test app schedules its recurring jobs on its own clock when
 * it starts); a demo template starts the app (which schedules at the clock's instant, as the test
 * app will again, a no-op then) and seeds the demo group, files going to `filesDir`. `afterSeed`
 * runs before the app closes (SQLite copies the in-memory database out there).
 */
export async function seedTemplate(
  spec: TemplateSpec,
  target: { databaseUrl: string; filesDir: string },
  afterSeed: (database: { sqliteBackup?: (file: string) => Promise<void> }) => Promise<void>,
): Promise<void> {
  if (!spec.demo) {
    const database = createDatabase(target.databaseUrl);
    try {
      await migrateToLatest(database.db, allMigrations);
      await afterSeed(database);
    } finally {
      await database.close();
    }
    return;
  }
  // A clock of its own at the same instant: the test's clock object belongs to the test app.
  const clock = spec.clock ? new ManualClock(spec.clock.now()) : undefined;
  const { app, database, services } = await buildApp({
    databaseUrl: target.databaseUrl,
    filesDir: target.filesDir,
    logLevel: 'silent',
    rateLimit: false,
    clock,
    cookieSecure: false,
    sessionTtlHours: 12,
  });
  try {
    await seedDemo(services);
    await afterSeed(database);
  } finally {
    await app.close();
  }
}
