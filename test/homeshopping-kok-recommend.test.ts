// Home-shopping → KOK recommendation: the keyword vectors of algorithms.md §5.2, the latest price, no made-up ids,
// the cache key and TTL, the service-token invalidation and a bounded number of queries.
import { beforeEach, describe, expect, it } from 'vitest';
import { coreKeywords, gateKeywords, ngrams, rootsInName, tailFilter, tailKeywords } from '../src/flows/homeshopping-kok/keywords.js';
import { normalizeName } from '../src/flows/recommend-keywords.js';
import type { TestApp } from './helpers/app.js';
import { newUser } from './helpers/auth.js';
import { seedBroadcasts, seedHsProducts } from './helpers/homeshopping-fixtures.js';
import { kokDb, queriesFor, seedProducts, useTestApp } from './helpers/kok-fixtures.js';

describe('home-shopping name keywords (algorithms.md §5.2 test vectors)', () => {
  const vectors: Array<[string, string, string[], string[], string[], string[]]> = [
    ['[비비고] 왕교자 1.05kg x 3봉', '왕교자 봉', ['왕교자', '교자'], ['왕교자', '교자'], ['왕교자', '교자'], ['왕교', '교자', '왕교자']],
    ['[CJ] 비비고 왕교자 1.05kg', '비비고 왕교자', ['왕교자', '교자', '비비고'], ['비비고', '왕교자', '교자'], ['왕교자', '교자'], ['비비', '비고', '비비고', '왕교', '교자', '왕교자']],
    ['국내산 손질 주꾸미 300g 5팩', '국내산 손질 주꾸미 팩', ['주꾸미', '쭈꾸미'], ['주꾸미', '쭈꾸미'], ['주꾸미'], ['주꾸', '꾸미', '주꾸미']],
    ['동원 사골곰탕 500g x 10개', '동원 사골곰탕 개', ['사골곰탕', '사골', '곰탕'], ['동원', '사골곰탕', '사골', '곰탕'], ['사골', '곰탕'], ['동원', '사골', '골곰', '곰탕', '사골곰', '골곰탕', '사골곰탕']],
    ['한돈 삼겹살 구이용 500g', '한돈 삼겹살 구이용', ['한돈', '삼겹살', '구이용'], ['삼겹살', '구이용'], ['삼겹살'], ['한돈', '삼겹', '겹살', '삼겹살', '구이', '이용', '구이용']],
  ];
  it.each(vectors)('%s', (name, normalized, core, tail, roots, grams) => {
    expect(normalizeName(name)).toBe(normalized);
    expect(coreKeywords(name, 3)).toEqual(core);
    expect(tailKeywords(name, 2)).toEqual(tail);
    expect(rootsInName(name)).toEqual(roots);
    expect(ngrams(name, 32)).toEqual(grams);
  });

  it('filters by rare tail tokens and shared bigrams', () => {
    const text = (c: [string, string]) => `${c[0]} ${c[1]}`;
    const gyoza: Array<[string, string]> = [
      ['비비고 왕교자 만두 1kg', 'CJ'],
      ['풀무원 얇은피 꽉찬속 김치만두', '풀무원'],
      ['비비고 수제 왕교자', 'CJ제일제당'],
      ['고향만두 교자', '해태'],
      ['냉동 왕교자 2봉', '마트'],
    ];
    expect(tailFilter('[비비고] 왕교자 1.05kg x 3봉', gyoza, text)).toEqual([gyoza[0], gyoza[2], gyoza[4]]);
    const pork: Array<[string, string]> = [
      ['한돈 삼겹살 1kg', '한돈몰'],
      ['국내산 삼겹살 구이용', '정육점'],
      ['한돈 목살', '한돈몰'],
      ['한돈 앞다리', '농협'],
    ];
    expect(tailFilter('한돈 삼겹살 구이용 500g', pork, text)).toEqual([pork[1]]);
    expect(gateKeywords('[비비고] 왕교자 1.05kg x 3봉')).toEqual({ must: ['왕교자', '교자'], optional: ['왕교', '교자', '왕교자'] });
  });
});

