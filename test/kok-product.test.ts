// KOK product pages: info (price fallbacks, like state), tabs, reviews, seller details.
import { describe, expect, it } from 'vitest';
import type { TestApp } from './helpers/app.js';
import { newUser } from './helpers/auth.js';
import { kokDb, seedProducts, useTestApp } from './helpers/kok-fixtures.js';

let t: TestApp;
useTestApp((app) => (t = app));

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const NOT_FOUND = { detail: '상품이 존재하지 않습니다.' };

describe('GET /api/kok/product/{id}/info', () => {
  it('shows the current price and the like state of the caller', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 7, KOK_PRODUCT_NAME: '배추김치 3kg', prices: [[10, 9000], [25, 7500]] }]);
    const user = await newUser(t.app);
    const anonymous = await get('/api/kok/product/7/info');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({
      kok_product_id: 7,
      kok_product_name: '배추김치 3kg',
      kok_store_name: '테스트상점',
      kok_thumbnail: 'https://img.example/7.jpg',
      kok_product_price: 10000,
      kok_discount_rate: 25,
      kok_discounted_price: 7500,
      kok_review_cnt: 10,
      is_liked: false,
    });
    await t.app.inject({ method: 'POST', url: '/api/kok/likes/toggle', headers: user.headers, payload: { kok_product_id: 7 } });
    expect((await get('/api/kok/product/7/info', user.headers)).json().is_liked).toBe(true);
    // Another user's like does not show.
    const other = await newUser(t.app);
    expect((await get('/api/kok/product/7/info', other.headers)).json().is_liked).toBe(false);
  });

  it('treats a logged-out token as anonymous on this optional-auth route: no like state, no event', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 7, prices: [[10, 9000]] }]);
    const user = await newUser(t.app);
    await t.app.inject({ method: 'POST', url: '/api/kok/likes/toggle', headers: user.headers, payload: { kok_product_id: 7 } });
    expect((await t.app.inject({ method: 'POST', url: '/api/user/logout', headers: user.headers })).statusCode).toBe(200);
    const res = await get('/api/kok/product/7/info', user.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json().is_liked).toBe(false);
    // A raw token without the Bearer word is read the same way (original optional-auth rule).
    expect((await get('/api/kok/product/7/info', { authorization: user.token })).json().is_liked).toBe(false);
    await t.ctx.jobs.drain();
    const views = await t.ctx.dbs.log.kysely.selectFrom('USER_LOG').select('LOG_ID').where('USER_ID', '=', user.userId).where('EVENT_TYPE', '=', 'kok_product_info_view').execute();
    expect(views).toEqual([]);
  });

  it('turns NULL columns and a missing price row into defaults', async () => {
    await seedProducts(t, [
      { KOK_PRODUCT_ID: 8, KOK_PRODUCT_NAME: null, KOK_STORE_NAME: null, KOK_THUMBNAIL: null, KOK_REVIEW_CNT: null },
      { KOK_PRODUCT_ID: 9, prices: [[null, null]] },
    ]);
    expect((await get('/api/kok/product/8/info')).json()).toMatchObject({
      kok_product_name: '',
      kok_store_name: '',
      kok_thumbnail: '',
      kok_discount_rate: 0,
      kok_discounted_price: 10000,
      kok_review_cnt: 0,
    });
    expect((await get('/api/kok/product/9/info')).json()).toMatchObject({ kok_discount_rate: 0, kok_discounted_price: 10000 });
  });

  it('answers 404 for an unknown product and 422 for a non-integer id', async () => {
    expect((await get('/api/kok/product/404/info')).json()).toEqual(NOT_FOUND);
    expect((await get('/api/kok/product/404/info')).statusCode).toBe(404);
    expect((await get('/api/kok/product/abc/info')).statusCode).toBe(422);
    // Beyond INT: a validation error, never a database error.
    expect((await get('/api/kok/product/99999999999/info')).statusCode).toBe(422);
  });
});

describe('GET /api/kok/product/{id}/tabs', () => {
  it('lists description images in id order, and none for an unknown product', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 7 }]);
    await kokDb(t)
      .insertInto('FCT_KOK_IMAGE_INFO')
      .values([
        { KOK_IMG_ID: 2, KOK_PRODUCT_ID: 7, KOK_IMG_URL: 'b.jpg' },
        { KOK_IMG_ID: 1, KOK_PRODUCT_ID: 7, KOK_IMG_URL: null },
        { KOK_IMG_ID: 3, KOK_PRODUCT_ID: 8, KOK_IMG_URL: 'other.jpg' },
      ])
      .execute();
    expect((await get('/api/kok/product/7/tabs')).json()).toEqual({
      images: [
        { kok_img_id: 1, kok_product_id: 7, kok_img_url: '' },
        { kok_img_id: 2, kok_product_id: 7, kok_img_url: 'b.jpg' },
      ],
    });
    const unknown = await get('/api/kok/product/999/tabs');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toEqual({ images: [] });
  });
});

