// The KOK side of the home-shopping → KOK recommendation (api spec §3.5, algorithms.md §5.3): which KOK products a
// set of name keywords reaches, and how they are shown, priced by the one current-price rule (prices.ts).
import type { Db } from '../../platform/db/connect.js';
import { likeContains } from '../../platform/db/dialect.js';
import type { CatalogRepo } from './catalog-repo.js';
import type { KokPrices } from './prices.js';
import type { KokTables } from './tables.js';

export interface KokCandidate {
  kok_product_id: number;
  kok_thumbnail: string;
  kok_discount_rate: number;
  kok_discounted_price: number;
  kok_product_name: string;
  kok_store_name: string;
}

export class KokHsCandidates {
  constructor(
    private readonly db: Db<KokTables>,
    private readonly catalog: CatalogRepo,
    private readonly prices: KokPrices,
  ) {}

  /**
   * Ids of products whose name contains any (`mode` 'any') or every ('all') keyword, case-insensitively, at most
   * `limit`. Ordered by id: the original had no ORDER BY, so its order was the engine's; this one is the same on both.
   */
  async idsMatching(keywords: string[], mode: 'any' | 'all', limit: number): Promise<number[]> {
    if (keywords.length === 0 || limit <= 0) return [];
    const rows = await this.db.kysely
      .selectFrom('FCT_KOK_PRODUCT_INFO')
      .select('KOK_PRODUCT_ID')
      .where((eb) => {
        const tests = keywords.map((k) => eb(eb.fn('lower', ['KOK_PRODUCT_NAME']), 'like', likeContains(k.toLowerCase())));
        return mode === 'any' ? eb.or(tests) : eb.and(tests);
      })
      .orderBy('KOK_PRODUCT_ID', 'asc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.KOK_PRODUCT_ID);
  }

  /**
   * The products as the recommendation shows them, most reviewed first (two queries). Price: the current price row;
   * without one, or without a discounted price, the list price. A zero rate over two different prices is derived
   * from them, truncated toward zero like the original's `int()`.
   */
  async details(ids: number[]): Promise<KokCandidate[]> {
    const [products, prices] = await Promise.all([this.catalog.summaries(ids), this.prices.current(ids)]);
    return products
      .sort((a, b) => (b.KOK_REVIEW_CNT ?? 0) - (a.KOK_REVIEW_CNT ?? 0) || a.KOK_PRODUCT_ID - b.KOK_PRODUCT_ID)
      .map((p) => {
        const price = prices.get(p.KOK_PRODUCT_ID);
        const listPrice = p.KOK_PRODUCT_PRICE ?? 0;
        const discounted = price?.KOK_DISCOUNTED_PRICE || listPrice;
        let rate = price?.KOK_DISCOUNT_RATE ?? 0;
        if (rate === 0 && discounted !== listPrice && discounted > 0 && listPrice > 0) rate = Math.trunc(((listPrice - discounted) / listPrice) * 100);
        return {
          kok_product_id: p.KOK_PRODUCT_ID,
          kok_thumbnail: p.KOK_THUMBNAIL ?? '',
          kok_discount_rate: rate,
          kok_discounted_price: discounted,
          kok_product_name: p.KOK_PRODUCT_NAME ?? '',
          kok_store_name: p.KOK_STORE_NAME ?? '',
        };
      });
  }
}
