import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores here; each worker gets its own databases (see test/helpers/app.ts).
    maxWorkers: 2,
    reporters: ['default'],
  },
});
