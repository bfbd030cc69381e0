// In-process LRU cache with per-entry TTLs, for the embedded mode (one instance).
import { LRUCache } from 'lru-cache';
import type { Cache } from './cache.js';

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

export class MemoryCache implements Cache {
  readonly kind = 'memory' as const;
  private readonly lru: LRUCache<string, { json: string }>;

  constructor(maxEntries = 10_000) {
    this.lru = new LRUCache({ max: maxEntries, ttlAutopurge: false, allowStale: false });
  }

  async get<T>(key: string): Promise<T | undefined> {
    const hit = this.lru.get(key);
    // Stored as JSON so callers can never mutate a cached value in place.
    return hit ? (JSON.parse(hit.json) as T) : undefined;
  }

  async getJsonBytes(key: string): Promise<Buffer | undefined> {
    const hit = this.lru.get(key);
    return hit ? Buffer.from(hit.json) : undefined;
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    this.lru.set(key, { json: JSON.stringify(value) }, { ttl: Math.max(1, ttlSeconds) * 1000 });
    return true;
  }

  // Check and store run in one synchronous step, so no other request can interleave (what SET NX gives Redis).
  async setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    if (this.lru.has(key)) return false;
    return this.set(key, value, ttlSeconds);
  }

  async del(...keys: string[]): Promise<void> {
    for (const k of keys) this.lru.delete(k);
  }

  async delPattern(pattern: string): Promise<number> {
    const re = globToRegExp(pattern);
    let n = 0;
    for (const key of [...this.lru.keys()]) {
      if (re.test(key)) {
        this.lru.delete(key);
        n++;
      }
    }
    return n;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.lru.clear();
  }
}
