// SERVICE_DB row types, original upper-case names (schema.md §3).
// DATE columns are 'YYYY-MM-DD' strings and TIME columns 'HH:MM:SS' strings (the drivers must return them as
// text, not Date — see connect.ts). DATETIME/TIMESTAMP columns are Date (UTC wall clock). BIGINT ids are numbers
// (all real values stay below 2^53). TINYINT(1) flags are 0/1 numbers.
import type { ColumnType, Generated } from 'kysely';

/** A column the database fills (DEFAULT) that may still be written explicitly. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

// ---------- home-shopping catalogue ----------
export interface HomeshoppingInfoTable {
  HOMESHOPPING_ID: number;
  HOMESHOPPING_NAME: string | null;
  HOMESHOPPING_CHANNEL: number | null;
  LIVE_URL: string | null;
}

export interface FctHomeshoppingListTable {
  LIVE_ID: number;
  HOMESHOPPING_ID: number | null;
  /** DATE, 'YYYY-MM-DD' (KST). */
  LIVE_DATE: string | null;
  /** TIME, 'HH:MM:SS' (KST). */
  LIVE_START_TIME: string | null;
  /** TIME, 'HH:MM:SS' (KST); may be smaller than the start (crosses midnight). */
  LIVE_END_TIME: string | null;
  PROMOTION_TYPE: 'main' | 'sub' | null;
  PRODUCT_ID: number | null;
  PRODUCT_NAME: string | null;
  THUMB_IMG_URL: string | null;
  SCHEDULED_OR_CANCELLED: Defaulted<number>;
}

export interface FctHomeshoppingProductInfoTable {
  PRODUCT_ID: number;
  STORE_NAME: string | null;
  SALE_PRICE: number | null;
  DC_RATE: number | null;
  DC_PRICE: number | null;
}

export interface FctHomeshoppingDetailInfoTable {
  DETAIL_ID: number;
  PRODUCT_ID: number | null;
  DETAIL_COL: string | null;
  DETAIL_VAL: string | null;
}

export interface FctHomeshoppingImgUrlTable {
  IMG_ID: number;
  PRODUCT_ID: number | null;
  SORT_ORDER: number | null;
  IMG_URL: string | null;
}

export interface HomeshoppingClassifyTable {
  PRODUCT_ID: number;
  PRODUCT_NAME: string | null;
  CLS_FOOD: number | null;
  CLS_ING: number | null;
  CREATED_AT: Defaulted<Date>;
}

export interface FctHomeshoppingCurrentScheduleTable {
  HOMESHOPPING_ID: number | null;
  LIVE_DATE: string | null;
  LIVE_START_TIME: string | null;
  LIVE_END_TIME: string | null;
  PRODUCT_ID: number | null;
}

// ---------- home-shopping interaction ----------
export interface HomeshoppingSearchHistoryTable {
  HOMESHOPPING_HISTORY_ID: Generated<number>;
  USER_ID: number;
  HOMESHOPPING_KEYWORD: string;
  HOMESHOPPING_SEARCHED_AT: Date;
}

export interface HomeshoppingLikesTable {
  HOMESHOPPING_LIKE_ID: Generated<number>;
  USER_ID: number;
  LIVE_ID: number;
  HOMESHOPPING_LIKE_CREATED_AT: Date;
}

export interface HomeshoppingCartTable {
  CART_ID: Generated<number>;
  USER_ID: number;
  PRODUCT_ID: number;
  QUANTITY: Defaulted<number>;
  CREATED_AT: Date | null;
  RECIPE_ID: number | null;
}

export interface HomeshoppingNotificationTable {
  NOTIFICATION_ID: Generated<number>;
  USER_ID: number;
  HOMESHOPPING_ORDER_ID: number | null;
  STATUS_ID: number | null;
  TITLE: string;
  MESSAGE: string;
  CREATED_AT: Defaulted<Date>;
  /** 'broadcast_start' | 'order_status' (default). */
  NOTIFICATION_TYPE: Defaulted<string>;
  /** 'live' | 'order' (default). */
  RELATED_ENTITY_TYPE: Defaulted<string>;
  /** LIVE_ID for 'live'; 0 (default) for 'order'. */
  RELATED_ENTITY_ID: Defaulted<number>;
  HOMESHOPPING_LIKE_ID: number | null;
  IS_READ: Defaulted<number>;
  READ_AT: Date | null;
}

// ---------- Kok catalogue ----------
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

// ---------- Kok interaction ----------
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

export interface KokNotificationTable {
  NOTIFICATION_ID: Generated<number>;
  USER_ID: number;
  KOK_ORDER_ID: number;
  STATUS_ID: number;
  TITLE: string;
  MESSAGE: string;
  CREATED_AT: Defaulted<Date>;
}

// ---------- orders ----------
export interface StatusMasterTable {
  STATUS_ID: Generated<number>;
  STATUS_CODE: string;
  STATUS_NAME: string;
}

