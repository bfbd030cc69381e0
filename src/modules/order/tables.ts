// The order module's tables (SERVICE_DB, schema.md §3): orders, their lines, status history and KOK order
// notifications.
import type { Generated } from 'kysely';
import type { Defaulted } from '../../platform/db/column-types.js';

export interface KokNotificationTable {
  NOTIFICATION_ID: Generated<number>;
  USER_ID: number;
  KOK_ORDER_ID: number;
  STATUS_ID: number;
  TITLE: string;
  MESSAGE: string;
  CREATED_AT: Defaulted<Date>;
}

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

/** Idempotency-Key of an order creation and the answer it got (migration 009). */
export interface OrderIdempotencyKeyTable {
  USER_ID: number;
  IDEMPOTENCY_KEY: string;
  /** sha256 of the endpoint and the request body: the same key with another body is refused. */
  REQUEST_HASH: string;
  /** The JSON answer replayed to a repeat. */
  RESPONSE_BODY: string;
  CREATED_AT: Date;
}

export interface OrderTables {
  KOK_NOTIFICATION: KokNotificationTable;
  STATUS_MASTER: StatusMasterTable;
  ORDERS: OrdersTable;
  KOK_ORDERS: KokOrdersTable;
  KOK_ORDER_STATUS_HISTORY: KokOrderStatusHistoryTable;
  HOMESHOPPING_ORDERS: HomeshoppingOrdersTable;
  HOMESHOPPING_ORDER_STATUS_HISTORY: HomeshoppingOrderStatusHistoryTable;
  ORDER_IDEMPOTENCY_KEY: OrderIdempotencyKeyTable;
}
