// Cache keys, patterns and TTLs of the KOK lists (api spec §7). The key texts are the original's, so an operator's
// `redis-cli --scan --pattern 'kok:*'` finds the same entries.
import type { SortBy } from './types.js';

export const CACHE_TTL_SECONDS = {
  discounted: 300,
  topSelling: 600,
  storeBest: 900,
  /** The spec defines this key and TTL; the original never used it. Catalogue data changes only with the ETL. */
  product: 1800,
  /** Not in the original: repeated keywords are the common case and a substring scan is the costliest read. */
  search: 120,
} as const;

export const cacheKeys = {
  discounted: (page: number, size: number) => `kok:discounted:v2:page:${page}:size:${size}`,
  topSelling: (page: number, size: number, sortBy: SortBy) => `kok:top_selling:page:${page}:size:${size}:sort:${sortBy}`,
  storeBest: (userId: number, sortBy: SortBy) => `kok:store_best:user:${userId}:sort:${sortBy}`,
  /** Every sort of one user's store-best list (a checkout changes what they have ordered). */
  storeBestOfUser: (userId: number) => `kok:store_best:user:${userId}:*`,
  product: (productId: number) => `kok:product:${productId}`,
  search: (keyword: string, page: number, size: number) => `kok:search:page:${page}:size:${size}:keyword:${keyword}`,
};

/** Glob patterns deleted by the invalidation endpoints. */
export const cachePatterns = {
  discounted: 'kok:discounted:*',
  topSelling: 'kok:top_selling:*',
  storeBest: 'kok:store_best:*',
  product: 'kok:product:*',
  search: 'kok:search:*',
} as const;

export type CacheFamily = keyof typeof cachePatterns;
