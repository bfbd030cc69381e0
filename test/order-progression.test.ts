// Scheduled delivery progression and the stale PAYMENT_REQUESTED cancellation, driven by the fake clock; each is
// idempotent and writes every step once when two runs race (row locks / compare-and-set).
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock/clock.js';
import type { TestApp } from './helpers/app.js';
import { newUser } from './helpers/auth.js';
import { kokDb, useTestApp } from './helpers/kok-fixtures.js';
import { seedOrder } from './helpers/order-fixtures.js';

const T0 = new Date('2026-07-03T00:00:00Z');
const clock = new ManualClock(T0);
let t: TestApp;
useTestApp((app) => (t = app), { clock });

const history = (line: number) =>
  kokDb(t)
    .selectFrom('KOK_ORDER_STATUS_HISTORY as H')
    .innerJoin('STATUS_MASTER as S', 'S.STATUS_ID', 'H.STATUS_ID')
    .select(['S.STATUS_CODE', 'H.CHANGED_BY', 'H.CHANGED_AT'])
    .where('H.KOK_ORDER_ID', '=', line)
    .orderBy('H.CHANGED_AT')
    .orderBy('H.HISTORY_ID')
    .execute();
const notices = () => kokDb(t).selectFrom('KOK_NOTIFICATION').select(['TITLE', 'KOK_ORDER_ID']).orderBy('NOTIFICATION_ID').execute();

describe('delivery progression', () => {
  it('moves a paid line one step per 2 s as the system, with notifications, and reruns write nothing', async () => {
    clock.set(T0);
    const me = await newUser(t.app);
    const { kokOrderIds: [line] } = await seedOrder(t, { userId: me.userId, at: T0, kok: [{ productId: 1 }], statuses: ['ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'PAYMENT_COMPLETED'] });
    const unpaid = await seedOrder(t, { userId: me.userId, at: T0, kok: [{ productId: 2 }], statuses: ['ORDER_RECEIVED', 'PAYMENT_REQUESTED'] });
    const progression = t.services.orders.progression;

    clock.advance(1999);
    expect(await progression.run(clock.now())).toBe(0);
    for (const expected of ['PREPARING', 'SHIPPING', 'DELIVERED']) {
      clock.advance(2000);
      expect(await progression.run(clock.now())).toBe(1);
      expect(await progression.run(clock.now())).toBe(0);
      expect((await history(line!)).at(-1)).toMatchObject({ STATUS_CODE: expected, CHANGED_BY: 1 });
    }
    clock.advance(60_000);
    expect(await progression.run(clock.now())).toBe(0);
    expect((await notices()).map((n) => n.TITLE)).toEqual(['상품 준비', '배송 시작', '배송 완료']);
    expect((await history(unpaid.kokOrderIds[0]!)).at(-1)?.STATUS_CODE).toBe('PAYMENT_REQUESTED');
    const list = (await t.app.inject({ method: 'GET', url: '/api/orders', headers: me.headers })).json();
    expect(list.order_groups.find((g: { items: Array<{ delivery_status: string }> }) => g.items[0]!.delivery_status === '배송완료').items[0].delivery_date).toBe('7/3(금) 도착');
  });

  it('two runs at once write each step once', async () => {
    clock.set(T0);
    const me = await newUser(t.app);
    const seeded = [];
    for (let i = 0; i < 3; i++) seeded.push(await seedOrder(t, { userId: me.userId, at: T0, kok: [{ productId: 1 }, { productId: 2 }], statuses: ['ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'PAYMENT_COMPLETED'] }));
    clock.advance(2000);
    const written = await Promise.all([t.services.orders.progression.run(clock.now()), t.services.orders.progression.run(clock.now())]);
    expect(written[0]! + written[1]!).toBe(6);
    for (const order of seeded) for (const line of order.kokOrderIds) expect((await history(line)).map((h) => h.STATUS_CODE).filter((c) => c === 'PREPARING')).toHaveLength(1);
    expect(await notices()).toHaveLength(6);
  });
});

describe('stale PAYMENT_REQUESTED cancellation', () => {
  it('cancels an order left PAYMENT_REQUESTED for 5 min, once, without notifications; paid orders stay', async () => {
    clock.set(T0);
    const me = await newUser(t.app);
    const stale = await seedOrder(t, { userId: me.userId, at: T0, kok: [{ productId: 1 }, { productId: 2 }], statuses: ['ORDER_RECEIVED', 'PAYMENT_REQUESTED'] });
    const paid = await seedOrder(t, { userId: me.userId, at: T0, kok: [{ productId: 3 }], statuses: ['ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'PAYMENT_COMPLETED'] });
    const fresh = await seedOrder(t, { userId: me.userId, at: new Date(T0.getTime() + 60_000), kok: [{ productId: 4 }], statuses: ['ORDER_RECEIVED', 'PAYMENT_REQUESTED'] });
    const sweep = t.services.orders.staleCancellation;

    clock.set(new Date(T0.getTime() + 299_999));
    expect(await sweep.run(clock.now())).toEqual([]);
    clock.set(new Date(T0.getTime() + 300_000));
    const runs = await Promise.all([sweep.run(clock.now()), sweep.run(clock.now())]);
    expect(runs.flat()).toEqual([stale.orderId]);
    expect(await sweep.run(clock.now())).toEqual([]);

    const orders = await kokDb(t).selectFrom('ORDERS').select(['ORDER_ID', 'CANCEL_TIME']).orderBy('ORDER_ID').execute();
    expect(orders.map((o) => [o.ORDER_ID, o.CANCEL_TIME?.toISOString() ?? null])).toEqual([
      [stale.orderId, '2026-07-03T00:05:00.000Z'],
      [paid.orderId, null],
      [fresh.orderId, null],
    ]);
    for (const line of stale.kokOrderIds) expect((await history(line)).map((h) => [h.STATUS_CODE, h.CHANGED_BY]).at(-1)).toEqual(['CANCELLED', 1]);
    expect((await history(paid.kokOrderIds[0]!)).at(-1)?.STATUS_CODE).toBe('PAYMENT_COMPLETED');
    expect(await notices()).toEqual([]);
  });
});
