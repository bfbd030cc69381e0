// SQL over the KOK catalogue (FCT_KOK_*): lists, product pages, search. Read only.
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { likeContains } from '../../platform/db/dialect.js';
import type { KokTables } from './tables.js';
import type { PriceRow, ProductSummaryRow, SortBy } from './types.js';

type ProductScope = ExpressionBuilder<KokTables & { P: KokTables['FCT_KOK_PRODUCT_INFO'] }, 'P'>;

/** The product columns every list shows (ProductSummaryRow). */
export const SUMMARY_COLUMNS = [
  'P.KOK_PRODUCT_ID',
  'P.KOK_PRODUCT_NAME',
  'P.KOK_STORE_NAME',
  'P.KOK_THUMBNAIL',
  'P.KOK_PRODUCT_PRICE',
  'P.KOK_REVIEW_CNT',
  'P.KOK_REVIEW_SCORE',
] as const;

/** Products without any price row never appear in lists (api spec §3.1). */
export const hasPriceRow = (eb: ProductScope) =>
  eb.exists(eb.selectFrom('FCT_KOK_PRICE_INFO as X').select(sql`1`.as('one')).whereRef('X.KOK_PRODUCT_ID', '=', 'P.KOK_PRODUCT_ID'));

export interface Page {
  limit: number;
  offset: number;
}

export class CatalogRepo {
  constructor(private readonly db: Db<KokTables>) {}

  /** Max price id per product (optionally only for `ids`): a grouped derived table, never a per-row subquery. */
  private latestPriceIds(ids?: number[]) {
    const q = this.db.kysely
      .selectFrom('FCT_KOK_PRICE_INFO')
      .select((eb) => ['KOK_PRODUCT_ID', eb.fn.max('KOK_PRICE_ID').as('MAX_PRICE_ID')])
      .groupBy('KOK_PRODUCT_ID');
    return ids ? q.where('KOK_PRODUCT_ID', 'in', ids) : q;
  }

  /** Products whose current price row is discounted, by that rate (one query; the filter follows "latest"). */
  async discountedPage(page: Page): Promise<Array<ProductSummaryRow & PriceRow>> {
    return this.db.kysely
      .selectFrom(this.latestPriceIds().as('L'))
      .innerJoin('FCT_KOK_PRICE_INFO as PR', 'PR.KOK_PRICE_ID', 'L.MAX_PRICE_ID')
      .innerJoin('FCT_KOK_PRODUCT_INFO as P', 'P.KOK_PRODUCT_ID', 'L.KOK_PRODUCT_ID')
      .select([...SUMMARY_COLUMNS, 'PR.KOK_PRICE_ID', 'PR.KOK_DISCOUNT_RATE', 'PR.KOK_DISCOUNTED_PRICE'])
      .where('PR.KOK_DISCOUNT_RATE', '>', 0)
      .orderBy('PR.KOK_DISCOUNT_RATE', 'desc')
      .orderBy('P.KOK_PRODUCT_ID', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
  }

  /** Reviewed products with a price row, best first; optionally only of some stores. */
  async rankedPage(sortBy: SortBy, page: Page, stores?: string[]): Promise<ProductSummaryRow[]> {
    let q = this.db.kysely
      .selectFrom('FCT_KOK_PRODUCT_INFO as P')
      .select(SUMMARY_COLUMNS)
      .where('P.KOK_REVIEW_CNT', '>', 0)
      .where(hasPriceRow);
    if (sortBy === 'rating') q = q.where('P.KOK_REVIEW_SCORE', '>', 0);
    if (stores) q = q.where('P.KOK_STORE_NAME', 'in', stores);
    q =
      sortBy === 'rating'
        ? q.orderBy('P.KOK_REVIEW_SCORE', 'desc').orderBy('P.KOK_REVIEW_CNT', 'desc')
        : q.orderBy('P.KOK_REVIEW_CNT', 'desc').orderBy('P.KOK_REVIEW_SCORE', 'desc');
    return q.orderBy('P.KOK_PRODUCT_ID', 'asc').limit(page.limit).offset(page.offset).execute();
  }

  /** Distinct store names of the products behind some price rows (what a user ordered, for store-best). */
  async storeNamesOfPrices(priceIds: number[]): Promise<string[]> {
    if (priceIds.length === 0) return [];
    const rows = await this.db.kysely
      .selectFrom('FCT_KOK_PRICE_INFO as PR')
      .innerJoin('FCT_KOK_PRODUCT_INFO as P', 'P.KOK_PRODUCT_ID', 'PR.KOK_PRODUCT_ID')
      .select('P.KOK_STORE_NAME')
      .distinct()
      .where('PR.KOK_PRICE_ID', 'in', priceIds)
      .where('P.KOK_STORE_NAME', 'is not', null)
      .execute();
    return rows.map((r) => r.KOK_STORE_NAME!);
  }

  /** The current price row of each of `ids` (one query for the whole page). */
  async currentPrices(ids: number[]): Promise<Map<number, PriceRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.kysely
      .selectFrom(this.latestPriceIds(ids).as('L'))
      .innerJoin('FCT_KOK_PRICE_INFO as PR', 'PR.KOK_PRICE_ID', 'L.MAX_PRICE_ID')
      .select(['PR.KOK_PRICE_ID', 'PR.KOK_PRODUCT_ID', 'PR.KOK_DISCOUNT_RATE', 'PR.KOK_DISCOUNTED_PRICE'])
      .execute();
    return new Map(rows.map((r) => [r.KOK_PRODUCT_ID!, r]));
  }

