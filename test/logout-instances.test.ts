// Logout holds on every instance at once (issue 6, 1.8): a reader's cached "not revoked" never overwrites a logout's
// mark, and a logout whose mark cannot reach the shared cache is not a silent 200. Several instances share one set
// of databases and one Redis (same dbSuffix and redisPrefix); on embedded the race runs on the one instance there is.
import { randomBytes } from 'node:crypto';
import { createConnection, createServer, type Server } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cache } from '../src/platform/cache/cache.js';
import { MemoryCache } from '../src/platform/cache/memory-cache.js';
import { RedisCache } from '../src/platform/cache/redis-cache.js';
import { startApp, type TestApp } from './helpers/app.js';
import { login, signup } from './helpers/auth.js';
import { onServers, TEST_REDIS_URL } from './helpers/target.js';

/**
 * A TCP relay to the real Redis that delivers what the instance sends `delayMs` late (in order): instance B sees
 * Redis the way a loaded instance on another host does, so its write of a stale "not revoked" arrives after the
 * logout's mark — the interleaving that once kept a logged-out token alive — instead of almost never in one process.
 */
async function laggyRedis(delayMs: number): Promise<{ url: string; server: Server }> {
  const target = new URL(TEST_REDIS_URL);
  const server = createServer((client) => {
    const upstream = createConnection(Number(target.port || 6379), target.hostname);
    client.on('data', (chunk) => setTimeout(() => upstream.write(chunk), delayMs));
    upstream.pipe(client);
    const end = () => (client.destroy(), upstream.destroy());
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `redis://127.0.0.1:${port}${target.pathname}`, server };
}

/** `work`, or a failure naming what hung after `ms`. */
function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)));
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

