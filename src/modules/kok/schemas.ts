// Request/response schemas of the KOK service (api spec §4): the contract, validation bounds and OpenAPI.
import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { MAX_CART_QUANTITY } from './cart-service.js';

/** Bounded so that offsets and ids always fit the database's INT (an overflow would otherwise be a 500). */
const Page = Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 });
const Id = Type.Integer({ minimum: -2147483648, maximum: 2147483647 });
const Size = Type.Integer({ minimum: 1, maximum: 100, default: 20 });
/** Only the two orders exist; an unknown value is a 422, so it can never mint new cache keys. */
/** Any word is accepted as in the original; `toSortBy` maps all but `rating` to `review_count` (bounded cache keys). */
const SortByQuery = Type.String({ maxLength: 50, default: 'review_count', description: '`rating` or `review_count` (anything else means review_count)' });
/** pydantic's boolean spellings (the client only sends true/false). */
const BOOLEAN_WORDS = ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', 't', 'f', 'y', 'n'] as const;
const TRUE_WORDS = new Set(['true', '1', 'yes', 'on', 't', 'y']);
export const isTrueWord = (word: string) => TRUE_WORDS.has(word);
/** 1..100 characters with at least one that is not a space and no NUL; the routes trim. */
const Keyword = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$' });

export const ProductIdParams = Type.Object({ kok_product_id: Id });
export const CartIdParams = Type.Object({ kok_cart_id: Id });
export const HistoryIdParams = Type.Object({ history_id: Id });

export const DiscountedQuery = Type.Object({
  page: Page,
  size: Size,
  use_cache: Type.Union(BOOLEAN_WORDS.map((w) => Type.Literal(w)), { default: 'true' }),
});
export const BaselineQuery = Type.Object({ page: Page, size: Size });
export const TopSellingQuery = Type.Object({ page: Page, size: Size, sort_by: SortByQuery });
export const StoreBestQuery = Type.Object({ sort_by: SortByQuery });
/** The original matches everything for an empty keyword; kept (the page size bounds the work), NUL refused. */
const SearchKeyword = Type.String({ maxLength: 100, pattern: '^[^\\u0000]*$' });
export const SearchQuery = Type.Object({ keyword: SearchKeyword, page: Page, size: Size });
export const HistoryQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }) });
export const LikesQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }) });
export const CartQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) });
export const RecommendQuery = Type.Object({ k: Type.Integer({ minimum: 1, maximum: 20, default: 5 }) });

export const HistoryIn = Type.Object({ keyword: Keyword });
export const LikeToggleIn = Type.Object({ kok_product_id: Id });
const Quantity = Type.Integer({ minimum: 1, maximum: MAX_CART_QUANTITY });
export const CartAddIn = Type.Object({
  kok_product_id: Id,
  kok_quantity: Type.Integer({ minimum: 1, maximum: MAX_CART_QUANTITY, default: 1 }),
  recipe_id: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 2147483647 }))),
});
export const CartUpdateIn = Type.Object({ kok_quantity: Quantity });

const Str = Nullable(Type.String());
const Int = Nullable(Type.Integer());

const KokListItemOut = Type.Object({
  kok_product_id: Type.Integer(),
  kok_thumbnail: Str,
  kok_product_image: Str,
  kok_discount_rate: Int,
  kok_discounted_price: Int,
  kok_product_name: Str,
  kok_store_name: Str,
  kok_review_cnt: Int,
  kok_review_score: Nullable(Type.Number()),
});
export const ProductListOut = Type.Object({ products: Type.Array(KokListItemOut) });

export const SearchOut = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  size: Type.Integer(),
  products: Type.Array(
    Type.Object({
      kok_product_id: Type.Integer(),
      kok_product_name: Str,
      kok_store_name: Str,
      kok_thumbnail: Str,
      kok_product_image: Str,
      kok_product_price: Int,
      kok_discount_rate: Int,
      kok_discounted_price: Int,
      kok_review_cnt: Int,
      kok_review_score: Nullable(Type.Number()),
    }),
  ),
});

export const ProductInfoOut = Type.Object({
  kok_product_id: Type.Integer(),
  kok_product_name: Type.String(),
  kok_store_name: Type.String(),
  kok_thumbnail: Type.String(),
  kok_product_price: Type.Integer(),
  kok_discount_rate: Type.Integer(),
  kok_discounted_price: Type.Integer(),
  kok_review_cnt: Type.Integer(),
  is_liked: Type.Boolean(),
});

export const TabsOut = Type.Object({
  images: Type.Array(Type.Object({ kok_img_id: Type.Integer(), kok_product_id: Type.Integer(), kok_img_url: Type.String() })),
});

