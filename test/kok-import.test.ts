// KOK product tooling: the CSV import (real file and a synthetic one for the rules) and the demo catalogue seeder.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importKokProducts, REJECT_REASONS } from '../src/import/kok-products.js';
import { tablesOf, type Db } from '../src/platform/db/connect.js';
import type { KokTables } from '../src/modules/kok/tables.js';
import { seedKokDemo } from '../src/seed/kok-demo.js';
import { startApp, type TestApp } from './helpers/app.js';

const REAL_CSV = resolve(import.meta.dirname, '../../shared/data/uhok-data/kok_modify_labeled_only_food.csv');
const haveRealCsv = existsSync(REAL_CSV);
if (!haveRealCsv) console.warn(`skipping the real KOK import tests: ${REAL_CSV} is absent`);

const KOK_TABLES = ['FCT_KOK_PRODUCT_INFO', 'FCT_KOK_PRICE_INFO', 'FCT_KOK_IMAGE_INFO', 'FCT_KOK_DETAIL_INFO', 'FCT_KOK_REVIEW_EXAMPLE', 'KOK_CLASSIFY'] as const;
type KokTable = (typeof KOK_TABLES)[number];

let t: TestApp;
let db: Db<KokTables>;

beforeAll(async () => {
  t = await startApp();
  db = tablesOf(t.ctx.dbs.service).owned<KokTables>();
});
afterAll(async () => t?.close());
beforeEach(async () => t.reset());

