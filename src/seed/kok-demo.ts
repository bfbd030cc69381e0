// The demo KOK catalogue of the embedded mode: a few thousand plausible Korean food products generated from the
// word lists below (never from the real mall data), with prices, price history, images, notices, reviews and
// classification labels, so every KOK screen has something to show on the first start.
import type { Insertable, Kysely } from 'kysely';
import type { Db } from '../platform/db/connect.js';
import { demoImageUrl } from '../modules/demo-media/card.js';
import type { KokTables } from '../modules/kok/tables.js';

/** Demo product n (1-based) gets id 90_000_000 + n: far above the real mall codes (≤ ~10.1 million). */
const PRODUCT_BASE = 90_000_000;
/** Current price id = product id; an older snapshot gets 80_000_000 + n (smaller id = older, schema §3.3). */
const OLD_PRICE_BASE = 80_000_000;
/** Image, notice and review ids: 900_000_000 + n * 10 + k (k < 10 rows per product and table). */
const CHILD_BASE = 900_000_000;
const BATCH = 500;

/** mulberry32: a tiny seeded PRNG; seeding it per product makes product n the same whatever the count. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const between = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

type Storage = '냉장' | '냉동' | '실온';
interface Item {
  name: string;
  /** Food type shown in the product notice. */
  type: string;
  /** KOK_CLASSIFY.CLS_ING: 1 = raw ingredient, 0 = finished product. */
  ing: 0 | 1;
  storage: Storage;
  /** Size label and its list price in won. */
  sizes: ReadonlyArray<readonly [string, number]>;
  origin: readonly string[];
}

