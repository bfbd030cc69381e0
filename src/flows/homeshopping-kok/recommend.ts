// Home-shopping product → similar KOK products (api spec §3.5, §5.4; algorithms.md §5.3). It spans two modules: the
// home-shopping catalogue names the product, the KOK catalogue offers and prices the candidates. At most six
// queries per computed answer (name, up to three candidate gates, products and their current prices).
import { readThrough, type Cache } from '../../platform/cache/cache.js';
import type { HomeshoppingCatalogService } from '../../modules/homeshopping/catalog-service.js';
import type { KokCandidate, KokHsCandidates } from '../../modules/kok/hs-candidates.js';
import { gateKeywords, tailFilter } from './keywords.js';

export const RECOMMEND_K = 5;
const CACHE_TTL_SECONDS = 3600;
/** The original's parameters: 150 candidates asked for, widened to 300/450; a pool of max(4k, min(150, 50)). */
const GATE_SMALL = 300;
const GATE_LARGE = 450;
const FEW_HITS = 30;
const POOL_SIZE = Math.max(4 * RECOMMEND_K, Math.min(150, 50));

/** The original's key: its parts sorted by name, so `k` comes before `product_id`. */
export const kokRecommendKey = (productId: number, k = RECOMMEND_K) => `homeshopping:kok_recommendation:k:${k}:product_id:${productId}`;
const kokRecommendPattern = (productId?: number) =>
  productId === undefined ? 'homeshopping:kok_recommendation:*' : `homeshopping:kok_recommendation:*:product_id:${productId}`;

interface Cached {
  recommendations: KokCandidate[];
}

export class HomeshoppingKokRecommender {
  constructor(
    private readonly homeshopping: HomeshoppingCatalogService,
    private readonly kok: KokHsCandidates,
    private readonly cache: Cache,
  ) {}

  /** Up to five KOK products; only non-empty answers are cached. */
  async forProduct(productId: number): Promise<KokCandidate[]> {
    const { recommendations } = await readThrough<Cached>(
      this.cache,
      kokRecommendKey(productId),
      CACHE_TTL_SECONDS,
      async () => ({ recommendations: await this.compute(productId) }),
      (value) => value.recommendations.length > 0,
    );
    return recommendations;
  }

  /** Deletes the cached answers of one product (or of all); answers how many keys went. */
  invalidate(productId?: number): Promise<number> {
    return this.cache.delPattern(kokRecommendPattern(productId));
  }

  private async compute(productId: number): Promise<KokCandidate[]> {
    const name = await this.homeshopping.earliestName(productId);
    if (!name) return [];
    const { must, optional } = gateKeywords(name);
    const limit = must.length <= 3 ? GATE_SMALL : GATE_LARGE;
    let ids = await this.kok.idsMatching(must, 'any', limit);
    if (ids.length < FEW_HITS && must.length >= 2) {
      const both = await this.kok.idsMatching(must.slice(0, 2), 'all', limit);
      if (both.length > ids.length) ids = both;
    }
    if (optional.length > 0 && ids.length < limit) ids = [...ids, ...(await this.kok.idsMatching(optional, 'any', limit - ids.length))];
    ids = [...new Set(ids)].slice(0, limit);
    if (ids.length === 0) return [];
    const pool = ids.length <= 2 * RECOMMEND_K ? ids.slice(0, RECOMMEND_K) : ids.slice(0, POOL_SIZE);
    const details = await this.kok.details(pool);
    return tailFilter(name, details, (d) => `${d.kok_product_name} ${d.kok_store_name}`).slice(0, RECOMMEND_K);
  }
}
