// Catalogue rows for KOK tests, inserted straight into SERVICE_DB (the catalogue is ETL-owned, no API writes it).
import type { Insertable, Kysely } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { insertReturningId } from '../../src/platform/db/dialect.js';
import type { ServiceDatabase } from '../../src/tables.js';
import { startApp, type StartOptions, type TestApp } from './app.js';

type ProductRow = Insertable<ServiceDatabase['FCT_KOK_PRODUCT_INFO']>;

export interface ProductSeed extends Partial<ProductRow> {
  KOK_PRODUCT_ID: number;
  /** Price rows in id order (the last one is current); [rate, discounted price]. */
  prices?: Array<[number | null, number | null]>;
}

let nextPriceId = 1;

/** One app per test file, emptied before each test; `assign` hands it to the file's `t`. */
export function useTestApp(assign: (app: TestApp) => void, options: StartOptions = {}): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startApp(options);
    assign(app);
  });
  afterAll(async () => {
    await app?.close();
  });
  beforeEach(async () => {
    await app!.reset();
  });
}

export function kokDb(t: TestApp): Kysely<ServiceDatabase> {
  return t.ctx.dbs.service.kysely;
}

/** Products with sensible defaults plus their price rows; ids of price rows grow with insertion order. */
export async function seedProducts(t: TestApp, seeds: ProductSeed[]): Promise<void> {
  const db = kokDb(t);
  const products = seeds.map(({ prices: _prices, ...p }) => ({
    KOK_PRODUCT_NAME: `상품 ${p.KOK_PRODUCT_ID}`,
    KOK_STORE_NAME: '테스트상점',
    KOK_THUMBNAIL: `https://img.example/${p.KOK_PRODUCT_ID}.jpg`,
    KOK_PRODUCT_PRICE: 10000,
    KOK_REVIEW_CNT: 10,
    KOK_REVIEW_SCORE: 4.5,
    ...p,
  }));
  if (products.length > 0) await db.insertInto('FCT_KOK_PRODUCT_INFO').values(products).execute();
  const prices = seeds.flatMap((s) =>
    (s.prices ?? []).map(([rate, discounted]) => ({
      KOK_PRICE_ID: nextPriceId++,
      KOK_PRODUCT_ID: s.KOK_PRODUCT_ID,
      KOK_DISCOUNT_RATE: rate,
      KOK_DISCOUNTED_PRICE: discounted,
    })),
  );
  if (prices.length > 0) await db.insertInto('FCT_KOK_PRICE_INFO').values(prices).execute();
}

/** `n` discounted products with ids from `firstId`, rates spread so the order is known (higher id, higher rate). */
export async function seedDiscounted(t: TestApp, n: number, firstId = 1000): Promise<number[]> {
  const ids = Array.from({ length: n }, (_, i) => firstId + i);
  await seedProducts(t, ids.map((id, i) => ({ KOK_PRODUCT_ID: id, KOK_REVIEW_CNT: 100 + i, prices: [[10 + (i % 80), 9000 - i]] })));
  return ids;
}

/** A past order of a KOK product (for store-best). */
export async function seedOrder(t: TestApp, userId: number, productId: number, priceId: number): Promise<void> {
  const db = kokDb(t);
  const values = { USER_ID: userId, ORDER_TIME: new Date(), CANCEL_TIME: null };
  const orderId = await insertReturningId(db, t.ctx.dbs.service.kind, 'ORDERS', values, 'ORDER_ID');
  await db.insertInto('KOK_ORDERS').values({ ORDER_ID: orderId, KOK_PRICE_ID: priceId, KOK_PRODUCT_ID: productId, QUANTITY: 1, ORDER_PRICE: 1000, RECIPE_ID: null }).execute();
}

/** The current price id of a product as stored. */
export async function currentPriceId(t: TestApp, productId: number): Promise<number> {
  const row = await kokDb(t)
    .selectFrom('FCT_KOK_PRICE_INFO')
    .select((eb) => eb.fn.max('KOK_PRICE_ID').as('id'))
    .where('KOK_PRODUCT_ID', '=', productId)
    .executeTakeFirstOrThrow();
  return row.id!;
}

/**
 * SQL statements one request costs. Measured on a repeat (auth lookups are cached after the first call), with the
 * KOK page caches emptied first so lists are really read; queued event inserts are drained into the count.
 */
export async function queriesFor(t: TestApp, send: () => Promise<LightMyRequestResponse>): Promise<number> {
  await send();
  await t.ctx.jobs.drain();
  // Every cache emptied: the measured request takes the database path (token checks included, each time alike).
  await t.ctx.cache.delPattern('*');
  const before = t.ctx.dbs.queries.count;
  const res = await send();
  expect(res.statusCode, res.body).toBe(200);
  await t.ctx.jobs.drain();
  return t.ctx.dbs.queries.count - before;
}
