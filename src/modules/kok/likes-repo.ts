// SQL for KOK_LIKES: one row per (user, product), guaranteed by the unique key.
import type { Db } from '../../platform/db/connect.js';
import type { ServiceDB } from '../../platform/db/schema.js';
import { hasPriceRow, SUMMARY_COLUMNS } from './catalog-repo.js';
import type { ProductSummaryRow } from './types.js';

export class LikesRepo {
  constructor(private readonly db: Db<ServiceDB>) {}

  /** Deletes the caller's like; returns how many rows went (0 or 1). */
  async remove(userId: number, productId: number): Promise<number> {
    const res = await this.db.kysely
      .deleteFrom('KOK_LIKES')
      .where('USER_ID', '=', userId)
      .where('KOK_PRODUCT_ID', '=', productId)
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  }

  /** Throws a unique violation when the like already exists (a concurrent toggle won). */
  async add(userId: number, productId: number, at: Date): Promise<void> {
    await this.db.kysely.insertInto('KOK_LIKES').values({ USER_ID: userId, KOK_PRODUCT_ID: productId, KOK_CREATED_AT: at }).execute();
  }

  /** Which of `productIds` the user likes (one query for a whole page). */
  async likedAmong(userId: number, productIds: number[]): Promise<Set<number>> {
    if (productIds.length === 0) return new Set();
    const rows = await this.db.kysely
      .selectFrom('KOK_LIKES')
      .select('KOK_PRODUCT_ID')
      .where('USER_ID', '=', userId)
      .where('KOK_PRODUCT_ID', 'in', productIds)
      .execute();
    return new Set(rows.map((r) => r.KOK_PRODUCT_ID));
  }

  /** The user's liked products that have a price row, newest like first. */
  async likedProducts(userId: number, limit: number): Promise<ProductSummaryRow[]> {
    return this.db.kysely
      .selectFrom('KOK_LIKES as L')
      .innerJoin('FCT_KOK_PRODUCT_INFO as P', 'P.KOK_PRODUCT_ID', 'L.KOK_PRODUCT_ID')
      .select(SUMMARY_COLUMNS)
      .where('L.USER_ID', '=', userId)
      .where(hasPriceRow)
      .orderBy('L.KOK_CREATED_AT', 'desc')
      .orderBy('L.KOK_LIKE_ID', 'desc')
      .limit(limit)
      .execute();
  }
}
