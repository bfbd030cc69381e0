// Cache keys and TTLs of the home-shopping reads (api spec §7); the key texts are the original's.
export const HS_CACHE_TTL_SECONDS = {
  /** No invalidation path exists (the ETL does not clear it): stale for up to two hours, as in the original. */
  schedule: 7200,
  /**
   * One broadcast's product page (ours; the original read it from the database every time). Catalogue rows change
   * only with an ETL load; the like state is never part of the cached value.
   */
  product: 600,
} as const;

export const hsCacheKeys = {
  schedule: (liveDate: string | null) => `homeshopping:schedule:live_date:${liveDate ?? 'all'}`,
  product: (liveId: number) => `homeshopping:product:live_id:${liveId}`,
};
