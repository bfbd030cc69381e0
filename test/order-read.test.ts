// The order read API and the KOK status utility over HTTP, on rows inserted directly (spec §5.1–§5.15).
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock/clock.js';
import type { TestApp } from './helpers/app.js';
import { newUser, type LoggedIn } from './helpers/auth.js';
import { kokDb, queriesFor, useTestApp } from './helpers/kok-fixtures.js';
import { seedOrder } from './helpers/order-fixtures.js';

const clock = new ManualClock(new Date('2026-07-03T00:14:30Z'));
let t: TestApp;
useTestApp((app) => (t = app), { clock });

const get = (url: string, user: LoggedIn) => t.app.inject({ method: 'GET', url, headers: user.headers });
const patch = (url: string, user: LoggedIn, payload: Record<string, unknown>) => t.app.inject({ method: 'PATCH', url, headers: user.headers, payload });

describe('GET /api/orders', () => {
  it('groups my orders newest first, omits line-less ones and shows delivery per line', async () => {
    const me = await newUser(t.app);
    const other = await newUser(t.app);
    const old = await seedOrder(t, { userId: me.userId, at: new Date('2026-07-01T10:00:00Z'), kok: [{ productId: 11, quantity: 2, price: 5000 }, { productId: 12 }], statuses: ['ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'PAYMENT_COMPLETED', 'PREPARING', 'SHIPPING', 'DELIVERED'] });
    const hs = await seedOrder(t, { userId: me.userId, at: new Date('2026-07-02T10:00:00Z'), hs: [{ productId: 987654, dcPrice: 35910 }] });
    await seedOrder(t, { userId: me.userId, at: new Date('2026-07-02T11:00:00Z') });
    await seedOrder(t, { userId: other.userId, at: new Date('2026-07-02T12:00:00Z'), kok: [{ productId: 13 }] });

    const res = await get('/api/orders?limit=30', me);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.limit).toBe(30);
    expect(body.total_count).toBe(3);
    expect(body.order_groups.map((g: { order_id: number }) => g.order_id)).toEqual([hs.orderId, old.orderId]);
    const [hsGroup, kokGroup] = body.order_groups;
    expect(hsGroup).toMatchObject({ order_number: String(hs.orderId), order_date: '2026. 7. 2', total_amount: 35910, item_count: 1 });
    expect(hsGroup.items[0]).toMatchObject({ product_name: '홈쇼핑 상품 (ID: 987654)', price: 35910, delivery_status: '주문접수', delivery_date: '배송 정보 없음', recipe_related: false, recipe_rating: null });
    expect(kokGroup).toMatchObject({ order_date: '2026. 7. 1', total_amount: 5000 * 2 + 1000, item_count: 3 });
    // Same-second history rows: HISTORY_ID decides, so DELIVERED is current; 2026-07-01 was a Wednesday.
    expect(kokGroup.items[0]).toMatchObject({ product_name: '콕 상품 (ID: 11)', price: 5000, quantity: 2, delivery_status: '배송완료', delivery_date: '7/1(수) 도착', recipe_related: true, recipe_rating: 0, recipe_scrap_count: 0, ingredients_owned: 0, total_ingredients: 0 });
  });

  it('costs the same number of queries for 1 order as for 20 orders of 3 lines', async () => {
    const me = await newUser(t.app);
    await seedOrder(t, { userId: me.userId, at: clock.now(), kok: [{ productId: 1 }], hs: [{ productId: 3 }], statuses: ['ORDER_RECEIVED'] });
    const urls = ['/api/orders', '/api/orders/recent'];
    const few = [];
    for (const url of urls) few.push(await queriesFor(t, () => get(url, me)));
    for (let i = 0; i < 20; i++) {
      await seedOrder(t, { userId: me.userId, at: clock.now(), kok: [{ productId: 1 }, { productId: 2 }], hs: [{ productId: 3 }], statuses: ['ORDER_RECEIVED', 'PAYMENT_REQUESTED'] });
    }
    const many = [];
    for (const url of urls) many.push(await queriesFor(t, () => get(url, me)));
    expect(many).toEqual(few);
  });

  it('counts all my orders and lists recent lines with 12-digit numbers', async () => {
    const me = await newUser(t.app);
    const fresh = await seedOrder(t, { userId: me.userId, at: new Date('2026-07-02T00:00:00Z'), kok: [{ productId: 5 }], hs: [{ productId: 6 }] });
    await seedOrder(t, { userId: me.userId, at: new Date('2026-06-01T00:00:00Z'), kok: [{ productId: 7 }] });
    expect((await get('/api/orders/count', me)).json()).toEqual({ order_count: 2 });
    const recent = (await get('/api/orders/recent?days=7', me)).json();
    expect(recent.days).toBe(7);
    expect(recent.order_count).toBe(2);
    expect(recent.orders.map((o: { product_id: number }) => o.product_id)).toEqual([5, 6]);
    expect(recent.orders[0].order_number).toBe(String(fresh.orderId).padStart(12, '0'));
  });
});

describe('GET /api/orders/{order_id}', () => {
  it('answers my order with its lines and 404 for anyone else', async () => {
    const me = await newUser(t.app);
    const other = await newUser(t.app);
    const order = await seedOrder(t, { userId: me.userId, at: new Date('2026-07-03T00:14:30Z'), kok: [{ productId: 1234, priceId: 55, quantity: 2, price: 51600 }], hs: [{ productId: 987654, dcPrice: 35910 }] });
    const res = await get(`/api/orders/${order.orderId}`, me);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      order_id: order.orderId,
      user_id: me.userId,
      order_time: '2026-07-03T00:14:30',
      cancel_time: null,
      kok_orders: [{ kok_order_id: order.kokOrderIds[0], kok_price_id: 55, kok_product_id: 1234, quantity: 2, order_price: 51600, recipe_id: null }],
      homeshopping_orders: [{ homeshopping_order_id: order.hsOrderIds[0], product_id: 987654, dc_price: 35910, quantity: 1, order_price: 35910 }],
    });
    for (const res2 of [await get(`/api/orders/${order.orderId}`, other), await get('/api/orders/999999', me)]) {
      expect(res2.statusCode).toBe(404);
      expect(res2.json()).toEqual({ detail: '주문 내역이 없습니다.' });
    }
    expect((await get('/api/orders/abc', me)).json().detail[0].type).toBe('int_parsing');
    expect((await t.app.inject({ method: 'GET', url: '/api/orders' })).statusCode).toBe(401);
  });
});

