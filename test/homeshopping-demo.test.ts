// The embedded demo schedule: relative to the clock in KST, something on air at any hour, idempotent, and never
// mixed into real imported data.
import { describe, expect, it } from 'vitest';
import type { HomeshoppingTables } from '../src/modules/homeshopping/tables.js';
import { tablesOf } from '../src/platform/db/connect.js';
import { seedHomeshoppingDemo } from '../src/seed/homeshopping-demo.js';
import type { TestApp } from './helpers/app.js';
import { useTestApp } from './helpers/kok-fixtures.js';

let t: TestApp;
useTestApp((app) => (t = app));
const BASE = 'http://demo.test:9000';
const db = () => tablesOf(t.ctx.dbs.service).owned<HomeshoppingTables>();

describe('seedHomeshoppingDemo', () => {
  it('fills yesterday to the day after tomorrow (KST) with a slot on every channel at every hour', async () => {
    // 2026-03-01 23:30 UTC is already 2026-03-02 08:30 in Seoul.
    const now = new Date('2026-03-01T23:30:00Z');
    const { slots } = await seedHomeshoppingDemo(db(), { now, imageBase: BASE });
    expect(slots).toBe(4 * 5 * 24 * 2);
    const days = await db().kysely.selectFrom('FCT_HOMESHOPPING_LIST').select('LIVE_DATE').distinct().orderBy('LIVE_DATE').execute();
    expect(days.map((d) => d.LIVE_DATE)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04']);
    for (let hour = 0; hour < 24; hour++) {
      const start = `${String(hour).padStart(2, '0')}:00:00`;
      const onAir = await db().kysely.selectFrom('FCT_HOMESHOPPING_LIST').select('LIVE_ID').where('LIVE_DATE', '=', '2026-03-02').where('LIVE_START_TIME', '=', start).where('PROMOTION_TYPE', '=', 'main').execute();
      expect(onAir).toHaveLength(5);
    }
    const late = await db().kysely.selectFrom('FCT_HOMESHOPPING_LIST').select(['LIVE_START_TIME', 'LIVE_END_TIME']).where('LIVE_START_TIME', '=', '23:00:00').executeTakeFirstOrThrow();
    expect(late.LIVE_END_TIME).toBe('00:00:00');
    // Every scheduled product is a classified food with a price and this server's picture.
    const orphans = await db()
      .kysely.selectFrom('FCT_HOMESHOPPING_LIST as L')
      .leftJoin('HOMESHOPPING_CLASSIFY as C', 'C.PRODUCT_ID', 'L.PRODUCT_ID')
      .leftJoin('FCT_HOMESHOPPING_PRODUCT_INFO as P', 'P.PRODUCT_ID', 'L.PRODUCT_ID')
      .select('L.LIVE_ID')
      .where((eb) => eb.or([eb('C.CLS_FOOD', 'is', null), eb('P.DC_PRICE', 'is', null), eb('L.THUMB_IMG_URL', 'not like', `${BASE}/demo-images/%`)]))
      .execute();
    expect(orphans).toEqual([]);
  });

  it('adds only the missing days when run again later, and leaves real data alone', async () => {
    await seedHomeshoppingDemo(db(), { now: new Date('2026-03-02T03:00:00Z'), imageBase: BASE });
    expect((await seedHomeshoppingDemo(db(), { now: new Date('2026-03-02T04:00:00Z'), imageBase: BASE })).slots).toBe(0);
    expect((await seedHomeshoppingDemo(db(), { now: new Date('2026-03-03T03:00:00Z'), imageBase: BASE })).slots).toBe(5 * 24 * 2);

    await t.reset();
    await db().kysely.insertInto('FCT_HOMESHOPPING_LIST').values({ LIVE_ID: 1, HOMESHOPPING_ID: 1, LIVE_DATE: '2025-08-06', PROMOTION_TYPE: 'main', PRODUCT_ID: 1 }).execute();
    expect((await seedHomeshoppingDemo(db(), { now: new Date('2026-03-02T03:00:00Z'), imageBase: BASE })).slots).toBe(0);
  });
});
