// Cache port: JSON values with TTLs. Every implementation fails open — a cache error is a miss or a no-op,
// never a failed request.
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /** Deletes every key matching a glob pattern (`kok:discounted:*`). */
  delPattern(pattern: string): Promise<number>;
  ping(): Promise<boolean>;
  readonly kind: 'redis' | 'memory';
  close(): Promise<void>;
}
