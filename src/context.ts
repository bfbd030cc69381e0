// The wiring: picks the real or the embedded implementation of every outside part from the configuration.
import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import pino from 'pino';
import type { Config } from './config.js';
import type { Cache } from './platform/cache/cache.js';
import { MemoryCache } from './platform/cache/memory-cache.js';
import { RedisCache } from './platform/cache/redis-cache.js';
import { systemClock, type Clock } from './platform/clock/clock.js';
import { openDatabases, type Databases } from './platform/db/connect.js';
import { migrations } from './migrations/index.js';
import { migrateAll } from './platform/db/migrate.js';
import { LocalEmbedder, RemoteEmbedder, type Embedder } from './platform/embedder/embedder.js';
import { REDACTED_LOG_PATHS } from './platform/http/server.js';
import { BullMqJobRunner } from './platform/jobs/bullmq-jobs.js';
import type { JobRunner } from './platform/jobs/jobs.js';
import { MemoryJobRunner } from './platform/jobs/memory-jobs.js';
import { MemoryPubSub, RedisPubSub, type PubSub } from './platform/pubsub/pubsub.js';
import { createRedis, releaseRedis } from './platform/redis.js';
import type { AppTables } from './tables.js';
import { startPaymentSimulator, type PaymentSimulator } from './payment-simulator/simulator.js';

export interface Context {
  config: Config;
  logger: FastifyBaseLogger;
  clock: Clock;
  dbs: Databases<AppTables>;
  cache: Cache;
  jobs: JobRunner;
  pubsub: PubSub;
  /** The fail-fast Redis command connection, or null in the embedded mode. */
  redis: Redis | null;
  embedder: Embedder;
  /** Prefix of every Redis key, queue and rate-limit counter of this deployment. */
  keyPrefix: string;
  close(): Promise<void>;
}

export interface ContextOptions {
  clock?: Clock;
  logger?: FastifyBaseLogger;
  /** An already open PGlite (tests use an in-memory one). */
  pglite?: PGlite;
  /** Run migrations on start (default true). */
  migrate?: boolean;
  /** Prefix for Redis queue and cache keys, so parallel test runs never share state. */
  redisPrefix?: string;
}

/** Waits for `work` at most `ms`; shutdown must not hang on an unreachable dependency. */
function bounded(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([work.catch(() => undefined), limit]).finally(() => clearTimeout(timer));
}

export function createLogger(config: Config): FastifyBaseLogger {
  return pino({
    level: config.logLevel,
    base: { service: 'uhok' },
    redact: { paths: REDACTED_LOG_PATHS, censor: '***REDACTED***' },
  }) as unknown as FastifyBaseLogger;
}

/**
 * The embedded mode pays with no other server: the built-in payment server on a free local port, completing in
 * about a second, with a webhook secret generated for both sides when none is configured.
 */
async function embeddedPaymentServer(config: Config): Promise<PaymentSimulator | null> {
  if (!config.embedded || config.payment.serverUrl2) return null;
  config.payment.webhookSecret ??= randomBytes(32).toString('base64url');
  const sim = await startPaymentSimulator({
    host: '127.0.0.1',
    webhookSecret: config.payment.webhookSecret,
    serviceAuthToken: config.serviceAuthToken ?? undefined,
    timings: { complete_delay_ms: 1000 },
  });
  config.payment.serverUrl2 = sim.url;
  // It serves the legacy v1 endpoints too.
  config.payment.serverUrl ??= sim.url;
  return sim;
}

export async function createContext(config: Config, options: ContextOptions = {}): Promise<Context> {
  const logger = options.logger ?? createLogger(config);
  logger.info(
    {
      mode: config.embedded ? 'embedded' : 'servers',
      auth: config.db.auth?.display ?? 'pglite',
      service: config.db.service?.display ?? 'pglite',
      log: config.db.log?.display ?? 'pglite',
      rec: config.db.rec?.display ?? (config.embedded ? 'pglite' : 'disabled'),
      redis: config.redisUrl ? config.redisUrl.replace(/\/\/[^@]*@/, '//***@') : 'in-process',
    },
    'starting',
  );
  const dbs = await openDatabases<AppTables>(config, { pglite: options.pglite });
  if (options.migrate !== false) {
    const ran = await migrateAll(dbs, migrations);
    if (ran.length > 0) logger.info({ steps: ran }, 'migrations applied');
  }

  const prefix = options.redisPrefix ?? 'uhok';
  let redis: Redis | null = null;
  let blocking: Redis | null = null;
  let subscriber: Redis | null = null;
  let cache: Cache;
  let jobs: JobRunner;
  let pubsub: PubSub;
  const onJobError = (name: string, err: unknown) =>
    logger.warn({ queue: name, err: err instanceof Error ? err.message : String(err) }, 'job attempt failed');
  if (config.redisUrl) {
    redis = createRedis(config.redisUrl, logger, 'command');
    blocking = createRedis(config.redisUrl, logger, 'blocking');
    subscriber = createRedis(config.redisUrl, logger, 'blocking');
    cache = new RedisCache(redis, `${prefix}:`);
    jobs = new BullMqJobRunner(blocking, prefix, onJobError);
    pubsub = new RedisPubSub(redis, subscriber, `${prefix}:`);
  } else {
    cache = new MemoryCache();
    jobs = new MemoryJobRunner(onJobError);
    pubsub = new MemoryPubSub();
  }
  const paymentServer = await embeddedPaymentServer(config);
  const embedder: Embedder = config.ml.url ? new RemoteEmbedder(config.ml.url, config.ml.timeoutMs, config.ml.retries) : new LocalEmbedder();

  return {
    config,
    logger,
    clock: options.clock ?? systemClock,
    dbs,
    cache,
    jobs,
    pubsub,
    redis,
    embedder,
    keyPrefix: prefix,
    async close() {
      // With Redis down, BullMQ would wait for it forever: give queued work a bounded time, then cut the lines.
      await bounded(jobs.close(), 10_000);
      await paymentServer?.close();
      await bounded(pubsub.close(), 1_000);
      await cache.close();
      await Promise.all([redis, blocking, subscriber].map((c) => c && releaseRedis(c)));
      await dbs.close();
    },
  };
}
