// Home-shopping notification lists (type filters, newest first with an id tie-break, totals, unread counts, paging,
// product names) and mark-read (owner-only: another user's id is 404 like a missing one).
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock/clock.js';
import type { TestApp } from './helpers/app.js';
import { newUser, type LoggedIn } from './helpers/auth.js';
import { eventsOf, kstInstant, notificationRows, seedBroadcasts } from './helpers/homeshopping-fixtures.js';
import { kokDb, useTestApp } from './helpers/kok-fixtures.js';

let t: TestApp;
const clock = new ManualClock(kstInstant('2025-09-03T09:00:00'));
useTestApp((app) => (t = app), { clock });

const list = (user: LoggedIn, kind: string, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/homeshopping/notifications/${kind}${query}`, headers: user.headers });
const markRead = (user: LoggedIn, id: number | string) =>
  t.app.inject({ method: 'PUT', url: `/api/homeshopping/notifications/${id}/read`, headers: user.headers });
const ids = (body: { notifications: Array<{ notification_id: number }> }) => body.notifications.map((n) => n.notification_id);

/** Order-status rows the way the order module writes them (§6.2): column defaults for type and entity. */
async function orderNotice(userId: number, at: Date, title = '주문 생성') {
  await kokDb(t)
    .insertInto('HOMESHOPPING_NOTIFICATION')
    .values({ USER_ID: userId, HOMESHOPPING_ORDER_ID: 7, STATUS_ID: 1, TITLE: title, MESSAGE: '주문이 성공적으로 접수되었습니다.', CREATED_AT: at })
    .execute();
}

async function like(user: LoggedIn, liveId: number) {
  const res = await t.app.inject({ method: 'POST', url: '/api/homeshopping/likes/toggle', headers: user.headers, payload: { live_id: liveId } });
  expect(res.statusCode, res.body).toBe(200);
}

beforeEach(async () => {
  await seedBroadcasts(t, [
    { LIVE_ID: 1, PRODUCT_ID: 100, PRODUCT_NAME: '왕교자' },
    { LIVE_ID: 2, PRODUCT_ID: 101, PRODUCT_NAME: '사과' },
  ]);
});

describe('GET /api/homeshopping/notifications/{orders,broadcasts,all}', () => {
  it('filters by type, lists newest first (same time: higher id first) with totals and unread counts', async () => {
    const user = await newUser(t.app);
    await like(user, 1); // 09:00
    await orderNotice(user.userId, clock.now()); // same instant as the like's notice
    clock.advance(60_000);
    await like(user, 2); // 09:01
    const rows = await notificationRows(t, user.userId);
    const [live1, order, live2] = rows.map((r) => Number(r.NOTIFICATION_ID));

    const all = await list(user, 'all');
    expect(all.statusCode, all.body).toBe(200);
    expect(ids(all.json())).toEqual([live2, order, live1]);
    expect(all.json()).toMatchObject({ total_count: 3, unread_count: 3, has_more: false });
    expect(all.json().notifications[0]).toEqual({
      notification_id: live2,
      user_id: user.userId,
      notification_type: 'broadcast_start',
      related_entity_type: 'live',
      related_entity_id: 2,
      homeshopping_like_id: expect.any(Number),
      homeshopping_order_id: null,
      status_id: null,
      title: '사과 방송 시작 알림',
      message: '2025-09-03 10:00:00에 방송이 시작됩니다.',
      product_name: '사과',
      is_read: false,
      created_at: clock.now().toISOString().slice(0, 19),
      read_at: null,
    });
    expect(all.json().notifications[1]).toMatchObject({
      notification_type: 'order_status',
      related_entity_type: 'order',
      related_entity_id: 0,
      homeshopping_order_id: 7,
      status_id: 1,
      product_name: null,
    });

    expect(ids((await list(user, 'broadcasts')).json())).toEqual([live2, live1]);
    const orders = (await list(user, 'orders')).json();
    expect(ids(orders)).toEqual([order]);
    expect(orders).toMatchObject({ total_count: 1, unread_count: 1 });

    expect((await markRead(user, live1)).statusCode).toBe(200);
    expect((await list(user, 'all')).json()).toMatchObject({ total_count: 3, unread_count: 2 });
    expect((await list(user, 'broadcasts')).json()).toMatchObject({ total_count: 2, unread_count: 1 });

    const events = await eventsOf(t, user.userId, 'homeshopping_all_notifications_view');
    expect(events[0].EVENT_DATA).toEqual({ limit: 20, offset: 0, notification_count: 3, total_count: 3 });
    expect(await eventsOf(t, user.userId, 'homeshopping_order_notifications_view')).toHaveLength(1);
    expect(await eventsOf(t, user.userId, 'homeshopping_broadcast_notifications_view')).toHaveLength(2);
  });

  it('pages with limit and offset; has_more says whether rows remain', async () => {
    const user = await newUser(t.app);
    for (let i = 0; i < 5; i++) {
      await orderNotice(user.userId, clock.now(), `주문 ${i}`);
      clock.advance(1000);
    }
    const titles = (body: { notifications: Array<{ title: string }> }) => body.notifications.map((n) => n.title);
    const first = (await list(user, 'orders', '?limit=2')).json();
    expect(titles(first)).toEqual(['주문 4', '주문 3']);
    expect(first).toMatchObject({ total_count: 5, has_more: true });
    const last = (await list(user, 'orders', '?limit=2&offset=4')).json();
    expect(titles(last)).toEqual(['주문 0']);
    expect(last.has_more).toBe(false);
    expect((await list(user, 'orders', '?limit=2&offset=10')).json()).toMatchObject({ notifications: [], total_count: 5, has_more: false });
  });

  it("lists only the caller's notifications, refuses bad paging with 422 and anonymous callers with 401", async () => {
    const [a, b] = [await newUser(t.app), await newUser(t.app)];
    await like(a, 1);
    expect((await list(b, 'all')).json()).toEqual({ notifications: [], total_count: 0, unread_count: 0, has_more: false });
    for (const q of ['?limit=0', '?limit=101', '?offset=-1', '?offset=2147483648', '?limit=x']) {
      expect((await list(a, 'all', q)).statusCode, q).toBe(422);
    }
    for (const kind of ['orders', 'broadcasts', 'all']) {
      expect((await t.app.inject({ method: 'GET', url: `/api/homeshopping/notifications/${kind}` })).statusCode).toBe(401);
    }
  });
});

describe('PUT /api/homeshopping/notifications/{id}/read', () => {
  it('marks the owner\'s notification read; marking again refreshes READ_AT', async () => {
    const user = await newUser(t.app);
    await like(user, 1);
    const [row] = await notificationRows(t, user.userId);
    const id = Number(row.NOTIFICATION_ID);
    const res = await markRead(user, id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ message: '알림이 읽음으로 표시되었습니다.' });
    let [after] = await notificationRows(t, user.userId);
    expect(after.IS_READ).toBe(1);
    expect(after.READ_AT?.toISOString()).toBe(clock.now().toISOString());
    clock.advance(5000);
    expect((await markRead(user, id)).statusCode).toBe(200);
    [after] = await notificationRows(t, user.userId);
    expect(after.READ_AT?.toISOString()).toBe(clock.now().toISOString());
    // Same instant again: still 200 (a row that did not change is still the caller's).
    expect((await markRead(user, id)).statusCode).toBe(200);
    const read = (await list(user, 'all')).json().notifications[0];
    expect(read).toMatchObject({ is_read: true, read_at: clock.now().toISOString().slice(0, 19) });
    expect((await eventsOf(t, user.userId, 'homeshopping_notification_read')).map((e) => e.EVENT_DATA)).toEqual([
      { notification_id: id },
      { notification_id: id },
      { notification_id: id },
    ]);
  });

  it("answers 404 for another user's notification and a missing one, leaving the row unread", async () => {
    const [owner, other] = [await newUser(t.app), await newUser(t.app)];
    await like(owner, 1);
    const [row] = await notificationRows(t, owner.userId);
    for (const id of [Number(row.NOTIFICATION_ID), 999999, 0, -1]) {
      const res = await markRead(other, id);
      expect(res.statusCode, String(id)).toBe(404);
      expect(res.json()).toEqual({ detail: '알림을 찾을 수 없습니다.' });
    }
    expect((await notificationRows(t, owner.userId))[0].IS_READ).toBe(0);
  });

  it('refuses non-integer and out-of-range ids with 422 and anonymous callers with 401', async () => {
    const user = await newUser(t.app);
    for (const id of ['abc', '1.5', '9007199254740993']) expect((await markRead(user, id)).statusCode, id).toBe(422);
    expect((await t.app.inject({ method: 'PUT', url: '/api/homeshopping/notifications/1/read' })).statusCode).toBe(401);
  });
});
