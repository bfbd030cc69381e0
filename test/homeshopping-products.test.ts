// Home-shopping product page by live_id (like status, NULL data, 404), ingredient check, recipe answer, search
// (escaping, bounds, pagination, no history) and search history (save/list/delete, ownership, parallel saves).
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock/clock.js';
import type { TestApp } from './helpers/app.js';
import { newUser } from './helpers/auth.js';
import { seedBroadcasts, seedHsProducts } from './helpers/homeshopping-fixtures.js';
import { kokDb, queriesFor, useTestApp } from './helpers/kok-fixtures.js';

let t: TestApp;
const clock = new ManualClock(new Date('2025-09-03T01:00:00Z'));
useTestApp((app) => (t = app), { clock });

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('GET /api/homeshopping/product/{live_id}', () => {
  beforeEach(async () => {
    await seedHsProducts(t, [
      { PRODUCT_ID: 100, classifyName: '비비고 왕교자', STORE_NAME: 'CJ온스타일', SALE_PRICE: 39900, DC_PRICE: 29900, DC_RATE: 25 },
      { PRODUCT_ID: 101, classifyName: '사과', STORE_NAME: null, SALE_PRICE: 0, DC_PRICE: null, DC_RATE: 0 },
      { PRODUCT_ID: 102, classifyName: '배', info: false },
    ]);
    await seedBroadcasts(t, [
      { LIVE_ID: 1, PRODUCT_ID: 100, HOMESHOPPING_ID: 9, PRODUCT_NAME: '[비비고] 왕교자 1.05kg x 3봉' },
      { LIVE_ID: 2, PRODUCT_ID: 101, PRODUCT_NAME: null, THUMB_IMG_URL: null, LIVE_START_TIME: null, LIVE_END_TIME: null },
      { LIVE_ID: 3, PRODUCT_ID: 102 },
      { LIVE_ID: 4, PRODUCT_ID: 100, HOMESHOPPING_ID: 999 },
    ]);
    const db = kokDb(t);
    await db
      .insertInto('FCT_HOMESHOPPING_DETAIL_INFO')
      .values([
        { DETAIL_ID: 2, PRODUCT_ID: 100, DETAIL_COL: '원산지', DETAIL_VAL: '국내산' },
        { DETAIL_ID: 1, PRODUCT_ID: 100, DETAIL_COL: '중량', DETAIL_VAL: null },
      ])
      .execute();
    await db
      .insertInto('FCT_HOMESHOPPING_IMG_URL')
      .values([
        { IMG_ID: 1, PRODUCT_ID: 100, SORT_ORDER: 2, IMG_URL: 'https://img.example/b.jpg' },
        { IMG_ID: 2, PRODUCT_ID: 100, SORT_ORDER: 1, IMG_URL: 'https://img.example/a.jpg' },
        { IMG_ID: 3, PRODUCT_ID: 100, SORT_ORDER: null, IMG_URL: null },
      ])
      .execute();
  });

  it('answers the broadcast\'s product with channel, details, images and the like status', async () => {
    const res = await get('/api/homeshopping/product/1');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      product: {
        product_id: 100,
        product_name: '[비비고] 왕교자 1.05kg x 3봉',
        store_name: 'CJ온스타일',
        sale_price: 39900,
        dc_price: 29900,
        dc_rate: 25,
        live_date: '2025-09-03',
        live_start_time: '10:00:00',
        live_end_time: '11:00:00',
        thumb_img_url: 'https://img.example/hs/100.jpg',
        is_liked: false,
        homeshopping_id: 9,
        homeshopping_name: 'CJ온스타일',
        homeshopping_channel: 8,
        homeshopping_channel_name: '채널 8',
        homeshopping_channel_image: '/images/channels/channel_8.jpg',
      },
      detail_infos: [
        { detail_col: '중량', detail_val: '' },
        { detail_col: '원산지', detail_val: '국내산' },
      ],
      images: [
        { img_url: null, sort_order: 0 },
        { img_url: 'https://img.example/a.jpg', sort_order: 1 },
        { img_url: 'https://img.example/b.jpg', sort_order: 2 },
      ],
    });
    const user = await newUser(t.app);
    await kokDb(t).insertInto('HOMESHOPPING_LIKES').values({ USER_ID: user.userId, LIVE_ID: 1, HOMESHOPPING_LIKE_CREATED_AT: new Date() }).execute();
    expect((await get('/api/homeshopping/product/1', user.headers)).json().product.is_liked).toBe(true);
    // The like is of that broadcast, not of the product.
    const other = await get('/api/homeshopping/product/4', user.headers);
    expect(other.statusCode).toBe(404);
    expect((await get('/api/homeshopping/product/1', (await newUser(t.app)).headers)).json().product.is_liked).toBe(false);
  });

  it('turns NULL data into "" / null / 0 and falsy prices into null', async () => {
    const res = await get('/api/homeshopping/product/2');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().product).toMatchObject({
      product_name: '',
      store_name: null,
      sale_price: null,
      dc_price: null,
      dc_rate: null,
      thumb_img_url: '',
      live_start_time: null,
      live_end_time: null,
    });
  });

  it('is 404 when the broadcast, its product info or its channel is missing; 422 for a bad id', async () => {
    for (const id of [999, 3, 4]) {
      const res = await get(`/api/homeshopping/product/${id}`);
      expect(res.statusCode, String(id)).toBe(404);
      expect(res.json()).toEqual({ detail: '상품을 찾을 수 없습니다.' });
    }
    expect((await get('/api/homeshopping/product/abc')).statusCode).toBe(422);
    expect((await get('/api/homeshopping/product/99999999999')).statusCode).toBe(422);
  });

  it('costs the same few queries whatever the number of details and images', async () => {
    const user = await newUser(t.app);
    const few = await queriesFor(t, () => get('/api/homeshopping/product/1', user.headers));
    await kokDb(t)
      .insertInto('FCT_HOMESHOPPING_IMG_URL')
      .values(Array.from({ length: 20 }, (_, i) => ({ IMG_ID: 100 + i, PRODUCT_ID: 100, SORT_ORDER: 10 + i, IMG_URL: `https://img.example/${i}.jpg` })))
      .execute();
    expect(await queriesFor(t, () => get('/api/homeshopping/product/1', user.headers))).toBe(few);
  });

  it('serves the page from its cache: no catalogue query on a hit, the like state still the callers own', async () => {
    const user = await newUser(t.app);
    await kokDb(t).insertInto('HOMESHOPPING_LIKES').values({ USER_ID: user.userId, LIVE_ID: 1, HOMESHOPPING_LIKE_CREATED_AT: new Date() }).execute();
    const first = await get('/api/homeshopping/product/1');
    const before = t.ctx.dbs.queries.count;
    const again = await get('/api/homeshopping/product/1');
    expect(t.ctx.dbs.queries.count - before).toBe(0);
    expect(again.json()).toEqual(first.json());
    expect(again.json().product.is_liked).toBe(false);
    expect((await get('/api/homeshopping/product/1', user.headers)).json().product.is_liked).toBe(true);
    expect(await t.ctx.cache.get('homeshopping:product:live_id:1')).toMatchObject({ product: { product_id: 100, is_liked: false } });
  });
});

