// Read-only SQL over the home-shopping catalogue (FCT_HOMESHOPPING_*, HOMESHOPPING_CLASSIFY).
import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { likeContains } from '../../platform/db/dialect.js';
import type { HomeshoppingTables } from './tables.js';

export interface HsProductRow {
  PRODUCT_ID: number;
  PRODUCT_NAME: string | null;
  STORE_NAME: string | null;
  SALE_PRICE: number | null;
  DC_PRICE: number | null;
  DC_RATE: number | null;
}

export interface HsOrderFacts {
  SALE_PRICE: number | null;
  DC_RATE: number | null;
  DC_PRICE: number | null;
  PRODUCT_NAME: string | null;
}

export interface BroadcastRow {
  PRODUCT_ID: number | null;
  LIVE_DATE: string | null;
  LIVE_START_TIME: string | null;
  LIVE_END_TIME: string | null;
  THUMB_IMG_URL: string | null;
}

export class HomeshoppingCatalogRepo {
  constructor(private readonly db: Db<HomeshoppingTables>) {}

  /** Food products whose classified name contains any needle, cheapest first (one query for all needles). */
  async foodProductsMatching(needles: string[], cap: number): Promise<HsProductRow[]> {
    if (needles.length === 0) return [];
    return this.db.kysely
      .selectFrom('HOMESHOPPING_CLASSIFY as C')
      .innerJoin('FCT_HOMESHOPPING_PRODUCT_INFO as I', 'I.PRODUCT_ID', 'C.PRODUCT_ID')
      .select(['C.PRODUCT_ID', 'C.PRODUCT_NAME', 'I.STORE_NAME', 'I.SALE_PRICE', 'I.DC_PRICE', 'I.DC_RATE'])
      .where('C.CLS_FOOD', '=', 1)
      .where((eb) => eb.or(needles.map((n) => eb(eb.fn('lower', ['C.PRODUCT_NAME']), 'like', likeContains(n.toLowerCase())))))
      .orderBy('I.SALE_PRICE', 'asc')
      .orderBy('C.PRODUCT_ID', 'asc')
      .limit(cap)
      .execute();
  }

  /** The product's name as its earliest broadcast shows it (api spec §3.5 step 1); undefined when it never aired. */
  /** Each product's earliest broadcast name and its first picture (two queries, whatever the number of ids). */
  async productFacts(ids: number[]): Promise<Map<number, { name: string | null; image: string | null }>> {
    const facts = new Map<number, { name: string | null; image: string | null }>();
    if (ids.length === 0) return facts;
    const [names, images] = await Promise.all([
      this.db.kysely
        .selectFrom('FCT_HOMESHOPPING_LIST')
        .select(['PRODUCT_ID', 'PRODUCT_NAME'])
        .where('PRODUCT_ID', 'in', ids)
        .orderBy('LIVE_DATE', 'asc')
        .orderBy('LIVE_START_TIME', 'asc')
        .orderBy('LIVE_ID', 'asc')
        .execute(),
      this.db.kysely
        .selectFrom('FCT_HOMESHOPPING_IMG_URL')
        .select(['PRODUCT_ID', 'IMG_URL'])
        .where('PRODUCT_ID', 'in', ids)
        .orderBy(sql`coalesce(${sql.ref('SORT_ORDER')}, 0)`)
        .orderBy('IMG_ID', 'asc')
        .execute(),
    ]);
    for (const n of names) if (n.PRODUCT_ID !== null && !facts.has(n.PRODUCT_ID)) facts.set(n.PRODUCT_ID, { name: n.PRODUCT_NAME, image: null });
    for (const i of images) {
      const fact = i.PRODUCT_ID === null ? undefined : facts.get(i.PRODUCT_ID);
      if (fact && fact.image === null) fact.image = i.IMG_URL;
    }
    return facts;
  }

  async earliestName(productId: number): Promise<string | null | undefined> {
    const row = await this.db.kysely
      .selectFrom('FCT_HOMESHOPPING_LIST')
      .select('PRODUCT_NAME')
      .where('PRODUCT_ID', '=', productId)
      .orderBy('LIVE_DATE', 'asc')
      .orderBy('LIVE_START_TIME', 'asc')
      .orderBy('LIVE_ID', 'asc')
      .limit(1)
      .executeTakeFirst();
    return row ? row.PRODUCT_NAME : undefined;
  }

  /**
   * What an order of the product prices and names (order spec §4.2): its product-info prices and the name of its
   * latest broadcast (LIVE_DATE, LIVE_START_TIME; slots without a date last); undefined without a product-info row.
   */
  async orderFacts(productId: number): Promise<HsOrderFacts | undefined> {
    const [info, slot] = await Promise.all([
      this.db.kysely.selectFrom('FCT_HOMESHOPPING_PRODUCT_INFO').select(['SALE_PRICE', 'DC_RATE', 'DC_PRICE']).where('PRODUCT_ID', '=', productId).executeTakeFirst(),
      this.db.kysely
        .selectFrom('FCT_HOMESHOPPING_LIST')
        .select('PRODUCT_NAME')
        .where('PRODUCT_ID', '=', productId)
        .orderBy(sql`case when ${sql.ref('LIVE_DATE')} is null then 1 else 0 end`)
        .orderBy('LIVE_DATE', 'desc')
        .orderBy('LIVE_START_TIME', 'desc')
        .orderBy('LIVE_ID', 'desc')
        .limit(1)
        .executeTakeFirst(),
    ]);
    return info && { ...info, PRODUCT_NAME: slot?.PRODUCT_NAME ?? null };
  }

  /** Every broadcast slot of the given products (one query). */
  async broadcasts(productIds: number[]): Promise<BroadcastRow[]> {
    if (productIds.length === 0) return [];
    return this.db.kysely
      .selectFrom('FCT_HOMESHOPPING_LIST')
      .select(['PRODUCT_ID', 'LIVE_DATE', 'LIVE_START_TIME', 'LIVE_END_TIME', 'THUMB_IMG_URL'])
      .where('PRODUCT_ID', 'in', productIds)
      .orderBy('LIVE_DATE', 'asc')
      .orderBy('LIVE_START_TIME', 'asc')
      .orderBy('LIVE_ID', 'asc')
      .execute();
  }
}