export interface OrdersTable {
  ORDER_ID: Generated<number>;
  USER_ID: number;
  ORDER_TIME: Date;
  CANCEL_TIME: Date | null;
  /** DOC only; never written by the original backend. */
  RECIPE_ID: number | null;
}

export interface KokOrdersTable {
  KOK_ORDER_ID: Generated<number>;
  ORDER_ID: number;
  KOK_PRICE_ID: number;
  KOK_PRODUCT_ID: number;
  QUANTITY: number;
  ORDER_PRICE: number | null;
  RECIPE_ID: number | null;
}

export interface KokOrderStatusHistoryTable {
  HISTORY_ID: Generated<number>;
  KOK_ORDER_ID: number;
  STATUS_ID: number;
  CHANGED_AT: Defaulted<Date>;
  CHANGED_BY: number | null;
}

export interface HomeshoppingOrdersTable {
  HOMESHOPPING_ORDER_ID: Generated<number>;
  ORDER_ID: number;
  PRODUCT_ID: number;
  DC_PRICE: number;
  QUANTITY: number;
  ORDER_PRICE: number | null;
}

export interface HomeshoppingOrderStatusHistoryTable {
  HISTORY_ID: Generated<number>;
  HOMESHOPPING_ORDER_ID: number;
  STATUS_ID: number;
  CHANGED_AT: Defaulted<Date>;
  CHANGED_BY: number | null;
}

// ---------- recipes ----------
export interface FctRecipeTable {
  RECIPE_ID: number;
  RECIPE_TITLE: string | null;
  COOKING_NAME: string | null;
  SCRAP_COUNT: number | null;
  COOKING_CASE_NAME: string | null;
  COOKING_CATEGORY_NAME: string | null;
  COOKING_INTRODUCTION: string | null;
  NUMBER_OF_SERVING: string | null;
  THUMBNAIL_URL: string | null;
}

export interface FctMtrlTable {
  MATERIAL_ID: Generated<number>;
  RECIPE_ID: number | null;
  MATERIAL_NAME: string | null;
  MEASURE_AMOUNT: string | null;
  MEASURE_UNIT: string | null;
  DETAILS: string | null;
}

export interface TestMtrlTable {
  MATERIAL_NAME: string | null;
}

export interface RecipeRatingTable {
  RATING_ID: Generated<number>;
  RECIPE_ID: number;
  USER_ID: number;
  RATING: number;
}

export interface ServiceDB {
  HOMESHOPPING_INFO: HomeshoppingInfoTable;
  FCT_HOMESHOPPING_LIST: FctHomeshoppingListTable;
  FCT_HOMESHOPPING_PRODUCT_INFO: FctHomeshoppingProductInfoTable;
  FCT_HOMESHOPPING_DETAIL_INFO: FctHomeshoppingDetailInfoTable;
  FCT_HOMESHOPPING_IMG_URL: FctHomeshoppingImgUrlTable;
  HOMESHOPPING_CLASSIFY: HomeshoppingClassifyTable;
  FCT_HOMESHOPPING_CURRENT_SCHEDULE: FctHomeshoppingCurrentScheduleTable;
  HOMESHOPPING_SEARCH_HISTORY: HomeshoppingSearchHistoryTable;
  HOMESHOPPING_LIKES: HomeshoppingLikesTable;
  HOMESHOPPING_CART: HomeshoppingCartTable;
  HOMESHOPPING_NOTIFICATION: HomeshoppingNotificationTable;
  FCT_KOK_PRODUCT_INFO: FctKokProductInfoTable;
  FCT_KOK_PRICE_INFO: FctKokPriceInfoTable;
  FCT_KOK_IMAGE_INFO: FctKokImageInfoTable;
  FCT_KOK_DETAIL_INFO: FctKokDetailInfoTable;
  FCT_KOK_REVIEW_EXAMPLE: FctKokReviewExampleTable;
  KOK_CLASSIFY: KokClassifyTable;
  KOK_SEARCH_HISTORY: KokSearchHistoryTable;
  KOK_LIKES: KokLikesTable;
  KOK_CART: KokCartTable;
  KOK_NOTIFICATION: KokNotificationTable;
  STATUS_MASTER: StatusMasterTable;
  ORDERS: OrdersTable;
  KOK_ORDERS: KokOrdersTable;
  KOK_ORDER_STATUS_HISTORY: KokOrderStatusHistoryTable;
  HOMESHOPPING_ORDERS: HomeshoppingOrdersTable;
  HOMESHOPPING_ORDER_STATUS_HISTORY: HomeshoppingOrderStatusHistoryTable;
  FCT_RECIPE: FctRecipeTable;
  FCT_MTRL: FctMtrlTable;
  TEST_MTRL: TestMtrlTable;
  RECIPE_RATING: RecipeRatingTable;
}