async function count(table: KokTable): Promise<number> {
  const row = await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function counts(): Promise<Record<KokTable, number>> {
  const out = {} as Record<KokTable, number>;
  for (const table of KOK_TABLES) out[table] = await count(table);
  return out;
}

function product(id: number) {
  return db.kysely.selectFrom('FCT_KOK_PRODUCT_INFO').selectAll().where('KOK_PRODUCT_ID', '=', id).executeTakeFirst();
}

function classify(id: number) {
  return db.kysely.selectFrom('KOK_CLASSIFY').select(['STORE_NAME', 'PRODUCT_NAME', 'CLS_ING']).where('PRODUCT_ID', '=', id).executeTakeFirst();
}

describe.skipIf(!haveRealCsv)('import of the real KOK product CSV', () => {
  it('loads every row, strips the store prefix, labels, prices and is idempotent', { timeout: 180_000 }, async () => {
    const progress: number[] = [];
    const summary = await importKokProducts(db, REAL_CSV, { onProgress: (done, total) => progress.push(done / total) });
    // 4,156 rows, all with a numeric id and a name; the two shifted rows (text in CONF) load like the others;
    // 18 rows have no price, so they get no baseline snapshot.
    expect(summary).toEqual({ read: 4156, written: 4156, rejected: 0, reasons: {}, baselinePrices: 4138 });
    expect(progress.at(-1)).toBe(1);
    const first = await counts();
    expect(first).toMatchObject({ FCT_KOK_PRODUCT_INFO: 4156, KOK_CLASSIFY: 4156, FCT_KOK_PRICE_INFO: 4138 });

    // `뉴트리원[뉴트리원] 차주영 …` from store 뉴트리원, one of the two shifted rows.
    expect(await product(1471015)).toMatchObject({
      KOK_STORE_NAME: '뉴트리원',
      KOK_PRODUCT_NAME: '[뉴트리원] 차주영 비비랩 저분자 콜라겐 (30포/80포 4종 택1)',
      KOK_PRODUCT_PRICE: 67900,
      KOK_REVIEW_SCORE: 4.6,
      KOK_REVIEW_CNT: 74,
    });
    expect(await product(1471132)).toMatchObject({
      KOK_STORE_NAME: '오트리푸드빌리지',
      KOK_PRODUCT_NAME: '[오트리] 실속 선물세트 2호',
      KOK_PRODUCT_PRICE: 38000,
      KOK_REVIEW_SCORE: null,
      KOK_REVIEW_CNT: null,
    });
    expect(await classify(1471015)).toEqual({ STORE_NAME: '뉴트리원', PRODUCT_NAME: '[뉴트리원] 차주영 비비랩 저분자 콜라겐 (30포/80포 4종 택1)', CLS_ING: 0 });
    expect(await classify(1471132)).toMatchObject({ CLS_ING: 1 });
    const labels = await db.kysely.selectFrom('KOK_CLASSIFY').select(['CLS_ING', (eb) => eb.fn.countAll().as('n')]).groupBy('CLS_ING').execute();
    expect(Object.fromEntries(labels.map((l) => [l.CLS_ING, Number(l.n)]))).toEqual({ 1: 2394, 0: 1762 });
    const baseline = await db.kysely.selectFrom('FCT_KOK_PRICE_INFO').selectAll().where('KOK_PRODUCT_ID', '=', 1471015).execute();
    expect(baseline).toEqual([{ KOK_PRICE_ID: 1471015, KOK_PRODUCT_ID: 1471015, KOK_DISCOUNT_RATE: 0, KOK_DISCOUNTED_PRICE: 67900 }]);

    const again = await importKokProducts(db, REAL_CSV, {});
    expect(again).toEqual({ ...summary, baselinePrices: 0 });
    expect(await counts()).toEqual(first);
  });
});

describe('import rules on a synthetic CSV', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kok-import-'));
  const csv = (lines: string[]) => {
    const path = join(dir, `kok-${lines.length}-${Date.now()}.csv`);
    const header = 'KOK_PRODUCT_ID,KOK_PRODUCT_NAME,KOK_STORE_NAME,KOK_PRODUCT_PRICE,KOK_REVIEW_SCORE,KOK_REVIEW_CNT,IS_ING_PRED,CONF,LABEL_SOURCE';
    writeFileSync(path, `\uFEFF${[header, ...lines].join('\r\n')}\r\n`);
    return path;
  };

  it('rejects rows without a usable id or name, counting each reason', async () => {
    const path = csv([
      ',이름,가게,1000,,,식재료,0.9,seed',
      'abc,이름,가게,1000,,,식재료,0.9,seed',
      '12a,이름,가게,1000,,,식재료,0.9,seed',
      '2147483648,이름,가게,1000,,,식재료,0.9,seed',
      '11,  ,가게,1000,,,식재료,0.9,seed',
      `17,${'가'.repeat(301)},가게,1000,,,식재료,0.9,seed`,
      '10,정상 상품,가게,1000,,,식재료,0.9,seed',
      '10,같은 id,가게,2000,,,식재료,0.9,seed',
    ]);
    const summary = await importKokProducts(db, path, { batchSize: 2 });
    expect(summary).toEqual({
      read: 8,
      written: 1,
      rejected: 7,
      reasons: {
        [REJECT_REASONS.missingId]: 1,
        [REJECT_REASONS.nonNumericId]: 2,
        [REJECT_REASONS.idOutOfRange]: 1,
        [REJECT_REASONS.emptyName]: 1,
        [REJECT_REASONS.tooLong]: 1,
        [REJECT_REASONS.duplicateId]: 1,
      },
      baselinePrices: 1,
    });
    expect(await product(10)).toMatchObject({ KOK_PRODUCT_NAME: '정상 상품', KOK_PRODUCT_PRICE: 1000 });
  });

  it('converts numbers with STR_TO_NUM, reads quoted fields and cleans names', async () => {
    const path = csv([
      '13,"가게두부 ""특가"", 국산콩",가게두부,"1,200원",4.5점,"1,234",식재료,0.5,seed',
      '14,가게,가게,99999999999,,,완제품,0.1,seed',
      '15,이름만,,1.2.3,abc,-7,?,식재료,완제품',
      '16,이미 가격 있음,,5000,,,완제품,0.3,seed',
    ]);
    // Product 16 already has a (discounted) snapshot: the import must not add a baseline next to it.
    await db.kysely.insertInto('FCT_KOK_PRICE_INFO').values({ KOK_PRICE_ID: 500, KOK_PRODUCT_ID: 16, KOK_DISCOUNT_RATE: 10, KOK_DISCOUNTED_PRICE: 4500 }).execute();
    const summary = await importKokProducts(db, path, {});
    expect(summary).toMatchObject({ read: 4, written: 4, rejected: 0, baselinePrices: 2 });

    // Digits and dots kept: "1,200원" → 1200, "4.5점" → 4.5; the store prefix goes, the quotes stay.
    expect(await product(13)).toMatchObject({ KOK_STORE_NAME: '가게두부', KOK_PRODUCT_NAME: '"특가", 국산콩', KOK_PRODUCT_PRICE: 1200, KOK_REVIEW_SCORE: 4.5, KOK_REVIEW_CNT: 1234 });
    // ≥ 2147483647 → 0; a name that is only the store name stays the store name.
    expect(await product(14)).toMatchObject({ KOK_PRODUCT_NAME: '가게', KOK_PRODUCT_PRICE: 0 });
    // Unparsable → NULL; the minus sign is not a digit, so "-7" → 7; an unknown label → NULL; no store → NULL.
    expect(await product(15)).toMatchObject({ KOK_STORE_NAME: null, KOK_PRODUCT_PRICE: null, KOK_REVIEW_SCORE: null, KOK_REVIEW_CNT: 7 });
    expect(await classify(15)).toEqual({ STORE_NAME: null, PRODUCT_NAME: '이름만', CLS_ING: null });

    const prices = await db.kysely.selectFrom('FCT_KOK_PRICE_INFO').selectAll().orderBy('KOK_PRICE_ID').execute();
    expect(prices).toEqual([
      { KOK_PRICE_ID: 13, KOK_PRODUCT_ID: 13, KOK_DISCOUNT_RATE: 0, KOK_DISCOUNTED_PRICE: 1200 },
      { KOK_PRICE_ID: 14, KOK_PRODUCT_ID: 14, KOK_DISCOUNT_RATE: 0, KOK_DISCOUNTED_PRICE: 0 },
      { KOK_PRICE_ID: 500, KOK_PRODUCT_ID: 16, KOK_DISCOUNT_RATE: 10, KOK_DISCOUNTED_PRICE: 4500 },
    ]);
  });

  it('updates changed rows in place on a re-import', async () => {
    await importKokProducts(db, csv(['20,가게 옛 이름,가게,1000,4.0,3,식재료,0.9,seed']), {});
    await importKokProducts(db, csv(['20,가게 새 이름,가게,1500,4.5,9,완제품,0.9,seed']), {});
    expect(await product(20)).toMatchObject({ KOK_PRODUCT_NAME: '새 이름', KOK_PRODUCT_PRICE: 1500, KOK_REVIEW_SCORE: 4.5, KOK_REVIEW_CNT: 9 });
    expect(await classify(20)).toEqual({ STORE_NAME: '가게', PRODUCT_NAME: '새 이름', CLS_ING: 0 });
    // The baseline snapshot of the first import stays the product's only price row.
    expect(await count('FCT_KOK_PRICE_INFO')).toBe(1);
  });
});

