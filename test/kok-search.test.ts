// KOK search (Korean keywords, literal % and _, bounds, no history write) and search history (save, list, delete,
// ownership).
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock/clock.js';
import type { TestApp } from './helpers/app.js';
import { newUser, type LoggedIn } from './helpers/auth.js';
import { kokDb, queriesFor, seedProducts, useTestApp } from './helpers/kok-fixtures.js';

let t: TestApp;
const clock = new ManualClock();
useTestApp((app) => (t = app), { clock });

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const search = (keyword: string, extra = '', headers: Record<string, string> = {}) =>
  get(`/api/kok/search?keyword=${encodeURIComponent(keyword)}${extra}`, headers);
const idsOf = (body: { products: Array<{ kok_product_id: number }> }) => body.products.map((p) => p.kok_product_id);
const historyRows = (userId: number) => kokDb(t).selectFrom('KOK_SEARCH_HISTORY').selectAll().where('USER_ID', '=', userId).execute();

describe('GET /api/kok/search', () => {
  beforeEach(async () => {
    await seedProducts(t, [
      { KOK_PRODUCT_ID: 1, KOK_PRODUCT_NAME: '종가집 포기김치 5kg', KOK_STORE_NAME: '종가', prices: [[10, 9000]] },
      { KOK_PRODUCT_ID: 2, KOK_PRODUCT_NAME: '백김치 1kg', KOK_STORE_NAME: '농협', prices: [[null, null]] },
      { KOK_PRODUCT_ID: 3, KOK_PRODUCT_NAME: '국산 배추', KOK_STORE_NAME: '김치마을', prices: [[0, 10000]] },
      { KOK_PRODUCT_ID: 4, KOK_PRODUCT_NAME: '김치찌개 밀키트' }, // no price row: never listed
      { KOK_PRODUCT_ID: 5, KOK_PRODUCT_NAME: '100% 사과즙', prices: [[0, 10000]] },
      { KOK_PRODUCT_ID: 6, KOK_PRODUCT_NAME: '1000 사과즙', prices: [[0, 10000]] },
      { KOK_PRODUCT_ID: 7, KOK_PRODUCT_NAME: 'snake_case Oil', prices: [[0, 10000]] },
      { KOK_PRODUCT_ID: 8, KOK_PRODUCT_NAME: 'snakeXcase oil', prices: [[0, 10000]] },
    ]);
  });

  it('matches a Korean keyword in the name or the store, newest id first, with total and paging', async () => {
    const res = await search('김치');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 3, page: 1, size: 20 });
    expect(idsOf(body)).toEqual([3, 2, 1]);
    expect(body.products[1]).toEqual({
      kok_product_id: 2,
      kok_product_name: '백김치 1kg',
      kok_store_name: '농협',
      kok_thumbnail: 'https://img.example/2.jpg',
      kok_product_image: 'https://img.example/2.jpg',
      kok_product_price: 10000,
      kok_discount_rate: 0,
      kok_discounted_price: 10000,
      kok_review_cnt: 10,
      kok_review_score: 4.5,
    });
    const page2 = (await search('김치', '&page=2&size=2')).json();
    expect(page2).toMatchObject({ total: 3, page: 2, size: 2 });
    expect(idsOf(page2)).toEqual([1]);
    // A page past the end still reports how many products match.
    const beyond = (await search('김치', '&page=5&size=2')).json();
    expect(beyond).toMatchObject({ total: 3, page: 5, size: 2, products: [] });
    expect((await search('없는상품')).json()).toMatchObject({ total: 0, products: [] });
  });

  it('is case-insensitive and trims the keyword', async () => {
    expect(idsOf((await search('  OIL ')).json())).toEqual([8, 7]);
  });

  it('treats % and _ as literal characters', async () => {
    expect(idsOf((await search('100%')).json())).toEqual([5]);
    expect(idsOf((await search('e_c')).json())).toEqual([7]);
    expect((await search('%')).json().total).toBe(1);
  });

  it('matches every priced product for an empty or blank keyword, as the original did', async () => {
    const all = (await search('')).json();
    expect(all.total).toBeGreaterThan(0);
    expect((await search('   ')).json().total).toBe(all.total);
  });

  it.each([
    ['keyword over 100 characters', '김'.repeat(101)],
    ['keyword with a NUL character', '김\u0000치'],
  ])('rejects an %s with 422', async (_label, keyword) => {
    expect((await search(keyword)).statusCode).toBe(422);
  });

  it('rejects a missing keyword and bad page sizes with 422', async () => {
    expect((await get('/api/kok/search')).statusCode).toBe(422);
    expect((await search('김치', '&size=101')).statusCode).toBe(422);
    expect((await search('김치', '&page=0')).statusCode).toBe(422);
    expect((await search('김치', '&page=100000000000')).statusCode).toBe(422);
  });

  it('writes no search history and logs the search for a signed-in caller', async () => {
    const user = await newUser(t.app);
    expect((await search('김치', '', user.headers)).statusCode).toBe(200);
    await t.ctx.jobs.drain();
    expect(await historyRows(user.userId)).toHaveLength(0);
    const events = await t.ctx.dbs.log.kysely.selectFrom('USER_LOG').select('EVENT_DATA').where('EVENT_TYPE', '=', 'kok_product_search').execute();
    expect(events).toHaveLength(1);
    const data = events[0].EVENT_DATA;
    expect(typeof data === 'string' ? JSON.parse(data) : data).toEqual({ keyword: '김치', result_count: 3 });
  });

  it('costs the same number of queries for small and large pages', async () => {
    await seedProducts(t, Array.from({ length: 40 }, (_, i) => ({ KOK_PRODUCT_ID: 100 + i, KOK_PRODUCT_NAME: `김치 ${i}`, prices: [[0, 1000]] as Array<[number, number]> })));
    expect((await search('김치', '&size=40')).json().products).toHaveLength(40);
    expect(await queriesFor(t, () => search('김치', '&size=40'))).toBe(await queriesFor(t, () => search('김치', '&size=2')));
  });
});

