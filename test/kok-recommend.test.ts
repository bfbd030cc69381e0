// KOK → home-shopping recommendation: the name tokeniser (spec test vectors) and the endpoint (ranking, k,
// products without broadcasts, fallback prefix, 400s, constant query count).
import { beforeEach, describe, expect, it } from 'vitest';
import { coreKeywords, fallbackPrefix, normalizeName, searchTerms, tailKeywords } from '../src/flows/kok-homeshopping/keywords.js';
import type { TestApp } from './helpers/app.js';
import { newUser, type LoggedIn } from './helpers/auth.js';
import { kokDb, queriesFor, seedProducts, useTestApp } from './helpers/kok-fixtures.js';

describe('name tokeniser (algorithms.md §5.2 test vectors)', () => {
  it.each([
    ['[비비고] 왕교자 1.05kg x 3봉', '왕교자 봉', ['왕교자', '교자'], ['왕교자', '교자']],
    ['[CJ] 비비고 왕교자 1.05kg', '비비고 왕교자', ['왕교자', '교자', '비비고'], ['비비고', '왕교자', '교자']],
    ['국내산 손질 주꾸미 300g 5팩', '국내산 손질 주꾸미 팩', ['주꾸미', '쭈꾸미'], ['주꾸미', '쭈꾸미']],
    ['동원 사골곰탕 500g x 10개', '동원 사골곰탕 개', ['사골곰탕', '사골', '곰탕'], ['동원', '사골곰탕', '사골', '곰탕']],
    ['한돈 삼겹살 구이용 500g', '한돈 삼겹살 구이용', ['한돈', '삼겹살', '구이용'], ['삼겹살', '구이용']],
  ])('%s', (name, normalized, core, tail) => {
    expect(normalizeName(name)).toBe(normalized);
    expect(coreKeywords(name, 3)).toEqual(core);
    expect(tailKeywords(name, 2)).toEqual(tail);
  });

  it('picks the last meaningful token and the 4-character fallback prefix', () => {
    expect(searchTerms('[CJ] 비비고 왕교자 1.05kg')).toEqual({ terms: ['왕교자'], strategy: 'last_meaningful_token' });
    expect(searchTerms('맛있는 김치 세트')).toEqual({ terms: ['김치'], strategy: 'last_meaningful_token' });
    expect(searchTerms('500g 3팩')).toEqual({ terms: [], strategy: 'none' });
    expect(fallbackPrefix(['닭가슴살스테이크'])).toBe('닭가슴살');
    expect(fallbackPrefix(['a'])).toBeNull();
  });
});

let t: TestApp;
let user: LoggedIn;
useTestApp((app) => (t = app));
beforeEach(async () => {
  user = await newUser(t.app);
});

const recommend = (query = '', who: LoggedIn = user) =>
  t.app.inject({ method: 'GET', url: `/api/kok/product/homeshopping-recommend${query}`, headers: who.headers });
const like = (id: number) => t.app.inject({ method: 'POST', url: '/api/kok/likes/toggle', headers: user.headers, payload: { kok_product_id: id } });
const addToCart = (id: number) => t.app.inject({ method: 'POST', url: '/api/kok/carts', headers: user.headers, payload: { kok_product_id: id } });

interface HsSeed {
  id: number;
  name: string;
  price: number;
  food?: number;
  broadcasts?: Array<[string, string]>;
}
let nextLiveId = 1;
async function seedHomeshopping(items: HsSeed[]): Promise<void> {
  const db = kokDb(t);
  await db.insertInto('HOMESHOPPING_CLASSIFY').values(items.map((i) => ({ PRODUCT_ID: i.id, PRODUCT_NAME: i.name, CLS_FOOD: i.food ?? 1, CLS_ING: 1 }))).execute();
  await db
    .insertInto('FCT_HOMESHOPPING_PRODUCT_INFO')
    .values(items.map((i) => ({ PRODUCT_ID: i.id, STORE_NAME: '홈쇼핑', SALE_PRICE: i.price, DC_RATE: 10, DC_PRICE: i.price - 1000 })))
    .execute();
  const lives = items.flatMap((i) =>
    (i.broadcasts ?? []).map(([date, start]) => ({
      LIVE_ID: nextLiveId++,
      HOMESHOPPING_ID: 1,
      LIVE_DATE: date,
      LIVE_START_TIME: start,
      LIVE_END_TIME: '23:59:00',
      PROMOTION_TYPE: 'main' as const,
      PRODUCT_ID: i.id,
      PRODUCT_NAME: i.name,
      THUMB_IMG_URL: `https://hs.example/${i.id}-${date}.jpg`,
    })),
  );
  if (lives.length > 0) await db.insertInto('FCT_HOMESHOPPING_LIST').values(lives).execute();
}

