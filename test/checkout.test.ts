// KOK checkout from the cart and home-shopping order creation over HTTP (order spec §5.5, §5.13, §6): shapes and
// rows, one order out of 20 identical concurrent checkouts, ownership, vanished prices, Idempotency-Key.
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock/clock.js';
import type { TestApp } from './helpers/app.js';
import { newUser, type LoggedIn } from './helpers/auth.js';
import { seedHsProducts, seedBroadcasts, notificationRows, eventsOf } from './helpers/homeshopping-fixtures.js';
import { currentPriceId, kokDb, seedProducts, useTestApp } from './helpers/kok-fixtures.js';
import { seedOrder } from './helpers/order-fixtures.js';

const clock = new ManualClock(new Date('2026-07-03T00:14:30.123Z'));
let t: TestApp;
let user: LoggedIn;
useTestApp((app) => (t = app), { clock });
beforeEach(async () => {
  user = await newUser(t.app);
  await seedProducts(t, [
    { KOK_PRODUCT_ID: 1, KOK_PRODUCT_NAME: '배추김치', KOK_PRODUCT_PRICE: 30000, prices: [[10, 25800]] },
    { KOK_PRODUCT_ID: 2, KOK_PRODUCT_NAME: '두부', KOK_PRODUCT_PRICE: 12900, prices: [[0, null]] },
  ]);
});

const addToCart = async (productId: number, who: LoggedIn = user): Promise<number> => {
  const res = await t.app.inject({ method: 'POST', url: '/api/kok/carts', headers: who.headers, payload: { kok_product_id: productId, kok_quantity: 5 } });
  expect(res.statusCode).toBe(201);
  return res.json().kok_cart_id;
};
const checkout = (payload: unknown, who: LoggedIn = user, key?: string) =>
  t.app.inject({ method: 'POST', url: '/api/orders/kok/carts/order', headers: { ...who.headers, ...(key ? { 'idempotency-key': key } : {}) }, payload: payload as Record<string, unknown> });
const hsOrder = (payload: unknown, who: LoggedIn = user, key?: string) =>
  t.app.inject({ method: 'POST', url: '/api/orders/homeshopping/order', headers: { ...who.headers, ...(key ? { 'idempotency-key': key } : {}) }, payload: payload as Record<string, unknown> });
const db = () => kokDb(t);
const count = async (table: 'ORDERS' | 'KOK_ORDERS' | 'KOK_ORDER_STATUS_HISTORY' | 'KOK_NOTIFICATION' | 'HOMESHOPPING_ORDERS' | 'ORDER_IDEMPOTENCY_KEY') =>
  Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const cartIds = async (who: LoggedIn = user) => (await db().selectFrom('KOK_CART').select('KOK_CART_ID').where('USER_ID', '=', who.userId).execute()).map((r) => r.KOK_CART_ID);

