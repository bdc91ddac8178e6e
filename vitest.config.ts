import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // apps/web: unit tests of pure functions only (formatting, input parsing); no DOM.
    include: [
      'apps/server/src/**/*.test.ts',
      'packages/contracts/src/**/*.test.ts',
      'apps/web/src/**/*.test.ts',
    ],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