const ITEMS: readonly Item[] = [
  { name: '포기김치', type: '배추김치', ing: 0, storage: '냉장', sizes: [['3kg', 24900], ['5kg', 37900], ['10kg', 69900]], origin: ['배추: 국내산', '고춧가루: 국내산'] },
  { name: '총각김치', type: '김치류', ing: 0, storage: '냉장', sizes: [['2kg', 21900], ['5kg', 44900]], origin: ['무: 국내산'] },
  { name: '햇반 백미밥', type: '즉석조리식품', ing: 0, storage: '실온', sizes: [['210g x 12개', 15900], ['210g x 24개', 28900], ['130g x 36개', 33900]], origin: ['쌀: 국내산'] },
  { name: '한우 등심 1++', type: '식육', ing: 1, storage: '냉장', sizes: [['300g', 49900], ['500g', 79900]], origin: ['국내산 (한우)'] },
  { name: '한우 국거리', type: '식육', ing: 1, storage: '냉장', sizes: [['300g', 19900], ['600g', 36900]], origin: ['국내산 (한우)'] },
  { name: '한돈 삼겹살', type: '식육', ing: 1, storage: '냉장', sizes: [['500g', 15900], ['1kg', 29900]], origin: ['국내산 (한돈)'] },
  { name: '닭가슴살', type: '식육', ing: 1, storage: '냉동', sizes: [['1kg', 12900], ['2kg', 23900]], origin: ['국내산', '브라질산'] },
  { name: '손질 고등어', type: '수산물', ing: 1, storage: '냉동', sizes: [['3마리', 12900], ['10팩', 29900]], origin: ['노르웨이산', '국내산'] },
  { name: '제주 은갈치', type: '수산물', ing: 1, storage: '냉동', sizes: [['4토막', 22900], ['8토막', 41900]], origin: ['국내산 (제주)'] },
  { name: '자숙 새우', type: '수산물', ing: 1, storage: '냉동', sizes: [['500g', 16900], ['1kg', 29900]], origin: ['베트남산'] },
  { name: '완도 전복', type: '수산물', ing: 1, storage: '냉장', sizes: [['10미', 29900], ['20미', 55900]], origin: ['국내산 (완도)'] },
  { name: '부사 사과', type: '과일', ing: 1, storage: '냉장', sizes: [['3kg', 24900], ['5kg', 36900]], origin: ['국내산 (경북 청송)'] },
  { name: '성주 참외', type: '과일', ing: 1, storage: '냉장', sizes: [['2kg', 19900], ['4kg', 34900]], origin: ['국내산 (경북 성주)'] },
  { name: '제주 감귤', type: '과일', ing: 1, storage: '실온', sizes: [['3kg', 14900], ['5kg', 21900]], origin: ['국내산 (제주)'] },
  { name: '햇 고구마', type: '채소', ing: 1, storage: '실온', sizes: [['3kg', 13900], ['5kg', 19900]], origin: ['국내산 (전남 해남)'] },
  { name: '깐마늘', type: '채소', ing: 1, storage: '냉장', sizes: [['500g', 7900], ['1kg', 13900]], origin: ['국내산 (의성)'] },
  { name: '양파', type: '채소', ing: 1, storage: '실온', sizes: [['3kg', 8900], ['10kg', 21900]], origin: ['국내산 (무안)'] },
  { name: '대파', type: '채소', ing: 1, storage: '냉장', sizes: [['1kg', 5900], ['2kg', 9900]], origin: ['국내산'] },
  { name: '신라면', type: '유탕면', ing: 0, storage: '실온', sizes: [['5개입', 4900], ['20개입', 17900], ['40개입', 33900]], origin: ['소맥분: 미국산, 호주산'] },
  { name: '짜파게티', type: '유탕면', ing: 0, storage: '실온', sizes: [['5개입', 5200], ['20개입', 18900]], origin: ['소맥분: 미국산'] },
  { name: '부침 두부', type: '두부', ing: 1, storage: '냉장', sizes: [['300g x 2개', 4900], ['300g x 6개', 12900]], origin: ['대두: 국내산', '대두: 캐나다산'] },
  { name: '무항생제 계란', type: '알가공품', ing: 1, storage: '냉장', sizes: [['15구', 7900], ['30구', 13900]], origin: ['국내산'] },
  { name: '동물복지 유정란', type: '알가공품', ing: 1, storage: '냉장', sizes: [['10구', 6900], ['20구', 12900]], origin: ['국내산'] },
  { name: '1등급 우유', type: '우유', ing: 1, storage: '냉장', sizes: [['900ml x 2개', 5900], ['900ml x 4개', 10900]], origin: ['원유: 국내산'] },
  { name: '그릭 요거트', type: '발효유', ing: 0, storage: '냉장', sizes: [['400g', 7900], ['800g x 2개', 24900]], origin: ['원유: 국내산'] },
  { name: '저온압착 참기름', type: '참기름', ing: 1, storage: '실온', sizes: [['300ml', 14900], ['500ml', 22900]], origin: ['참깨: 국내산', '참깨: 인도산'] },
  { name: '들기름', type: '들기름', ing: 1, storage: '냉장', sizes: [['300ml', 16900], ['500ml', 25900]], origin: ['들깨: 국내산'] },
  { name: '태양초 고추장', type: '고추장', ing: 1, storage: '실온', sizes: [['500g', 8900], ['1kg', 15900]], origin: ['고춧가루: 국내산'] },
  { name: '재래식 된장', type: '된장', ing: 1, storage: '실온', sizes: [['500g', 9900], ['1kg', 17900]], origin: ['대두: 국내산'] },
  { name: '양조간장', type: '간장', ing: 1, storage: '실온', sizes: [['900ml', 6900], ['1.8L', 11900]], origin: ['탈지대두: 인도산'] },
  { name: '햅쌀 신동진', type: '쌀', ing: 1, storage: '실온', sizes: [['4kg', 17900], ['10kg', 36900], ['20kg', 67900]], origin: ['국내산 (전북)'] },
  { name: '찰현미', type: '잡곡', ing: 1, storage: '실온', sizes: [['2kg', 12900], ['4kg', 22900]], origin: ['국내산'] },
  { name: '왕교자 만두', type: '만두', ing: 0, storage: '냉동', sizes: [['1.05kg', 11900], ['1.05kg x 2개', 21900]], origin: ['돼지고기: 국내산'] },
  { name: '떡볶이 밀키트', type: '즉석조리식품', ing: 0, storage: '냉장', sizes: [['2인분', 8900], ['4인분', 15900]], origin: ['쌀떡: 국내산'] },
  { name: '사골곰탕', type: '즉석조리식품', ing: 0, storage: '실온', sizes: [['500g x 5팩', 12900], ['500g x 10팩', 23900]], origin: ['우사골: 국내산'] },
  { name: '조미김', type: '조미김', ing: 0, storage: '실온', sizes: [['4g x 24봉', 9900], ['20g x 10봉', 14900]], origin: ['김: 국내산'] },
  { name: '통영 굴', type: '수산물', ing: 1, storage: '냉장', sizes: [['500g', 12900], ['1kg', 22900]], origin: ['국내산 (통영)'] },
  { name: '생 표고버섯', type: '채소', ing: 1, storage: '냉장', sizes: [['500g', 9900], ['1kg', 17900]], origin: ['국내산 (장흥)'] },
  { name: '냉동 블루베리', type: '과일', ing: 1, storage: '냉동', sizes: [['1kg', 13900], ['2kg', 25900]], origin: ['미국산', '칠레산'] },
  { name: '수제 떡갈비', type: '육가공품', ing: 0, storage: '냉동', sizes: [['500g', 14900], ['1kg', 26900]], origin: ['돼지고기: 국내산', '소고기: 호주산'] },
];

