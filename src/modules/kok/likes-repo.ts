// SQL for KOK_LIKES: one row per (user, product), guaranteed by the unique key. Methods take an optional transaction.
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { ignoreDuplicates, lockRows } from '../../platform/db/dialect.js';
import { inTransaction, type Executor } from '../../platform/db/unit-of-work.js';
import type { KokTables } from './tables.js';
import { hasPriceRow, SUMMARY_COLUMNS } from './catalog-repo.js';
import type { ProductSummaryRow } from './types.js';

export class LikesRepo {
  constructor(private readonly db: Db<KokTables>) {}

  /** A unit of work on SERVICE_DB, joined when `trx` is already one. */
  inTransaction<T>(work: (trx: Transaction<KokTables>) => Promise<T>, trx: Executor<KokTables> = this.db.kysely): Promise<T> {
    return inTransaction(trx, work);
  }

  /** Locks the product's row until `trx` ends: the parent every like of it waits on. False when there is none. */
  async lockProduct(productId: number, trx: Transaction<KokTables>): Promise<boolean> {
    return (await lockRows(trx, 'FCT_KOK_PRODUCT_INFO', 'KOK_PRODUCT_ID', [productId])).length > 0;
  }

  /** Deletes the caller's like; returns how many rows went (0 or 1). */
  async remove(userId: number, productId: number, trx: Executor<KokTables> = this.db.kysely): Promise<number> {
    const res = await trx
      .deleteFrom('KOK_LIKES')
      .where('USER_ID', '=', userId)
      .where('KOK_PRODUCT_ID', '=', productId)
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  }

  /** A like that already exists stays as it is (a retry, or a writer that takes no lock, such as the original). */
  async add(userId: number, productId: number, at: Date, trx: Executor<KokTables> = this.db.kysely): Promise<void> {
    const insert = trx.insertInto('KOK_LIKES').values({ USER_ID: userId, KOK_PRODUCT_ID: productId, KOK_CREATED_AT: at });
    await ignoreDuplicates(this.db.kind, insert).execute();
  }

  /** Which of `productIds` the user likes (one query for a whole page). */
  async likedAmong(userId: number, productIds: number[], trx: Executor<KokTables> = this.db.kysely): Promise<Set<number>> {
    if (productIds.length === 0) return new Set();
    const rows = await trx
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
