// The demo home-shopping schedule of the embedded mode: food products on channels 1–5, one broadcast an hour
// around the clock (the 23:00 one runs past midnight), for yesterday to the day after tomorrow in KST. Seeding is
// idempotent and relative to the clock, so re-running it each day keeps "today" filled while a demo runs for days.
import type { Insertable } from 'kysely';
import { demoImageUrl } from '../modules/demo-media/card.js';
import type { HomeshoppingTables } from '../modules/homeshopping/tables.js';
import { kstDate, shiftDate } from '../platform/clock/kst.js';
import type { Db } from '../platform/db/connect.js';
import { ignoreDuplicates } from '../platform/db/dialect.js';

/** Demo ids stay far from real ones: products above the broadcasters' 8-digit codes, slots above 500 million. */
const PRODUCT_BASE = 95_000_000;
const CHILD_BASE = 960_000_000;
const LIVE_BASE = 500_000_000;
const CHANNELS = [1, 2, 3, 4, 5] as const;
const DAYS = [-1, 0, 1, 2] as const;
const DAY_MS = 86_400_000;

interface DemoProduct {
  name: string;
  category: string;
  /** HOMESHOPPING_CLASSIFY.CLS_ING: 1 = raw ingredient, 0 = finished product. */
  ing: 0 | 1;
  price: number;
  rate: number;
  origin: string;
}

const PRODUCTS: readonly DemoProduct[] = [
  { name: '[산지직송] 제주 은갈치 4미', category: '수산', ing: 1, price: 89_000, rate: 30, origin: '국내산 (제주)' },
  { name: '한우 1++ 등심 선물세트 1.2kg', category: '정육', ing: 1, price: 159_000, rate: 20, origin: '국내산 (한우)' },
  { name: '국내산 포기김치 10kg', category: '김치', ing: 0, price: 69_900, rate: 25, origin: '배추: 국내산' },
  { name: '완도 활전복 20미', category: '수산', ing: 1, price: 59_900, rate: 15, origin: '국내산 (완도)' },
  { name: '한돈 삼겹살 목살 2kg', category: '정육', ing: 1, price: 49_900, rate: 10, origin: '국내산 (한돈)' },
  { name: '왕새우 튀김 1kg 2팩', category: '간편식', ing: 0, price: 39_900, rate: 35, origin: '새우: 베트남산' },
  { name: '사골곰탕 500g 20팩', category: '간편식', ing: 0, price: 45_900, rate: 40, origin: '우사골: 국내산' },
  { name: '성주 꿀참외 5kg', category: '과일', ing: 1, price: 34_900, rate: 10, origin: '국내산 (경북 성주)' },
  { name: '청송 부사 사과 5kg', category: '과일', ing: 1, price: 39_900, rate: 20, origin: '국내산 (경북 청송)' },
  { name: '손질 고등어 20팩', category: '수산', ing: 1, price: 44_900, rate: 30, origin: '노르웨이산' },
  { name: '해남 꿀고구마 10kg', category: '채소', ing: 1, price: 29_900, rate: 15, origin: '국내산 (전남 해남)' },
  { name: '의성 깐마늘 2kg', category: '채소', ing: 1, price: 24_900, rate: 10, origin: '국내산 (의성)' },
  { name: '통영 생굴 1kg 3팩', category: '수산', ing: 1, price: 36_900, rate: 20, origin: '국내산 (통영)' },
  { name: '수제 떡갈비 20장', category: '간편식', ing: 0, price: 42_900, rate: 45, origin: '돼지고기: 국내산' },
  { name: '무항생제 유정란 60구', category: '축산', ing: 1, price: 27_900, rate: 10, origin: '국내산' },
  { name: '왕교자 만두 1.05kg 4봉', category: '간편식', ing: 0, price: 32_900, rate: 30, origin: '돼지고기: 국내산' },
  { name: '태양초 고추장 3kg', category: '장류', ing: 1, price: 38_900, rate: 20, origin: '고춧가루: 국내산' },
  { name: '햅쌀 신동진 20kg', category: '쌀', ing: 1, price: 67_900, rate: 15, origin: '국내산 (전북)' },
  { name: '제주 한라봉 5kg', category: '과일', ing: 1, price: 49_900, rate: 25, origin: '국내산 (제주)' },
  { name: '양념 LA갈비 3kg', category: '정육', ing: 0, price: 79_900, rate: 35, origin: '소고기: 미국산' },
  { name: '생 표고버섯 2kg', category: '채소', ing: 1, price: 29_900, rate: 10, origin: '국내산 (장흥)' },
  { name: '저온압착 참기름 500ml 3병', category: '오일', ing: 1, price: 45_900, rate: 20, origin: '참깨: 국내산' },
  { name: '떡볶이 밀키트 8인분', category: '간편식', ing: 0, price: 25_900, rate: 40, origin: '쌀떡: 국내산' },
  { name: '자연산 대게 2kg', category: '수산', ing: 1, price: 129_000, rate: 25, origin: '러시아산' },
];

const STORES = ['해담찬', '바다의선물', '한우명가', '산들농원', '남도식품', '청정들녘'] as const;