const QUALIFIERS = ['국내산', '산지직송', '프리미엄', '당일생산', '무농약', '실속형', '가정용', '선물용', '특등급', '유기농', '명품', '한정수량'] as const;

interface Store {
  name: string;
  company: string;
  ceo: string;
  city: string;
}

const STORE_NAMES = [
  '바른먹거리', '농부의아침', '해담찬', '참좋은식탁', '그린팜', '자연담은', '어부의바다', '한우명가', '맛있는정미소', '우리장독대',
  '산들농원', '신선마켓', '푸른목장', '엄마손반찬', '제주한라농장', '남도식품', '청정들녘', '하루한끼', '정직한고기', '오늘의과일',
] as const;
const CEO_NAMES = ['김민준', '이서연', '박지훈', '최유진', '정하늘', '강도윤', '조수아', '윤지호', '장예린', '임현우'] as const;
const CITIES = ['서울특별시 강남구 테헤란로', '경기도 성남시 분당구 판교로', '부산광역시 해운대구 센텀로', '전라남도 나주시 빛가람로', '경상북도 안동시 경동로', '제주특별자치도 제주시 연삼로', '충청남도 천안시 서북구 불당로', '강원특별자치도 춘천시 중앙로'] as const;

const STORES: readonly Store[] = STORE_NAMES.map((name, i) => {
  const rng = prng(7_000 + i);
  return { name, company: `(주)${name}`, ceo: pick(rng, CEO_NAMES), city: pick(rng, CITIES) };
});

const ASPECTS = {
  price: ['가격이 착해요', '가격 대비 좋아요', '조금 비싸요'],
  delivery: ['배송이 빨라요', '포장이 꼼꼼해요', '배송이 보통이에요'],
  taste: ['정말 맛있어요', '신선해요', '무난해요'],
} as const;
const NICK_HEADS = ['콕', '맛', '집밥', '요리', '장보기', '냠냠', '살림', '미식'] as const;
const REVIEW_LINES = [
  '재구매 의사 있어요. {item} 품질이 기대 이상이에요.',
  '{item} 양도 넉넉하고 가족들이 잘 먹었어요.',
  '배송도 빠르고 {item} 상태가 좋았습니다.',
  '가격이 조금 있지만 {item} 맛은 확실히 좋아요.',
  '생각보다 평범했어요. {item} 다음엔 다른 구성으로 사볼게요.',
  '부모님 댁에 보내드렸는데 {item} 너무 좋다고 하셨어요.',
] as const;

