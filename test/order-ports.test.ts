// What the order module asks of the others, as services.ts wires it: listings show the KOK and home-shopping
// catalogues' names and pictures, and a home-shopping line's status change writes the home-shopping module's
// notification in the same transaction.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock/clock.js';
import type { TestApp } from './helpers/app.js';
import { newUser } from './helpers/auth.js';
import { seedBroadcasts, seedHsProducts } from './helpers/homeshopping-fixtures.js';
import { kokDb, seedProducts, useTestApp } from './helpers/kok-fixtures.js';
import { seedOrder } from './helpers/order-fixtures.js';

const T0 = new Date('2026-07-03T00:00:00Z');
const clock = new ManualClock(T0);
let t: TestApp;
useTestApp((app) => (t = app), { clock });

describe('order ports', () => {
  it('listings show the catalogues\' names and pictures', async () => {
    const me = await newUser(t.app);
    await seedProducts(t, [{ KOK_PRODUCT_ID: 11, KOK_PRODUCT_NAME: '배추김치 3kg', prices: [[0, 20000]] }]);
    await seedHsProducts(t, [{ PRODUCT_ID: 987654, classifyName: '한우 등심' }]);
    await seedBroadcasts(t, [{ LIVE_ID: 5, PRODUCT_ID: 987654, PRODUCT_NAME: '[방송] 한우 등심 1kg' }]);
    await kokDb(t).insertInto('FCT_HOMESHOPPING_IMG_URL').values([
      { IMG_ID: 2, PRODUCT_ID: 987654, SORT_ORDER: 2, IMG_URL: 'https://img.example/hs-b.jpg' },
      { IMG_ID: 1, PRODUCT_ID: 987654, SORT_ORDER: 1, IMG_URL: 'https://img.example/hs-a.jpg' },
    ]).execute();
    await seedOrder(t, { userId: me.userId, at: T0, kok: [{ productId: 11 }], hs: [{ productId: 987654 }], statuses: ['ORDER_RECEIVED'] });

    const res = await t.app.inject({ method: 'GET', url: '/api/orders', headers: me.headers });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().order_groups.flatMap((g: { items: unknown[] }) => g.items);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ product_name: '배추김치 3kg', product_image: 'https://img.example/11.jpg' }),
        expect.objectContaining({ product_name: '[방송] 한우 등심 1kg', product_image: 'https://img.example/hs-a.jpg' }),
      ]),
    );
  });

  it('a home-shopping line\'s progression writes its HOMESHOPPING_NOTIFICATION row', async () => {
    clock.set(T0);
    const me = await newUser(t.app);
    const { hsOrderIds: [line] } = await seedOrder(t, { userId: me.userId, at: T0, hs: [{ productId: 987654 }], statuses: ['ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'PAYMENT_COMPLETED'] });
    clock.advance(t.config.orders.progressionStepMs);
    expect(await t.services.orders.progression.run(clock.now())).toBe(1);
    const rows = await kokDb(t).selectFrom('HOMESHOPPING_NOTIFICATION').selectAll().where('USER_ID', '=', me.userId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ HOMESHOPPING_ORDER_ID: line, NOTIFICATION_TYPE: 'order_status', RELATED_ENTITY_TYPE: 'order' });
    const listed = await t.app.inject({ method: 'GET', url: '/api/homeshopping/notifications/orders', headers: me.headers });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().notifications).toHaveLength(1);
  });
});