type Rows = {
  FCT_HOMESHOPPING_PRODUCT_INFO: Insertable<HomeshoppingTables['FCT_HOMESHOPPING_PRODUCT_INFO']>[];
  HOMESHOPPING_CLASSIFY: Insertable<HomeshoppingTables['HOMESHOPPING_CLASSIFY']>[];
  FCT_HOMESHOPPING_DETAIL_INFO: Insertable<HomeshoppingTables['FCT_HOMESHOPPING_DETAIL_INFO']>[];
  FCT_HOMESHOPPING_IMG_URL: Insertable<HomeshoppingTables['FCT_HOMESHOPPING_IMG_URL']>[];
  FCT_HOMESHOPPING_LIST: Insertable<HomeshoppingTables['FCT_HOMESHOPPING_LIST']>[];
};

const hh = (hour: number) => `${String(hour % 24).padStart(2, '0')}:00:00`;
const discounted = (p: DemoProduct) => Math.round((p.price * (100 - p.rate)) / 100 / 100) * 100;

function catalogueRows(imageBase: string): Omit<Rows, 'FCT_HOMESHOPPING_LIST'> {
  const rows: Omit<Rows, 'FCT_HOMESHOPPING_LIST'> = { FCT_HOMESHOPPING_PRODUCT_INFO: [], HOMESHOPPING_CLASSIFY: [], FCT_HOMESHOPPING_DETAIL_INFO: [], FCT_HOMESHOPPING_IMG_URL: [] };
  PRODUCTS.forEach((p, i) => {
    const id = PRODUCT_BASE + i + 1;
    rows.FCT_HOMESHOPPING_PRODUCT_INFO.push({ PRODUCT_ID: id, STORE_NAME: STORES[i % STORES.length], SALE_PRICE: p.price, DC_RATE: p.rate, DC_PRICE: discounted(p) });
    rows.HOMESHOPPING_CLASSIFY.push({ PRODUCT_ID: id, PRODUCT_NAME: p.name, CLS_FOOD: 1, CLS_ING: p.ing });
    const notice: Array<[string, string]> = [['원산지', p.origin], ['식품의 유형', p.category], ['판매원', STORES[i % STORES.length]]];
    notice.forEach(([col, val], k) => rows.FCT_HOMESHOPPING_DETAIL_INFO.push({ DETAIL_ID: CHILD_BASE + (i + 1) * 10 + k, PRODUCT_ID: id, DETAIL_COL: col, DETAIL_VAL: val }));
    for (let k = 0; k < 2; k++) {
      rows.FCT_HOMESHOPPING_IMG_URL.push({ IMG_ID: CHILD_BASE + (i + 1) * 10 + k, PRODUCT_ID: id, SORT_ORDER: k, IMG_URL: demoImageUrl(imageBase, `${p.name} (${k + 1})`, p.category) });
    }
  });
  return rows;
}

/** The slots of one KST day: per channel and hour a `main` product and a `sub` one, chosen deterministically. */
function daySlots(kstDay: string, imageBase: string): Rows['FCT_HOMESHOPPING_LIST'] {
  const dayIndex = Math.round(Date.parse(`${kstDay}T00:00:00Z`) / DAY_MS);
  const slots: Rows['FCT_HOMESHOPPING_LIST'] = [];
  for (const channel of CHANNELS) {
    for (let hour = 0; hour < 24; hour++) {
      const main = (dayIndex * 7 + channel * 5 + hour * 3) % PRODUCTS.length;
      for (const [k, index] of [main, (main + 11) % PRODUCTS.length].entries()) {
        const p = PRODUCTS[index];
        slots.push({
          LIVE_ID: LIVE_BASE + dayIndex * 1000 + channel * 100 + hour * 2 + k,
          HOMESHOPPING_ID: channel,
          LIVE_DATE: kstDay,
          LIVE_START_TIME: hh(hour),
          LIVE_END_TIME: hh(hour + 1),
          PROMOTION_TYPE: k === 0 ? 'main' : 'sub',
          PRODUCT_ID: PRODUCT_BASE + index + 1,
          PRODUCT_NAME: p.name,
          THUMB_IMG_URL: demoImageUrl(imageBase, p.name, p.category),
          SCHEDULED_OR_CANCELLED: 1,
        });
      }
    }
  }
  return slots;
}

/**
 * Adds the demo products and the schedule of the days around `now` (KST) that are missing; returns the slots
 * added. Does nothing when real (non-demo) broadcasts exist: imported data is never mixed with the demo.
 */
export async function seedHomeshoppingDemo(db: Db<HomeshoppingTables>, options: { now: Date; imageBase: string }): Promise<{ slots: number }> {
  const real = await db.kysely.selectFrom('FCT_HOMESHOPPING_LIST').select('LIVE_ID').where('LIVE_ID', '<', LIVE_BASE).limit(1).executeTakeFirst();
  if (real) return { slots: 0 };
  const today = kstDate(options.now);
  const days = DAYS.map((d) => shiftDate(today, d));
  const rows: Rows = { ...catalogueRows(options.imageBase), FCT_HOMESHOPPING_LIST: days.flatMap((day) => daySlots(day, options.imageBase)) };
  let slots = 0;
  await db.kysely.transaction().execute(async (trx) => {
    for (const table of Object.keys(rows) as Array<keyof Rows>) {
      // Kysely cannot relate a generic table name to its row type; Rows ties them together instead.
      const result = await ignoreDuplicates(db.kind, trx.insertInto(table).values(rows[table] as never)).executeTakeFirst();
      if (table === 'FCT_HOMESHOPPING_LIST') slots = Number(result.numInsertedOrUpdatedRows ?? 0);
    }
  });
  return { slots };
}