describe('KOK line status', () => {
  it('reads status and with-status (null while ORDER_RECEIVED), 404 for a foreign line', async () => {
    const me = await newUser(t.app);
    const other = await newUser(t.app);
    const { kokOrderIds: [line] } = await seedOrder(t, { userId: me.userId, at: clock.now(), kok: [{ productId: 1 }], statuses: ['ORDER_RECEIVED'] });
    const status = (await get(`/api/orders/kok/${line}/status`, me)).json();
    expect(status.current_status).toBeNull();
    expect(status.status_history).toHaveLength(1);
    expect(status.status_history[0]).toMatchObject({ kok_order_id: line, status: { status_id: 1, status_code: 'ORDER_RECEIVED', status_name: '주문 생성' }, changed_at: '2026-07-03T00:14:30', changed_by: me.userId });
    expect((await get(`/api/orders/kok/${line}/with-status`, me)).json()).toMatchObject({ kok_order: { kok_order_id: line }, current_status: null });
    for (const url of [`/api/orders/kok/${line}/status`, `/api/orders/kok/${line}/with-status`]) {
      const res = await get(url, other);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ detail: '해당 콕 주문을 찾을 수 없습니다.' });
    }
  });

  it('PATCH moves a paid line along the delivery path with history and notifications, refuses the rest', async () => {
    const me = await newUser(t.app);
    const other = await newUser(t.app);
    const { kokOrderIds: [line] } = await seedOrder(t, { userId: me.userId, at: new Date('2026-07-03T00:10:00Z'), kok: [{ productId: 1 }], statuses: ['ORDER_RECEIVED', 'PAYMENT_REQUESTED'] });
    const url = `/api/orders/kok/${line}/status`;

    const selfPay = await patch(url, me, { new_status_code: 'PAYMENT_COMPLETED' });
    expect(selfPay.statusCode).toBe(400);
    expect(selfPay.json()).toEqual({ detail: "'결제요청' 상태에서 '결제완료' 상태로 변경할 수 없습니다." });
    const early = await patch(url, me, { new_status_code: 'PREPARING' });
    expect(early.json()).toEqual({ detail: '결제 완료 상태가 아닙니다. 현재 상태: 결제요청 (PAYMENT_REQUESTED)' });
    expect((await patch(url, me, { new_status_code: 'NOPE' })).json()).toEqual({ detail: "상태 코드 'NOPE'를 찾을 수 없습니다" });
    const foreign = await patch(url, other, { new_status_code: 'CANCELLED' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual({ detail: '해당 콕 주문을 찾을 수 없습니다.' });
    expect((await patch(url, me, {})).statusCode).toBe(422);

    // The webhook would pay it; here the row is written as checkout/payment will.
    await seedOrderHistory(line!, 'PAYMENT_COMPLETED');
    for (const [code, minute] of [['PREPARING', 1], ['SHIPPING', 2], ['DELIVERED', 3]] as const) {
      clock.set(new Date(`2026-07-03T00:2${minute}:00Z`));
      const res = await patch(url, me, { new_status_code: code, changed_by: 999 });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().current_status.status_code).toBe(code);
      expect(res.json().status_history[0]).toMatchObject({ status: { status_code: code }, changed_by: me.userId });
    }
    const back = await patch(url, me, { new_status_code: 'SHIPPING' });
    expect(back.json()).toEqual({ detail: "'배송완료' 상태에서 '배송중' 상태로 변경할 수 없습니다." });

    const notices = await kokDb(t).selectFrom('KOK_NOTIFICATION').select(['TITLE', 'MESSAGE', 'USER_ID']).orderBy('NOTIFICATION_ID').execute();
    expect(notices).toEqual([
      { TITLE: '상품 준비', MESSAGE: '상품 준비를 시작합니다.', USER_ID: me.userId },
      { TITLE: '배송 시작', MESSAGE: '상품이 배송을 시작합니다.', USER_ID: me.userId },
      { TITLE: '배송 완료', MESSAGE: '상품이 배송 완료되었습니다.', USER_ID: me.userId },
    ]);
    const history = (await get(url, me)).json().status_history.map((h: { status: { status_code: string } }) => h.status.status_code);
    expect(history).toEqual(['DELIVERED', 'SHIPPING', 'PREPARING', 'PAYMENT_COMPLETED', 'PAYMENT_REQUESTED', 'ORDER_RECEIVED']);

    const list = (await get('/api/orders/kok/notifications/history?limit=20&offset=0', me)).json();
    expect(list.total_count).toBe(2); // SHIPPING and DELIVERED; PREPARING is not shown
    expect(list.notifications.map((n: { order_status: string }) => n.order_status)).toEqual(['DELIVERED', 'SHIPPING']);
    expect(list.notifications[0]).toMatchObject({ kok_order_id: line, title: '배송 완료', created_at: '2026-07-03T00:23:00', order_status_name: '배송완료', product_name: '콕 상품 (ID: 1)' });
    expect((await get('/api/orders/kok/notifications/history', other)).json()).toEqual({ notifications: [], total_count: 0 });
  });

  it('two concurrent PATCHes of the same step write one history row', async () => {
    const me = await newUser(t.app);
    const { kokOrderIds: [line] } = await seedOrder(t, { userId: me.userId, at: clock.now(), kok: [{ productId: 1 }], statuses: ['ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'PAYMENT_COMPLETED'] });
    const results = await Promise.all(Array.from({ length: 5 }, () => patch(`/api/orders/kok/${line}/status`, me, { new_status_code: 'PREPARING' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400, 400, 400, 400]);
    const rows = await kokDb(t).selectFrom('KOK_ORDER_STATUS_HISTORY').select('HISTORY_ID').where('KOK_ORDER_ID', '=', line!).execute();
    expect(rows).toHaveLength(4);
  });
});

describe('home-shopping line status', () => {
  it('reads status and with-status of my line, 404 for anyone else', async () => {
    const me = await newUser(t.app);
    const other = await newUser(t.app);
    const { orderId, hsOrderIds: [line] } = await seedOrder(t, { userId: me.userId, at: clock.now(), hs: [{ productId: 987654, dcPrice: 35910 }] });
    const empty = (await get(`/api/orders/homeshopping/${line}/status`, me)).json();
    expect(empty).toEqual({ homeshopping_order_id: line, current_status: { status_id: 1, status_code: 'ORDER_RECEIVED', status_name: '주문 생성' }, status_history: [] });
    expect((await get(`/api/orders/homeshopping/${line}/with-status`, me)).json()).toMatchObject({
      order_id: orderId,
      homeshopping_order_id: line,
      product_name: '상품_987654',
      dc_price: 35910,
      current_status: { status_id: 1, status_code: 'ORDER_RECEIVED', status_name: '주문 접수' },
    });
    await seedOrderHistory(line!, 'PAYMENT_REQUESTED', 'hs');
    const status = (await get(`/api/orders/homeshopping/${line}/status`, me)).json();
    expect(status.current_status.status_code).toBe('PAYMENT_REQUESTED');
    expect(status.status_history[0]).toMatchObject({ homeshopping_order_id: line, created_at: clock.now().toISOString().slice(0, 19) });
    expect((await get(`/api/orders/homeshopping/${line}/status`, other)).json()).toEqual({ detail: '해당 홈쇼핑 주문을 찾을 수 없습니다.' });
    expect((await get(`/api/orders/homeshopping/${line}/with-status`, other)).json()).toEqual({ detail: '주문을 찾을 수 없습니다.' });
  });
});

async function seedOrderHistory(line: number, code: string, kind: 'kok' | 'hs' = 'kok'): Promise<void> {
  const db = kokDb(t);
  const status = await db.selectFrom('STATUS_MASTER').select('STATUS_ID').where('STATUS_CODE', '=', code).executeTakeFirstOrThrow();
  const values = { STATUS_ID: status.STATUS_ID, CHANGED_AT: clock.now(), CHANGED_BY: null };
  if (kind === 'kok') await db.insertInto('KOK_ORDER_STATUS_HISTORY').values({ ...values, KOK_ORDER_ID: line }).execute();
  else await db.insertInto('HOMESHOPPING_ORDER_STATUS_HISTORY').values({ ...values, HOMESHOPPING_ORDER_ID: line }).execute();
}