describe('GET /api/kok/product/homeshopping-recommend', () => {
  beforeEach(async () => {
    await seedProducts(t, [
      { KOK_PRODUCT_ID: 1, KOK_PRODUCT_NAME: '[CJ] 비비고 왕교자 1.05kg', prices: [[0, 10000]] },
      { KOK_PRODUCT_ID: 2, KOK_PRODUCT_NAME: '종가집 포기김치 5kg', prices: [[0, 10000]] },
      { KOK_PRODUCT_ID: 3, KOK_PRODUCT_NAME: '국산 닭가슴살스테이크', prices: [[0, 10000]] },
      { KOK_PRODUCT_ID: 4, KOK_PRODUCT_NAME: '500g 3팩', prices: [[0, 10000]] },
    ]);
    await seedHomeshopping([
      { id: 10, name: '비비고 왕교자 만두', price: 39900, broadcasts: [['2000-01-01', '10:00:00'], ['2099-01-01', '11:00:00']] },
      { id: 11, name: '왕교자 세트', price: 29900 },
      { id: 12, name: '왕교자 수건', price: 100, food: 0 },
      { id: 13, name: '포기김치 10kg', price: 50000, broadcasts: [['2099-02-02', '09:00:00']] },
      { id: 14, name: '[CJ] 비비고 왕교자 1.05kg', price: 99000, broadcasts: [['2000-01-01', '08:00:00']] },
      { id: 15, name: '닭가슴살 슬라이스', price: 15000 },
    ]);
  });

  it('ranks exact names first, then by price; caps recommendations at k; keeps products without broadcasts', async () => {
    await like(1);
    await addToCart(2);
    const res = await recommend('?k=3');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const idsOf = (rows: Array<{ product_id: number }>) => rows.map((r) => r.product_id);
    expect(idsOf(body.product_recommendations['[CJ] 비비고 왕교자 1.05kg'])).toEqual([14, 11, 10]);
    expect(idsOf(body.product_recommendations['종가집 포기김치 5kg'])).toEqual([13]);
    expect(idsOf(body.recommendations)).toEqual([14, 11, 10]);
    expect(body).toMatchObject({
      kok_product_id: null,
      kok_product_name: '사용자 맞춤 추천',
      total_count: 3,
      algorithm_info: {
        algorithm: 'multi_product_keyword_based',
        status: 'success',
        search_terms: '왕교자, 포기김치',
        source_products_count: '2',
        liked_products_count: '1',
        cart_products_count: '1',
        total_recommendations: '3',
        product_recommendations_count: '2',
      },
    });
    const noBroadcast = body.recommendations[1];
    expect(noBroadcast).toEqual({
      product_id: 11,
      product_name: '왕교자 세트',
      store_name: '홈쇼핑',
      sale_price: 29900,
      dc_price: 28900,
      dc_rate: 10,
      thumb_img_url: null,
      live_date: null,
      live_start_time: null,
      live_end_time: null,
      similarity_score: null,
    });
    // The next broadcast is chosen over a past one.
    expect(body.recommendations[2]).toMatchObject({ live_date: '2099-01-01', live_start_time: '11:00:00', thumb_img_url: 'https://hs.example/10-2099-01-01.jpg' });
    expect((await recommend()).json().recommendations).toHaveLength(4); // default k = 5
  });

  it('falls back to the 4-character prefix when no name contains the whole term', async () => {
    await like(3);
    const body = (await recommend()).json();
    expect(body.recommendations.map((r: { product_id: number }) => r.product_id)).toEqual([15]);
  });

  it('answers 400 without liked or carted products, or without usable terms', async () => {
    const empty = await recommend();
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toEqual({ detail: '찜하거나 장바구니에 담긴 상품이 없습니다.' });
    await like(4);
    const noTerms = await recommend();
    expect(noTerms.statusCode).toBe(400);
    expect(noTerms.json()).toEqual({ detail: '추천 키워드를 추출할 수 없습니다.' });
  });

  it('validates k and requires a token', async () => {
    expect((await recommend('?k=0')).statusCode).toBe(422);
    expect((await recommend('?k=21')).statusCode).toBe(422);
    expect((await t.app.inject({ method: 'GET', url: '/api/kok/product/homeshopping-recommend' })).statusCode).toBe(401);
  });

  it('costs the same number of queries for 2 or 22 source products', async () => {
    await seedProducts(t, Array.from({ length: 20 }, (_, i) => ({ KOK_PRODUCT_ID: 100 + i, KOK_PRODUCT_NAME: `맛있는 왕교자${i}`, prices: [[0, 1000]] as Array<[number, number]> })));
    await like(1);
    await addToCart(2);
    const few = await queriesFor(t, () => recommend());
    for (let i = 0; i < 20; i++) await (i % 2 ? like(100 + i) : addToCart(100 + i));
    expect(await queriesFor(t, () => recommend())).toBe(few);
  });
});
