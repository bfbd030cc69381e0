// SQL for one broadcast's product page, the ingredient flag and the product search (home-shopping tables only).
import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { likeContains } from '../../platform/db/dialect.js';
import type { HomeshoppingTables } from './tables.js';

export interface LiveProductRow {
  PRODUCT_ID: number;
  PRODUCT_NAME: string | null;
  STORE_NAME: string | null;
  SALE_PRICE: number | null;
  DC_PRICE: number | null;
  DC_RATE: number | null;
  LIVE_DATE: string | null;
  LIVE_START_TIME: string | null;
  LIVE_END_TIME: string | null;
  THUMB_IMG_URL: string | null;
  HOMESHOPPING_ID: number;
  HOMESHOPPING_NAME: string | null;
  HOMESHOPPING_CHANNEL: number | null;
}

export interface SearchRow {
  LIVE_ID: number;
  PRODUCT_ID: number | null;
  PRODUCT_NAME: string | null;
  STORE_NAME: string | null;
  SALE_PRICE: number | null;
  DC_PRICE: number | null;
  DC_RATE: number | null;
  THUMB_IMG_URL: string | null;
  LIVE_DATE: string | null;
  LIVE_START_TIME: string | null;
  LIVE_END_TIME: string | null;
}

export class ProductRepo {
  constructor(private readonly db: Db<HomeshoppingTables>) {}

  /** The broadcast with its product and channel; undefined when any of the three is missing. */
  async byLive(liveId: number): Promise<LiveProductRow | undefined> {
    const row = await this.db.kysely
      .selectFrom('FCT_HOMESHOPPING_LIST as L')
      .innerJoin('FCT_HOMESHOPPING_PRODUCT_INFO as P', 'P.PRODUCT_ID', 'L.PRODUCT_ID')
      .innerJoin('HOMESHOPPING_INFO as H', 'H.HOMESHOPPING_ID', 'L.HOMESHOPPING_ID')
      .select([
        'P.PRODUCT_ID',
        'L.PRODUCT_NAME',
        'P.STORE_NAME',
        'P.SALE_PRICE',
        'P.DC_PRICE',
        'P.DC_RATE',
        'L.LIVE_DATE',
        'L.LIVE_START_TIME',
        'L.LIVE_END_TIME',
        'L.THUMB_IMG_URL',
        'H.HOMESHOPPING_ID',
        'H.HOMESHOPPING_NAME',
        'H.HOMESHOPPING_CHANNEL',
      ])
      .where('L.LIVE_ID', '=', liveId)
      .executeTakeFirst();
    return row;
  }

  async details(productId: number) {
    return this.db.kysely
      .selectFrom('FCT_HOMESHOPPING_DETAIL_INFO')
      .select(['DETAIL_COL', 'DETAIL_VAL'])
      .where('PRODUCT_ID', '=', productId)
      .orderBy('DETAIL_ID', 'asc')
      .execute();
  }

  async images(productId: number) {
    return this.db.kysely
      .selectFrom('FCT_HOMESHOPPING_IMG_URL')
      .select(['IMG_URL', 'SORT_ORDER'])
      .where('PRODUCT_ID', '=', productId)
      // A NULL order is shown as 0 and sorts as 0: the engines would otherwise put NULLs at opposite ends.
      .orderBy((eb) => eb.fn.coalesce('SORT_ORDER', sql.lit(0)), 'asc')
      .orderBy('IMG_ID', 'asc')
      .execute();
  }

  async isLiked(userId: number, liveId: number): Promise<boolean> {
    const row = await this.db.kysely
      .selectFrom('HOMESHOPPING_LIKES')
      .select('HOMESHOPPING_LIKE_ID')
      .where('USER_ID', '=', userId)
      .where('LIVE_ID', '=', liveId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** HOMESHOPPING_CLASSIFY.CLS_ING of the product; undefined when it is not classified. */
  async ingredientFlag(productId: number): Promise<number | null | undefined> {
    const row = await this.db.kysely.selectFrom('HOMESHOPPING_CLASSIFY').select('CLS_ING').where('PRODUCT_ID', '=', productId).executeTakeFirst();
    return row?.CLS_ING;
  }

  private matching(keyword: string) {
    const pattern = likeContains(keyword.toLowerCase());
    return this.db.kysely
      .selectFrom('FCT_HOMESHOPPING_LIST as L')
      .innerJoin('FCT_HOMESHOPPING_PRODUCT_INFO as P', 'P.PRODUCT_ID', 'L.PRODUCT_ID')
      .where((eb) => eb.or([eb(eb.fn('lower', ['L.PRODUCT_NAME']), 'like', pattern), eb(eb.fn('lower', ['P.STORE_NAME']), 'like', pattern)]));
  }

  /** Broadcasts whose product name or store contains the keyword literally (case-insensitive), in air order. */
  async search(keyword: string, limit: number, offset: number): Promise<SearchRow[]> {
    return this.matching(keyword)
      .select([
        'L.LIVE_ID',
        'L.PRODUCT_ID',
        'L.PRODUCT_NAME',
        'P.STORE_NAME',
        'P.SALE_PRICE',
        'P.DC_PRICE',
        'P.DC_RATE',
        'L.THUMB_IMG_URL',
        'L.LIVE_DATE',
        'L.LIVE_START_TIME',
        'L.LIVE_END_TIME',
      ])
      .orderBy('L.LIVE_DATE', 'asc')
      .orderBy('L.LIVE_START_TIME', 'asc')
      .orderBy('L.LIVE_ID', 'asc')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  async countMatching(keyword: string): Promise<number> {
    const row = await this.matching(keyword).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
