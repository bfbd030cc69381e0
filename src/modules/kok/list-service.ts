// The home-screen lists (discounted, top-selling, store-best) with their page caches, and cache invalidation.
import { readThrough, type Cache } from '../../platform/cache/cache.js';
import { CACHE_TTL_SECONDS, cacheKeys, cachePatterns, type CacheFamily } from './cache-keys.js';
import type { CatalogRepo, Page } from './catalog-repo.js';
import { listItem, withCurrentPrices } from './list-items.js';
import type { KokListItem, SortBy } from './types.js';

const STORE_BEST_SIZE = 10;

/** The KOK price ids the user has ever ordered (any status); the order module owns the answer (wired in services.ts). */
export type OrderedPriceIds = (userId: number) => Promise<number[]>;

const pageOf = (page: number, size: number): Page => ({ limit: size, offset: (page - 1) * size });

export class KokListService {
  constructor(
    private readonly repo: CatalogRepo,
    private readonly cache: Cache,
    private readonly orderedPriceIds: OrderedPriceIds,
  ) {}

  /** Reads through the cache; an empty list is neither trusted from nor written to it (api spec §1.7). */
  private async cached(key: string | null, ttl: number, load: () => Promise<KokListItem[]>): Promise<KokListItem[]> {
    return key ? readThrough(this.cache, key, ttl, load, (items) => items.length > 0) : load();
  }

  /**
   * A cached page as its stored JSON bytes (the same array `discounted`/`topSelling` return), or undefined on a
   * miss; `[]` counts as a miss. Anonymous home-screen requests answer from it without parsing.
   */
  async cachedPageJson(list: { kind: 'discounted'; page: number; size: number } | { kind: 'topSelling'; page: number; size: number; sortBy: SortBy }): Promise<Buffer | undefined> {
    const key = list.kind === 'discounted' ? cacheKeys.discounted(list.page, list.size) : cacheKeys.topSelling(list.page, list.size, list.sortBy);
    const bytes = await this.cache.getJsonBytes(key);
    return bytes && bytes.length > 2 ? bytes : undefined;
  }

  /** Rate and discounted price come from the current price row unmodified (api spec §4.1). */
  async discounted(page: number, size: number, useCache: boolean): Promise<KokListItem[]> {
    return this.cached(useCache ? cacheKeys.discounted(page, size) : null, CACHE_TTL_SECONDS.discounted, async () => {
      const rows = await this.repo.discountedPage(pageOf(page, size));
      return rows.map((r) => listItem(r, { kok_discount_rate: r.KOK_DISCOUNT_RATE, kok_discounted_price: r.KOK_DISCOUNTED_PRICE }));
    });
  }

  async topSelling(page: number, size: number, sortBy: SortBy): Promise<KokListItem[]> {
    return this.cached(cacheKeys.topSelling(page, size, sortBy), CACHE_TTL_SECONDS.topSelling, () =>
      this.ranked(sortBy, pageOf(page, size)),
    );
  }

  /** Best items of the stores the user bought from; anonymous callers get the global top 10, uncached. */
  async storeBest(userId: number | null, sortBy: SortBy): Promise<KokListItem[]> {
    const top = { limit: STORE_BEST_SIZE, offset: 0 };
    if (userId === null) return this.ranked(sortBy, top);
    return this.cached(cacheKeys.storeBest(userId, sortBy), CACHE_TTL_SECONDS.storeBest, async () => {
      const stores = await this.repo.storeNamesOfPrices(await this.orderedPriceIds(userId));
      return stores.length === 0 ? [] : this.ranked(sortBy, top, stores);
    });
  }

  private async ranked(sortBy: SortBy, page: Page, stores?: string[]): Promise<KokListItem[]> {
    const products = await this.repo.rankedPage(sortBy, page, stores);
    const prices = await this.repo.currentPrices(products.map((p) => p.KOK_PRODUCT_ID));
    return withCurrentPrices(products, prices);
  }

  /** Deletes every cached page of one list family on every instance sharing the cache; returns the key count. */
  async invalidate(family: CacheFamily): Promise<number> {
    return this.cache.delPattern(cachePatterns[family]);
  }

  /** Drops one user's cached store-best lists (after a checkout: they rank by what the user ordered). */
  async invalidateStoreBest(userId: number): Promise<number> {
    return this.cache.delPattern(cacheKeys.storeBestOfUser(userId));
  }
}
