// KOK home lists: discounted (and aliases), top-selling, store-best — selection, order, pagination, bounds, and a
// query count that does not grow with the page size.
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from './helpers/app.js';
import { newUser } from './helpers/auth.js';
import { currentPriceId, seedDiscounted, seedOrder, seedProducts, queriesFor, useTestApp } from './helpers/kok-fixtures.js';

let t: TestApp;
useTestApp((app) => (t = app));

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const ids = (body: { products: Array<{ kok_product_id: number }> }) => body.products.map((p) => p.kok_product_id);

describe('GET /api/kok/discounted', () => {
  it('lists products whose current price row is discounted, by rate then newest id', async () => {
    await seedProducts(t, [
      { KOK_PRODUCT_ID: 1, prices: [[10, 9000]] },
      { KOK_PRODUCT_ID: 2, prices: [[30, 7000]] },
      { KOK_PRODUCT_ID: 3, prices: [[30, 7000]] },
      // An old discount does not count once the latest row has none.
      { KOK_PRODUCT_ID: 4, prices: [[50, 5000], [0, 10000]] },
      // The latest row decides even when an older one had no discount.
      { KOK_PRODUCT_ID: 5, prices: [[0, 10000], [20, 8000]] },
      { KOK_PRODUCT_ID: 6 },
    ]);
    const res = await get('/api/kok/discounted');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(ids(body)).toEqual([3, 2, 5, 1]);
    expect(body.products[0]).toEqual({
      kok_product_id: 3,
      kok_thumbnail: 'https://img.example/3.jpg',
      kok_product_image: 'https://img.example/3.jpg',
      kok_discount_rate: 30,
      kok_discounted_price: 7000,
      kok_product_name: '상품 3',
      kok_store_name: '테스트상점',
      kok_review_cnt: 10,
      kok_review_score: 4.5,
    });
  });

  it('paginates with page and size', async () => {
    const seeded = await seedDiscounted(t, 7);
    const expected = [...seeded].reverse(); // higher id has the higher rate
    const p1 = await get('/api/kok/discounted?page=1&size=3');
    const p3 = await get('/api/kok/discounted?page=3&size=3');
    expect(ids(p1.json())).toEqual(expected.slice(0, 3));
    expect(ids(p3.json())).toEqual(expected.slice(6, 9));
  });

  it('serves the same result under /window, /max-join and /baseline', async () => {
    await seedDiscounted(t, 4);
    const main = (await get('/api/kok/discounted?size=3')).json();
    for (const url of ['/api/kok/discounted/window?size=3', '/api/kok/discounted/max-join?size=3', '/api/kok/discounted/baseline?size=3']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.json(), url).toEqual(main);
    }
  });

  it.each(['page=0', 'size=0', 'size=101', 'page=x', 'use_cache=maybe'])('rejects %s with 422', async (query) => {
    const res = await get(`/api/kok/discounted?${query}`);
    expect(res.statusCode).toBe(422);
    expect(Array.isArray(res.json().detail)).toBe(true);
  });

  it('accepts pydantic boolean words for use_cache', async () => {
    await seedDiscounted(t, 2);
    for (const word of ['false', 'no', 'off', '0', 'yes', 'on']) expect((await get(`/api/kok/discounted?use_cache=${word}`)).statusCode, word).toBe(200);
  });

  it('costs the same number of queries for 2 or 60 items', async () => {
    await seedDiscounted(t, 60);
    const small = await queriesFor(t, () => get('/api/kok/discounted?size=2'));
    const large = await queriesFor(t, () => get('/api/kok/discounted?size=60'));
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(1);
  });
});

