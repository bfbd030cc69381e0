// Home-shopping schedule (date filter, optional pagination, cache key, NULL data) and the live-stream JSON endpoint
// (KST "now" from a ManualClock, several broadcasts a day, midnight-crossing slots, src validation).
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock/clock.js';
import type { TestApp } from './helpers/app.js';
import { newUser } from './helpers/auth.js';
import { CHANNEL_1_URL, kstInstant, seedBroadcasts, seedHsProducts } from './helpers/homeshopping-fixtures.js';
import { kokDb, useTestApp } from './helpers/kok-fixtures.js';

let t: TestApp;
const clock = new ManualClock(kstInstant('2025-09-03T10:30:00'));
useTestApp((app) => (t = app), { clock });

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const liveIds = (body: { schedules: Array<{ live_id: number }> }) => body.schedules.map((s) => s.live_id);

describe('GET /api/homeshopping/schedule', () => {
  beforeEach(async () => {
    clock.set(kstInstant('2025-09-03T10:30:00'));
    await seedHsProducts(t, [
      { PRODUCT_ID: 100, classifyName: '비비고 왕교자' },
      { PRODUCT_ID: 101, classifyName: '무선청소기', food: 0 },
      { PRODUCT_ID: 102, classifyName: '한돈 삼겹살', info: false },
    ]);
    await seedBroadcasts(t, [
      { LIVE_ID: 3, PRODUCT_ID: 100, LIVE_START_TIME: '12:00:00', LIVE_END_TIME: '13:00:00' },
      { LIVE_ID: 1, PRODUCT_ID: 100 },
      { LIVE_ID: 2, PRODUCT_ID: 101 }, // not food: never listed
      { LIVE_ID: 4, PRODUCT_ID: 102, LIVE_START_TIME: '10:00:00', HOMESHOPPING_ID: 2 }, // no product info: prices 0
      { LIVE_ID: 5, PRODUCT_ID: 100, LIVE_DATE: '2025-09-04' },
    ]);
  });

  it('lists a day\'s food broadcasts in air order with the full item shape', async () => {
    const res = await get('/api/homeshopping/schedule?live_date=2025-09-03');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(liveIds(body)).toEqual([1, 4, 3]);
    expect(body.schedules[0]).toEqual({
      live_id: 1,
      homeshopping_id: 1,
      homeshopping_name: '홈앤쇼핑',
      homeshopping_channel: 4,
      live_date: '2025-09-03',
      live_start_time: '10:00:00',
      live_end_time: '11:00:00',
      promotion_type: 'main',
      product_id: 100,
      product_name: '방송상품 100',
      thumb_img_url: 'https://img.example/hs/100.jpg',
      sale_price: 50000,
      dc_price: 40000,
      dc_rate: 20,
    });
    expect(body.schedules[1]).toMatchObject({ live_id: 4, homeshopping_name: '현대홈쇼핑', sale_price: 0, dc_price: 0, dc_rate: 0 });
    expect(liveIds((await get('/api/homeshopping/schedule')).json())).toEqual([1, 4, 3, 5]);
  });

  it('paginates only when page or size is sent', async () => {
    expect(liveIds((await get('/api/homeshopping/schedule?live_date=2025-09-03&size=2')).json())).toEqual([1, 4]);
    expect(liveIds((await get('/api/homeshopping/schedule?live_date=2025-09-03&page=2&size=2')).json())).toEqual([3]);
    expect(liveIds((await get('/api/homeshopping/schedule?live_date=2025-09-03&page=2')).json())).toEqual([]);
    expect(liveIds((await get('/api/homeshopping/schedule?live_date=2025-09-03&page=1')).json())).toEqual([1, 4, 3]);
  });

  it('caches the whole day under the original key for two hours, and never an empty day', async () => {
    await get('/api/homeshopping/schedule?live_date=2025-09-03&page=1&size=1');
    const cached = await t.ctx.cache.get<{ schedules: Array<{ live_id: number }> }>('homeshopping:schedule:live_date:2025-09-03');
    expect(cached?.schedules.map((s) => s.live_id)).toEqual([1, 4, 3]);
    // Served from the cache: a new row is not seen until the entry expires.
    await seedBroadcasts(t, [{ LIVE_ID: 9, PRODUCT_ID: 100, LIVE_START_TIME: '23:00:00', LIVE_END_TIME: '23:30:00' }]);
    expect(liveIds((await get('/api/homeshopping/schedule?live_date=2025-09-03')).json())).toEqual([1, 4, 3]);
    const user = await newUser(t.app);
    expect(liveIds((await get('/api/homeshopping/schedule?live_date=2025-09-03', user.headers)).json())).toEqual([1, 4, 3]);
    await get('/api/homeshopping/schedule');
    expect(await t.ctx.cache.get('homeshopping:schedule:live_date:all')).toBeDefined();
    await get('/api/homeshopping/schedule?live_date=2030-01-01');
    expect(await t.ctx.cache.get('homeshopping:schedule:live_date:2030-01-01')).toBeUndefined();
  });

  it('answers NULL catalogue data as null instead of failing', async () => {
    await seedHsProducts(t, [{ PRODUCT_ID: 200, classifyName: '김치', SALE_PRICE: null, DC_PRICE: null, DC_RATE: null }]);
    await seedBroadcasts(t, [
      { LIVE_ID: 20, PRODUCT_ID: 200, LIVE_DATE: '2025-09-05', LIVE_START_TIME: null, LIVE_END_TIME: null, PRODUCT_NAME: null, THUMB_IMG_URL: null, PROMOTION_TYPE: null },
    ]);
    const res = await get('/api/homeshopping/schedule?live_date=2025-09-05');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().schedules[0]).toMatchObject({
      live_id: 20,
      live_start_time: null,
      live_end_time: null,
      product_name: null,
      thumb_img_url: null,
      promotion_type: null,
      sale_price: 0,
    });
  });

  it('writes the view event for a signed-in caller', async () => {
    const user = await newUser(t.app);
    await get('/api/homeshopping/schedule?live_date=2025-09-03', user.headers);
    await t.ctx.jobs.drain();
    const events = await t.ctx.dbs.log.kysely
      .selectFrom('USER_LOG')
      .select(['EVENT_TYPE', 'EVENT_DATA'])
      .where('USER_ID', '=', user.userId)
      .where('EVENT_TYPE', '=', 'homeshopping_schedule_view')
      .execute();
    expect(events).toHaveLength(1);
    const data = typeof events[0].EVENT_DATA === 'string' ? JSON.parse(events[0].EVENT_DATA) : events[0].EVENT_DATA;
    expect(data).toEqual({ live_date: '2025-09-03', total_count: 3 });
  });

  it('rejects a malformed date and out-of-range paging with 422', async () => {
    for (const query of ['live_date=2025-13-01', 'live_date=20250903', 'live_date=x', 'page=0', 'size=101', 'size=0', 'page=abc']) {
      const res = await get(`/api/homeshopping/schedule?${query}`);
      expect(res.statusCode, query).toBe(422);
      expect(Array.isArray(res.json().detail)).toBe(true);
    }
  });
});

