// KOK likes: toggle (unknown product, concurrency, ownership) and the liked list (order, prices, query count).
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from './helpers/app.js';
import { newUser, type LoggedIn } from './helpers/auth.js';
import { kokDb, queriesFor, seedProducts, useTestApp } from './helpers/kok-fixtures.js';

let t: TestApp;
let user: LoggedIn;
useTestApp((app) => (t = app));
beforeEach(async () => {
  user = await newUser(t.app);
});

const toggle = (productId: unknown, who: LoggedIn = user) =>
  t.app.inject({ method: 'POST', url: '/api/kok/likes/toggle', headers: who.headers, payload: { kok_product_id: productId } });
const likedList = (who: LoggedIn = user, query = '') => t.app.inject({ method: 'GET', url: `/api/kok/likes${query}`, headers: who.headers });
const likeRows = () => kokDb(t).selectFrom('KOK_LIKES').selectAll().execute();

describe('POST /api/kok/likes/toggle', () => {
  it('likes, then unlikes', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 1, prices: [[0, 10000]] }]);
    const on = await toggle(1);
    expect(on.statusCode).toBe(200);
    expect(on.json()).toEqual({ liked: true, message: '상품을 찜했습니다.' });
    expect(await likeRows()).toHaveLength(1);
    expect((await toggle(1)).json()).toEqual({ liked: false, message: '찜이 취소되었습니다.' });
    expect(await likeRows()).toHaveLength(0);
  });

  it('answers 404 for an unknown product and 422 for a bad body', async () => {
    const res = await toggle(999);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ detail: '상품이 존재하지 않습니다.' });
    expect((await toggle('abc')).statusCode).toBe(422);
    expect((await t.app.inject({ method: 'POST', url: '/api/kok/likes/toggle', headers: user.headers, payload: {} })).statusCode).toBe(422);
  });

  it('keeps likes per user: one user’s toggle never touches another’s like', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 1, prices: [[0, 10000]] }]);
    const other = await newUser(t.app);
    await toggle(1, other);
    expect((await toggle(1)).json().liked).toBe(true);
    expect((await toggle(1)).json().liked).toBe(false);
    const rows = await likeRows();
    expect(rows.map((r) => r.USER_ID)).toEqual([other.userId]);
  });

  it('ends with one row when the same like arrives twice at once', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 1, prices: [[0, 10000]] }]);
    const results = await Promise.all([toggle(1), toggle(1)]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect((await likeRows()).length).toBeLessThanOrEqual(1);
  });

  it('requires a token', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/kok/likes/toggle', payload: { kok_product_id: 1 } })).statusCode).toBe(401);
  });
});

describe('GET /api/kok/likes', () => {
  it('lists liked products newest first with their current price, skipping products without one', async () => {
    await seedProducts(t, [
      { KOK_PRODUCT_ID: 1, prices: [[10, 9000], [20, 8000]] },
      { KOK_PRODUCT_ID: 2, prices: [[0, 10000]] },
      { KOK_PRODUCT_ID: 3 },
    ]);
    const db = kokDb(t);
    await db
      .insertInto('KOK_LIKES')
      .values([
        { USER_ID: user.userId, KOK_PRODUCT_ID: 1, KOK_CREATED_AT: new Date('2025-01-01T00:00:00Z') },
        { USER_ID: user.userId, KOK_PRODUCT_ID: 2, KOK_CREATED_AT: new Date('2025-02-01T00:00:00Z') },
        { USER_ID: user.userId, KOK_PRODUCT_ID: 3, KOK_CREATED_AT: new Date('2025-03-01T00:00:00Z') },
      ])
      .execute();
    const res = await likedList();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      liked_products: [
        {
          kok_product_id: 2,
          kok_product_name: '상품 2',
          kok_thumbnail: 'https://img.example/2.jpg',
          kok_product_price: 10000,
          kok_discount_rate: 0,
          kok_discounted_price: 10000,
          kok_store_name: '테스트상점',
        },
        expect.objectContaining({ kok_product_id: 1, kok_discount_rate: 20, kok_discounted_price: 8000 }),
      ],
    });
    expect((await likedList(user, '?limit=1')).json().liked_products).toHaveLength(1);
    expect((await likedList(user, '?limit=101')).statusCode).toBe(422);
    const other = await newUser(t.app);
    expect((await likedList(other)).json()).toEqual({ liked_products: [] });
  });

  it('costs the same number of queries for 2 or 40 likes', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => i + 1);
    await seedProducts(t, ids.map((id) => ({ KOK_PRODUCT_ID: id, prices: [[5, 9500]] as Array<[number, number]> })));
    await kokDb(t)
      .insertInto('KOK_LIKES')
      .values(ids.map((id) => ({ USER_ID: user.userId, KOK_PRODUCT_ID: id, KOK_CREATED_AT: new Date() })))
      .execute();
    expect((await likedList(user, '?limit=40')).json().liked_products).toHaveLength(40);
    expect(await queriesFor(t, () => likedList(user, '?limit=40'))).toBe(await queriesFor(t, () => likedList(user, '?limit=2')));
  });
});
