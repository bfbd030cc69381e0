// Redis-backed cache shared by all instances. Errors are logged by the connection and treated as misses.
import type { Redis } from 'ioredis';
import type { Cache } from './cache.js';

const ttl = (seconds: number) => Math.max(1, Math.ceil(seconds));

export class RedisCache implements Cache {
  readonly kind = 'redis' as const;

  constructor(private readonly redis: Redis, private readonly prefix = '') {}

  async get<T>(key: string): Promise<T | undefined> {
    try {
      const raw = await this.redis.get(this.prefix + key);
      return raw === null ? undefined : (JSON.parse(raw) as T);
    } catch {
      return undefined;
    }
  }

  async getJsonBytes(key: string): Promise<Buffer | undefined> {
    try {
      return (await this.redis.getBuffer(this.prefix + key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    try {
      return (await this.redis.set(this.prefix + key, JSON.stringify(value), 'EX', ttl(ttlSeconds))) === 'OK';
    } catch {
      return false;
    }
  }

  async setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    try {
      return (await this.redis.set(this.prefix + key, JSON.stringify(value), 'EX', ttl(ttlSeconds), 'NX')) === 'OK';
    } catch {
      return false;
    }
  }

  async del(...keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.redis.del(...keys.map((k) => this.prefix + k));
    } catch {
      // fail open
    }
  }

  /** SCAN + DEL in batches (never KEYS, which blocks Redis). */
  async delPattern(pattern: string): Promise<number> {
    let deleted = 0;
    try {
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.scan(cursor, 'MATCH', this.prefix + pattern, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) deleted += await this.redis.del(...keys);
      } while (cursor !== '0');
    } catch {
      // fail open
    }
    return deleted;
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    // The connection is owned by the context.
  }
}
