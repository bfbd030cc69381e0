// KOK cart: add (price snapshot, increment, bounds, concurrency), list, update, delete, ownership, query count.
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from './helpers/app.js';
import { newUser, type LoggedIn } from './helpers/auth.js';
import { currentPriceId, kokDb, queriesFor, seedProducts, useTestApp } from './helpers/kok-fixtures.js';

let t: TestApp;
let user: LoggedIn;
useTestApp((app) => (t = app));
beforeEach(async () => {
  user = await newUser(t.app);
  await seedProducts(t, [
    { KOK_PRODUCT_ID: 1, KOK_PRODUCT_NAME: '배추김치', prices: [[10, 9000], [20, 8000]] },
    { KOK_PRODUCT_ID: 2, prices: [[0, 10000]] },
    { KOK_PRODUCT_ID: 3 }, // no price row
  ]);
});

const add = (payload: Record<string, unknown>, who: LoggedIn = user) => t.app.inject({ method: 'POST', url: '/api/kok/carts', headers: who.headers, payload });
const list = (who: LoggedIn = user, query = '') => t.app.inject({ method: 'GET', url: `/api/kok/carts${query}`, headers: who.headers });
const patch = (id: number, payload: unknown, who: LoggedIn = user) =>
  t.app.inject({ method: 'PATCH', url: `/api/kok/carts/${id}`, headers: who.headers, payload: payload as Record<string, unknown> });
const remove = (id: number, who: LoggedIn = user) => t.app.inject({ method: 'DELETE', url: `/api/kok/carts/${id}`, headers: who.headers });
const cartRows = () => kokDb(t).selectFrom('KOK_CART').selectAll().orderBy('KOK_CART_ID').execute();

describe('POST /api/kok/carts', () => {
  it('adds a line at the current price, then increments it', async () => {
    const first = await add({ kok_product_id: 1, kok_quantity: 2, recipe_id: 0 });
    expect(first.statusCode).toBe(201);
    const { kok_cart_id } = first.json();
    expect(first.json()).toEqual({ kok_cart_id, message: '장바구니에 상품이 추가되었습니다.' });
    const [row] = await cartRows();
    expect(row).toMatchObject({ KOK_CART_ID: kok_cart_id, USER_ID: user.userId, KOK_QUANTITY: 2, RECIPE_ID: null, KOK_PRICE_ID: await currentPriceId(t, 1) });

    const second = await add({ kok_product_id: 1, kok_quantity: 3 });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual({ kok_cart_id, message: '장바구니 수량이 5개로 업데이트되었습니다.' });
    expect(await cartRows()).toHaveLength(1);
  });

  it('defaults the quantity to 1 and caps the summed quantity at 99', async () => {
    await add({ kok_product_id: 2 });
    expect((await cartRows())[0].KOK_QUANTITY).toBe(1);
    const res = await add({ kok_product_id: 2, kok_quantity: 99 });
    expect(res.json().message).toBe('장바구니 수량이 99개로 업데이트되었습니다.');
    expect((await cartRows())[0].KOK_QUANTITY).toBe(99);
  });

  it('answers 404 for a product without price and rejects bad bodies with 422', async () => {
    for (const id of [3, 999]) {
      const res = await add({ kok_product_id: id });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ detail: '상품의 가격 정보를 찾을 수 없습니다.' });
    }
    for (const body of [{}, { kok_product_id: 'x' }, { kok_product_id: 1, kok_quantity: 0 }, { kok_product_id: 1, kok_quantity: 100 }, { kok_product_id: 1, recipe_id: -1 }]) {
      expect((await add(body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    expect(await cartRows()).toHaveLength(0);
  });

  it('stores a known recipe id and drops an unknown one', async () => {
    await kokDb(t).insertInto('FCT_RECIPE').values({ RECIPE_ID: 77, RECIPE_TITLE: '김치찌개', COOKING_NAME: null, SCRAP_COUNT: 1, COOKING_CASE_NAME: null, COOKING_CATEGORY_NAME: null, COOKING_INTRODUCTION: null, NUMBER_OF_SERVING: null, THUMBNAIL_URL: null }).execute();
    await add({ kok_product_id: 1, recipe_id: 77 });
    await add({ kok_product_id: 2, recipe_id: 78 });
    expect((await cartRows()).map((r) => r.RECIPE_ID)).toEqual([77, null]);
  });

  it('merges concurrent adds of the same product into one line with the summed quantity', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => add({ kok_product_id: 1, kok_quantity: 2 })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    const rows = await cartRows();
    expect(rows).toHaveLength(1);
    expect(rows[0].KOK_QUANTITY).toBe(12);
    expect(new Set(results.map((r) => r.json().kok_cart_id))).toEqual(new Set([rows[0].KOK_CART_ID]));
  });

  it('requires a token', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/kok/carts', payload: { kok_product_id: 1 } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/kok/carts' })).statusCode).toBe(401);
  });
});