describe('search history', () => {
  let user: LoggedIn;
  beforeEach(async () => {
    user = await newUser(t.app);
  });
  const save = (keyword: unknown, who: LoggedIn = user) =>
    t.app.inject({ method: 'POST', url: '/api/kok/search/history', headers: who.headers, payload: { keyword } });

  it('saves a trimmed keyword and lists newest first, with created_at for the client', async () => {
    const saved = await save('  김치  ');
    expect(saved.statusCode).toBe(200);
    const body = saved.json();
    expect(body.message).toBe('검색 이력이 저장되었습니다.');
    expect(body.saved).toMatchObject({ user_id: user.userId, kok_keyword: '김치' });
    expect(body.saved.kok_searched_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(body.saved.created_at).toBe(body.saved.kok_searched_at);
    clock.advance(1000);
    await save('두부');
    const list = (await get('/api/kok/search/history', user.headers)).json();
    expect(list.history.map((h: { kok_keyword: string }) => h.kok_keyword)).toEqual(['두부', '김치']);
    expect(list.history[1].kok_history_id).toBe(body.saved.kok_history_id);
  });

  it('keeps one row per keyword and honours limit', async () => {
    await save('김치');
    await save('두부');
    await save('김치');
    expect(await historyRows(user.userId)).toHaveLength(2);
    const limited = (await get('/api/kok/search/history?limit=1', user.headers)).json();
    expect(limited.history).toHaveLength(1);
    expect((await get('/api/kok/search/history?limit=51', user.headers)).statusCode).toBe(422);
  });

  it('rejects blank, missing and over-long keywords with 422', async () => {
    for (const keyword of ['', '   ', 'x'.repeat(101), undefined, 12]) {
      const res = await save(keyword);
      expect(res.statusCode, String(keyword)).toBe(keyword === 12 ? 200 : 422);
    }
  });

  it('deletes only the caller’s rows; another user’s id is 404 and untouched', async () => {
    const mine = (await save('김치')).json().saved.kok_history_id;
    const other = await newUser(t.app);
    const theirs = (await save('두부', other)).json().saved.kok_history_id;

    const foreign = await t.app.inject({ method: 'DELETE', url: `/api/kok/search/history/${theirs}`, headers: user.headers });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual({ detail: '해당 검색 이력을 찾을 수 없습니다.' });
    expect(await historyRows(other.userId)).toHaveLength(1);

    const own = await t.app.inject({ method: 'DELETE', url: `/api/kok/search/history/${mine}`, headers: user.headers });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({ message: `검색 이력 ID ${mine}가 삭제되었습니다.` });
    const again = await t.app.inject({ method: 'DELETE', url: `/api/kok/search/history/${mine}`, headers: user.headers });
    expect(again.statusCode).toBe(404);
  });

  it('requires a token', async () => {
    expect((await get('/api/kok/search/history')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/kok/search/history', payload: { keyword: 'x' } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/kok/search/history/1' })).statusCode).toBe(401);
  });
});