describe('GET /api/homeshopping/product/{product_id}/kok-recommend', () => {
  let t: TestApp;
  useTestApp((app) => (t = app));
  const recommend = (id: number, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/api/homeshopping/product/${id}/kok-recommend`, headers });
  const invalidate = (query = '', token = 'test-service-token') =>
    t.app.inject({ method: 'POST', url: `/api/homeshopping/cache/invalidate/kok-recommend${query}`, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const ids = (body: { products: Array<{ kok_product_id: number }> }) => body.products.map((p) => p.kok_product_id);

  beforeEach(async () => {
    await seedHsProducts(t, [{ PRODUCT_ID: 500, classifyName: '비비고 왕교자' }, { PRODUCT_ID: 501, classifyName: '노트북' }]);
    await seedBroadcasts(t, [
      { LIVE_ID: 2, PRODUCT_ID: 500, LIVE_DATE: '2025-09-05', PRODUCT_NAME: '나중 방송 이름 노트북' },
      { LIVE_ID: 1, PRODUCT_ID: 500, LIVE_DATE: '2025-09-01', PRODUCT_NAME: '[비비고] 왕교자 1.05kg x 3봉' },
      { LIVE_ID: 3, PRODUCT_ID: 501, PRODUCT_NAME: '최신형 노트북' },
    ]);
    await seedProducts(t, [
      // Current price = the last row (largest id); the older rows must never show.
      { KOK_PRODUCT_ID: 1, KOK_PRODUCT_NAME: '비비고 왕교자 만두 1kg', KOK_STORE_NAME: 'CJ', KOK_REVIEW_CNT: 50, KOK_PRODUCT_PRICE: 20000, prices: [[50, 10000], [10, 18000]] },
      { KOK_PRODUCT_ID: 2, KOK_PRODUCT_NAME: '풀무원 얇은피 꽉찬속 김치만두', KOK_STORE_NAME: '풀무원', prices: [[0, 9000]] },
      { KOK_PRODUCT_ID: 3, KOK_PRODUCT_NAME: '비비고 수제 왕교자', KOK_STORE_NAME: 'CJ제일제당', KOK_REVIEW_CNT: 90, KOK_PRODUCT_PRICE: 10000, prices: [[30, 7000], [0, 9000]] },
      { KOK_PRODUCT_ID: 4, KOK_PRODUCT_NAME: '고향만두 교자', KOK_STORE_NAME: '해태', prices: [[0, 8000]] },
      { KOK_PRODUCT_ID: 5, KOK_PRODUCT_NAME: '냉동 왕교자 2봉', KOK_STORE_NAME: '마트', KOK_REVIEW_CNT: 5, KOK_PRODUCT_PRICE: 12000, KOK_THUMBNAIL: null }, // no price row
    ]);
  });

  it('recommends KOK products for the earliest broadcast name, most reviewed first, at the latest price', async () => {
    const res = await recommend(500);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      products: [
        { kok_product_id: 3, kok_thumbnail: 'https://img.example/3.jpg', kok_discount_rate: 10, kok_discounted_price: 9000, kok_product_name: '비비고 수제 왕교자', kok_store_name: 'CJ제일제당' },
        { kok_product_id: 1, kok_thumbnail: 'https://img.example/1.jpg', kok_discount_rate: 10, kok_discounted_price: 18000, kok_product_name: '비비고 왕교자 만두 1kg', kok_store_name: 'CJ' },
        { kok_product_id: 5, kok_thumbnail: '', kok_discount_rate: 0, kok_discounted_price: 12000, kok_product_name: '냉동 왕교자 2봉', kok_store_name: '마트' },
      ],
    });
  });

  it('answers an empty list for an unknown product or one without matches, never made-up ids', async () => {
    for (const id of [999, 501]) {
      const res = await recommend(id);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ products: [] });
    }
    expect((await recommend(Number.MAX_SAFE_INTEGER)).json()).toEqual({ products: [] });
    expect((await recommend('x' as unknown as number)).statusCode).toBe(422);
  });

  it('caches non-empty answers under the original key for an hour', async () => {
    await recommend(500);
    await recommend(999);
    const cached = await t.ctx.cache.get<{ recommendations: Array<{ kok_product_id: number }> }>('homeshopping:kok_recommendation:k:5:product_id:500');
    expect(cached?.recommendations.map((r) => r.kok_product_id)).toEqual([3, 1, 5]);
    expect(await t.ctx.cache.get('homeshopping:kok_recommendation:k:5:product_id:999')).toBeUndefined();
    // A hit answers without touching the catalogue.
    await kokDb(t).deleteFrom('FCT_KOK_PRICE_INFO').execute();
    await kokDb(t).deleteFrom('FCT_KOK_PRODUCT_INFO').execute();
    expect(ids((await recommend(500)).json())).toEqual([3, 1, 5]);
  });

  it('invalidates one product or all with the service token only', async () => {
    await t.ctx.cache.set('homeshopping:kok_recommendation:k:5:product_id:50', { recommendations: [{ kok_product_id: 1 }] }, 60);
    await recommend(500);
    expect((await invalidate('', '')).statusCode).toBe(401);
    expect((await invalidate('', 'wrong')).statusCode).toBe(401);
    const one = await invalidate('?product_id=500');
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toEqual({ message: 'KOK 추천 캐시가 무효화되었습니다.', deleted_count: 1 });
    expect(await t.ctx.cache.get('homeshopping:kok_recommendation:k:5:product_id:500')).toBeUndefined();
    expect(await t.ctx.cache.get('homeshopping:kok_recommendation:k:5:product_id:50')).toBeDefined();
    await recommend(500);
    expect((await invalidate()).json()).toEqual({ message: 'KOK 추천 캐시가 무효화되었습니다.', deleted_count: 2 });
    expect((await invalidate('?product_id=abc')).statusCode).toBe(422);
  });

  it('costs a bounded number of queries whatever the number of candidates, and logs no event', async () => {
    const user = await newUser(t.app);
    const send = () => recommend(500, user.headers);
    const few = await queriesFor(t, async () => {
      await t.ctx.cache.delPattern('homeshopping:*');
      return send();
    });
    await seedProducts(t, Array.from({ length: 60 }, (_, i) => ({ KOK_PRODUCT_ID: 100 + i, KOK_PRODUCT_NAME: `왕교자 대박 ${i}`, prices: [[5, 9500]] as Array<[number, number]> })));
    const many = await queriesFor(t, async () => {
      await t.ctx.cache.delPattern('homeshopping:*');
      return send();
    });
    // Six statements at most for the recommendation itself (name, three gates, products, prices) plus the
    // optional-auth checks on an empty cache (blacklist, user row); more candidates never cost more.
    expect(few).toBeLessThanOrEqual(8);
    expect(many).toBeLessThanOrEqual(few);
    const events = await t.ctx.dbs.log.kysely
      .selectFrom('USER_LOG')
      .select('EVENT_TYPE')
      .where('USER_ID', '=', user.userId)
      .where('EVENT_TYPE', 'like', 'homeshopping%')
      .execute();
    expect(events).toEqual([]);
  });
});
