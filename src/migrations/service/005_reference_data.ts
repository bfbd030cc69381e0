// SERVICE_DB reference data: the nine order status codes and the 17 home-shopping channels (schema.md §3.1, §3.5).
// Idempotent and safe on an existing database: only missing codes/ids are inserted, existing rows are left alone.
import type { Step } from '../../platform/db/migrate.js';
import { insertIgnore } from './helpers.js';

export const STATUS_CODES: ReadonlyArray<readonly [code: string, name: string]> = [
  ['ORDER_RECEIVED', '주문 생성'],
  ['PAYMENT_REQUESTED', '결제 요청'],
  ['PAYMENT_COMPLETED', '결제완료'],
  ['PREPARING', '상품준비중'],
  ['SHIPPING', '배송중'],
  ['DELIVERED', '배송완료'],
  ['CANCELLED', '주문취소'],
  ['REFUND_REQUESTED', '환불요청'],
  ['REFUND_COMPLETED', '환불완료'],
];

const LIVE_URLS: Record<number, string> = {
  1: 'https://s32.qtcdn.co.kr/media/liveM3U8/idx/669128309/enc/129701903/playlist.m3u8',
  2: 'https://cdnlive.hmall.com/live/hmall.stream/chunklist.m3u8',
  3: 'https://dtvstreaming.hyundaihmall.com/newcjp3/cjpstream_1M/chunklist.m3u8',
  4: 'https://livestream.nsmall.com/IPHONE/nsmallMobile.m3u8',
  5: 'https://shoppstream.nsmall.com/IPHONE/mobile.m3u8',
};

export const HOMESHOPPING_CHANNELS: ReadonlyArray<readonly [id: number, name: string, channel: number]> = [
  [1, '홈앤쇼핑', 4],
  [2, '현대홈쇼핑', 12],
  [3, '현대홈쇼핑+샵', 34],
  [4, 'NS홈쇼핑', 13],
  [5, 'NS샵+', 41],
  [6, '공영쇼핑', 20],
  [7, 'GS샵 LIVE', 6],
  [8, 'GS마이샵', 30],
  [9, 'CJ온스타일', 8],
  [10, 'CJ온스타일플러스', 32],
  [11, '롯데홈쇼핑', 10],
  [12, '롯데 OneTV', 36],
  [13, 'KT 알파쇼핑', 2],
  [14, 'SK 스토어', 17],
  [15, '신세계쇼핑', 21],
  [16, 'W쇼핑', 28],
  [17, '쇼핑엔터', 37],
];

export const referenceData: Step = {
  async up(db, kind) {
    const codes = new Set(
      (await db.selectFrom('STATUS_MASTER').select('STATUS_CODE').execute()).map((r) => String(r.STATUS_CODE)),
    );
    await insertIgnore(
      db,
      kind,
      'STATUS_MASTER',
      STATUS_CODES.filter(([code]) => !codes.has(code)).map(([code, name]) => ({ STATUS_CODE: code, STATUS_NAME: name })),
    );

    const ids = new Set(
      (await db.selectFrom('HOMESHOPPING_INFO').select('HOMESHOPPING_ID').execute()).map((r) => Number(r.HOMESHOPPING_ID)),
    );
    await insertIgnore(
      db,
      kind,
      'HOMESHOPPING_INFO',
      HOMESHOPPING_CHANNELS.filter(([id]) => !ids.has(id)).map(([id, name, channel]) => ({
        HOMESHOPPING_ID: id,
        HOMESHOPPING_NAME: name,
        HOMESHOPPING_CHANNEL: channel,
        LIVE_URL: LIVE_URLS[id] ?? null,
      })),
    );
  },
};
