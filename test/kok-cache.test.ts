// KOK list caches: keys, hits, misses (empty lists), invalidation endpoints and their service credential; on the
// servers target also two instances sharing Redis and a Redis that is down.
import { describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './helpers/app.js';
import { newUser } from './helpers/auth.js';
import { currentPriceId, kokDb, seedDiscounted, seedOrder, seedProducts, useTestApp } from './helpers/kok-fixtures.js';
import { onServers } from './helpers/target.js';

let t: TestApp;
useTestApp((app) => (t = app));

const SERVICE = { authorization: 'Bearer test-service-token' };
const get = (app: TestApp, url: string, headers: Record<string, string> = {}) => app.app.inject({ method: 'GET', url, headers });
const invalidate = (app: TestApp, what: string, headers: Record<string, string> = SERVICE) =>
  app.app.inject({ method: 'POST', url: `/api/kok/cache/invalidate/${what}`, headers });
const firstRate = async (app: TestApp, url: string) => (await get(app, url)).json().products[0]?.kok_discount_rate;

/** Gives product `id` a new current price row with `rate`. */
async function reprice(app: TestApp, id: number, rate: number): Promise<void> {
  const next = (await currentPriceId(app, id)) + 100_000;
  await kokDb(app).insertInto('FCT_KOK_PRICE_INFO').values({ KOK_PRICE_ID: next, KOK_PRODUCT_ID: id, KOK_DISCOUNT_RATE: rate, KOK_DISCOUNTED_PRICE: 1000 }).execute();
}

describe('discounted cache', () => {
  it('stores the page under the v2 key, serves hits until invalidated; use_cache=false bypasses it', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 1, prices: [[10, 9000]] }]);
    expect(await firstRate(t, '/api/kok/discounted?page=1&size=5')).toBe(10);
    const cached = await t.ctx.cache.get<Array<{ kok_product_id: number }>>('kok:discounted:v2:page:1:size:5');
    expect(cached?.map((p) => p.kok_product_id)).toEqual([1]);

    await reprice(t, 1, 40);
    expect(await firstRate(t, '/api/kok/discounted?page=1&size=5')).toBe(10); // hit
    expect(await firstRate(t, '/api/kok/discounted?page=1&size=5&use_cache=false')).toBe(40); // bypass
    expect(await firstRate(t, '/api/kok/discounted/max-join?page=1&size=5')).toBe(10); // shares the key

    const res = await invalidate(t, 'discounted');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ message: '할인 상품 캐시가 무효화되었습니다. 삭제된 키 수: 1' });
    expect(await firstRate(t, '/api/kok/discounted?page=1&size=5')).toBe(40);
  });

  it('treats an empty list as a miss, cached or not', async () => {
    expect((await get(t, '/api/kok/discounted')).json()).toEqual({ products: [] });
    await t.ctx.cache.set('kok:discounted:v2:page:1:size:20', [], 300);
    await seedDiscounted(t, 3);
    expect((await get(t, '/api/kok/discounted')).json().products).toHaveLength(3);
  });
});

describe('top-selling and store-best caches', () => {
  it('keys top-selling by page, size and sort; store-best by user, never for anonymous callers', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 1, KOK_STORE_NAME: '가게', prices: [[10, 9000]] }]);
    await get(t, '/api/kok/top-selling?page=1&size=3&sort_by=rating');
    expect(await t.ctx.cache.get('kok:top_selling:page:1:size:3:sort:rating')).toHaveLength(1);

    await get(t, '/api/kok/store-best-items');
    expect(await t.ctx.cache.delPattern('kok:store_best:*')).toBe(0);
    const buyer = await newUser(t.app);
    await seedOrder(t, buyer.userId, 1, await currentPriceId(t, 1));
    await get(t, '/api/kok/store-best-items', buyer.headers);
    expect(await t.ctx.cache.get(`kok:store_best:user:${buyer.userId}:sort:review_count`)).toHaveLength(1);
  });

  it('invalidates every family with /all', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 1, prices: [[10, 9000]] }]);
    await get(t, '/api/kok/discounted');
    await get(t, '/api/kok/discounted?size=7');
    await get(t, '/api/kok/top-selling');
    await get(t, '/api/kok/product/1/info');
    const res = await invalidate(t, 'all');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      message: '모든 KOK 캐시가 무효화되었습니다.',
      deleted_keys: { discounted_products: 2, top_selling_products: 1, store_best_items: 0, product_details: 1, search_results: 0, total: 4 },
    });
    expect((await invalidate(t, 'top-selling')).json()).toEqual({ message: '인기 상품 캐시가 무효화되었습니다. 삭제된 키 수: 0' });
    expect((await invalidate(t, 'store-best')).json()).toEqual({ message: '스토어 베스트 상품 캐시가 무효화되었습니다. 삭제된 키 수: 0' });
  });
});

describe('cached pages answered from their stored bytes', () => {
  it('gives anonymous callers exactly the body of a miss, for discounted and top-selling', async () => {
    await seedProducts(t, [
      { KOK_PRODUCT_ID: 1, KOK_PRODUCT_NAME: '김치 "특" 1kg', KOK_REVIEW_CNT: 5, KOK_REVIEW_SCORE: 4.5, prices: [[10, 9000]] },
      { KOK_PRODUCT_ID: 2, KOK_PRODUCT_NAME: null, KOK_REVIEW_CNT: 3, prices: [[20, 8000]] },
    ]);
    for (const url of ['/api/kok/discounted?page=1&size=5', '/api/kok/top-selling?page=1&size=5']) {
      const miss = await get(t, url);
      const hit = await get(t, url);
      expect(hit.statusCode).toBe(200);
      expect(hit.headers['content-type']).toMatch(/^application\/json/);
      expect(hit.json()).toEqual(miss.json());
      expect(miss.json().products.length).toBeGreaterThan(0);
    }
  });
});

