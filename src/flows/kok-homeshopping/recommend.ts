// KOK → home-shopping recommendation from the user's liked and carted products (api spec §4.21, algorithms §5.4).
// It spans two modules: the KOK module says what the shopper likes, the home-shopping catalogue offers candidates.
// A constant number of queries whatever the number of source products: every name, candidate and broadcast is
// fetched in one batch and matched in memory.
import type { Clock } from '../../platform/clock/clock.js';
import { kstDateTime } from '../../platform/clock/kst.js';
import { BadRequestError } from '../../platform/http/errors.js';
import type { BroadcastRow, HsProductRow } from '../../modules/homeshopping/catalog-repo.js';
import type { HomeshoppingCatalogService } from '../../modules/homeshopping/catalog-service.js';
import type { KokInterest } from '../../modules/kok/interest.js';
import { candidateNeedles, matchCandidates, searchTerms } from './keywords.js';
import { RECOMMEND_MESSAGES as MSG } from './messages.js';

const SOURCE_LIMIT = 100;
const PER_PRODUCT = 5;
/** Upper bound on candidate rows read for one request (cheapest first); keeps a broad term from reading everything. */
const CANDIDATE_CAP = 2000;

export const RECOMMEND_ALGORITHM = 'multi_product_keyword_based';

export interface HsRecommendation {
  product_id: number;
  product_name: string;
  store_name: string | null;
  sale_price: number | null;
  dc_price: number | null;
  dc_rate: number | null;
  thumb_img_url: string | null;
  live_date: string | null;
  live_start_time: string | null;
  live_end_time: string | null;
  similarity_score: null;
}

/** The product's next broadcast (KST) if any, else its latest; `rows` are in air order. */
function pickBroadcast(rows: BroadcastRow[], nowKst: string): BroadcastRow | undefined {
  return rows.find((r) => r.LIVE_DATE !== null && `${r.LIVE_DATE}T${r.LIVE_START_TIME ?? '00:00:00'}` >= nowKst) ?? rows[rows.length - 1];
}

export class KokHomeshoppingRecommender {
  constructor(
    private readonly interest: KokInterest,
    private readonly homeshopping: HomeshoppingCatalogService,
    private readonly clock: Clock,
  ) {}

  async forUser(userId: number, k: number) {
    const { likedIds, cartIds, names } = await this.interest.of(userId, SOURCE_LIMIT);
    const sourceIds = [...new Set([...likedIds, ...cartIds])];
    if (sourceIds.length === 0) throw new BadRequestError(MSG.noSources);

    // Names stay paired with their ids (the original paired them by position).
    const sources = sourceIds
      .map((id) => names.get(id))
      .filter((name): name is string => !!name)
      .map((name) => ({ name, terms: searchTerms(name).terms }))
      .filter((s) => s.terms.length > 0);
    if (sources.length === 0) throw new BadRequestError(MSG.noKeywords);

    const candidates = await this.homeshopping.foodProductsMatching(candidateNeedles(sources), CANDIDATE_CAP);
    const byId = new Map(candidates.map((c) => [c.PRODUCT_ID, c]));
    const pool = candidates.map((c) => ({ productId: c.PRODUCT_ID, name: c.PRODUCT_NAME ?? '', salePrice: c.SALE_PRICE }));
    const matches = sources.map((s) => ({ name: s.name, ids: matchCandidates(s.name, s.terms, pool, PER_PRODUCT).map((c) => c.productId) }));

    const chosen = [...new Set(matches.flatMap((m) => m.ids))];
    const broadcasts = new Map<number, BroadcastRow[]>();
    for (const b of await this.homeshopping.broadcasts(chosen)) broadcasts.set(b.PRODUCT_ID!, [...(broadcasts.get(b.PRODUCT_ID!) ?? []), b]);
    const nowKst = kstDateTime(this.clock.now());
    const recommendation = (id: number) => toRecommendation(byId.get(id)!, pickBroadcast(broadcasts.get(id) ?? [], nowKst));

    const productRecommendations: Record<string, HsRecommendation[]> = {};
    for (const m of matches) productRecommendations[m.name] = m.ids.map(recommendation);
    const recommendations = chosen.slice(0, k).map(recommendation);
    const terms = [...new Set(sources.flatMap((s) => s.terms))];
    return {
      body: {
        kok_product_id: null,
        kok_product_name: MSG.personalTitle,
        recommendations,
        total_count: recommendations.length,
        algorithm_info: {
          algorithm: RECOMMEND_ALGORITHM,
          status: 'success',
          search_terms: terms.join(', '),
          source_products_count: String(sourceIds.length),
          liked_products_count: String(likedIds.length),
          cart_products_count: String(cartIds.length),
          total_recommendations: String(recommendations.length),
          product_recommendations_count: String(Object.keys(productRecommendations).length),
        },
        product_recommendations: productRecommendations,
      },
      counts: { source: sourceIds.length, liked: likedIds.length, cart: cartIds.length },
    };
  }
}

function toRecommendation(p: HsProductRow, broadcast: BroadcastRow | undefined): HsRecommendation {
  return {
    product_id: p.PRODUCT_ID,
    product_name: p.PRODUCT_NAME ?? '',
    store_name: p.STORE_NAME,
    sale_price: p.SALE_PRICE,
    dc_price: p.DC_PRICE,
    dc_rate: p.DC_RATE,
    // A product without a broadcast row has no image or time: null, never a 500 (api spec §4.21).
    thumb_img_url: broadcast?.THUMB_IMG_URL ?? null,
    live_date: broadcast?.LIVE_DATE ?? null,
    live_start_time: broadcast?.LIVE_START_TIME ?? null,
    live_end_time: broadcast?.LIVE_END_TIME ?? null,
    similarity_score: null,
  };
}
