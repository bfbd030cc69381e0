// Cache keys, patterns and TTLs of the KOK lists (api spec §7). The key texts are the original's, so an operator's
// `redis-cli --scan --pattern 'kok:*'` finds the same entries.
import type { SortBy } from './types.js';

export const CACHE_TTL_SECONDS = {
  discounted: 300,
  topSelling: 600,
  storeBest: 900,
} as const;

export const cacheKeys = {
  discounted: (page: number, size: number) => `kok:discounted:v2:page:${page}:size:${size}`,
  topSelling: (page: number, size: number, sortBy: SortBy) => `kok:top_selling:page:${page}:size:${size}:sort:${sortBy}`,
  storeBest: (userId: number, sortBy: SortBy) => `kok:store_best:user:${userId}:sort:${sortBy}`,
};

/** Glob patterns deleted by the invalidation endpoints. */
export const cachePatterns = {
  discounted: 'kok:discounted:*',
  topSelling: 'kok:top_selling:*',
  storeBest: 'kok:store_best:*',
} as const;

export type CacheFamily = keyof typeof cachePatterns;