describe('GET /api/homeshopping/schedule/live-stream', () => {
  const stream = (query: string, headers: Record<string, string> = {}) => get(`/api/homeshopping/schedule/live-stream?${query}`, headers);

  beforeEach(async () => {
    await seedHsProducts(t, [{ PRODUCT_ID: 100, classifyName: '비비고 왕교자' }]);
    // Channel 1 has four broadcasts on 2025-09-03 (one crossing into the 4th) and one from the day before that
    // crosses midnight.
    await seedBroadcasts(t, [
      { LIVE_ID: 10, PRODUCT_ID: 100, LIVE_DATE: '2025-09-02', LIVE_START_TIME: '23:30:00', LIVE_END_TIME: '00:40:00', PRODUCT_NAME: '어제 밤 방송' },
      { LIVE_ID: 11, PRODUCT_ID: 100, LIVE_START_TIME: '08:00:00', LIVE_END_TIME: '09:00:00', PRODUCT_NAME: '아침 방송' },
      { LIVE_ID: 12, PRODUCT_ID: 100, LIVE_START_TIME: '10:00:00', LIVE_END_TIME: '11:00:00', PRODUCT_NAME: '오전 방송' },
      { LIVE_ID: 13, PRODUCT_ID: 100, LIVE_START_TIME: '14:00:00', LIVE_END_TIME: '15:00:00', PRODUCT_NAME: '오후 방송' },
      { LIVE_ID: 14, PRODUCT_ID: 100, LIVE_START_TIME: '23:00:00', LIVE_END_TIME: '01:00:00', PRODUCT_NAME: '심야 방송' },
    ]);
  });

  const at = async (wallClock: string) => {
    clock.set(kstInstant(wallClock));
    const res = await stream('homeshopping_id=1');
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('picks the broadcast on air now among several of the day (KST), with the full shape', async () => {
    const body = await at('2025-09-03T10:30:00');
    expect(body).toEqual({
      homeshopping_id: 1,
      homeshopping_name: '홈앤쇼핑',
      channel: '홈앤쇼핑',
      title: '오전 방송',
      live_id: 12,
      product_id: 100,
      product_name: '오전 방송',
      stream_url: CHANNEL_1_URL,
      live_url: CHANNEL_1_URL,
      source: 'homeshopping_id',
      is_live: true,
      live_date: '2025-09-03',
      live_start_time: '10:00:00',
      live_end_time: '11:00:00',
      thumb_img_url: 'https://img.example/hs/100.jpg',
    });
    // Both ends are inclusive.
    expect((await at('2025-09-03T11:00:00')).is_live).toBe(true);
  });

  it('falls back to the latest started one, then to the next one of the day', async () => {
    expect(await at('2025-09-03T12:00:00')).toMatchObject({ live_id: 12, is_live: false });
    expect(await at('2025-09-03T07:00:00')).toMatchObject({ live_id: 11, is_live: false });
  });

  it('handles broadcasts that cross midnight', async () => {
    // 00:20 on the 3rd: yesterday's 23:30–00:40 slot is still on air.
    expect(await at('2025-09-03T00:20:00')).toMatchObject({ live_id: 10, is_live: true, live_date: '2025-09-02' });
    // 00:50: it has ended; nothing started today yet, so today's first one is next.
    expect(await at('2025-09-03T00:50:00')).toMatchObject({ live_id: 11, is_live: false });
    // 23:59:59 and 00:30 of the next day: the 23:00–01:00 slot of the 3rd.
    expect(await at('2025-09-03T23:59:59')).toMatchObject({ live_id: 14, is_live: true });
    expect(await at('2025-09-04T00:30:00')).toMatchObject({ live_id: 14, is_live: true });
    expect(await at('2025-09-04T01:30:00')).toMatchObject({ live_id: null, is_live: false });
  });

  it('answers a stream URL with no broadcast today with empty metadata', async () => {
    clock.set(kstInstant('2025-09-10T10:00:00'));
    const res = await stream('homeshopping_id=1');
    expect(res.json()).toEqual({
      homeshopping_id: 1,
      homeshopping_name: null,
      channel: null,
      title: null,
      live_id: null,
      product_id: null,
      product_name: null,
      stream_url: CHANNEL_1_URL,
      live_url: CHANNEL_1_URL,
      source: 'homeshopping_id',
      is_live: false,
      live_date: null,
      live_start_time: null,
      live_end_time: null,
      thumb_img_url: null,
    });
  });

  it('accepts an absolute http(s) src, finds its channel, and refuses anything else', async () => {
    clock.set(kstInstant('2025-09-03T14:30:00'));
    const res = await stream(`src=${encodeURIComponent(CHANNEL_1_URL)}`);
    expect(res.json()).toMatchObject({ source: 'src', homeshopping_id: 1, live_id: 13, is_live: true, stream_url: CHANNEL_1_URL });
    const other = await stream(`src=${encodeURIComponent('https://cdn.example/live/x.m3u8')}`);
    expect(other.json()).toMatchObject({ source: 'src', homeshopping_id: null, live_id: null, stream_url: 'https://cdn.example/live/x.m3u8' });
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '/relative.m3u8', 'ftp://x.example/a.m3u8', 'not a url']) {
      const r = await stream(`src=${encodeURIComponent(bad)}`);
      expect(r.statusCode, bad).toBe(400);
      expect(r.json()).toEqual({ detail: 'src는 http 또는 https 주소여야 합니다.' });
    }
    expect((await stream(`src=${encodeURIComponent(`https://x.example/${'a'.repeat(2100)}`)}`)).statusCode).toBe(422);
  });

  it('needs src or homeshopping_id; an unknown channel or one without a URL is 404', async () => {
    for (const query of ['', 'src=', 'homeshopping_id=0']) {
      const r = await stream(query);
      expect(r.statusCode, query).toBe(400);
      expect(r.json()).toEqual({ detail: 'src 또는 homeshopping_id 중 하나가 필요합니다.' });
    }
    for (const query of ['homeshopping_id=999', 'homeshopping_id=6']) {
      const r = await stream(query);
      expect(r.statusCode, query).toBe(404);
      expect(r.json()).toEqual({ detail: '라이브 스트림 URL을 찾을 수 없습니다.' });
    }
    expect((await stream('homeshopping_id=abc')).statusCode).toBe(422);
    expect((await stream('homeshopping_id=40000')).statusCode).toBe(422);
  });

  it('answers a channel with a broadcast every hour of the day (the original\'s 500)', async () => {
    const rows = Array.from({ length: 24 }, (_, i) => ({
      LIVE_ID: 100 + i,
      PRODUCT_ID: 100,
      HOMESHOPPING_ID: 2,
      LIVE_START_TIME: `${String(i).padStart(2, '0')}:00:00`,
      LIVE_END_TIME: `${String(i).padStart(2, '0')}:30:00`,
    }));
    await seedBroadcasts(t, rows);
    clock.set(kstInstant('2025-09-03T05:10:00'));
    const res = await stream('homeshopping_id=2');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ homeshopping_id: 2, live_id: 105, is_live: true });
    expect(await kokDb(t).selectFrom('FCT_HOMESHOPPING_LIST').select('LIVE_ID').where('HOMESHOPPING_ID', '=', 2).execute()).toHaveLength(24);
  });
});