interface Catalogue {
  FCT_KOK_PRODUCT_INFO: Insertable<KokTables['FCT_KOK_PRODUCT_INFO']>[];
  FCT_KOK_PRICE_INFO: Insertable<KokTables['FCT_KOK_PRICE_INFO']>[];
  FCT_KOK_IMAGE_INFO: Insertable<KokTables['FCT_KOK_IMAGE_INFO']>[];
  FCT_KOK_DETAIL_INFO: Insertable<KokTables['FCT_KOK_DETAIL_INFO']>[];
  FCT_KOK_REVIEW_EXAMPLE: Insertable<KokTables['FCT_KOK_REVIEW_EXAMPLE']>[];
  KOK_CLASSIFY: Insertable<KokTables['KOK_CLASSIFY']>[];
}

/** Price after a discount, rounded down to 10 won like a shop would. */
const discounted = (price: number, rate: number): number => Math.floor((price * (100 - rate)) / 1000) * 10;

/** 5..1 star ratios summing to 100, and the average score they imply. */
function starRatios(rng: Rng): { ratios: [number, number, number, number, number]; score: number } {
  const r5 = between(rng, 45, 90);
  const r4 = Math.round((100 - r5) * (0.5 + rng() * 0.3));
  const r3 = Math.round((100 - r5 - r4) * 0.6);
  const r2 = Math.round((100 - r5 - r4 - r3) * 0.5);
  const r1 = 100 - r5 - r4 - r3 - r2;
  const score = Math.round((5 * r5 + 4 * r4 + 3 * r3 + 2 * r2 + r1) / 10) / 10;
  return { ratios: [r5, r4, r3, r2, r1], score };
}

