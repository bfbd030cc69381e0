// Values shared by the KOK repositories, services and routes.

/** The two list orders the API accepts; anything else is rejected by the schema. */
export type SortBy = 'review_count' | 'rating';

/** Api spec §4.4: only `rating` selects the rating order; every other value is `review_count`. */
export function toSortBy(value: string): SortBy {
  return value === 'rating' ? 'rating' : 'review_count';
}

/** The item of the three home-screen lists (api spec §4, "KokListItem"). */
export interface KokListItem {
  kok_product_id: number;
  kok_thumbnail: string | null;
  /** The client reads this name first (§10.1); the original never sent it. Same value as the thumbnail. */
  kok_product_image: string | null;
  kok_discount_rate: number | null;
  kok_discounted_price: number | null;
  kok_product_name: string | null;
  kok_store_name: string | null;
  kok_review_cnt: number | null;
  kok_review_score: number | null;
}

/** The product columns every list shows. */
export interface ProductSummaryRow {
  KOK_PRODUCT_ID: number;
  KOK_PRODUCT_NAME: string | null;
  KOK_STORE_NAME: string | null;
  KOK_THUMBNAIL: string | null;
  KOK_PRODUCT_PRICE: number | null;
  KOK_REVIEW_CNT: number | null;
  KOK_REVIEW_SCORE: number | null;
}

/** One FCT_KOK_PRICE_INFO row; the "current" one of a product has the largest KOK_PRICE_ID. */
export interface PriceRow {
  KOK_PRICE_ID: number;
  KOK_PRODUCT_ID: number | null;
  KOK_DISCOUNT_RATE: number | null;
  KOK_DISCOUNTED_PRICE: number | null;
}
