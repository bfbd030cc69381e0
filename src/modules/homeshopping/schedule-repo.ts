// SQL for the broadcast schedule and the channels' live streams (FCT_HOMESHOPPING_LIST, HOMESHOPPING_INFO).
import type { Db } from '../../platform/db/connect.js';
import type { HomeshoppingTables } from './tables.js';

export interface ScheduleRow {
  LIVE_ID: number;
  HOMESHOPPING_ID: number | null;
  HOMESHOPPING_NAME: string | null;
  HOMESHOPPING_CHANNEL: number | null;
  LIVE_DATE: string | null;
  LIVE_START_TIME: string | null;
  LIVE_END_TIME: string | null;
  PROMOTION_TYPE: 'main' | 'sub' | null;
  PRODUCT_ID: number | null;
  PRODUCT_NAME: string | null;
  THUMB_IMG_URL: string | null;
  SALE_PRICE: number | null;
  DC_PRICE: number | null;
  DC_RATE: number | null;
}

export interface ChannelRow {
  HOMESHOPPING_ID: number;
  HOMESHOPPING_NAME: string | null;
  LIVE_URL: string | null;
}

export interface SlotRow {
  LIVE_ID: number;
  HOMESHOPPING_ID: number | null;
  LIVE_DATE: string | null;
  LIVE_START_TIME: string | null;
  LIVE_END_TIME: string | null;
  PRODUCT_ID: number | null;
  PRODUCT_NAME: string | null;
  THUMB_IMG_URL: string | null;
}

export class ScheduleRepo {
  constructor(private readonly db: Db<HomeshoppingTables>) {}

  /** Food broadcasts of one day (or of every day), in air order (one query). */
  async schedule(liveDate: string | null): Promise<ScheduleRow[]> {
    let q = this.db.kysely
      .selectFrom('FCT_HOMESHOPPING_LIST as L')
      .innerJoin('HOMESHOPPING_INFO as H', 'H.HOMESHOPPING_ID', 'L.HOMESHOPPING_ID')
      .innerJoin('HOMESHOPPING_CLASSIFY as C', 'C.PRODUCT_ID', 'L.PRODUCT_ID')
      .leftJoin('FCT_HOMESHOPPING_PRODUCT_INFO as P', 'P.PRODUCT_ID', 'L.PRODUCT_ID')
      .select([
        'L.LIVE_ID',
        'L.HOMESHOPPING_ID',
        'H.HOMESHOPPING_NAME',
        'H.HOMESHOPPING_CHANNEL',
        'L.LIVE_DATE',
        'L.LIVE_START_TIME',
        'L.LIVE_END_TIME',
        'L.PROMOTION_TYPE',
        'L.PRODUCT_ID',
        'L.PRODUCT_NAME',
        'L.THUMB_IMG_URL',
        'P.SALE_PRICE',
        'P.DC_PRICE',
        'P.DC_RATE',
      ])
      .where('C.CLS_FOOD', '=', 1);
    if (liveDate !== null) q = q.where('L.LIVE_DATE', '=', liveDate);
    return q.orderBy('L.LIVE_DATE', 'asc').orderBy('L.LIVE_START_TIME', 'asc').orderBy('L.LIVE_ID', 'asc').execute();
  }

  async channel(homeshoppingId: number): Promise<ChannelRow | undefined> {
    return this.db.kysely
      .selectFrom('HOMESHOPPING_INFO')
      .select(['HOMESHOPPING_ID', 'HOMESHOPPING_NAME', 'LIVE_URL'])
      .where('HOMESHOPPING_ID', '=', homeshoppingId)
      .executeTakeFirst();
  }

  /** Every channel streaming at `url` (several may share one), by id. */
  async channelsStreaming(url: string): Promise<ChannelRow[]> {
    return this.db.kysely
      .selectFrom('HOMESHOPPING_INFO')
      .select(['HOMESHOPPING_ID', 'HOMESHOPPING_NAME', 'LIVE_URL'])
      .where('LIVE_URL', '=', url)
      .orderBy('HOMESHOPPING_ID', 'asc')
      .execute();
  }

  /** The channels' broadcast slots of the given days (one query). */
  async slots(homeshoppingIds: number[], days: string[]): Promise<SlotRow[]> {
    if (homeshoppingIds.length === 0 || days.length === 0) return [];
    return this.db.kysely
      .selectFrom('FCT_HOMESHOPPING_LIST')
      .select(['LIVE_ID', 'HOMESHOPPING_ID', 'LIVE_DATE', 'LIVE_START_TIME', 'LIVE_END_TIME', 'PRODUCT_ID', 'PRODUCT_NAME', 'THUMB_IMG_URL'])
      .where('HOMESHOPPING_ID', 'in', homeshoppingIds)
      .where('LIVE_DATE', 'in', days)
      .orderBy('LIVE_ID', 'asc')
      .execute();
  }
}