  async summaries(ids: number[]): Promise<ProductSummaryRow[]> {
    if (ids.length === 0) return [];
    return this.db.kysely.selectFrom('FCT_KOK_PRODUCT_INFO as P').select(SUMMARY_COLUMNS).where('P.KOK_PRODUCT_ID', 'in', ids).execute();
  }

  async product(id: number) {
    return this.db.kysely.selectFrom('FCT_KOK_PRODUCT_INFO').selectAll().where('KOK_PRODUCT_ID', '=', id).executeTakeFirst();
  }

  async images(productId: number) {
    return this.db.kysely
      .selectFrom('FCT_KOK_IMAGE_INFO')
      .selectAll()
      .where('KOK_PRODUCT_ID', '=', productId)
      .orderBy('KOK_IMG_ID', 'asc')
      .execute();
  }

  async reviews(productId: number) {
    return this.db.kysely
      .selectFrom('FCT_KOK_REVIEW_EXAMPLE')
      .selectAll()
      .where('KOK_PRODUCT_ID', '=', productId)
      .orderBy('KOK_REVIEW_DATE', 'desc')
      .orderBy('KOK_REVIEW_ID', 'desc')
      .execute();
  }

  async details(productId: number) {
    return this.db.kysely
      .selectFrom('FCT_KOK_DETAIL_INFO')
      .select(['KOK_DETAIL_COL', 'KOK_DETAIL_VAL'])
      .where('KOK_PRODUCT_ID', '=', productId)
      .orderBy('KOK_DETAIL_COL_ID', 'asc')
      .execute();
  }

  /**
   * Case-insensitive literal substring of the name or store; `%` and `_` typed by the user match themselves.
   * MariaDB's collation already ignores case (plain LIKE); PostgreSQL uses ILIKE.
   */
  private searchScope(keyword: string): SelectQueryBuilder<KokTables & { P: KokTables['FCT_KOK_PRODUCT_INFO'] }, 'P', object> {
    const pattern = likeContains(keyword);
    const op = this.db.kind === 'mysql' ? 'like' : 'ilike';
    return this.db.kysely
      .selectFrom('FCT_KOK_PRODUCT_INFO as P')
      .where((eb) => eb.or([eb('P.KOK_PRODUCT_NAME', op, pattern), eb('P.KOK_STORE_NAME', op, pattern)]))
      .where(hasPriceRow);
  }

  async searchCount(keyword: string): Promise<number> {
    const row = await this.searchScope(keyword)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * One page, newest product id first (the outer query orders, so pagination is stable), with the number of all
   * matches computed in the same scan by a window count; only a page past the end needs a separate count.
   */
  async searchPage(keyword: string, page: Page): Promise<{ rows: ProductSummaryRow[]; total: number }> {
    const rows = await this.searchScope(keyword)
      .select(SUMMARY_COLUMNS)
      .select((eb) => eb.fn.countAll<number | string>().over().as('TOTAL'))
      .orderBy('P.KOK_PRODUCT_ID', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    if (rows.length === 0) return { rows: [], total: page.offset === 0 ? 0 : await this.searchCount(keyword) };
    return { rows: rows.map(({ TOTAL: _total, ...row }) => row), total: Number(rows[0].TOTAL) };
  }
}
