// Starts the whole app on the chosen target for a test file, resets data between tests, and closes it.
// Tests talk to it over HTTP (`app.inject`) and look at rows through `ctx.dbs`.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createContext, type Context } from '../../src/context.js';
import { ManualClock, systemClock, type Clock } from '../../src/platform/clock/clock.js';
import { openPGlite } from '../../src/platform/db/connect.js';
import type { App } from '../../src/platform/http/server.js';
import { createServices, type Services } from '../../src/services.js';
import { serverEnv, TARGET, type Target } from './target.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

/** Reference data the migrations seed; never truncated. */
const REFERENCE_TABLES = new Set(['STATUS_MASTER', 'HOMESHOPPING_INFO']);

export interface TestApp {
  app: App;
  ctx: Context;
  services: Services;
  config: Config;
  target: Target;
  /** Empties every non-reference table and the cache, so each test starts clean. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  target?: Target;
  /** Extra environment (e.g. low rate limits); wins over the target's. */
  env?: Record<string, string>;
  clock?: Clock | ManualClock;
  /** Servers target: database name suffix, to run two instances on the same databases. */
  dbSuffix?: string;
  /** Redis key/queue prefix; two instances that must share state pass the same one. */
  redisPrefix?: string;
  /** Consume jobs in this instance (default true); false makes an API-only instance, as UHOK_ROLE=api does. */
  consumeJobs?: boolean;
  /** Declare the scheduled jobs (default false: a test drives the jobs' work by hand, with its clock). */
  schedules?: boolean;
}

async function tablesOf(ctx: Context): Promise<Array<{ db: 'auth' | 'service' | 'log' | 'rec'; table: string }>> {
  const out: Array<{ db: 'auth' | 'service' | 'log' | 'rec'; table: string }> = [];
  const seen = new Set<string>();
  for (const name of ['auth', 'service', 'log', 'rec'] as const) {
    const db = ctx.dbs[name];
    if (!db) continue;
    const tables = await db.kysely.introspection.getTables();
    for (const t of tables) {
      const key = `${db.label}:${t.name}`;
      if (seen.has(key) || t.name.startsWith('uhok_migrations') || REFERENCE_TABLES.has(t.name)) continue;
      seen.add(key);
      out.push({ db: name, table: t.name });
    }
  }
  return out;
}

export async function startApp(options: StartOptions = {}): Promise<TestApp> {
  const target = options.target ?? TARGET;
  const base: Record<string, string> = {
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    RATE_LIMIT_SIGNUP_PER_MINUTE: '100000',
    SERVICE_AUTH_TOKEN: 'test-service-token',
    UHOK_SCHEDULES: options.schedules ? 'on' : 'off',
  };
  const env = { ...base, ...(target === 'servers' ? await serverEnv(options.dbSuffix) : { UHOK_DATA_DIR: '/tmp/uhok-test-unused' }), ...options.env };
  const config = loadConfig(env as NodeJS.ProcessEnv, '/nonexistent');
  const ctx = await createContext(config, {
    clock: options.clock ?? systemClock,
    pglite: target === 'embedded' ? await openPGlite(null) : undefined,
    redisPrefix: options.redisPrefix ?? `uhoktest:${randomBytes(4).toString('hex')}`,
  });
  const services = createServices(ctx);
  const app = await buildApp(ctx, services);
  if (options.consumeJobs !== false) await ctx.jobs.start();
  await app.ready();
  const tables = await tablesOf(ctx);

  return {
    app,
    ctx,
    services,
    config,
    target,
    async reset() {
      await ctx.jobs.drain();
      for (const { db, table } of tables) {
        const d = ctx.dbs[db]!;
        if (d.kind === 'mysql') await sql`DELETE FROM ${sql.table(table)}`.execute(d.kysely);
        else await sql`TRUNCATE ${sql.table(table)} RESTART IDENTITY`.execute(d.kysely);
      }
      await ctx.cache.delPattern('*');
    },
    async close() {
      await app.close();
      await ctx.close();
    },
  };
}
