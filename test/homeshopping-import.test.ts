// The broadcast-schedule CSV import: the real files (data README §1.1, §1.2) and the parsing rules of schema §6.3.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importHomeshoppingSchedule, parseLiveTime, priceOf, SCHEDULE_REJECT_REASONS } from '../src/import/homeshopping-schedule.js';
import type { HomeshoppingTables } from '../src/modules/homeshopping/tables.js';
import { tablesOf, type Db } from '../src/platform/db/connect.js';
import { startApp, type TestApp } from './helpers/app.js';

const DATA = resolve(import.meta.dirname, '../../shared/data/uhok-data');
const MODIFY = join(DATA, 'ODS_HOMESHOPPING_LIST_MODIFY.csv');
const LABELLED = join(DATA, 'ODS_HOMESHOPPING_LIST_WITH_LABELS_thr06.csv');
const haveData = existsSync(MODIFY) && existsSync(LABELLED);
if (!haveData) console.warn(`skipping the real schedule import tests: ${DATA} is absent`);

let t: TestApp;
let db: Db<HomeshoppingTables>;
beforeAll(async () => {
  t = await startApp();
  db = tablesOf(t.ctx.dbs.service).owned<HomeshoppingTables>();
});
afterAll(async () => t?.close());
beforeEach(async () => t.reset());

const count = async (table: keyof HomeshoppingTables) =>
  Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('parsing rules', () => {
  it('reads time ranges with or without spaces, other tildes and NBSP; bad ones are NULL', () => {
    expect(parseLiveTime('01:00 ~ 02:00')).toEqual({ start: '01:00:00', end: '02:00:00' });
    expect(parseLiveTime('23:55~01:00')).toEqual({ start: '23:55:00', end: '01:00:00' });
    expect(parseLiveTime('9:05\u00a0～\u200b 10:00')).toEqual({ start: '09:05:00', end: '10:00:00' });
    expect(parseLiveTime('25:00 ~ 26:00')).toEqual({ start: null, end: null });
    expect(parseLiveTime('방송 중')).toEqual({ start: null, end: null });
  });

  it('keeps the digits of a price; unparsable is 0', () => {
    expect(priceOf('49,900')).toBe(49900);
    expect(priceOf('49900.0')).toBe(49900);
    expect(priceOf('5%')).toBe(5);
    expect(priceOf('상담 예약 상품')).toBe(0);
    expect(priceOf(undefined)).toBe(0);
  });
});

describe.runIf(haveData)('real schedule files', () => {
  it('loads every slot, products without the clamped id, and food labels; a second run changes nothing', { timeout: 60_000 }, async () => {
    const first = await importHomeshoppingSchedule(db, MODIFY);
    expect(first).toMatchObject({ read: 2391, rejected: 0, written: 2391, alreadyPresent: 0 });
    expect(await count('FCT_HOMESHOPPING_LIST')).toBe(2391);
    // The clamped Hyundai code names no product: kept in the schedule, never in the product tables.
    expect(await db.kysely.selectFrom('FCT_HOMESHOPPING_PRODUCT_INFO').select('PRODUCT_ID').where('PRODUCT_ID', '=', 2147483647).execute()).toEqual([]);
    expect(await count('FCT_HOMESHOPPING_PRODUCT_INFO')).toBe(first.products);
    const food = await db.kysely.selectFrom('HOMESHOPPING_CLASSIFY').select('PRODUCT_ID').where('CLS_FOOD', '=', 1).execute();
    expect(food.length).toBeGreaterThan(0);

    // Channel 1 writes "49,900" and no DC_PRICE.
    const slot = await db.kysely.selectFrom('FCT_HOMESHOPPING_LIST').selectAll().where('LIVE_ID', '=', 1).executeTakeFirstOrThrow();
    expect(slot).toMatchObject({ HOMESHOPPING_ID: 1, LIVE_DATE: '2025-08-06', LIVE_START_TIME: '01:00:00', LIVE_END_TIME: '02:00:00', PROMOTION_TYPE: 'main', PRODUCT_ID: 65415766 });
    expect(slot.PRODUCT_NAME).not.toMatch(/\s{2}|\s$/);
    const price = await db.kysely.selectFrom('FCT_HOMESHOPPING_PRODUCT_INFO').selectAll().where('PRODUCT_ID', '=', 65415766).executeTakeFirstOrThrow();
    expect(price).toMatchObject({ SALE_PRICE: 49900, DC_PRICE: 0, DC_RATE: 0 });
    // Ranges crossing midnight keep an end before the start, with or without spaces around the tilde.
    const crossing = await db.kysely.selectFrom('FCT_HOMESHOPPING_LIST').select(['LIVE_ID', 'LIVE_START_TIME', 'LIVE_END_TIME']).where('LIVE_ID', 'in', [104, 256]).orderBy('LIVE_ID').execute();
    expect(crossing).toEqual([
      { LIVE_ID: 104, LIVE_START_TIME: '23:55:00', LIVE_END_TIME: '01:00:00' },
      { LIVE_ID: 256, LIVE_START_TIME: '23:55:00', LIVE_END_TIME: '01:00:00' },
    ]);
    const times = await db.kysely.selectFrom('FCT_HOMESHOPPING_LIST').select('LIVE_START_TIME').where('LIVE_START_TIME', 'is', null).execute();
    expect(times).toEqual([]);

    const again = await importHomeshoppingSchedule(db, MODIFY);
    expect(again).toMatchObject({ read: 2391, written: 0, alreadyPresent: 2391 });
    expect(await count('FCT_HOMESHOPPING_LIST')).toBe(2391);
  });

  it('the labelled variant adds ingredient labels, and a later unlabelled import keeps them', { timeout: 60_000 }, async () => {
    const labelled = await importHomeshoppingSchedule(db, LABELLED);
    expect(labelled).toMatchObject({ read: 438, rejected: 0, written: 438 });
    const ing = async () => (await db.kysely.selectFrom('HOMESHOPPING_CLASSIFY').select('PRODUCT_ID').where('CLS_ING', '=', 1).execute()).length;
    const before = await ing();
    expect(before).toBeGreaterThan(0);
    await importHomeshoppingSchedule(db, MODIFY);
    expect(await ing()).toBe(before);
    expect(await count('FCT_HOMESHOPPING_LIST')).toBe(2391);
  });
});