function addProduct(out: Catalogue, n: number, imageBase: string): void {
  const rng = prng(n);
  const id = PRODUCT_BASE + n;
  const item = ITEMS[(n - 1) % ITEMS.length];
  const store = STORES[Math.floor((n - 1) / ITEMS.length) % STORES.length];
  const [size, basePrice] = pick(rng, item.sizes);
  // Stores price the same item a little differently: ±20 %, ending in 900 won.
  const price = Math.max(1_900, Math.round((basePrice * (0.8 + rng() * 0.4)) / 1000) * 1000 - 100);
  const name = `[${store.name}] ${pick(rng, QUALIFIERS)} ${item.name} ${size}`;
  const childId = (k: number) => CHILD_BASE + n * 10 + k;

  const reviewCnt = rng() < 0.1 ? 0 : Math.floor(rng() ** 3 * 3_000) + 1;
  const stars = starRatios(rng);
  const reviewed = reviewCnt > 0;
  const aspect = (labels: readonly string[]) => (reviewed ? pick(rng, labels) : null);
  const aspectRatio = () => (reviewed ? between(rng, 40, 95) : null);
  out.FCT_KOK_PRODUCT_INFO.push({
    KOK_PRODUCT_ID: id,
    KOK_STORE_NAME: store.name,
    KOK_PRODUCT_NAME: name,
    KOK_THUMBNAIL: demoImageUrl(imageBase, `${item.name} ${size}`, item.type),
    KOK_PRODUCT_PRICE: price,
    KOK_REVIEW_SCORE: reviewed ? stars.score : null,
    KOK_REVIEW_CNT: reviewCnt,
    KOK_5_RATIO: reviewed ? stars.ratios[0] : null,
    KOK_4_RATIO: reviewed ? stars.ratios[1] : null,
    KOK_3_RATIO: reviewed ? stars.ratios[2] : null,
    KOK_2_RATIO: reviewed ? stars.ratios[3] : null,
    KOK_1_RATIO: reviewed ? stars.ratios[4] : null,
    KOK_ASPECT_PRICE: aspect(ASPECTS.price),
    KOK_ASPECT_PRICE_RATIO: aspectRatio(),
    KOK_ASPECT_DELIVERY: aspect(ASPECTS.delivery),
    KOK_ASPECT_DELIVERY_RATIO: aspectRatio(),
    KOK_ASPECT_TASTE: aspect(ASPECTS.taste),
    KOK_ASPECT_TASTE_RATIO: aspectRatio(),
    KOK_SELLER: store.company,
    KOK_CO_CEO: `${store.company} / ${store.ceo}`,
    KOK_CO_REG_NO: `${between(rng, 100, 899)}-${between(rng, 10, 99)}-${between(rng, 10000, 99999)}`,
    KOK_CO_EC_REG: `제2024-${store.city.slice(0, 2)}-${String(between(rng, 1, 9999)).padStart(4, '0')}호`,
    KOK_TELL: `1588-${String(between(rng, 0, 9999)).padStart(4, '0')}`,
    KOK_VER_ITEM: '사업자번호, 통신판매업신고',
    KOK_VER_DATE: `2024-${String(between(rng, 1, 12)).padStart(2, '0')}-${String(between(rng, 1, 28)).padStart(2, '0')}`,
    KOK_CO_ADDR: `${store.city} ${between(rng, 1, 300)}`,
    KOK_RETURN_ADDR: `${store.city} ${between(rng, 1, 300)} 물류센터`,
    KOK_EXCHANGE_ADDR: `${store.city} ${between(rng, 1, 300)} 물류센터`,
  });

  // About half are on sale now; a third also have an older snapshot with a different rate (price history).
  const rate = rng() < 0.5 ? between(rng, 5, 60) : 0;
  if (rng() < 0.33) {
    const oldRate = rate === 0 ? between(rng, 5, 30) : 0;
    out.FCT_KOK_PRICE_INFO.push({ KOK_PRICE_ID: OLD_PRICE_BASE + n, KOK_PRODUCT_ID: id, KOK_DISCOUNT_RATE: oldRate, KOK_DISCOUNTED_PRICE: discounted(price, oldRate) });
  }
  out.FCT_KOK_PRICE_INFO.push({ KOK_PRICE_ID: id, KOK_PRODUCT_ID: id, KOK_DISCOUNT_RATE: rate, KOK_DISCOUNTED_PRICE: discounted(price, rate) });

  for (let k = 1, count = between(rng, 1, 3); k <= count; k++) {
    out.FCT_KOK_IMAGE_INFO.push({ KOK_IMG_ID: childId(k), KOK_PRODUCT_ID: id, KOK_IMG_URL: demoImageUrl(imageBase, `${item.name} ${size} (${k})`, item.type) });
  }

  const notice: Array<[string, string]> = [
    ['품목 또는 명칭', `${item.name} (${item.type})`],
    ['원산지', pick(rng, item.origin)],
    ['제조사', store.company],
    ['보관방법', item.storage === '실온' ? '직사광선을 피해 서늘한 곳에 보관' : `${item.storage} 보관 (${item.storage === '냉장' ? '0~10℃' : '-18℃ 이하'})`],
    ['유통기한', item.storage === '실온' ? '제조일로부터 12개월' : item.storage === '냉장' ? '제조일로부터 14일' : '제조일로부터 9개월'],
    ['내용량', size],
  ];
  notice.slice(0, between(rng, 3, notice.length)).forEach(([col, val], k) => {
    out.FCT_KOK_DETAIL_INFO.push({ KOK_DETAIL_COL_ID: childId(k), KOK_PRODUCT_ID: id, KOK_DETAIL_COL: col, KOK_DETAIL_VAL: val });
  });

  for (let k = 0, count = reviewed ? between(rng, 0, 5) : 0; k < count; k++) {
    const score = between(rng, 1, 5) <= 1 ? between(rng, 1, 3) : between(rng, 4, 5);
    out.FCT_KOK_REVIEW_EXAMPLE.push({
      KOK_REVIEW_ID: childId(k),
      KOK_PRODUCT_ID: id,
      // (nickname, date) is unique across all products, so the nickname carries the review id.
      KOK_NICKNAME: `${pick(rng, NICK_HEADS)}**${childId(k).toString(36)}`,
      KOK_REVIEW_DATE: `2024.${String(between(rng, 1, 12)).padStart(2, '0')}.${String(between(rng, 1, 28)).padStart(2, '0')}`,
      KOK_REVIEW_SCORE: score,
      KOK_PRICE_EVAL: pick(rng, ASPECTS.price),
      KOK_DELIVERY_EVAL: pick(rng, ASPECTS.delivery),
      KOK_TASTE_EVAL: pick(rng, ASPECTS.taste),
      KOK_REVIEW_TEXT: pick(rng, REVIEW_LINES).replace('{item}', item.name),
    });
  }

  out.KOK_CLASSIFY.push({ PRODUCT_ID: id, STORE_NAME: store.name, PRODUCT_NAME: name, CLS_ING: item.ing });
}

