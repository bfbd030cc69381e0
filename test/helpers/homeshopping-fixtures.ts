// Home-shopping catalogue rows for tests, inserted straight into SERVICE_DB (the catalogue is ETL-owned, no API
// writes it). Channels (HOMESHOPPING_INFO) are reference data seeded by the migrations: 1–5 have a LIVE_URL.
import type { Insertable } from 'kysely';
import type { ServiceDatabase } from '../../src/tables.js';
import type { TestApp } from './app.js';
import { kokDb } from './kok-fixtures.js';

export const CHANNEL_1_URL = 'https://s32.qtcdn.co.kr/media/liveM3U8/idx/669128309/enc/129701903/playlist.m3u8';

export interface HsProductSeed {
  PRODUCT_ID: number;
  /** HOMESHOPPING_CLASSIFY name; absent → no classify row. */
  classifyName?: string;
  food?: number | null;
  ingredient?: number | null;
  /** false → no FCT_HOMESHOPPING_PRODUCT_INFO row. */
  info?: boolean;
  STORE_NAME?: string | null;
  SALE_PRICE?: number | null;
  DC_PRICE?: number | null;
  DC_RATE?: number | null;
}

/** Products with a product-info row and (when named) a classify row, food by default. */
export async function seedHsProducts(t: TestApp, seeds: HsProductSeed[]): Promise<void> {
  const db = kokDb(t);
  const infos = seeds
    .filter((s) => s.info !== false)
    .map((s) => ({
      PRODUCT_ID: s.PRODUCT_ID,
      STORE_NAME: s.STORE_NAME === undefined ? '테스트홈쇼핑' : s.STORE_NAME,
      SALE_PRICE: s.SALE_PRICE === undefined ? 50000 : s.SALE_PRICE,
      DC_PRICE: s.DC_PRICE === undefined ? 40000 : s.DC_PRICE,
      DC_RATE: s.DC_RATE === undefined ? 20 : s.DC_RATE,
    }));
  if (infos.length > 0) await db.insertInto('FCT_HOMESHOPPING_PRODUCT_INFO').values(infos).execute();
  const classified = seeds
    .filter((s) => s.classifyName !== undefined)
    .map((s) => ({ PRODUCT_ID: s.PRODUCT_ID, PRODUCT_NAME: s.classifyName!, CLS_FOOD: s.food === undefined ? 1 : s.food, CLS_ING: s.ingredient ?? 0 }));
  if (classified.length > 0) await db.insertInto('HOMESHOPPING_CLASSIFY').values(classified).execute();
}

export type BroadcastSeed = Partial<Insertable<ServiceDatabase['FCT_HOMESHOPPING_LIST']>> & { LIVE_ID: number; PRODUCT_ID: number };

/** Broadcast slots; defaults: channel 1, 2025-09-03 10:00–11:00 KST, main promotion. */
export async function seedBroadcasts(t: TestApp, seeds: BroadcastSeed[]): Promise<void> {
  const rows = seeds.map((s) => ({
    HOMESHOPPING_ID: 1,
    LIVE_DATE: '2025-09-03',
    LIVE_START_TIME: '10:00:00',
    LIVE_END_TIME: '11:00:00',
    PROMOTION_TYPE: 'main' as const,
    PRODUCT_NAME: `방송상품 ${s.PRODUCT_ID}`,
    THUMB_IMG_URL: `https://img.example/hs/${s.PRODUCT_ID}.jpg`,
    ...s,
  }));
  if (rows.length > 0) await kokDb(t).insertInto('FCT_HOMESHOPPING_LIST').values(rows).execute();
}

/** A KST wall-clock moment as an instant ('2025-09-03T10:30:00' → 01:30 UTC). */
export const kstInstant = (wallClock: string) => new Date(`${wallClock}+09:00`);

/** The user's HOMESHOPPING_NOTIFICATION rows, oldest first. */
export async function notificationRows(t: TestApp, userId: number) {
  return kokDb(t).selectFrom('HOMESHOPPING_NOTIFICATION').selectAll().where('USER_ID', '=', userId).orderBy('NOTIFICATION_ID').execute();
}

/** The user's USER_LOG rows of one event type, once the queued events are written. */
export async function eventsOf(t: TestApp, userId: number, type: string) {
  await t.ctx.jobs.drain(15_000);
  return t.ctx.dbs.log.kysely.selectFrom('USER_LOG').selectAll().where('USER_ID', '=', userId).where('EVENT_TYPE', '=', type).orderBy('LOG_ID').execute();
}
