// Read-only SQL over the home-shopping catalogue for the KOK → home-shopping recommendation (api spec §3.4).
// The home-shopping module owns these tables; this query is specific to the KOK endpoint, so it lives here.
import type { Db } from '../../platform/db/connect.js';
import { likeContains } from '../../platform/db/dialect.js';
import type { ServiceDB } from '../../platform/db/schema.js';

export interface HsProductRow {
  PRODUCT_ID: number;
  PRODUCT_NAME: string | null;
  STORE_NAME: string | null;
  SALE_PRICE: number | null;
  DC_PRICE: number | null;
  DC_RATE: number | null;
}

export interface BroadcastRow {
  PRODUCT_ID: number | null;
  LIVE_DATE: string | null;
  LIVE_START_TIME: string | null;
  LIVE_END_TIME: string | null;
  THUMB_IMG_URL: string | null;
}

export class HomeshoppingRepo {
  constructor(private readonly db: Db<ServiceDB>) {}

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
