// One broadcast's product page (api spec §5.3), the ingredient check (§5.5), the recipe answer until the recipe
// module gives it (§5.7) and the product search (§5.8).
import { readThrough, type Cache } from '../../platform/cache/cache.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { HS_CACHE_TTL_SECONDS, hsCacheKeys } from './cache-keys.js';
import type { HomeshoppingCatalogRepo } from './catalog-repo.js';
import { HS_MESSAGES as MSG } from './messages.js';
import type { ProductRepo, SearchRow } from './product-repo.js';
import { pageWindow, type Paging } from './paging.js';

/** Api spec §5.3: falsy prices (0 included) are shown as null. */
const orNull = (n: number | null) => (n ? n : null);

/**
 * Without page/size the original answers every match; a hard ceiling keeps one request's work bounded (the client
 * always pages, so only direct callers ever meet it).
 */
const UNPAGED_LIMIT = 1000;

function searchItem(r: SearchRow) {
  return {
    live_id: r.LIVE_ID,
    product_id: r.PRODUCT_ID,
    product_name: r.PRODUCT_NAME ?? '',
    store_name: r.STORE_NAME,
    sale_price: r.SALE_PRICE,
    dc_price: r.DC_PRICE,
    dc_rate: r.DC_RATE,
    thumb_img_url: r.THUMB_IMG_URL ?? '',
    live_date: r.LIVE_DATE,
    live_start_time: r.LIVE_START_TIME,
    live_end_time: r.LIVE_END_TIME,
  };
}

type ProductRow = NonNullable<Awaited<ReturnType<ProductRepo['byLive']>>>;
type DetailRow = Awaited<ReturnType<ProductRepo['details']>>[number];
type ImageRow = Awaited<ReturnType<ProductRepo['images']>>[number];
export type ProductPage = ReturnType<typeof productPage>;

function productPage(row: ProductRow, details: DetailRow[], images: ImageRow[]) {
  const channel = row.HOMESHOPPING_CHANNEL;
  return {
    product: {
      product_id: row.PRODUCT_ID,
      product_name: row.PRODUCT_NAME ?? '',
      store_name: row.STORE_NAME,
      sale_price: orNull(row.SALE_PRICE),
      dc_price: orNull(row.DC_PRICE),
      dc_rate: orNull(row.DC_RATE),
      live_date: row.LIVE_DATE,
      live_start_time: row.LIVE_START_TIME,
      live_end_time: row.LIVE_END_TIME,
      thumb_img_url: row.THUMB_IMG_URL ?? '',
      is_liked: false,
      homeshopping_id: row.HOMESHOPPING_ID,
      homeshopping_name: row.HOMESHOPPING_NAME,
      homeshopping_channel: channel,
      homeshopping_channel_name: channel === null ? null : MSG.channelName(channel),
      homeshopping_channel_image: channel === null ? null : `/images/channels/channel_${channel}.jpg`,
    },
    detail_infos: details.map((d) => ({ detail_col: d.DETAIL_COL ?? '', detail_val: d.DETAIL_VAL ?? '' })),
    images: images.map((i) => ({ img_url: i.IMG_URL, sort_order: i.SORT_ORDER ?? 0 })),
  };
}

export class HsProductService {
  constructor(
    private readonly repo: ProductRepo,
    private readonly catalog: HomeshoppingCatalogRepo,
    private readonly cache: Cache,
  ) {}

  /** The page as an anonymous caller sees it (not liked), read through its cache; a missing broadcast is 404. */
  private page(liveId: number): Promise<ProductPage> {
    return readThrough(this.cache, hsCacheKeys.product(liveId), HS_CACHE_TTL_SECONDS.product, async () => {
      const row = await this.repo.byLive(liveId);
      if (!row) throw new NotFoundError(MSG.productNotFound);
      const [details, images] = await Promise.all([this.repo.details(row.PRODUCT_ID), this.repo.images(row.PRODUCT_ID)]);
      return productPage(row, details, images);
    });
  }

  /** The cached page's JSON bytes for an anonymous caller (nothing to add), or undefined on a miss. */
  cachedPageJson(liveId: number): Promise<Buffer | undefined> {
    return this.cache.getJsonBytes(hsCacheKeys.product(liveId));
  }

  async detail(liveId: number, userId: number | null): Promise<ProductPage> {
    const [page, liked] = await Promise.all([this.page(liveId), userId === null ? false : this.repo.isLiked(userId, liveId)]);
    return liked ? { ...page, product: { ...page.product, is_liked: true } } : page;
  }

  /** Only CLS_ING = 1 is a raw ingredient; an unclassified product is a finished one (api spec §5.5). */
  async isIngredient(productId: number): Promise<boolean> {
    return (await this.repo.ingredientFlag(productId)) === 1;
  }

  /**
   * Api spec §5.7 steps 1–2; the recipe lookup (steps 3–4) is the recipe module's and not wired yet, so an
   * ingredient gets an empty, well-formed list.
   */
  async recipeRecommendation(productId: number) {
    if ((await this.catalog.earliestName(productId)) === undefined) throw new NotFoundError(MSG.hsProductNotFound);
    return { recipes: [], is_ingredient: await this.isIngredient(productId), extracted_keywords: [] };
  }

  async search(keyword: string, paging: Paging) {
    const window = pageWindow(paging);
    if (!window) {
      const items = (await this.repo.search(keyword, UNPAGED_LIMIT, 0)).map(searchItem);
      return { total: items.length, page: 1, size: items.length, products: items };
    }
    const [total, rows] = await Promise.all([this.repo.countMatching(keyword), this.repo.search(keyword, window.size, window.offset)]);
    return { total, page: window.page, size: window.size, products: rows.map(searchItem) };
  }
}
