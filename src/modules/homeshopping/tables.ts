// The home-shopping module's tables (SERVICE_DB, schema.md §3): broadcast catalogue, likes, search history,
// carts and notifications. DATE columns are 'YYYY-MM-DD' text and TIME columns 'HH:MM:SS' text (KST).
import type { Generated } from 'kysely';
import type { Defaulted } from '../../platform/db/column-types.js';

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
  /** Ours (migration 007): set on a notice that may exist once per user, e.g. 'broadcast_reminder:{LIVE_ID}';
   * unique with USER_ID. NULL on every other row. */
  DEDUPE_KEY: string | null;
}

export interface HomeshoppingTables {
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
}