describe('POST /api/orders/kok/carts/order', () => {
  it('orders the chosen lines at their stored price, writes status and notices, deletes the lines', async () => {
    const a = await addToCart(1);
    const b = await addToCart(2);
    // The caller's store-best lists rank by what they ordered: dropped by the checkout; other users' stay.
    const storeBestKey = `kok:store_best:user:${user.userId}:sort:review_count`;
    const othersKey = `kok:store_best:user:${user.userId + 1000}:sort:review_count`;
    await t.ctx.cache.set(storeBestKey, ['cached'], 900);
    await t.ctx.cache.set(othersKey, ['kept'], 900);
    const res = await checkout({ selected_items: [{ kok_cart_id: a, quantity: 2 }, { kok_cart_id: b, quantity: 1 }] });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    const lines = await db().selectFrom('KOK_ORDERS').selectAll().orderBy('KOK_ORDER_ID').execute();
    expect(body).toEqual({
      order_id: body.order_id,
      total_amount: 25800 * 2 + 12900,
      order_count: 2,
      order_details: [
        { kok_order_id: lines[0]!.KOK_ORDER_ID, kok_product_id: 1, kok_product_name: '배추김치', quantity: 2, unit_price: 25800, total_price: 51600 },
        { kok_order_id: lines[1]!.KOK_ORDER_ID, kok_product_id: 2, kok_product_name: '두부', quantity: 1, unit_price: 12900, total_price: 12900 },
      ],
      message: '2개의 상품이 주문되었습니다.',
      order_time: '2026-07-03T00:14:30.123000',
    });
    expect(await db().selectFrom('ORDERS').selectAll().execute()).toMatchObject([{ ORDER_ID: body.order_id, USER_ID: user.userId, CANCEL_TIME: null }]);
    expect(lines).toMatchObject([
      { ORDER_ID: body.order_id, KOK_PRODUCT_ID: 1, KOK_PRICE_ID: await currentPriceId(t, 1), QUANTITY: 2, ORDER_PRICE: 51600 },
      { ORDER_ID: body.order_id, KOK_PRODUCT_ID: 2, KOK_PRICE_ID: await currentPriceId(t, 2), QUANTITY: 1, ORDER_PRICE: 12900 },
    ]);
    const history = await db().selectFrom('KOK_ORDER_STATUS_HISTORY').selectAll().orderBy('HISTORY_ID').execute();
    expect(history.map((h) => [h.KOK_ORDER_ID, h.STATUS_ID, h.CHANGED_BY])).toEqual(lines.map((l) => [l.KOK_ORDER_ID, 1, user.userId]));
    const notices = await db().selectFrom('KOK_NOTIFICATION').selectAll().orderBy('NOTIFICATION_ID').execute();
    expect(notices.map((n) => [n.USER_ID, n.KOK_ORDER_ID, n.TITLE, n.MESSAGE])).toEqual(lines.map((l) => [user.userId, l.KOK_ORDER_ID, '주문 생성', '주문이 생성되었습니다.']));
    expect(await cartIds()).toEqual([]);
    expect(await t.ctx.cache.get(storeBestKey)).toBeUndefined();
    expect(await t.ctx.cache.get(othersKey)).toEqual(['kept']);
    const [event] = await eventsOf(t, user.userId, 'kok_cart_order_create');
    expect(event).toBeDefined();
  });

  it('makes exactly one order out of 20 identical checkouts sent at once', async () => {
    const a = await addToCart(1);
    const b = await addToCart(2);
    const payload = { selected_items: [{ kok_cart_id: b, quantity: 1 }, { kok_cart_id: a, quantity: 1 }] };
    const answers = await Promise.all(Array.from({ length: 20 }, () => checkout(payload)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, ...Array(19).fill(400)]);
    for (const r of answers.filter((x) => x.statusCode === 400)) {
      expect(r.json()).toEqual({ detail: '선택한 장바구니 항목이 존재하지 않거나 이미 삭제되었습니다. 장바구니를 다시 확인해주세요.' });
    }
    expect([await count('ORDERS'), await count('KOK_ORDERS'), await count('KOK_ORDER_STATUS_HISTORY')]).toEqual([1, 2, 2]);
  });

  it('never orders or deletes another user\'s lines; foreign ids alone are a 400', async () => {
    const other = await newUser(t.app);
    const theirs = await addToCart(1, other);
    const mine = await addToCart(2);
    const alone = await checkout({ selected_items: [{ kok_cart_id: theirs, quantity: 1 }] });
    expect(alone.statusCode).toBe(400);
    expect(alone.json().detail).toBe('선택한 장바구니 항목이 존재하지 않거나 이미 삭제되었습니다. 장바구니를 다시 확인해주세요.');
    const mixed = await checkout({ selected_items: [{ kok_cart_id: theirs, quantity: 1 }, { kok_cart_id: mine, quantity: 3 }] });
    expect(mixed.statusCode).toBe(201);
    expect(mixed.json().order_details.map((d: { kok_product_id: number }) => d.kok_product_id)).toEqual([2]);
    expect(await cartIds(other)).toEqual([theirs]);
    expect(await count('KOK_ORDERS')).toBe(1);
  });

  it('answers 400 with nothing written when the stored price row has vanished', async () => {
    const a = await addToCart(1);
    const b = await addToCart(2);
    await db().deleteFrom('FCT_KOK_PRICE_INFO').where('KOK_PRODUCT_ID', '=', 2).execute();
    const res = await checkout({ selected_items: [{ kok_cart_id: a, quantity: 1 }, { kok_cart_id: b, quantity: 1 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ detail: '할인 가격 정보를 찾을 수 없습니다.' });
    expect([await count('ORDERS'), await count('KOK_ORDERS'), await count('KOK_ORDER_STATUS_HISTORY'), await count('KOK_NOTIFICATION')]).toEqual([0, 0, 0, 0]);
    expect((await cartIds()).sort()).toEqual([a, b].sort());
  });

  it('rejects an empty selection (400) and bad bodies (422)', async () => {
    expect((await checkout({ selected_items: [] })).json()).toEqual({ detail: '선택된 항목이 없습니다.' });
    for (const body of [{}, { selected_items: [{ kok_cart_id: 1, quantity: 0 }] }, { selected_items: [{ kok_cart_id: 'x', quantity: 1 }] }]) {
      expect((await checkout(body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/orders/kok/carts/order', payload: { selected_items: [] } })).statusCode).toBe(401);
  });

  it('replays the first answer for a repeated Idempotency-Key and refuses it with another body', async () => {
    const a = await addToCart(1);
    const payload = { selected_items: [{ kok_cart_id: a, quantity: 1 }] };
    const answers = await Promise.all(Array.from({ length: 5 }, () => checkout(payload, user, 'key-1')));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(5).fill(201));
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    expect(await count('ORDERS')).toBe(1);
    const other = await checkout({ selected_items: [{ kok_cart_id: a, quantity: 2 }] }, user, 'key-1');
    expect(other.statusCode).toBe(422);
    expect(other.json()).toEqual({ detail: [{ type: 'idempotency_key_reused', loc: ['header', 'idempotency-key'], msg: '같은 Idempotency-Key로 다른 요청이 이미 처리되었습니다.', input: 'key-1' }] });
    // A key is the user's own: another user's same key is a new request (here: their empty cart).
    expect((await checkout(payload, await newUser(t.app), 'key-1')).statusCode).toBe(400);
    // After 24 h the key is forgotten (the stored row is aged: the clock would also expire the login).
    await db().updateTable('ORDER_IDEMPOTENCY_KEY').set({ CREATED_AT: new Date(clock.now().getTime() - 24 * 3_600_000 - 1000) }).execute();
    expect((await checkout(payload, user, 'key-1')).statusCode).toBe(400);
    expect(await count('ORDERS')).toBe(1);
  });
});

describe('POST /api/orders/homeshopping/order', () => {
  beforeEach(async () => {
    await seedHsProducts(t, [
      { PRODUCT_ID: 987654, DC_PRICE: 35910 },
      { PRODUCT_ID: 555, DC_PRICE: 0, SALE_PRICE: 49999, DC_RATE: 15 },
    ]);
    await seedBroadcasts(t, [
      { LIVE_ID: 1, PRODUCT_ID: 987654, PRODUCT_NAME: '옛 이름', LIVE_DATE: '2026-07-01', LIVE_START_TIME: '10:00:00' },
      { LIVE_ID: 2, PRODUCT_ID: 987654, PRODUCT_NAME: '새 이름', LIVE_DATE: '2026-07-02', LIVE_START_TIME: '09:00:00' },
    ]);
  });

  it('orders one product at its price snapshot with its status row and notice', async () => {
    const res = await hsOrder({ product_id: 987654, quantity: 2 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const [line] = await db().selectFrom('HOMESHOPPING_ORDERS').selectAll().execute();
    expect(body).toEqual({
      order_id: body.order_id, homeshopping_order_id: line!.HOMESHOPPING_ORDER_ID, product_id: 987654, product_name: '새 이름',
      quantity: 2, dc_price: 35910, order_price: 71820, order_time: '2026-07-03T00:14:30.123000', message: '주문이 성공적으로 생성되었습니다.',
    });
    expect(line).toMatchObject({ ORDER_ID: body.order_id, PRODUCT_ID: 987654, DC_PRICE: 35910, QUANTITY: 2, ORDER_PRICE: 71820 });
    const history = await db().selectFrom('HOMESHOPPING_ORDER_STATUS_HISTORY').selectAll().execute();
    expect(history).toMatchObject([{ HOMESHOPPING_ORDER_ID: line!.HOMESHOPPING_ORDER_ID, STATUS_ID: 1, CHANGED_BY: user.userId }]);
    expect(await notificationRows(t, user.userId)).toMatchObject([{ HOMESHOPPING_ORDER_ID: line!.HOMESHOPPING_ORDER_ID, STATUS_ID: 1, TITLE: '주문 생성', MESSAGE: '주문이 성공적으로 접수되었습니다.' }]);
  });

  it('prices by the integer fallback, names unknown broadcasts, refuses unknown products and bad bodies', async () => {
    const res = await hsOrder({ product_id: 555 });
    expect(res.json()).toMatchObject({ product_name: '상품_555', quantity: 1, dc_price: Math.round((49999 * 85) / 100), order_price: 42499 });
    const missing = await hsOrder({ product_id: 1 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toEqual({ detail: '상품을 찾을 수 없습니다.' });
    for (const body of [{}, { product_id: 555, quantity: 0 }, { product_id: 555, quantity: 100 }]) expect((await hsOrder(body)).statusCode).toBe(422);
    expect(await count('HOMESHOPPING_ORDERS')).toBe(1);
  });

  it('replays a repeated Idempotency-Key', async () => {
    const first = await hsOrder({ product_id: 987654 }, user, 'hs-1');
    const again = await hsOrder({ product_id: 987654 }, user, 'hs-1');
    expect(again.json()).toEqual(first.json());
    expect(await count('HOMESHOPPING_ORDERS')).toBe(1);
    expect((await hsOrder({ product_id: 555 }, user, 'hs-1')).statusCode).toBe(422);
  });
});

describe('confirm shortcuts and auto-update', () => {
  const post = (url: string, who: LoggedIn = user) => t.app.inject({ method: 'POST', url, headers: who.headers });
  const codes = async (table: 'KOK_ORDER_STATUS_HISTORY' | 'HOMESHOPPING_ORDER_STATUS_HISTORY'): Promise<string[]> => {
    const { rows } = await sql<{ code: string }>`SELECT ${sql.ref('S.STATUS_CODE')} AS ${sql.ref('code')} FROM ${sql.table(table)} AS ${sql.ref('H')}
      INNER JOIN ${sql.table('STATUS_MASTER')} AS ${sql.ref('S')} ON ${sql.ref('S.STATUS_ID')} = ${sql.ref('H.STATUS_ID')} ORDER BY ${sql.ref('H.HISTORY_ID')}`.execute(db());
    return rows.map((r) => r.code);
  };

  it('marks a KOK line paid only from PAYMENT_REQUESTED, for its owner only', async () => {
    const unpaid = await seedOrder(t, { userId: user.userId, at: clock.now(), kok: [{ productId: 1 }], statuses: ['ORDER_RECEIVED'] });
    const refused = await post(`/api/orders/kok/${unpaid.kokOrderIds[0]}/payment/confirm`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({ detail: '현재 상태가 PAYMENT_REQUESTED가 아닙니다' });
    const requested = await seedOrder(t, { userId: user.userId, at: clock.now(), kok: [{ productId: 1 }], statuses: ['ORDER_RECEIVED', 'PAYMENT_REQUESTED'] });
    const id = requested.kokOrderIds[0]!;
    const foreign = await post(`/api/orders/kok/${id}/payment/confirm`, await newUser(t.app));
    expect(foreign.statusCode).toBe(404);
    const ok = await post(`/api/orders/kok/${id}/payment/confirm`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ message: '결제가 완료되어 상태가 변경되었습니다.', kok_order_id: id });
    expect(await codes('KOK_ORDER_STATUS_HISTORY')).toEqual(['ORDER_RECEIVED', 'ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'PAYMENT_COMPLETED']);
    expect((await post(`/api/orders/kok/${id}/payment/confirm`)).statusCode).toBe(400);
  });

  it('marks all KOK lines of an order paid, or none', async () => {
    const mixed = await seedOrder(t, { userId: user.userId, at: clock.now(), kok: [{ productId: 1 }, { productId: 2 }], statuses: ['ORDER_RECEIVED'] });
    await db().insertInto('KOK_ORDER_STATUS_HISTORY').values({ KOK_ORDER_ID: mixed.kokOrderIds[0]!, STATUS_ID: 2, CHANGED_AT: clock.now(), CHANGED_BY: user.userId }).execute();
    expect((await post(`/api/orders/kok/order-unit/${mixed.orderId}/payment/confirm`)).statusCode).toBe(400);
    expect(await count('KOK_ORDER_STATUS_HISTORY')).toBe(3);
    const both = await seedOrder(t, { userId: user.userId, at: clock.now(), kok: [{ productId: 1 }, { productId: 2 }], statuses: ['ORDER_RECEIVED', 'PAYMENT_REQUESTED'] });
    expect((await post(`/api/orders/kok/order-unit/${both.orderId}/payment/confirm`, await newUser(t.app))).json()).toEqual({ detail: '해당 주문을 찾을 수 없습니다.' });
    const ok = await post(`/api/orders/kok/order-unit/${both.orderId}/payment/confirm`);
    expect(ok.json()).toEqual({ message: '결제가 완료되어 모든 KokOrder 상태가 변경되었습니다.', order_id: both.orderId });
    expect((await codes('KOK_ORDER_STATUS_HISTORY')).filter((c) => c === 'PAYMENT_COMPLETED')).toHaveLength(2);
    const hsOnly = await seedOrder(t, { userId: user.userId, at: clock.now(), hs: [{ productId: 9 }] });
    expect((await post(`/api/orders/kok/order-unit/${hsOnly.orderId}/payment/confirm`)).json()).toEqual({ detail: '해당 주문의 콕 주문 항목이 없습니다.' });
  });

  it('confirms a home-shopping line from PAYMENT_REQUESTED with the status labels', async () => {
    const received = await seedOrder(t, { userId: user.userId, at: clock.now(), hs: [{ productId: 9 }], statuses: ['ORDER_RECEIVED'] });
    expect((await post(`/api/orders/homeshopping/${received.hsOrderIds[0]}/payment/confirm`)).json()).toEqual({ detail: '현재 상태가 PAYMENT_REQUESTED가 아닙니다' });
    const requested = await seedOrder(t, { userId: user.userId, at: clock.now(), hs: [{ productId: 9 }], statuses: ['ORDER_RECEIVED', 'PAYMENT_REQUESTED'] });
    const id = requested.hsOrderIds[0]!;
    expect((await post(`/api/orders/homeshopping/${id}/payment/confirm`, await newUser(t.app))).statusCode).toBe(404);
    const ok = await post(`/api/orders/homeshopping/${id}/payment/confirm`);
    // The labels are STATUS_MASTER's names, echoed as stored.
    const names = new Map((await db().selectFrom('STATUS_MASTER').selectAll().execute()).map((r) => [r.STATUS_CODE, r.STATUS_NAME]));
    expect(ok.json()).toEqual({ homeshopping_order_id: id, previous_status: names.get('PAYMENT_REQUESTED'), current_status: names.get('PAYMENT_COMPLETED'), message: '결제가 확인되었습니다' });
    expect(await codes('HOMESHOPPING_ORDER_STATUS_HISTORY')).toEqual(['ORDER_RECEIVED', 'ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'PAYMENT_COMPLETED']);
  });

  it('auto-update needs a login, the owner and a paid line', async () => {
    const paid = await seedOrder(t, { userId: user.userId, at: clock.now(), kok: [{ productId: 1 }], hs: [{ productId: 9 }], statuses: ['ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'PAYMENT_COMPLETED'] });
    const kokId = paid.kokOrderIds[0]!;
    expect((await t.app.inject({ method: 'POST', url: `/api/orders/kok/${kokId}/auto-update` })).statusCode).toBe(401);
    expect((await post(`/api/orders/kok/${kokId}/auto-update`, await newUser(t.app))).statusCode).toBe(404);
    expect((await post(`/api/orders/kok/${kokId}/auto-update`)).json()).toEqual({ message: `주문 ${kokId}의 자동 상태 업데이트가 시작되었습니다. (현재 상태: 결제완료)` });
    const hsId = paid.hsOrderIds[0]!;
    expect((await post(`/api/orders/homeshopping/${hsId}/auto-update`)).statusCode).toBe(200);
    const unpaid = await seedOrder(t, { userId: user.userId, at: clock.now(), kok: [{ productId: 1 }], statuses: ['ORDER_RECEIVED'] });
    expect((await post(`/api/orders/kok/${unpaid.kokOrderIds[0]}/auto-update`)).json()).toEqual({ detail: '결제 완료 상태가 아닙니다. 현재 상태: 주문 생성 (ORDER_RECEIVED)' });
    const bare = await seedOrder(t, { userId: user.userId, at: clock.now(), kok: [{ productId: 1 }] });
    expect((await post(`/api/orders/kok/${bare.kokOrderIds[0]}/auto-update`)).json()).toEqual({ detail: '주문이 생성되었지만 아직 상태 이력이 없습니다.' });
  });
});
