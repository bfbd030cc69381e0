// Home-shopping likes: toggle (messages, event, 404, bad input, the registered broadcast notice and its removal),
// 20 parallel toggles of one broadcast, and the liked list (order, shapes, limit, ownership).
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock/clock.js';
import type { TestApp } from './helpers/app.js';
import { newUser, type LoggedIn } from './helpers/auth.js';
import { eventsOf, kstInstant, notificationRows, seedBroadcasts, seedHsProducts } from './helpers/homeshopping-fixtures.js';
import { kokDb, useTestApp } from './helpers/kok-fixtures.js';

let t: TestApp;
const clock = new ManualClock(kstInstant('2025-09-03T09:00:00'));
useTestApp((app) => (t = app), { clock });

const toggle = (user: LoggedIn, payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/homeshopping/likes/toggle', headers: user.headers, payload: payload as object });
const likes = (user: LoggedIn, query = '') => t.app.inject({ method: 'GET', url: `/api/homeshopping/likes${query}`, headers: user.headers });
const likeRows = (userId: number) => kokDb(t).selectFrom('HOMESHOPPING_LIKES').selectAll().where('USER_ID', '=', userId).execute();

beforeEach(async () => {
  await seedHsProducts(t, [
    { PRODUCT_ID: 100, STORE_NAME: 'CJ온스타일', DC_PRICE: 29900, DC_RATE: 25 },
    { PRODUCT_ID: 101, STORE_NAME: null, DC_PRICE: 0, DC_RATE: 0 },
    { PRODUCT_ID: 102, info: false },
  ]);
  await seedBroadcasts(t, [
    { LIVE_ID: 1, PRODUCT_ID: 100, PRODUCT_NAME: '[비비고] 왕교자', LIVE_DATE: '2025-09-04', LIVE_START_TIME: '10:00:00' },
    { LIVE_ID: 2, PRODUCT_ID: 101, PRODUCT_NAME: '사과'.repeat(80), LIVE_DATE: '2025-09-03', LIVE_START_TIME: '23:30:00', LIVE_END_TIME: '00:30:00' },
    { LIVE_ID: 3, PRODUCT_ID: 102 },
    { LIVE_ID: 4, PRODUCT_ID: 100, LIVE_DATE: null, LIVE_START_TIME: null, LIVE_END_TIME: null, THUMB_IMG_URL: null },
  ]);
});

describe('POST /api/homeshopping/likes/toggle', () => {
  it('likes, registers the broadcast-start notice in the same unit of work, then unlikes and removes it', async () => {
    const user = await newUser(t.app);
    const on = await toggle(user, { live_id: 1 });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toEqual({ liked: true, message: '찜이 등록되었습니다.' });
    const [like] = await likeRows(user.userId);
    expect(like).toMatchObject({ LIVE_ID: 1 });
    expect(like.HOMESHOPPING_LIKE_CREATED_AT.toISOString()).toBe(clock.now().toISOString());
    const [notice] = await notificationRows(t, user.userId);
    expect(notice).toMatchObject({
      NOTIFICATION_TYPE: 'broadcast_start',
      RELATED_ENTITY_TYPE: 'live',
      HOMESHOPPING_LIKE_ID: like.HOMESHOPPING_LIKE_ID,
      HOMESHOPPING_ORDER_ID: null,
      STATUS_ID: null,
      TITLE: '[비비고] 왕교자 방송 시작 알림',
      MESSAGE: '2025-09-04 10:00:00에 방송이 시작됩니다.',
      IS_READ: 0,
      READ_AT: null,
    });
    expect(Number(notice.RELATED_ENTITY_ID)).toBe(1);

    const off = await toggle(user, { live_id: 1 });
    expect(off.json()).toEqual({ liked: false, message: '찜이 해제되었습니다.' });
    expect(await likeRows(user.userId)).toEqual([]);
    expect(await notificationRows(t, user.userId)).toEqual([]);

    const events = await eventsOf(t, user.userId, 'homeshopping_likes_toggle');
    expect(events.map((e) => e.EVENT_DATA)).toEqual([{ live_id: 1, liked: true }, { live_id: 1, liked: false }]);
  });

  it('cuts a long product name to the 100-character title and writes no notice for a slot without a date', async () => {
    const user = await newUser(t.app);
    expect((await toggle(user, { live_id: 2 })).json().liked).toBe(true);
    expect((await toggle(user, { live_id: 4 })).json().liked).toBe(true);
    const notices = await notificationRows(t, user.userId);
    expect(notices).toHaveLength(1);
    expect(Array.from(notices[0].TITLE)).toHaveLength(100);
    expect(notices[0].TITLE.startsWith('사과사과')).toBe(true);
  });

  it('answers 404 for an unknown broadcast and writes nothing', async () => {
    const user = await newUser(t.app);
    const res = await toggle(user, { live_id: 999 });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ detail: '상품을 찾을 수 없습니다.' });
    expect(await likeRows(user.userId)).toEqual([]);
    expect(await notificationRows(t, user.userId)).toEqual([]);
  });

  it('refuses bad input with 422 and anonymous callers with 401', async () => {
    const user = await newUser(t.app);
    for (const payload of [{}, { live_id: 'x' }, { live_id: 2147483648 }, { live_id: 1.5 }]) {
      const res = await toggle(user, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(Array.isArray(res.json().detail)).toBe(true);
    }
    const anon = await t.app.inject({ method: 'POST', url: '/api/homeshopping/likes/toggle', payload: { live_id: 1 } });
    expect(anon.statusCode).toBe(401);
  });

  it('serialises 20 parallel toggles of one broadcast: 10 likes, 10 unlikes, nothing left behind', async () => {
    const user = await newUser(t.app);
    const answers = await Promise.all(Array.from({ length: 20 }, () => toggle(user, { live_id: 1 })));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200));
    const liked = answers.filter((a) => a.json().liked === true).length;
    expect(liked).toBe(10);
    expect(await likeRows(user.userId)).toEqual([]);
    expect(await notificationRows(t, user.userId)).toEqual([]);
    // One more toggle: liked again, with exactly one like and one notice.
    expect((await toggle(user, { live_id: 1 })).json().liked).toBe(true);
    expect(await likeRows(user.userId)).toHaveLength(1);
    expect(await notificationRows(t, user.userId)).toHaveLength(1);
  });

  it("keeps one user's likes apart from another's", async () => {
    const [a, b] = [await newUser(t.app), await newUser(t.app)];
    await Promise.all([toggle(a, { live_id: 1 }), toggle(b, { live_id: 1 })]);
    expect((await toggle(b, { live_id: 1 })).json().liked).toBe(false);
    expect(await likeRows(a.userId)).toHaveLength(1);
    expect(await notificationRows(t, a.userId)).toHaveLength(1);
    expect(await likeRows(b.userId)).toEqual([]);
  });
});