/** `imageBase` is this server's public URL: the pictures are its own demo cards. */
export function buildKokDemoCatalogue(products: number, imageBase: string): Catalogue {
  const out: Catalogue = { FCT_KOK_PRODUCT_INFO: [], FCT_KOK_PRICE_INFO: [], FCT_KOK_IMAGE_INFO: [], FCT_KOK_DETAIL_INFO: [], FCT_KOK_REVIEW_EXAMPLE: [], KOK_CLASSIFY: [] };
  for (let n = 1; n <= products; n++) addProduct(out, n, imageBase);
  return out;
}

async function insertBatched<T extends keyof Catalogue>(kysely: Kysely<KokTables>, table: T, rows: Catalogue[T]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    // Kysely cannot relate a generic table name to its row type; Catalogue ties them together instead.
    await kysely.insertInto(table).values(rows.slice(i, i + BATCH) as never).execute();
  }
}

/** Earlier demo catalogues pointed at a random-photo site; their rows get this server's cards instead. */
const OLD_DEMO_IMAGE_HOST = 'https://picsum.photos/';

async function repointOldDemoImages(db: Db<KokTables>, imageBase: string): Promise<void> {
  const old = await db.kysely
    .selectFrom('FCT_KOK_PRODUCT_INFO')
    .select('KOK_PRODUCT_ID')
    .where('KOK_PRODUCT_ID', '>', PRODUCT_BASE)
    .where('KOK_THUMBNAIL', 'like', `${OLD_DEMO_IMAGE_HOST}%`)
    .execute();
  if (old.length === 0) return;
  const last = Math.max(...old.map((r) => r.KOK_PRODUCT_ID)) - PRODUCT_BASE;
  const fresh = buildKokDemoCatalogue(last, imageBase);
  await db.kysely.transaction().execute(async (trx) => {
    for (const p of fresh.FCT_KOK_PRODUCT_INFO) {
      await trx.updateTable('FCT_KOK_PRODUCT_INFO').set({ KOK_THUMBNAIL: p.KOK_THUMBNAIL }).where('KOK_PRODUCT_ID', '=', p.KOK_PRODUCT_ID).where('KOK_THUMBNAIL', 'like', `${OLD_DEMO_IMAGE_HOST}%`).execute();
    }
    for (const i of fresh.FCT_KOK_IMAGE_INFO) {
      await trx.updateTable('FCT_KOK_IMAGE_INFO').set({ KOK_IMG_URL: i.KOK_IMG_URL }).where('KOK_IMG_ID', '=', i.KOK_IMG_ID).where('KOK_IMG_URL', 'like', `${OLD_DEMO_IMAGE_HOST}%`).execute();
    }
  });
}

/**
 * Fills an empty KOK catalogue (one transaction). A catalogue that exists is left alone, except that demo rows of
 * an earlier version get this server's pictures.
 */
export async function seedKokDemo(db: Db<KokTables>, options: { products?: number; imageBase: string }): Promise<{ products: number }> {
  const existing = await db.kysely.selectFrom('FCT_KOK_PRODUCT_INFO').select('KOK_PRODUCT_ID').limit(1).executeTakeFirst();
  if (existing) {
    await repointOldDemoImages(db, options.imageBase);
    return { products: 0 };
  }
  const catalogue = buildKokDemoCatalogue(options.products ?? 3_000, options.imageBase);
  await db.kysely.transaction().execute(async (trx) => {
    for (const table of Object.keys(catalogue) as Array<keyof Catalogue>) await insertBatched(trx, table, catalogue[table]);
  });
  return { products: catalogue.FCT_KOK_PRODUCT_INFO.length };
}
