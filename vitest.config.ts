import { defineConfig } from 'vitest/config';

/** Files whose answers depend on the wall clock in Seoul: they run a second time in another time zone. */
const KST_SENSITIVE = ['test/homeshopping-*.test.ts', 'test/kok-recommend.test.ts', 'test/log.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores here; each worker gets its own databases (see test/helpers/app.ts).
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      // "Today", "live now" and "starts in N minutes" are Asia/Seoul whatever the server's zone: UTC (as in most
      // containers) for everything, and America/New_York (a day behind Seoul for most hours) for the clock-bound files.
      { extends: true, test: { name: 'utc', include: ['test/**/*.test.ts'], env: { TZ: 'UTC' } } },
      { extends: true, test: { name: 'new-york', include: KST_SENSITIVE, env: { TZ: 'America/New_York' } } },
    ],
  },
});