describe('bad rows', () => {
  it('are counted by reason and never stop the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uhok-hs-import-'));
    const file = join(dir, 'schedule.csv');
    const header = 'LIVE_ID,HOMESHOPPING_ID,LIVE_DATE,LIVE_TIME,PROMOTION_TYPE,LIVE_TITLE,PRODUCT_ID,PRODUCT_NAME,SALE_PRICE,DC_PRICE,DC_RATE,THUMB_IMG_URL,IS_FOOD';
    const rows = [
      '10,1,20250806,10:00 ~ 11:00,main,,111,김치 5kg,"39,900",,,https://example.com/a.jpg,식품',
      'x,1,20250806,10:00 ~ 11:00,main,,112,a,1,1,1,,식품',
      '11,99,20250806,10:00 ~ 11:00,main,,113,b,1,1,1,,식품',
      '12,1,2025-08-06,10:00 ~ 11:00,main,,114,c,1,1,1,,식품',
      '13,1,20250806,10:00 ~ 11:00,extra,,115,d,1,1,1,,식품',
      '14,1,20250806,10:00 ~ 11:00,main,,,e,1,1,1,,식품',
      '10,1,20250807,10:00 ~ 11:00,main,,116,f,1,1,1,,식품',
      '99999999999,1,20250806,10:00 ~ 11:00,main,,117,g,1,1,1,,식품',
      '15,2,20250806,bad time,sub,,118,h,1,1,1,,비식품',
    ];
    writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
    const summary = await importHomeshoppingSchedule(db, file);
    expect(summary).toMatchObject({ read: 9, written: 2, rejected: 7 });
    expect(summary.reasons).toEqual({
      [SCHEDULE_REJECT_REASONS.missingLiveId]: 1,
      [SCHEDULE_REJECT_REASONS.badChannel]: 1,
      [SCHEDULE_REJECT_REASONS.badDate]: 1,
      [SCHEDULE_REJECT_REASONS.badPromotion]: 1,
      [SCHEDULE_REJECT_REASONS.badProductId]: 1,
      [SCHEDULE_REJECT_REASONS.duplicateSlot]: 1,
      [SCHEDULE_REJECT_REASONS.liveIdOutOfRange]: 1,
    });
    const slot = await db.kysely.selectFrom('FCT_HOMESHOPPING_LIST').selectAll().where('LIVE_ID', '=', 15).executeTakeFirstOrThrow();
    expect(slot).toMatchObject({ LIVE_START_TIME: null, LIVE_END_TIME: null, PROMOTION_TYPE: 'sub' });
  });
});
