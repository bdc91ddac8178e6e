import { defineConfig } from 'vitest/config';

// Cheap argon2 parameters for the passwords tests create (see platform/iam/passwords.ts). Set here,
// in the main process, so the global setup's templates and every fork get them.
process.env.CONCORD_TEST_FAST_HASH ??= '1';

export default defineConfig({
  test: {
    // apps/web: unit tests of pure functions only (formatting, input parsing); no DOM.
    include: [
      'apps/server/src/**/*.test.ts',
      'packages/contracts/src/**/*.test.ts',
      'apps/web/src/**/*.test.ts',
    ],
    pool: 'forks',
    // Two forks even on two cores: a test file waits on its database as much as it computes, and one
    // fork (Vitest's default here) left the suite idle half the time. On PostgreSQL a third fork fills
    // the round trips (PostgreSQL pass 247 s -> 185 s on two cores; SQLite gains nothing from it).
    maxWorkers: (process.env.DIALECTS ?? '').includes('postgres') ? 3 : 2,
    // Each fork imports the app once and runs its files one after another, instead of importing it
    // again for every file: the SQLite suite spent 286 s of its 289 s importing (106 s now). Test files
    // share no state through modules: each builds its own app on its own database copy.
    isolate: false,
    // Template databases (migrated, demo-seeded) that each test app copies instead of seeding.
    globalSetup: ['apps/server/src/testing/templates/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
