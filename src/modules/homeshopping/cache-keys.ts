// Cache keys and TTLs of the home-shopping reads (api spec §7); the key texts are the original's.
export const HS_CACHE_TTL_SECONDS = {
  /** No invalidation path exists (the ETL does not clear it): stale for up to two hours, as in the original. */
  schedule: 7200,
} as const;

export const hsCacheKeys = {
  schedule: (liveDate: string | null) => `homeshopping:schedule:live_date:${liveDate ?? 'all'}`,
};