const BASE = 'http://demo.test:9000';

describe('seedKokDemo', () => {
  async function namesById(): Promise<Map<number, string | null>> {
    const rows = await db.kysely.selectFrom('FCT_KOK_PRODUCT_INFO').select(['KOK_PRODUCT_ID', 'KOK_PRODUCT_NAME']).execute();
    return new Map(rows.map((r) => [r.KOK_PRODUCT_ID, r.KOK_PRODUCT_NAME]));
  }

  it('fills an empty catalogue with priced, illustrated, described products', async () => {
    expect(await seedKokDemo(db, { products: 200, imageBase: BASE })).toEqual({ products: 200 });
    const c = await counts();
    expect(c.FCT_KOK_PRODUCT_INFO).toBe(200);
    expect(c.KOK_CLASSIFY).toBe(200);
    expect(c.FCT_KOK_PRICE_INFO).toBeGreaterThan(200); // some products have an older snapshot too

    const perProduct = await db.kysely
      .selectFrom('FCT_KOK_PRODUCT_INFO as p')
      .select((eb) => [
        'p.KOK_PRODUCT_ID',
        'p.KOK_THUMBNAIL',
        eb.selectFrom('FCT_KOK_PRICE_INFO as x').select((e) => e.fn.countAll().as('n')).whereRef('x.KOK_PRODUCT_ID', '=', 'p.KOK_PRODUCT_ID').as('prices'),
        eb.selectFrom('FCT_KOK_IMAGE_INFO as i').select((e) => e.fn.countAll().as('n')).whereRef('i.KOK_PRODUCT_ID', '=', 'p.KOK_PRODUCT_ID').as('images'),
        eb.selectFrom('FCT_KOK_DETAIL_INFO as d').select((e) => e.fn.countAll().as('n')).whereRef('d.KOK_PRODUCT_ID', '=', 'p.KOK_PRODUCT_ID').as('details'),
        eb.selectFrom('FCT_KOK_REVIEW_EXAMPLE as r').select((e) => e.fn.countAll().as('n')).whereRef('r.KOK_PRODUCT_ID', '=', 'p.KOK_PRODUCT_ID').as('reviews'),
      ])
      .execute();
    for (const p of perProduct) {
      expect(p.KOK_PRODUCT_ID).toBeGreaterThan(90_000_000);
      expect(p.KOK_THUMBNAIL).toMatch(/^http:\/\/demo\.test:9000\/demo-images\/card\.svg\?title=.+&category=.+$/);
      expect(Number(p.prices)).toBeGreaterThanOrEqual(1);
      expect(Number(p.prices)).toBeLessThanOrEqual(2);
      expect(Number(p.images)).toBeGreaterThanOrEqual(1);
      expect(Number(p.images)).toBeLessThanOrEqual(3);
      expect(Number(p.details)).toBeGreaterThanOrEqual(3);
      expect(Number(p.details)).toBeLessThanOrEqual(6);
      expect(Number(p.reviews)).toBeLessThanOrEqual(5);
    }

    // The current snapshot is the largest price id per product; about half of them are discounted.
    const current = await db.kysely
      .selectFrom('FCT_KOK_PRICE_INFO as x')
      .innerJoin('FCT_KOK_PRODUCT_INFO as p', 'p.KOK_PRODUCT_ID', 'x.KOK_PRODUCT_ID')
      .select(['x.KOK_DISCOUNT_RATE', 'x.KOK_DISCOUNTED_PRICE', 'p.KOK_PRODUCT_PRICE'])
      .where('x.KOK_PRICE_ID', '=', (eb) => eb.selectFrom('FCT_KOK_PRICE_INFO as y').select((e) => e.fn.max('y.KOK_PRICE_ID').as('m')).whereRef('y.KOK_PRODUCT_ID', '=', 'x.KOK_PRODUCT_ID'))
      .execute();
    expect(current).toHaveLength(200);
    const onSale = current.filter((r) => r.KOK_DISCOUNT_RATE! > 0);
    expect(onSale.length).toBeGreaterThan(60);
    expect(onSale.length).toBeLessThan(140);
    for (const r of onSale) {
      expect(r.KOK_DISCOUNT_RATE).toBeGreaterThanOrEqual(5);
      expect(r.KOK_DISCOUNT_RATE).toBeLessThanOrEqual(60);
      expect(r.KOK_DISCOUNTED_PRICE).toBeLessThan(r.KOK_PRODUCT_PRICE!);
    }
  });

  it('is deterministic and leaves a non-empty catalogue alone', async () => {
    await seedKokDemo(db, { products: 200, imageBase: BASE });
    const first = await namesById();
    const before = await counts();
    expect(await seedKokDemo(db, { products: 200, imageBase: BASE })).toEqual({ products: 0 });
    expect(await counts()).toEqual(before);

    await t.reset();
    await seedKokDemo(db, { products: 200, imageBase: BASE });
    expect(await namesById()).toEqual(first);
  });

  it('gives demo rows of an earlier version (random-photo URLs) the server\'s own pictures, and leaves real rows alone', async () => {
    await seedKokDemo(db, { products: 20, imageBase: BASE });
    await db.kysely.updateTable('FCT_KOK_PRODUCT_INFO').set({ KOK_THUMBNAIL: 'https://picsum.photos/seed/x/600/600' }).execute();
    await db.kysely.updateTable('FCT_KOK_IMAGE_INFO').set({ KOK_IMG_URL: 'https://picsum.photos/seed/y/600/900' }).execute();
    await db.kysely.insertInto('FCT_KOK_PRODUCT_INFO').values({ KOK_PRODUCT_ID: 7, KOK_THUMBNAIL: 'https://picsum.photos/real.jpg' }).execute();
    expect(await seedKokDemo(db, { imageBase: BASE })).toEqual({ products: 0 });
    const thumbs = await db.kysely.selectFrom('FCT_KOK_PRODUCT_INFO').select(['KOK_PRODUCT_ID', 'KOK_THUMBNAIL']).execute();
    for (const r of thumbs) expect(r.KOK_THUMBNAIL!.startsWith(r.KOK_PRODUCT_ID === 7 ? 'https://picsum.photos/' : `${BASE}/demo-images/`)).toBe(true);
    const images = await db.kysely.selectFrom('FCT_KOK_IMAGE_INFO').select('KOK_IMG_URL').execute();
    expect(images.every((r) => r.KOK_IMG_URL!.startsWith(`${BASE}/demo-images/`))).toBe(true);
  });

  it('does nothing when imported products exist', async () => {
    await db.kysely.insertInto('FCT_KOK_PRODUCT_INFO').values({ KOK_PRODUCT_ID: 1, KOK_PRODUCT_NAME: '실제 상품' }).execute();
    expect(await seedKokDemo(db, { imageBase: BASE })).toEqual({ products: 0 });
    expect(await count('FCT_KOK_PRODUCT_INFO')).toBe(1);
  });
});