const LOGGED_OUT = { detail: '로그아웃된 토큰입니다. 다시 로그인해주세요.' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const info = (app: TestApp, token: string) => app.app.inject({ url: '/api/user/info', headers: { authorization: `Bearer ${token}` } });
const logout = (app: TestApp, token: string) => app.app.inject({ method: 'POST', url: '/api/user/logout', headers: { authorization: `Bearer ${token}` } });

describe('cache: setIfAbsent never overwrites, set reports whether it stored', () => {
  const redisClients: Redis[] = [];
  afterAll(() => redisClients.forEach((r) => r.disconnect()));
  const caches: Array<[string, () => Cache]> = [['memory', () => new MemoryCache()]];
  if (onServers) {
    caches.push([
      'redis',
      () => {
        const redis = new Redis(TEST_REDIS_URL);
        redisClients.push(redis);
        return new RedisCache(redis, `uhoktest-${randomBytes(4).toString('hex')}:`);
      },
    ]);
  }

  it.each(caches)('%s', async (_kind, make) => {
    const cache = make();
    expect(await cache.setIfAbsent('k', 0, 60)).toBe(true);
    expect(await cache.setIfAbsent('k', 5, 60)).toBe(false);
    expect(await cache.get('k')).toBe(0);
    expect(await cache.set('k', 1, 60)).toBe(true);
    expect(await cache.setIfAbsent('k', 0, 60)).toBe(false);
    expect(await cache.get('k')).toBe(1);
    await cache.set('short', 1, 1);
    await sleep(1100);
    expect(await cache.setIfAbsent('short', 2, 60)).toBe(true);
  });

  it.skipIf(!onServers)('an unreachable Redis: both writes answer false, nothing throws', async () => {
    const dead = new Redis('redis://127.0.0.1:1/0', { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
    dead.on('error', () => undefined);
    const cache = new RedisCache(dead);
    expect(await cache.set('k', 1, 10)).toBe(false);
    expect(await cache.setIfAbsent('k', 1, 10)).toBe(false);
    dead.disconnect();
  });
});

describe('logout across instances', () => {
  // Databases of their own (still apart per TEST_DB_TAG), shared by every instance of this file.
  const dbSuffix = `${process.env.TEST_DB_TAG ?? ''}logout`;
  const redisPrefix = `uhoktest:logout:${randomBytes(4).toString('hex')}`;
  let a: TestApp;
  let b: TestApp;
  let c: TestApp;
  let account: { email: string; password: string };
  let relay: Server | undefined;
  const REDIS_LAG_MS = 30;

  beforeAll(async () => {
    // One after another: each start runs the migrations on the shared databases.
    a = await startApp({ dbSuffix, redisPrefix });
    if (onServers) {
      const lag = await laggyRedis(REDIS_LAG_MS);
      relay = lag.server;
      b = await startApp({ dbSuffix, redisPrefix, env: { REDIS_URL: lag.url } });
      c = await startApp({ dbSuffix, redisPrefix });
    } else {
      b = c = a;
    }
    await a.reset();
    account = await signup(a.app);
  });
  afterAll(async () => {
    await Promise.all([...new Set([a, b, c])].map((x) => x?.close()));
    relay?.close();
  });

  it('a first use on B racing a logout on A never leaves the token usable anywhere once the logout answered (30 rounds)', async () => {
    const failures: string[] = [];
    const refusedEverywhere = async (round: number, token: string, when: string) => {
      for (const [name, app] of [['A', a], ['B', b], ['C', c]] as const) {
        const res = await info(app, token);
        if (res.statusCode !== 401 || res.body !== JSON.stringify(LOGGED_OUT)) failures.push(`round ${round} ${when}: ${name} answered ${res.statusCode}`);
      }
    };
    for (let round = 0; round < 30; round++) {
      const token = await login(a.app, account.email, account.password);
      // B's first uses start up to one Redis lag before the logout, so some read the table just before the logout's
      // row is in and (lagging) write their "not revoked" after the logout's mark.
      const readers = Array.from({ length: 10 }, (_, i) => sleep(i * 3).then(() => info(b, token)));
      await sleep(onServers ? REDIS_LAG_MS : 5);
      const out = await logout(a, token);
      if (out.statusCode !== 200) failures.push(`round ${round}: logout ${out.statusCode} ${out.body}`);
      await refusedEverywhere(round, token, 'right after');
      await Promise.all(readers);
      await sleep(onServers ? 2 * REDIS_LAG_MS : 0);
      await refusedEverywhere(round, token, 'after the racing readers');
    }
    expect(failures).toEqual([]);
  });

  it.skipIf(!onServers)(
    'a logout on an instance that cannot reach Redis is not a silent 200: 503, and a retry elsewhere revokes at once',
    async () => {
      const token = await login(a.app, account.email, account.password);
      // A and B have used the token, so both hold a cached "not revoked".
      expect((await info(a, token)).statusCode).toBe(200);
      expect((await info(b, token)).statusCode).toBe(200);

      // Same databases, a Redis nobody listens on. Bounded: an instance that cannot start without Redis is a finding.
      const d = await within(20_000, startApp({ dbSuffix, redisPrefix, env: { REDIS_URL: 'redis://127.0.0.1:1' } }), 'instance D (Redis unreachable) did not start');
      try {
        const out = await within(5_000, logout(d, token), 'the logout on D did not answer');
        if (out.statusCode === 200) {
          // The other acceptable design: the logout reached everyone anyway.
          for (const app of [a, b]) expect((await info(app, token)).statusCode).toBe(401);
        } else {
          expect(out.statusCode).toBe(503);
          expect(out.json()).toEqual({ detail: expect.stringMatching(/[가-힣]/) });
          // The source of truth has the row: D itself (reading the table) already refuses the token.
          expect((await info(d, token)).json()).toEqual(LOGGED_OUT);
          // The client retries on an instance that reaches Redis: from then on every instance refuses the token.
          expect((await logout(a, token)).statusCode).toBe(200);
          for (const app of [a, b, c]) expect((await info(app, token)).json()).toEqual(LOGGED_OUT);
        }
      } finally {
        await d.close();
      }
    },
    60_000,
  );
});