describe('GET /api/kok/top-selling', () => {
  beforeEach(async () => {
    await seedProducts(t, [
      { KOK_PRODUCT_ID: 1, KOK_REVIEW_CNT: 100, KOK_REVIEW_SCORE: 4.0, prices: [[null, null]] },
      { KOK_PRODUCT_ID: 2, KOK_REVIEW_CNT: 300, KOK_REVIEW_SCORE: 3.0, prices: [[10, 9000]] },
      { KOK_PRODUCT_ID: 3, KOK_REVIEW_CNT: 300, KOK_REVIEW_SCORE: 4.9, prices: [[0, 0]] },
      { KOK_PRODUCT_ID: 4, KOK_REVIEW_CNT: 50, KOK_REVIEW_SCORE: 5.0, prices: [[5, 9500]] },
      { KOK_PRODUCT_ID: 5, KOK_REVIEW_CNT: 0, KOK_REVIEW_SCORE: 5.0, prices: [[5, 9500]] },
      { KOK_PRODUCT_ID: 6, KOK_REVIEW_CNT: 999, KOK_REVIEW_SCORE: 5.0 },
      { KOK_PRODUCT_ID: 7, KOK_REVIEW_CNT: 20, KOK_REVIEW_SCORE: 0, prices: [[5, 9500]] },
    ]);
  });

  it('orders by review count (default) with list-price fallbacks, skipping unreviewed and unpriced products', async () => {
    const res = await get('/api/kok/top-selling');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(ids(body)).toEqual([3, 2, 1, 4, 7]);
    // Rate null → 0, discounted price null/0 → list price.
    expect(body.products[0]).toMatchObject({ kok_discount_rate: 0, kok_discounted_price: 10000 });
    expect(body.products[2]).toMatchObject({ kok_discount_rate: 0, kok_discounted_price: 10000 });
    expect(body.products[1]).toMatchObject({ kok_discount_rate: 10, kok_discounted_price: 9000 });
  });

  it('orders by rating and drops unrated products with sort_by=rating', async () => {
    const body = (await get('/api/kok/top-selling?sort_by=rating')).json();
    expect(ids(body)).toEqual([4, 3, 1, 2]);
  });

  it('returns exactly the requested page, also when it comes from the cache', async () => {
    const first = (await get('/api/kok/top-selling?page=2&size=2')).json();
    const again = (await get('/api/kok/top-selling?page=2&size=2')).json();
    expect(ids(first)).toEqual([1, 4]);
    expect(again).toEqual(first);
  });

  it('treats an unknown sort_by as review_count, under the review_count cache key only', async () => {
    const byCount = (await get('/api/kok/top-selling?sort_by=review_count&use_cache=false')).json();
    const odd = await get('/api/kok/top-selling?sort_by=price');
    expect(odd.statusCode).toBe(200);
    expect(ids(odd.json())).toEqual(ids(byCount));
    expect(await t.ctx.cache.delPattern('kok:top_selling:*sort:price')).toBe(0);
    expect(await t.ctx.cache.get('kok:top_selling:page:1:size:20:sort:review_count')).toBeDefined();
    expect((await get(`/api/kok/top-selling?sort_by=${'x'.repeat(51)}`)).statusCode).toBe(422);
    expect((await get('/api/kok/top-selling?size=101')).statusCode).toBe(422);
  });

  it('costs the same number of queries for small and large pages', async () => {
    await seedDiscounted(t, 40, 5000);
    const small = await queriesFor(t, () => get('/api/kok/top-selling?size=2'));
    const large = await queriesFor(t, () => get('/api/kok/top-selling?size=40&sort_by=rating'));
    expect(large).toBe(small);
    expect(small).toBe(2);
  });
});

describe('GET /api/kok/store-best-items', () => {
  it('gives anonymous callers the global top 10', async () => {
    await seedDiscounted(t, 12);
    const body = (await get('/api/kok/store-best-items')).json();
    expect(body.products).toHaveLength(10);
    expect(body.products[0].kok_product_id).toBe(1011);
  });

  it('personalises by the stores the user ordered from', async () => {
    await seedProducts(t, [
      { KOK_PRODUCT_ID: 1, KOK_STORE_NAME: '김치가게', KOK_REVIEW_CNT: 5, prices: [[0, 10000]] },
      { KOK_PRODUCT_ID: 2, KOK_STORE_NAME: '김치가게', KOK_REVIEW_CNT: 50, prices: [[10, 9000]] },
      { KOK_PRODUCT_ID: 3, KOK_STORE_NAME: '다른가게', KOK_REVIEW_CNT: 500, prices: [[0, 10000]] },
    ]);
    const buyer = await newUser(t.app);
    await seedOrder(t, buyer.userId, 1, await currentPriceId(t, 1));
    const body = (await get('/api/kok/store-best-items', buyer.headers)).json();
    expect(ids(body)).toEqual([2, 1]);

    const newcomer = await newUser(t.app);
    expect((await get('/api/kok/store-best-items', newcomer.headers)).json()).toEqual({ products: [] });
  });

  it('treats an unknown sort_by as review_count', async () => {
    await seedDiscounted(t, 3);
    const odd = await get('/api/kok/store-best-items?sort_by=x');
    expect(odd.statusCode).toBe(200);
    expect(ids(odd.json())).toEqual(ids((await get('/api/kok/store-best-items')).json()));
  });
});

describe('database failure', () => {
  it('answers the endpoint’s fixed Korean 500 text, never internals, and recovers', async () => {
    await seedDiscounted(t, 3);
    const db = t.ctx.dbs.service.kysely;
    await db.schema.alterTable('FCT_KOK_PRICE_INFO').renameTo('FCT_KOK_PRICE_INFO_AWAY').execute();
    try {
      const res = await get('/api/kok/discounted?use_cache=false');
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ detail: '할인 상품 조회 중 오류가 발생했습니다.' });
    } finally {
      await db.schema.alterTable('FCT_KOK_PRICE_INFO_AWAY').renameTo('FCT_KOK_PRICE_INFO').execute();
    }
    expect((await get('/api/kok/discounted?use_cache=false')).statusCode).toBe(200);
  });
});
