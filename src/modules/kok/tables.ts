// The KOK module's tables (SERVICE_DB, schema.md §3): catalogue, prices, likes, cart and search history.
import type { Generated } from 'kysely';
import type { Defaulted } from '../../platform/db/column-types.js';

export interface FctKokProductInfoTable {
  KOK_PRODUCT_ID: number;
  KOK_STORE_NAME: string | null;
  KOK_PRODUCT_NAME: string | null;
  KOK_THUMBNAIL: string | null;
  KOK_PRODUCT_PRICE: number | null;
  KOK_REVIEW_SCORE: number | null;
  KOK_REVIEW_CNT: number | null;
  KOK_5_RATIO: number | null;
  KOK_4_RATIO: number | null;
  KOK_3_RATIO: number | null;
  KOK_2_RATIO: number | null;
  KOK_1_RATIO: number | null;
  KOK_ASPECT_PRICE: string | null;
  KOK_ASPECT_PRICE_RATIO: number | null;
  KOK_ASPECT_DELIVERY: string | null;
  KOK_ASPECT_DELIVERY_RATIO: number | null;
  KOK_ASPECT_TASTE: string | null;
  KOK_ASPECT_TASTE_RATIO: number | null;
  KOK_SELLER: string | null;
  KOK_CO_CEO: string | null;
  KOK_CO_REG_NO: string | null;
  KOK_CO_EC_REG: string | null;
  KOK_TELL: string | null;
  KOK_VER_ITEM: string | null;
  KOK_VER_DATE: string | null;
  KOK_CO_ADDR: string | null;
  KOK_RETURN_ADDR: string | null;
  KOK_EXCHANGE_ADDR: string | null;
}

export interface FctKokPriceInfoTable {
  /** Larger id = newer snapshot; the current price is the largest id per product. */
  KOK_PRICE_ID: number;
  KOK_PRODUCT_ID: number | null;
  KOK_DISCOUNT_RATE: number | null;
  KOK_DISCOUNTED_PRICE: number | null;
}

export interface FctKokImageInfoTable {
  KOK_IMG_ID: number;
  KOK_PRODUCT_ID: number | null;
  KOK_IMG_URL: string | null;
}

export interface FctKokDetailInfoTable {
  KOK_DETAIL_COL_ID: number;
  KOK_PRODUCT_ID: number | null;
  KOK_DETAIL_COL: string | null;
  KOK_DETAIL_VAL: string | null;
}

export interface FctKokReviewExampleTable {
  KOK_REVIEW_ID: number;
  KOK_PRODUCT_ID: number | null;
  KOK_NICKNAME: string | null;
  KOK_REVIEW_DATE: string | null;
  KOK_REVIEW_SCORE: number | null;
  KOK_PRICE_EVAL: string | null;
  KOK_DELIVERY_EVAL: string | null;
  KOK_TASTE_EVAL: string | null;
  KOK_REVIEW_TEXT: string | null;
}

export interface KokClassifyTable {
  PRODUCT_ID: number;
  STORE_NAME: string | null;
  PRODUCT_NAME: string | null;
  CLS_ING: number | null;
  CREATED_AT: Defaulted<Date>;
}

export interface KokSearchHistoryTable {
  KOK_HISTORY_ID: Generated<number>;
  USER_ID: number;
  KOK_KEYWORD: string;
  KOK_SEARCHED_AT: Date;
}

export interface KokLikesTable {
  KOK_LIKE_ID: Generated<number>;
  USER_ID: number;
  KOK_PRODUCT_ID: number;
  KOK_CREATED_AT: Date;
}

export interface KokCartTable {
  KOK_CART_ID: Generated<number>;
  USER_ID: number;
  KOK_PRODUCT_ID: number;
  KOK_QUANTITY: number;
  KOK_CREATED_AT: Date | null;
  RECIPE_ID: number | null;
  KOK_PRICE_ID: number | null;
}

export interface KokTables {
  FCT_KOK_PRODUCT_INFO: FctKokProductInfoTable;
  FCT_KOK_PRICE_INFO: FctKokPriceInfoTable;
  FCT_KOK_IMAGE_INFO: FctKokImageInfoTable;
  FCT_KOK_DETAIL_INFO: FctKokDetailInfoTable;
  FCT_KOK_REVIEW_EXAMPLE: FctKokReviewExampleTable;
  KOK_CLASSIFY: KokClassifyTable;
  KOK_SEARCH_HISTORY: KokSearchHistoryTable;
  KOK_LIKES: KokLikesTable;
  KOK_CART: KokCartTable;
}
