// Cache port: JSON values with TTLs. Every implementation fails open — a cache error is a miss or a no-op,
// never a failed request.
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  /** The stored JSON text as bytes, unparsed: lets a hot path answer a cached value without parsing it. */
  getJsonBytes(key: string): Promise<Buffer | undefined>;
  /** Stores (overwriting); resolves false when it could not (fail open — a caller that must know checks it). */
  set(key: string, value: unknown, ttlSeconds: number): Promise<boolean>;
  /**
   * Stores only when the key is absent, atomically (Redis SET NX): resolves true when it stored. Lets an answer that
   * may already be stale never overwrite a newer one written with `set`.
   */
  setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean>;
  del(...keys: string[]): Promise<void>;
  /** Deletes every key matching a glob pattern (`kok:discounted:*`). */
  delPattern(pattern: string): Promise<number>;
  ping(): Promise<boolean>;
  readonly kind: 'redis' | 'memory';
  close(): Promise<void>;
}

/**
 * Read-through caching: answers a hit that `keep` accepts, otherwise loads, stores what `keep` accepts and
 * answers it. `keep` lets callers refuse to trust or store values such as empty lists.
 */
export async function readThrough<T>(
  cache: Cache,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T>,
  keep: (value: T) => boolean = () => true,
): Promise<T> {
  const hit = await cache.get<T>(key);
  if (hit !== undefined && keep(hit)) return hit;
  const fresh = await load();
  if (keep(fresh)) await cache.set(key, fresh, ttlSeconds);
  return fresh;
}