describe('GET /api/homeshopping/likes', () => {
  it('lists liked broadcasts oldest broadcast first, hides those without product info, maps 0 to null', async () => {
    const user = await newUser(t.app);
    for (const id of [1, 3, 4, 2]) expect((await toggle(user, { live_id: id })).statusCode).toBe(200);
    const res = await likes(user);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().liked_products;
    expect(items.map((i: { live_id: number }) => i.live_id)).toEqual([2, 1, 4]);
    expect(items[0]).toEqual({
      live_id: 2,
      product_id: 101,
      product_name: '사과'.repeat(80),
      store_name: null,
      dc_price: null,
      dc_rate: null,
      thumb_img_url: 'https://img.example/hs/101.jpg',
      homeshopping_like_created_at: clock.now().toISOString().slice(0, 19),
      homeshopping_id: 1,
      live_date: '2025-09-03',
      live_start_time: '23:30:00',
      live_end_time: '00:30:00',
    });
    expect(items[1]).toMatchObject({ live_id: 1, store_name: 'CJ온스타일', dc_price: 29900, dc_rate: 25 });
    expect(items[2]).toMatchObject({ live_id: 4, live_date: null, live_start_time: null, thumb_img_url: null });
    expect((await eventsOf(t, user.userId, 'homeshopping_liked_products_view')).map((e) => e.EVENT_DATA)).toEqual([{ liked_products_count: 3 }]);
  });

  it('applies limit (1..100), shows only the caller\'s likes and needs a token', async () => {
    const [a, b] = [await newUser(t.app), await newUser(t.app)];
    await toggle(a, { live_id: 1 });
    await toggle(a, { live_id: 2 });
    expect((await likes(a, '?limit=1')).json().liked_products.map((i: { live_id: number }) => i.live_id)).toEqual([2]);
    expect((await likes(b)).json()).toEqual({ liked_products: [] });
    for (const q of ['?limit=0', '?limit=101', '?limit=x']) expect((await likes(a, q)).statusCode, q).toBe(422);
    expect((await t.app.inject({ method: 'GET', url: '/api/homeshopping/likes' })).statusCode).toBe(401);
  });
});