describe('ingredient check and recipe recommendation', () => {
  beforeEach(async () => {
    await seedHsProducts(t, [
      { PRODUCT_ID: 100, classifyName: '양파 3kg', ingredient: 1 },
      { PRODUCT_ID: 101, classifyName: '왕교자', ingredient: 0 },
      { PRODUCT_ID: 102, classifyName: '이상한값', ingredient: 2 },
    ]);
    await seedBroadcasts(t, [
      { LIVE_ID: 1, PRODUCT_ID: 100 },
      { LIVE_ID: 2, PRODUCT_ID: 101 },
    ]);
  });

  it('says a product is an ingredient only when CLS_ING = 1', async () => {
    const check = async (id: number) => (await get(`/api/homeshopping/product/${id}/check`)).json();
    expect(await check(100)).toEqual({ is_ingredient: true });
    expect(await check(101)).toEqual({ is_ingredient: false });
    expect(await check(102)).toEqual({ is_ingredient: false });
    expect(await check(555)).toEqual({ is_ingredient: false });
    expect((await get('/api/homeshopping/product/x/check')).statusCode).toBe(422);
  });

  it('answers an empty, well-formed recipe list; 404 for a product that never aired', async () => {
    expect((await get('/api/homeshopping/product/100/recipe-recommend')).json()).toEqual({ recipes: [], is_ingredient: true, extracted_keywords: [] });
    expect((await get('/api/homeshopping/product/101/recipe-recommend')).json()).toEqual({ recipes: [], is_ingredient: false, extracted_keywords: [] });
    const missing = await get('/api/homeshopping/product/102/recipe-recommend');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ detail: '홈쇼핑 상품을 찾을 수 없습니다.' });
  });
});

