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
    // Two forks even on two cores: a test file waits on its database (PostgreSQL above all) as much as
    // it computes, and one fork (Vitest's default here) left the suite idle half the time.
    maxWorkers: 2,
    // Template databases (migrated, demo-seeded) that each test app copies instead of seeding.
    globalSetup: ['apps/server/src/testing/templates/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