describe('GET /api/kok/product/{id}/reviews', () => {
  it('returns stats and reviews newest first, with the nickname also as kok_review_user', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 7, KOK_REVIEW_SCORE: 4.8, KOK_5_RATIO: 90, KOK_ASPECT_TASTE: '맛있어요', KOK_ASPECT_TASTE_RATIO: 95 }]);
    await kokDb(t)
      .insertInto('FCT_KOK_REVIEW_EXAMPLE')
      .values([
        { KOK_REVIEW_ID: 1, KOK_PRODUCT_ID: 7, KOK_NICKNAME: 'a***', KOK_REVIEW_DATE: '2025.01.02', KOK_REVIEW_SCORE: 5, KOK_REVIEW_TEXT: '아삭해요' },
        { KOK_REVIEW_ID: 2, KOK_PRODUCT_ID: 7, KOK_NICKNAME: null, KOK_REVIEW_DATE: '2025.03.04', KOK_REVIEW_SCORE: null, KOK_REVIEW_TEXT: null },
      ])
      .execute();
    const body = (await get('/api/kok/product/7/reviews')).json();
    expect(body.stats).toMatchObject({ kok_review_score: 4.8, kok_review_cnt: 10, kok_5_ratio: 90, kok_1_ratio: 0, kok_aspect_price: '', kok_aspect_taste: '맛있어요', kok_aspect_taste_ratio: 95 });
    expect(body.reviews.map((r: { kok_review_id: number }) => r.kok_review_id)).toEqual([2, 1]);
    expect(body.reviews[0]).toEqual({
      kok_review_id: 2,
      kok_product_id: 7,
      kok_nickname: '',
      kok_review_user: '',
      kok_review_date: '2025.03.04',
      kok_review_score: 0,
      kok_price_eval: '',
      kok_delivery_eval: '',
      kok_taste_eval: '',
      kok_review_text: '',
    });
    expect(body.reviews[1]).toMatchObject({ kok_nickname: 'a***', kok_review_user: 'a***', kok_review_text: '아삭해요' });
  });

  it('answers 404 for an unknown product', async () => {
    const res = await get('/api/kok/product/5/reviews');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(NOT_FOUND);
  });
});

describe('GET /api/kok/product/{id}/seller-details', () => {
  it('returns the seller block and the notice rows in id order', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 7, KOK_CO_CEO: '홍길동', KOK_TELL: '02-000-0000', KOK_EXCHANGE_ADDR: 'not shown' }]);
    await kokDb(t)
      .insertInto('FCT_KOK_DETAIL_INFO')
      .values([
        { KOK_DETAIL_COL_ID: 2, KOK_PRODUCT_ID: 7, KOK_DETAIL_COL: '원산지', KOK_DETAIL_VAL: '국내산' },
        { KOK_DETAIL_COL_ID: 1, KOK_PRODUCT_ID: 7, KOK_DETAIL_COL: '중량', KOK_DETAIL_VAL: null },
      ])
      .execute();
    const body = (await get('/api/kok/product/7/seller-details')).json();
    expect(body).toEqual({
      seller_info: {
        kok_co_ceo: '홍길동',
        kok_co_reg_no: '',
        kok_co_ec_reg: '',
        kok_tell: '02-000-0000',
        kok_ver_item: '',
        kok_ver_date: '',
        kok_co_addr: '',
        kok_return_addr: '',
      },
      detail_info: [
        { kok_detail_col: '중량', kok_detail_val: '' },
        { kok_detail_col: '원산지', kok_detail_val: '국내산' },
      ],
    });
    expect((await get('/api/kok/product/8/seller-details')).statusCode).toBe(404);
  });
});

describe('user events', () => {
  it('records a product view for a signed-in caller only', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 7 }]);
    const user = await newUser(t.app);
    await get('/api/kok/product/7/info', user.headers);
    await get('/api/kok/product/7/info');
    await t.ctx.jobs.drain();
    const rows = await t.ctx.dbs.log.kysely.selectFrom('USER_LOG').selectAll().where('EVENT_TYPE', '=', 'kok_product_info_view').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].USER_ID).toBe(user.userId);
    const data = typeof rows[0].EVENT_DATA === 'string' ? JSON.parse(rows[0].EVENT_DATA) : rows[0].EVENT_DATA;
    expect(data).toEqual({ kok_product_id: 7 });
  });
});
