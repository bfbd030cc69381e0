// Platform adapters behind their ports: job runners (retries, batching, durability), caches, pub/sub.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryCache } from '../src/platform/cache/memory-cache.js';
import { RedisCache } from '../src/platform/cache/redis-cache.js';
import { BullMqJobRunner } from '../src/platform/jobs/bullmq-jobs.js';
import type { JobRunner } from '../src/platform/jobs/jobs.js';
import { MemoryJobRunner } from '../src/platform/jobs/memory-jobs.js';
import { MemoryPubSub, RedisPubSub } from '../src/platform/pubsub/pubsub.js';
import { startApp } from './helpers/app.js';
import { newUser } from './helpers/auth.js';
import { onServers, TEST_REDIS_URL } from './helpers/target.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function redis(): Redis {
  const r = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  cleanups.push(() => r.quit());
  return r;
}

const runners: Array<[string, () => JobRunner]> = [['memory', () => new MemoryJobRunner()]];
if (onServers) runners.push(['bullmq', () => new BullMqJobRunner(redis(), `uhoktest-${randomBytes(4).toString('hex')}`)]);

describe.each(runners)('%s job runner', (_kind, make) => {
  it('hands items over in batches and retries a failing batch until it succeeds', async () => {
    const jobs = make();
    cleanups.push(() => jobs.close());
    const seen: number[][] = [];
    let failuresLeft = 2;
    jobs.define<number>({
      name: 'numbers',
      batchSize: 10,
      batchWaitMs: 30,
      attempts: 5,
      backoffMs: 10,
      handle: async (items) => {
        if (failuresLeft-- > 0) throw new Error('transient');
        seen.push(items);
      },
    });
    await jobs.start();
    for (let i = 0; i < 25; i++) await jobs.add('numbers', i);
    await jobs.drain(15_000);
    const all = seen.flat().sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(seen.some((b) => b.length > 1)).toBe(true);
    expect(Math.max(...seen.map((b) => b.length))).toBeLessThanOrEqual(10);
  });

  it('gives up after the configured attempts and counts the failure', async () => {
    const jobs = make();
    cleanups.push(() => jobs.close());
    let calls = 0;
    jobs.define<string>({
      name: 'always-fails',
      attempts: 3,
      backoffMs: 5,
      handle: async () => {
        calls++;
        throw new Error('permanent');
      },
    });
    await jobs.start();
    await jobs.add('always-fails', 'x');
    await jobs.drain(15_000);
    expect(calls).toBe(3);
    expect(await jobs.failedCount('always-fails')).toBe(1);
  });

  it('ignores a second add with the same job id while the first is pending', async () => {
    const jobs = make();
    cleanups.push(() => jobs.close());
    const handled: string[] = [];
    jobs.define<string>({ name: 'once', handle: async (items) => void handled.push(...items) });
    await jobs.add('once', 'a', { jobId: 'reminder-1', delayMs: 50 });
    await jobs.add('once', 'b', { jobId: 'reminder-1', delayMs: 50 });
    await jobs.start();
    await jobs.drain(15_000);
    expect(handled).toEqual(['a']);
  });
});

describe.skipIf(!onServers)('durability with Redis', () => {
  it('an event acknowledged before a crash is written by the next instance', async () => {
    const prefix = `uhoktest-crash-${randomBytes(4).toString('hex')}`;
    // Instance A acknowledges events but dies before its worker runs: no close, no flush.
    const a = await startApp({ redisPrefix: prefix });
    const u = await newUser(a.app);
    await a.ctx.jobs.close(); // stop A's consumer first so the next events stay queued in Redis
    const res = await a.app.inject({ method: 'POST', url: '/api/log/user/event', headers: u.headers, payload: { user_id: u.userId, event_type: 'survives_crash' } });
    expect(res.statusCode).toBe(201);
    const { log_id } = res.json();
    const before = await a.ctx.dbs.log.kysely.selectFrom('USER_LOG').select('LOG_ID').where('LOG_ID', '=', log_id).execute();
    expect(before).toEqual([]);
    a.ctx.redis?.disconnect();

    // Instance B shares Redis and the databases; its worker picks the queued event up.
    const b = await startApp({ redisPrefix: prefix });
    cleanups.push(() => b.close());
    await b.ctx.jobs.drain(15_000);
    const rows = await b.ctx.dbs.log.kysely.selectFrom('USER_LOG').selectAll().where('LOG_ID', '=', log_id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ USER_ID: u.userId, EVENT_TYPE: 'survives_crash' });
    await a.close().catch(() => undefined);
  });
});

const caches: Array<[string, () => MemoryCache | RedisCache]> = [['memory', () => new MemoryCache()]];
if (onServers) caches.push(['redis', () => new RedisCache(redis(), `uhoktest-${randomBytes(4).toString('hex')}:`)]);

describe.each(caches)('%s cache', (_kind, make) => {
  it('stores JSON with a TTL and deletes by pattern', async () => {
    const cache = make();
    await cache.set('kok:discounted:1:20', [{ id: 1, name: '김치' }], 1);
    await cache.set('kok:discounted:2:20', [{ id: 2 }], 60);
    await cache.set('kok:top:1', { a: 1 }, 60);
    expect(await cache.get('kok:discounted:1:20')).toEqual([{ id: 1, name: '김치' }]);
    expect(await cache.delPattern('kok:discounted:*')).toBe(2);
    expect(await cache.get('kok:discounted:2:20')).toBeUndefined();
    expect(await cache.get('kok:top:1')).toEqual({ a: 1 });
    await cache.set('short', 1, 1);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await cache.get('short')).toBeUndefined();
  });
});

describe.skipIf(!onServers)('redis cache fails open', () => {
  it('treats an unreachable Redis as a miss and a no-op', async () => {
    const dead = new Redis('redis://127.0.0.1:6390/0', { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
    dead.on('error', () => undefined);
    const cache = new RedisCache(dead);
    await cache.set('k', 1, 10);
    expect(await cache.get('k')).toBeUndefined();
    expect(await cache.delPattern('*')).toBe(0);
    expect(await cache.ping()).toBe(false);
    dead.disconnect();
  });
});

describe('pub/sub', () => {
  it('delivers across instances (Redis) or in process (memory)', async () => {
    const channel = `uhoktest:${randomBytes(4).toString('hex')}`;
    const [pub, sub] = onServers ? [new RedisPubSub(redis(), redis(), 'uhoktest-a:'), new RedisPubSub(redis(), redis(), 'uhoktest-a:')] : [new MemoryPubSub(), null];
    const receiver = sub ?? pub;
    const got = new Promise<unknown>((resolve) => void receiver.subscribe(channel, resolve));
    await new Promise((r) => setTimeout(r, 50));
    await pub.publish(channel, { invalidate: 'kok:*' });
    expect(await got).toEqual({ invalidate: 'kok:*' });
  });
});