describe('GET /api/homeshopping/search', () => {
  const search = (keyword: string, extra = '', headers: Record<string, string> = {}) =>
    get(`/api/homeshopping/search?keyword=${encodeURIComponent(keyword)}${extra}`, headers);
  const ids = (body: { products: Array<{ live_id: number }> }) => body.products.map((p) => p.live_id);

  beforeEach(async () => {
    await seedHsProducts(t, [
      { PRODUCT_ID: 100, STORE_NAME: '김치명가' },
      { PRODUCT_ID: 101, STORE_NAME: '과일가게' },
      { PRODUCT_ID: 102, STORE_NAME: null },
      { PRODUCT_ID: 103, STORE_NAME: '마트' },
      { PRODUCT_ID: 104, info: false },
    ]);
    await seedBroadcasts(t, [
      { LIVE_ID: 3, PRODUCT_ID: 100, PRODUCT_NAME: '포기김치 5kg', LIVE_DATE: '2025-09-04' },
      { LIVE_ID: 1, PRODUCT_ID: 100, PRODUCT_NAME: '포기김치 5kg' },
      { LIVE_ID: 2, PRODUCT_ID: 101, PRODUCT_NAME: '100% 사과즙' },
      { LIVE_ID: 4, PRODUCT_ID: 102, PRODUCT_NAME: '1000 사과즙', THUMB_IMG_URL: null },
      { LIVE_ID: 5, PRODUCT_ID: 103, PRODUCT_NAME: 'snake_case Oil' },
      { LIVE_ID: 6, PRODUCT_ID: 103, PRODUCT_NAME: 'snakeXcase oil', LIVE_START_TIME: '12:00:00' },
      { LIVE_ID: 7, PRODUCT_ID: 104, PRODUCT_NAME: '김치찌개' }, // no product info: never found
    ]);
  });

  it('matches the name or the store, one row per broadcast in air order, everything when unpaged', async () => {
    const res = await search('김치');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 2, page: 1, size: 2 });
    expect(ids(body)).toEqual([1, 3]);
    expect(body.products[0]).toEqual({
      live_id: 1,
      product_id: 100,
      product_name: '포기김치 5kg',
      store_name: '김치명가',
      sale_price: 50000,
      dc_price: 40000,
      dc_rate: 20,
      thumb_img_url: 'https://img.example/hs/100.jpg',
      live_date: '2025-09-03',
      live_start_time: '10:00:00',
      live_end_time: '11:00:00',
    });
    expect(ids((await search('과일')).json())).toEqual([2]);
    expect((await search('사과즙')).json().products.find((p: { live_id: number }) => p.live_id === 4).thumb_img_url).toBe('');
  });

  it('takes % and _ literally and is case-insensitive', async () => {
    expect(ids((await search('100%')).json())).toEqual([2]);
    expect(ids((await search('%')).json())).toEqual([2]);
    expect(ids((await search('e_c')).json())).toEqual([5]);
    expect(ids((await search('SNAKE')).json())).toEqual([5, 6]);
  });

  it('honours page and size when sent, with the total of all matches', async () => {
    expect((await search('사과즙', '&size=1')).json()).toMatchObject({ total: 2, page: 1, size: 1, products: [{ live_id: 2 }] });
    expect((await search('사과즙', '&page=2&size=1')).json()).toMatchObject({ total: 2, page: 2, size: 1, products: [{ live_id: 4 }] });
    expect((await search('사과즙', '&page=3')).json()).toMatchObject({ total: 2, page: 3, size: 20, products: [] });
  });

  it('bounds the keyword and the page size (422) and writes no history', async () => {
    for (const query of ['', 'keyword=', 'keyword=%20%20', `keyword=${'가'.repeat(101)}`, 'keyword=a&size=101', 'keyword=a&page=0', 'keyword=a%00b']) {
      const res = await get(`/api/homeshopping/search?${query}`);
      expect(res.statusCode, query).toBe(422);
    }
    const blank = await get('/api/homeshopping/search?keyword=%20');
    expect(blank.json().detail[0]).toMatchObject({ type: 'value_error', loc: ['query', 'keyword'], msg: 'Value error, 검색 키워드를 입력해주세요.' });
    const user = await newUser(t.app);
    expect((await search('김치', '', user.headers)).statusCode).toBe(200);
    await t.ctx.jobs.drain();
    expect(await kokDb(t).selectFrom('HOMESHOPPING_SEARCH_HISTORY').selectAll().execute()).toEqual([]);
    const events = await t.ctx.dbs.log.kysely.selectFrom('USER_LOG').select('EVENT_TYPE').where('USER_ID', '=', user.userId).execute();
    expect(events.map((e) => e.EVENT_TYPE)).toContain('homeshopping_search');
  });
});

