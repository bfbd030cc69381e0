// SQL for KOK_CART. One line per (user, product) by unique key; every statement is scoped to the owner.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { insertReturningId, lockRows } from '../../platform/db/dialect.js';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { KokTables } from './tables.js';

export interface NewCartLine {
  userId: number;
  productId: number;
  priceId: number;
  quantity: number;
  recipeId: number | null;
  at: Date;
}

/** Cart lines (C) with their product (P) and the price row they were added at (PR); either may have vanished. */
const withProductAndPrice = (db: Executor<KokTables>) =>
  db
    .selectFrom('KOK_CART as C')
    .leftJoin('FCT_KOK_PRODUCT_INFO as P', 'P.KOK_PRODUCT_ID', 'C.KOK_PRODUCT_ID')
    .leftJoin('FCT_KOK_PRICE_INFO as PR', 'PR.KOK_PRICE_ID', 'C.KOK_PRICE_ID');

export class CartRepo {
  constructor(private readonly db: Db<KokTables>) {}

  /** Throws a unique violation when the user already has a line for the product. */
  async insert(line: NewCartLine): Promise<number> {
    const values = {
      USER_ID: line.userId,
      KOK_PRODUCT_ID: line.productId,
      KOK_PRICE_ID: line.priceId,
      KOK_QUANTITY: line.quantity,
      RECIPE_ID: line.recipeId,
      KOK_CREATED_AT: line.at,
    };
    return insertReturningId(this.db.kysely, this.db.kind, 'KOK_CART', values, 'KOK_CART_ID');
  }

  /** Atomic `quantity = min(quantity + n, max)` on the existing line; price and recipe stay as first added. */
  async increment(userId: number, productId: number, quantity: number, max: number): Promise<{ id: number; quantity: number } | undefined> {
    await this.db.kysely
      .updateTable('KOK_CART')
      .set({ KOK_QUANTITY: sql<number>`least(${sql.ref('KOK_QUANTITY')} + ${quantity}, ${max})` })
      .where('USER_ID', '=', userId)
      .where('KOK_PRODUCT_ID', '=', productId)
      .execute();
    const row = await this.db.kysely
      .selectFrom('KOK_CART')
      .select(['KOK_CART_ID', 'KOK_QUANTITY'])
      .where('USER_ID', '=', userId)
      .where('KOK_PRODUCT_ID', '=', productId)
      .executeTakeFirst();
    return row && { id: row.KOK_CART_ID, quantity: row.KOK_QUANTITY };
  }

  /** The user's lines with product and the stored (snapshot) price row, newest first. */
  async lines(userId: number, limit: number) {
    return withProductAndPrice(this.db.kysely)
      .select([
        'C.KOK_CART_ID',
        'C.KOK_PRODUCT_ID',
        'C.KOK_PRICE_ID',
        'C.RECIPE_ID',
        'C.KOK_QUANTITY',
        'P.KOK_PRODUCT_NAME',
        'P.KOK_THUMBNAIL',
        'P.KOK_PRODUCT_PRICE',
        'P.KOK_STORE_NAME',
        'PR.KOK_DISCOUNT_RATE',
        'PR.KOK_DISCOUNTED_PRICE',
      ])
      .where('C.USER_ID', '=', userId)
      // Lines without a timestamp last on both engines (PostgreSQL would put NULLs first in a descending sort).
      .orderBy(sql`case when ${sql.ref('C.KOK_CREATED_AT')} is null then 1 else 0 end`)
      .orderBy('C.KOK_CREATED_AT', 'desc')
      .orderBy('C.KOK_CART_ID', 'desc')
      .limit(limit)
      .execute();
  }

  async productIds(userId: number, limit: number): Promise<number[]> {
    const rows = await this.db.kysely
      .selectFrom('KOK_CART')
      .select('KOK_PRODUCT_ID')
      .where('USER_ID', '=', userId)
      .orderBy('KOK_CART_ID', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.KOK_PRODUCT_ID);
  }

  /** Returns the number of the caller's lines matched (0: missing or someone else's). */
  async setQuantity(userId: number, cartId: number, quantity: number): Promise<number> {
    const res = await this.db.kysely
      .updateTable('KOK_CART')
      .set({ KOK_QUANTITY: quantity })
      .where('KOK_CART_ID', '=', cartId)
      .where('USER_ID', '=', userId)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  async remove(userId: number, cartId: number): Promise<number> {
    const res = await this.db.kysely.deleteFrom('KOK_CART').where('KOK_CART_ID', '=', cartId).where('USER_ID', '=', userId).executeTakeFirst();
    return Number(res.numDeletedRows);
  }

  /**
   * Locks the requested lines (primary-key order, first statement of the checkout's transaction) and reads the
   * caller's among them with their product and stored price row; another user's ids are left out.
   */
  async linesForCheckout(userId: number, cartIds: number[], trx: Transaction<KokTables>): Promise<CheckoutCartLine[]> {
    const locked = await lockRows(trx, 'KOK_CART', 'KOK_CART_ID', cartIds);
    if (locked.length === 0) return [];
    return withProductAndPrice(trx)
      .select([
        'C.KOK_CART_ID',
        'C.KOK_PRODUCT_ID',
        'C.KOK_PRICE_ID',
        'C.RECIPE_ID',
        'P.KOK_PRODUCT_ID as PRODUCT_FOUND',
        'P.KOK_PRODUCT_NAME',
        'P.KOK_PRODUCT_PRICE',
        'PR.KOK_PRICE_ID as PRICE_FOUND',
        'PR.KOK_DISCOUNTED_PRICE',
      ])
      .where('C.USER_ID', '=', userId)
      .where('C.KOK_CART_ID', 'in', locked)
      .orderBy('C.KOK_CART_ID')
      .execute();
  }

  /** Deletes the caller's lines among `cartIds` inside the checkout's transaction. */
  async removeLines(userId: number, cartIds: number[], trx: Transaction<KokTables>): Promise<number> {
    if (cartIds.length === 0) return 0;
    const res = await trx.deleteFrom('KOK_CART').where('USER_ID', '=', userId).where('KOK_CART_ID', 'in', cartIds).executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}

export interface CheckoutCartLine {
  KOK_CART_ID: number;
  KOK_PRODUCT_ID: number;
  KOK_PRICE_ID: number | null;
  RECIPE_ID: number | null;
  /** Null when the product row has vanished. */
  PRODUCT_FOUND: number | null;
  KOK_PRODUCT_NAME: string | null;
  KOK_PRODUCT_PRICE: number | null;
  /** Null when the stored price row has vanished. */
  PRICE_FOUND: number | null;
  KOK_DISCOUNTED_PRICE: number | null;
}
