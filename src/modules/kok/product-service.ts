// One product's pages (header, images, reviews, seller block) and the keyword search.
import { readThrough, type Cache } from '../../platform/cache/cache.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { CACHE_TTL_SECONDS, cacheKeys } from './cache-keys.js';
import type { CatalogRepo } from './catalog-repo.js';
import type { LikesRepo } from './likes-repo.js';
import { withCurrentPrices } from './list-items.js';
import { KOK_MESSAGES as MSG } from './messages.js';
import type { KokListItem, PriceRow } from './types.js';

const text = (value: string | null) => value ?? '';
const int = (value: number | null) => value ?? 0;

export interface SearchResult {
  total: number;
  items: Array<KokListItem & { kok_product_price: number | null }>;
}

type ProductRow = NonNullable<Awaited<ReturnType<CatalogRepo['product']>>>;

/** A product row with its current price row: what every product page starts from, cached as one value. */
interface ProductCard {
  product: ProductRow;
  price: PriceRow | null;
}

export class KokProductService {
  constructor(
    private readonly catalog: CatalogRepo,
    private readonly likes: LikesRepo,
    private readonly cache: Cache,
  ) {}

  private card(id: number): Promise<ProductCard> {
    return readThrough(this.cache, cacheKeys.product(id), CACHE_TTL_SECONDS.product, async () => {
      const [product, prices] = await Promise.all([this.catalog.product(id), this.catalog.currentPrices([id])]);
      if (!product) throw new NotFoundError(MSG.productNotFound);
      return { product, price: prices.get(id) ?? null };
    });
  }

  private async existing(id: number): Promise<ProductRow> {
    return (await this.card(id)).product;
  }

  /** Header block; NULL columns become ""/0 and a missing price row means "no discount" (api spec §4.6). */
  async info(id: number, userId: number | null) {
    const [{ product, price }, liked] = await Promise.all([
      this.card(id),
      userId === null ? Promise.resolve(new Set<number>()) : this.likes.likedAmong(userId, [id]),
    ]);
    const listPrice = int(product.KOK_PRODUCT_PRICE);
    return {
      kok_product_id: product.KOK_PRODUCT_ID,
      kok_product_name: text(product.KOK_PRODUCT_NAME),
      kok_store_name: text(product.KOK_STORE_NAME),
      kok_thumbnail: text(product.KOK_THUMBNAIL),
      kok_product_price: listPrice,
      kok_discount_rate: price?.KOK_DISCOUNT_RATE ?? 0,
      kok_discounted_price: price?.KOK_DISCOUNTED_PRICE ?? listPrice,
      kok_review_cnt: int(product.KOK_REVIEW_CNT),
      is_liked: liked.has(id),
    };
  }

  /** Description images; an unknown product simply has none (the client relies on `images`). */
  async images(id: number) {
    const rows = await this.catalog.images(id);
    return rows.map((r) => ({ kok_img_id: r.KOK_IMG_ID, kok_product_id: r.KOK_PRODUCT_ID ?? id, kok_img_url: text(r.KOK_IMG_URL) }));
  }

  async reviews(id: number) {
    const product = await this.existing(id);
    const rows = await this.catalog.reviews(id);
    return {
      stats: {
        kok_review_score: product.KOK_REVIEW_SCORE ?? 0,
        kok_review_cnt: int(product.KOK_REVIEW_CNT),
        kok_5_ratio: int(product.KOK_5_RATIO),
        kok_4_ratio: int(product.KOK_4_RATIO),
        kok_3_ratio: int(product.KOK_3_RATIO),
        kok_2_ratio: int(product.KOK_2_RATIO),
        kok_1_ratio: int(product.KOK_1_RATIO),
        kok_aspect_price: text(product.KOK_ASPECT_PRICE),
        kok_aspect_price_ratio: int(product.KOK_ASPECT_PRICE_RATIO),
        kok_aspect_delivery: text(product.KOK_ASPECT_DELIVERY),
        kok_aspect_delivery_ratio: int(product.KOK_ASPECT_DELIVERY_RATIO),
        kok_aspect_taste: text(product.KOK_ASPECT_TASTE),
        kok_aspect_taste_ratio: int(product.KOK_ASPECT_TASTE_RATIO),
      },
      reviews: rows.map((r) => ({
        kok_review_id: r.KOK_REVIEW_ID,
        kok_product_id: r.KOK_PRODUCT_ID ?? id,
        kok_nickname: text(r.KOK_NICKNAME),
        // The client reads `kok_review_user` (§10.3); sent alongside the contract's name.
        kok_review_user: text(r.KOK_NICKNAME),
        kok_review_date: text(r.KOK_REVIEW_DATE),
        kok_review_score: int(r.KOK_REVIEW_SCORE),
        kok_price_eval: text(r.KOK_PRICE_EVAL),
        kok_delivery_eval: text(r.KOK_DELIVERY_EVAL),
        kok_taste_eval: text(r.KOK_TASTE_EVAL),
        kok_review_text: text(r.KOK_REVIEW_TEXT),
      })),
    };
  }

  async sellerDetails(id: number) {
    const product = await this.existing(id);
    const rows = await this.catalog.details(id);
    return {
      seller_info: {
        kok_co_ceo: text(product.KOK_CO_CEO),
        kok_co_reg_no: text(product.KOK_CO_REG_NO),
        kok_co_ec_reg: text(product.KOK_CO_EC_REG),
        kok_tell: text(product.KOK_TELL),
        kok_ver_item: text(product.KOK_VER_ITEM),
        kok_ver_date: text(product.KOK_VER_DATE),
        kok_co_addr: text(product.KOK_CO_ADDR),
        kok_return_addr: text(product.KOK_RETURN_ADDR),
      },
      detail_info: rows.map((r) => ({ kok_detail_col: text(r.KOK_DETAIL_COL), kok_detail_val: text(r.KOK_DETAIL_VAL) })),
    };
  }

  /** Literal substring search over name and store, newest product first; two queries (page with its count, then prices) whatever the page size. */
  search(keyword: string, page: number, size: number): Promise<SearchResult> {
    return readThrough(
      this.cache,
      cacheKeys.search(keyword, page, size),
      CACHE_TTL_SECONDS.search,
      () => this.searchUncached(keyword, page, size),
      (result) => result.items.length > 0,
    );
  }

  private async searchUncached(keyword: string, page: number, size: number): Promise<SearchResult> {
    const { rows: products, total } = await this.catalog.searchPage(keyword, { limit: size, offset: (page - 1) * size });
    const prices = await this.catalog.currentPrices(products.map((p) => p.KOK_PRODUCT_ID));
    const listPrices = new Map(products.map((p) => [p.KOK_PRODUCT_ID, p.KOK_PRODUCT_PRICE]));
    const items = withCurrentPrices(products, prices).map((item) => ({ ...item, kok_product_price: listPrices.get(item.kok_product_id) ?? null }));
    return { total, items };
  }
}