describe('GET /api/kok/carts', () => {
  it('lists the caller’s lines newest first with the stored price snapshot', async () => {
    const a = (await add({ kok_product_id: 1, kok_quantity: 2 })).json().kok_cart_id;
    const b = (await add({ kok_product_id: 2 })).json().kok_cart_id;
    // A newer price row does not change the line's snapshot.
    await kokDb(t).insertInto('FCT_KOK_PRICE_INFO').values({ KOK_PRICE_ID: 100000, KOK_PRODUCT_ID: 1, KOK_DISCOUNT_RATE: 50, KOK_DISCOUNTED_PRICE: 5000 }).execute();
    const other = await newUser(t.app);
    await add({ kok_product_id: 2 }, other);

    const res = await list();
    expect(res.statusCode).toBe(200);
    const items = res.json().cart_items;
    expect(items.map((i: { kok_cart_id: number }) => i.kok_cart_id)).toEqual([b, a]);
    expect(items[1]).toEqual({
      kok_cart_id: a,
      kok_product_id: 1,
      kok_price_id: await kokDb(t).selectFrom('KOK_CART').select('KOK_PRICE_ID').where('KOK_CART_ID', '=', a).executeTakeFirstOrThrow().then((r) => r.KOK_PRICE_ID),
      recipe_id: null,
      kok_product_name: '배추김치',
      kok_thumbnail: 'https://img.example/1.jpg',
      kok_product_price: 10000,
      kok_discount_rate: 20,
      kok_discounted_price: 8000,
      kok_store_name: '테스트상점',
      kok_quantity: 2,
    });
    expect((await list(user, '?limit=1')).json().cart_items).toHaveLength(1);
    expect((await list(user, '?limit=201')).statusCode).toBe(422);
  });

  it('costs the same number of queries for 2 or 40 lines', async () => {
    await seedProducts(t, Array.from({ length: 40 }, (_, i) => ({ KOK_PRODUCT_ID: 100 + i, prices: [[5, 9500]] as Array<[number, number]> })));
    for (let i = 0; i < 40; i++) await add({ kok_product_id: 100 + i });
    expect((await list(user, '?limit=40')).json().cart_items).toHaveLength(40);
    expect(await queriesFor(t, () => list(user, '?limit=40'))).toBe(await queriesFor(t, () => list(user, '?limit=2')));
  });
});

describe('PATCH and DELETE /api/kok/carts/{id}', () => {
  it('sets the quantity of the caller’s line', async () => {
    const id = (await add({ kok_product_id: 1 })).json().kok_cart_id;
    const res = await patch(id, { kok_quantity: 7 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ kok_cart_id: id, kok_quantity: 7, message: '수량이 7개로 변경되었습니다.' });
    // Setting the same value again is still a success (matched, not changed).
    expect((await patch(id, { kok_quantity: 7 })).statusCode).toBe(200);
    expect((await cartRows())[0].KOK_QUANTITY).toBe(7);
    for (const body of [{}, { kok_quantity: 0 }, { kok_quantity: 100 }, { kok_quantity: 'many' }]) {
      expect((await patch(id, body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    expect((await patch(Number.NaN, { kok_quantity: 1 })).statusCode).toBe(422);
  });

  it('deletes the caller’s line, then 404', async () => {
    const id = (await add({ kok_product_id: 1 })).json().kok_cart_id;
    const res = await remove(id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ message: '장바구니에서 상품이 삭제되었습니다.' });
    expect(await cartRows()).toHaveLength(0);
    const again = await remove(id);
    expect(again.statusCode).toBe(404);
    expect(again.json()).toEqual({ detail: '장바구니 항목을 찾을 수 없습니다.' });
  });

  it('answers 404 for another user’s line and leaves it untouched', async () => {
    const other = await newUser(t.app);
    const theirs = (await add({ kok_product_id: 1, kok_quantity: 3 }, other)).json().kok_cart_id;
    expect((await patch(theirs, { kok_quantity: 9 })).statusCode).toBe(404);
    expect((await remove(theirs)).statusCode).toBe(404);
    expect(await cartRows()).toEqual([expect.objectContaining({ KOK_CART_ID: theirs, USER_ID: other.userId, KOK_QUANTITY: 3 })]);
    expect((await patch(123456, { kok_quantity: 2 })).statusCode).toBe(404);
  });

  it('records cart events with the listed keys', async () => {
    const id = (await add({ kok_product_id: 1, kok_quantity: 2 })).json().kok_cart_id;
    await patch(id, { kok_quantity: 4 });
    await remove(id);
    await t.ctx.jobs.drain();
    const rows = await t.ctx.dbs.log.kysely.selectFrom('USER_LOG').select(['EVENT_TYPE', 'EVENT_DATA', 'RESPONSE_CODE']).where('USER_ID', '=', user.userId).orderBy('LOG_ID').execute();
    const parsed = rows.map((r) => ({ type: r.EVENT_TYPE, code: r.RESPONSE_CODE, data: typeof r.EVENT_DATA === 'string' ? JSON.parse(r.EVENT_DATA) : r.EVENT_DATA }));
    expect(parsed.filter((r) => r.type.startsWith('kok_cart'))).toEqual([
      { type: 'kok_cart_add', code: 201, data: { kok_product_id: 1, kok_quantity: 2, kok_cart_id: id, recipe_id: null } },
      { type: 'kok_cart_update', code: 200, data: { kok_cart_id: id, quantity: 4 } },
      { type: 'kok_cart_delete', code: 200, data: { kok_cart_id: id } },
    ]);
  });
});
