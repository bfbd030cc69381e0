// Cache port: JSON values with TTLs. Every implementation fails open — a cache error is a miss or a no-op,
// never a failed request.
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  /** The stored JSON text as bytes, unparsed: lets a hot path answer a cached value without parsing it. */
  getJsonBytes(key: string): Promise<Buffer | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /** Deletes every key matching a glob pattern (`kok:discounted:*`). */
  delPattern(pattern: string): Promise<number>;
  ping(): Promise<boolean>;
  readonly kind: 'redis' | 'memory';
  close(): Promise<void>;
}