describe('home-shopping search history', () => {
  const post = (headers: Record<string, string>, payload: unknown) => t.app.inject({ method: 'POST', url: '/api/homeshopping/search/history', headers, payload: payload as object });
  const del = (headers: Record<string, string>, payload: unknown) => t.app.inject({ method: 'DELETE', url: '/api/homeshopping/search/history', headers, payload: payload as object });
  const rows = (userId: number) => kokDb(t).selectFrom('HOMESHOPPING_SEARCH_HISTORY').selectAll().where('USER_ID', '=', userId).execute();

  it('saves the trimmed keyword and answers the row itself; a repeat moves it to the top', async () => {
    const user = await newUser(t.app);
    clock.set(new Date('2025-09-03T01:00:00Z'));
    const res = await post(user.headers, { keyword: '  김치  ' });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json();
    expect(saved).toEqual({
      homeshopping_history_id: expect.any(Number),
      user_id: user.userId,
      homeshopping_keyword: '김치',
      homeshopping_searched_at: '2025-09-03T01:00:00',
      created_at: '2025-09-03T01:00:00',
    });
    clock.set(new Date('2025-09-03T01:01:00Z'));
    await post(user.headers, { keyword: '사과' });
    clock.set(new Date('2025-09-03T01:02:00Z'));
    expect((await post(user.headers, { keyword: '김치' })).json().homeshopping_history_id).toBe(saved.homeshopping_history_id);
    const list = await get('/api/homeshopping/search/history', user.headers);
    expect(list.json().history.map((h: { homeshopping_keyword: string }) => h.homeshopping_keyword)).toEqual(['김치', '사과']);
    expect(list.json().history[0].homeshopping_searched_at).toBe('2025-09-03T01:02:00');
    expect((await get('/api/homeshopping/search/history?limit=1', user.headers)).json().history).toHaveLength(1);
  });

  it('lists newest first with limit 1..20 (default 5)', async () => {
    const user = await newUser(t.app);
    for (let i = 0; i < 7; i++) {
      clock.set(new Date(Date.UTC(2025, 8, 3, 1, i)));
      await post(user.headers, { keyword: `키워드${i}` });
    }
    const list = (await get('/api/homeshopping/search/history', user.headers)).json().history;
    expect(list.map((h: { homeshopping_keyword: string }) => h.homeshopping_keyword)).toEqual(['키워드6', '키워드5', '키워드4', '키워드3', '키워드2']);
    for (const limit of [0, 21, 'x']) expect((await get(`/api/homeshopping/search/history?limit=${limit}`, user.headers)).statusCode).toBe(422);
  });

  it('refuses blank, over-long and missing keywords and anonymous callers', async () => {
    const user = await newUser(t.app);
    const blank = await post(user.headers, { keyword: '   ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().detail[0]).toMatchObject({ loc: ['body', 'keyword'], msg: 'Value error, 검색 키워드를 입력해주세요.' });
    expect((await post(user.headers, { keyword: '가'.repeat(101) })).statusCode).toBe(422);
    expect((await post(user.headers, {})).statusCode).toBe(422);
    expect((await post({}, { keyword: '김치' })).statusCode).toBe(401);
    expect((await get('/api/homeshopping/search/history')).statusCode).toBe(401);
    expect(await rows(user.userId)).toEqual([]);
  });

  it('deletes only the caller\'s own row (body id); others, missing and ≤ 0 ids are 404', async () => {
    const owner = await newUser(t.app);
    const other = await newUser(t.app);
    const id = (await post(owner.headers, { keyword: '김치' })).json().homeshopping_history_id;
    for (const bad of [id + 1000, 0, -1]) {
      const r = await del(owner.headers, { homeshopping_history_id: bad });
      expect(r.statusCode, String(bad)).toBe(404);
      expect(r.json()).toEqual({ detail: '삭제할 검색 이력을 찾을 수 없습니다.' });
    }
    expect((await del(other.headers, { homeshopping_history_id: id })).statusCode).toBe(404);
    expect(await rows(owner.userId)).toHaveLength(1);
    expect((await del(owner.headers, { homeshopping_history_id: 'x' })).statusCode).toBe(422);
    const ok = await del(owner.headers, { homeshopping_history_id: id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ message: '검색 이력이 삭제되었습니다.' });
    expect(await rows(owner.userId)).toEqual([]);
  });

  it('ends parallel saves of one keyword as one row', async () => {
    const user = await newUser(t.app);
    const results = await Promise.all(Array.from({ length: 8 }, () => post(user.headers, { keyword: '동시저장' })));
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const stored = await rows(user.userId);
    expect(stored).toHaveLength(1);
    expect(new Set(results.map((r) => r.json().homeshopping_history_id))).toEqual(new Set([stored[0].HOMESHOPPING_HISTORY_ID]));
  });
});
