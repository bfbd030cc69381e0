// Rate limits counted in Redis (shared by every instance) and, whenever Redis cannot answer, in this instance's
// memory: an outage must not turn the login limit off (fail-open), nor refuse every login (fail-closed).
import { createRequire } from 'node:module';
import rateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { clientIp } from './client-info.js';
import { RateLimitedError } from './errors.js';

type ChildOptions = Parameters<FastifyRateLimitStore['child']>[0];
// The plugin's own stores (not part of its typed API): the Redis one is atomic (a Lua script), the local one an LRU.
const require = createRequire(import.meta.url);
const RedisStore = require('@fastify/rate-limit/store/RedisStore') as new (continueExceeding: boolean, exponentialBackoff: boolean, redis: Redis, key: string) => FastifyRateLimitStore;
const LocalStore = require('@fastify/rate-limit/store/LocalStore') as new (continueExceeding: boolean, exponentialBackoff: boolean, cache?: number) => FastifyRateLimitStore;

/** Counts in the primary store; a failed count is counted in the fallback instead. */
export class FallbackStore implements FastifyRateLimitStore {
  constructor(
    private readonly primary: FastifyRateLimitStore,
    private readonly fallback: FastifyRateLimitStore,
  ) {}

  incr(...[key, callback, timeWindow, max]: Parameters<FastifyRateLimitStore['incr']>): void {
    this.primary.incr(
      key,
      (error, result) => (error ? this.fallback.incr(key, callback, timeWindow, max) : callback(null, result)),
      timeWindow,
      max,
    );
  }

  child(routeOptions: ChildOptions): FastifyRateLimitStore {
    return new FallbackStore(this.primary.child(routeOptions), this.fallback.child(routeOptions));
  }
}

export async function registerRateLimit(app: FastifyInstance, redis: Redis | null, keyPrefix: string): Promise<void> {
  const local = new LocalStore(false, false);
  const store = redis ? new FallbackStore(new RedisStore(false, false, redis, `${keyPrefix}:ratelimit:`), local) : local;
  await app.register(rateLimit, {
    global: false,
    // The plugin constructs the store itself; hand it the one built above.
    store: function Store() {
      return store;
    } as unknown as new () => FastifyRateLimitStore,
    keyGenerator: clientIp,
    errorResponseBuilder: (_request, context) => {
      const err = new RateLimitedError(Math.max(1, Math.ceil(context.ttl / 1000)));
      return Object.assign(err, { statusCode: 429 });
    },
  });
}