export const ReviewsOut = Type.Object({
  stats: Type.Object({
    kok_review_score: Type.Number(),
    kok_review_cnt: Type.Integer(),
    kok_5_ratio: Type.Integer(),
    kok_4_ratio: Type.Integer(),
    kok_3_ratio: Type.Integer(),
    kok_2_ratio: Type.Integer(),
    kok_1_ratio: Type.Integer(),
    kok_aspect_price: Type.String(),
    kok_aspect_price_ratio: Type.Integer(),
    kok_aspect_delivery: Type.String(),
    kok_aspect_delivery_ratio: Type.Integer(),
    kok_aspect_taste: Type.String(),
    kok_aspect_taste_ratio: Type.Integer(),
  }),
  reviews: Type.Array(
    Type.Object({
      kok_review_id: Type.Integer(),
      kok_product_id: Type.Integer(),
      kok_nickname: Type.String(),
      kok_review_user: Type.String(),
      kok_review_date: Type.String(),
      kok_review_score: Type.Integer(),
      kok_price_eval: Type.String(),
      kok_delivery_eval: Type.String(),
      kok_taste_eval: Type.String(),
      kok_review_text: Type.String(),
    }),
  ),
});

const sellerField = Type.String();
export const SellerDetailsOut = Type.Object({
  seller_info: Type.Object({
    kok_co_ceo: sellerField,
    kok_co_reg_no: sellerField,
    kok_co_ec_reg: sellerField,
    kok_tell: sellerField,
    kok_ver_item: sellerField,
    kok_ver_date: sellerField,
    kok_co_addr: sellerField,
    kok_return_addr: sellerField,
  }),
  detail_info: Type.Array(Type.Object({ kok_detail_col: Type.String(), kok_detail_val: Type.String() })),
});

const HistoryItem = Type.Object({
  kok_history_id: Type.Integer(),
  user_id: Type.Integer(),
  kok_keyword: Type.String(),
  kok_searched_at: Type.String({ description: 'UTC, naive ISO' }),
  created_at: Type.String({ description: 'same as kok_searched_at (the name the client reads)' }),
});
export const HistoryListOut = Type.Object({ history: Type.Array(HistoryItem) });
export const HistorySavedOut = Type.Object({ message: Type.String(), saved: HistoryItem });

export const MessageOut = Type.Object({ message: Type.String() });
export const LikeToggleOut = Type.Object({ liked: Type.Boolean(), message: Type.String() });
/** The product and price columns shown by the liked list and the cart. */
const pricedProduct = {
  kok_product_name: Str,
  kok_thumbnail: Str,
  kok_product_price: Int,
  kok_discount_rate: Int,
  kok_discounted_price: Int,
  kok_store_name: Str,
};
export const LikesOut = Type.Object({
  liked_products: Type.Array(Type.Object({ kok_product_id: Type.Integer(), ...pricedProduct })),
});

export const CartAddOut = Type.Object({ kok_cart_id: Type.Integer(), message: Type.String() });
export const CartListOut = Type.Object({
  cart_items: Type.Array(
    Type.Object({
      kok_cart_id: Type.Integer(),
      kok_product_id: Type.Integer(),
      kok_price_id: Int,
      recipe_id: Int,
      ...pricedProduct,
      kok_quantity: Type.Integer(),
    }),
  ),
});
export const CartUpdateOut = Type.Object({ kok_cart_id: Type.Integer(), kok_quantity: Type.Integer(), message: Type.String() });

const HsRecommendationOut = Type.Object({
  product_id: Type.Integer(),
  product_name: Type.String(),
  store_name: Str,
  sale_price: Int,
  dc_price: Int,
  dc_rate: Int,
  thumb_img_url: Str,
  live_date: Str,
  live_start_time: Str,
  live_end_time: Str,
  similarity_score: Type.Null(),
});
export const RecommendOut = Type.Object({
  kok_product_id: Type.Null(),
  kok_product_name: Type.String(),
  recommendations: Type.Array(HsRecommendationOut),
  total_count: Type.Integer(),
  algorithm_info: Type.Record(Type.String(), Type.String()),
  product_recommendations: Type.Record(Type.String(), Type.Array(HsRecommendationOut)),
});

export const InvalidateAllOut = Type.Object({
  message: Type.String(),
  deleted_keys: Type.Object({
    discounted_products: Type.Integer(),
    top_selling_products: Type.Integer(),
    store_best_items: Type.Integer(),
    product_details: Type.Integer(),
    search_results: Type.Integer(),
    total: Type.Integer(),
  }),
});