describe('product and search caches', () => {
  it('serves the product header from kok:product:{id} until /all invalidates it; like state stays live', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 1, prices: [[10, 9000]] }]);
    const rate = async () => (await get(t, '/api/kok/product/1/info')).json().kok_discount_rate;
    expect(await rate()).toBe(10);
    expect(await t.ctx.cache.get('kok:product:1')).toMatchObject({ product: { KOK_PRODUCT_ID: 1 }, price: { KOK_DISCOUNT_RATE: 10 } });
    await reprice(t, 1, 40);
    expect(await rate()).toBe(10); // hit
    const user = await newUser(t.app);
    await t.app.inject({ method: 'POST', url: '/api/kok/likes/toggle', headers: user.headers, payload: { kok_product_id: 1 } });
    expect((await get(t, '/api/kok/product/1/info', user.headers)).json().is_liked).toBe(true);
    await invalidate(t, 'all');
    expect(await rate()).toBe(40);
    expect((await get(t, '/api/kok/product/999/info')).statusCode).toBe(404);
    expect(await t.ctx.cache.get('kok:product:999')).toBeUndefined();
  });

  it('caches non-empty search pages per keyword, page and size', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 1, KOK_PRODUCT_NAME: '배추김치 1kg', prices: [[10, 9000]] }]);
    const search = async () => (await get(t, `/api/kok/search?keyword=${encodeURIComponent('김치')}&page=1&size=10`)).json();
    expect((await search()).total).toBe(1);
    expect(await t.ctx.cache.get('kok:search:page:1:size:10:keyword:김치')).toMatchObject({ total: 1 });
    await seedProducts(t, [{ KOK_PRODUCT_ID: 2, KOK_PRODUCT_NAME: '총각김치', prices: [[0, 5000]] }]);
    expect((await search()).total).toBe(1); // hit
    await invalidate(t, 'all');
    expect((await search()).total).toBe(2);
  });
});

describe('invalidation credential', () => {
  it.each([
    ['no header', {}],
    ['a wrong token', { authorization: 'Bearer nope' }],
    ['a user token scheme without bearer', { authorization: 'test-service-token' }],
  ])('answers 401 for %s and deletes nothing', async (_label, headers) => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 1, prices: [[10, 9000]] }]);
    await get(t, '/api/kok/discounted');
    const res = await invalidate(t, 'discounted', headers as Record<string, string>);
    expect(res.statusCode).toBe(401);
    expect(typeof res.json().detail).toBe('string');
    expect(await t.ctx.cache.get('kok:discounted:v2:page:1:size:20')).toHaveLength(1);
  });

  it('rejects a signed-in user’s token', async () => {
    const user = await newUser(t.app);
    expect((await invalidate(t, 'all', user.headers)).statusCode).toBe(401);
  });

  it('answers 503 when SERVICE_AUTH_TOKEN is not configured', async () => {
    const bare = await startApp({ env: { SERVICE_AUTH_TOKEN: '' } });
    try {
      const res = await invalidate(bare, 'all');
      expect(res.statusCode).toBe(503);
      expect(res.json().detail).toContain('SERVICE_AUTH_TOKEN');
    } finally {
      await bare.close();
    }
  });
});

describe.runIf(onServers)('shared Redis (servers target)', () => {
  it('an invalidation on one instance is seen by another', async () => {
    const prefix = `kokshare${Date.now()}`;
    const a = await startApp({ redisPrefix: prefix, dbSuffix: 'kokshare' });
    const b = await startApp({ redisPrefix: prefix, dbSuffix: 'kokshare' });
    try {
      await a.reset();
      await seedProducts(a, [{ KOK_PRODUCT_ID: 1, prices: [[10, 9000]] }]);
      expect(await firstRate(a, '/api/kok/discounted')).toBe(10);
      await reprice(a, 1, 40);
      expect(await firstRate(b, '/api/kok/discounted')).toBe(10); // b reads a's cached page
      expect((await invalidate(a, 'discounted')).json().message).toMatch(/삭제된 키 수: 1$/);
      expect(await firstRate(b, '/api/kok/discounted')).toBe(40);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('serves lists from the database when Redis is down', async () => {
    const down = await startApp({ env: { REDIS_URL: 'redis://127.0.0.1:6390/0' }, dbSuffix: 'kokdown' });
    try {
      // No reset(): it drains the Redis-backed job queue, which is down here.
      await kokDb(down).deleteFrom('FCT_KOK_PRICE_INFO').execute();
      await kokDb(down).deleteFrom('FCT_KOK_PRODUCT_INFO').execute();
      await seedProducts(down, [{ KOK_PRODUCT_ID: 1, prices: [[10, 9000]] }]);
      for (const url of ['/api/kok/discounted', '/api/kok/top-selling', '/api/kok/store-best-items', '/api/kok/search?keyword=%EC%83%81%ED%92%88']) {
        const res = await get(down, url);
        expect(res.statusCode, url).toBe(200);
        expect(res.json().products.length, url).toBe(1);
      }
      expect((await invalidate(down, 'all')).json().deleted_keys.total).toBe(0);
    } finally {
      // The context's job queue waits for Redis to come back before it closes; do not wait for that here.
      await Promise.race([down.close(), new Promise((resolve) => setTimeout(resolve, 2000))]);
    }
  });
});
