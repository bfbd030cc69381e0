// SQL for KOK_CART. One line per (user, product) by unique key; every statement is scoped to the owner.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { insertReturningId } from '../../platform/db/dialect.js';
import type { KokTables } from './tables.js';

export interface NewCartLine {
  userId: number;
  productId: number;
  priceId: number;
  quantity: number;
  recipeId: number | null;
  at: Date;
}

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
    return this.db.kysely
      .selectFrom('KOK_CART as C')
      .leftJoin('FCT_KOK_PRODUCT_INFO as P', 'P.KOK_PRODUCT_ID', 'C.KOK_PRODUCT_ID')
      .leftJoin('FCT_KOK_PRICE_INFO as PR', 'PR.KOK_PRICE_ID', 'C.KOK_PRICE_ID')
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
}
