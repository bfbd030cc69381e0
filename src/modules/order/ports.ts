// What the order module asks of other modules; services.ts wires each to its owner (README rule 2).
import type { Transaction } from 'kysely';
import type { OrderTables } from './tables.js';

export interface ProductFacts {
  name: string | null;
  image: string | null;
}

export interface RecipeFacts {
  title: string | null;
  description: string | null;
  scrapCount: number | null;
}

/** Catalogue facts the listings show, one batch call per kind (query counts stay fixed). */
export interface OrderCatalog {
  kokProducts(ids: number[]): Promise<Map<number, ProductFacts>>;
  /** Home-shopping product name and picture (§5.1 step 2). */
  hsProducts(ids: number[]): Promise<Map<number, ProductFacts>>;
  recipes(ids: number[]): Promise<Map<number, RecipeFacts>>;
}

export interface HsOrderNotice {
  userId: number;
  homeshoppingOrderId: number;
  statusId: number;
  title: string;
  message: string;
  createdAt: Date;
}

/**
 * Writes an order-status row of HOMESHOPPING_NOTIFICATION (owned by the home-shopping module) inside the status
 * change's transaction — the same SERVICE_DB, so the owner runs its insert on this transaction.
 */
export type HsOrderNotifier = (notice: HsOrderNotice, trx: Transaction<OrderTables>) => Promise<void>;
