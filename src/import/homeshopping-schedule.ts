// Imports a broadcast-schedule CSV (data README §1.1, and the labelled variant §1.2) into FCT_HOMESHOPPING_LIST,
// FCT_HOMESHOPPING_PRODUCT_INFO and HOMESHOPPING_CLASSIFY, following the ETL rules of schema §6.3. Idempotent:
// schedule slots are insert-ignore (the first load of a LIVE_ID or slot wins, as in the ETL); product prices
// and labels are upserted, the file's last row of a product winning.
import type { Insertable } from 'kysely';
import type { FctHomeshoppingListTable, FctHomeshoppingProductInfoTable, HomeshoppingClassifyTable, HomeshoppingTables } from '../modules/homeshopping/tables.js';
import type { Db } from '../platform/db/connect.js';
import { ignoreDuplicates, overwriteOnDuplicate } from '../platform/db/dialect.js';
import { countCsvRecords, readCsvRecords, type CsvRecord } from './csv.js';
import { countReject, emptySummary, type ImportOptions, type ImportSummary } from './summary.js';

export interface ScheduleImportSummary extends ImportSummary {
  /** Slots already present (same LIVE_ID or the same channel/date/time/product slot): left as they were. */
  alreadyPresent: number;
  products: number;
}

const INT_MAX = 2_147_483_647;
/** Staging clamped real (64-bit) Hyundai codes to this value: many products share it, so it names none of them. */
const CLAMPED_PRODUCT_ID = INT_MAX;

export const SCHEDULE_REJECT_REASONS = {
  missingLiveId: 'missing or non-numeric LIVE_ID',
  liveIdOutOfRange: 'LIVE_ID out of range',
  badChannel: 'unknown HOMESHOPPING_ID',
  badDate: 'LIVE_DATE is not YYYYMMDD',
  badPromotion: 'PROMOTION_TYPE is not main/sub',
  badProductId: 'missing or non-numeric PRODUCT_ID',
  duplicateSlot: 'duplicate LIVE_ID or slot in the file',
} as const;
type RejectReason = (typeof SCHEDULE_REJECT_REASONS)[keyof typeof SCHEDULE_REJECT_REASONS];

type ListRow = Insertable<FctHomeshoppingListTable>;
type ProductRow = Insertable<FctHomeshoppingProductInfoTable>;
type ClassifyRow = Omit<Insertable<HomeshoppingClassifyTable>, 'CREATED_AT'>;

interface ParsedRow {
  slot: ListRow;
  product: ProductRow | null;
  classify: ClassifyRow | null;
}

/** Schema §6.3 time clean-up: NBSP → space, zero-width removed, other tildes → `~`, whitespace collapsed. */
export function parseLiveTime(text: string | undefined): { start: string | null; end: string | null } {
  const normalised = (text ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[～〜∼]/g, '~')
    .replace(/\s+/g, ' ')
    .trim();
  const m = /^(\d{1,2}):(\d{2}) ?~ ?(\d{1,2}):(\d{2})$/.exec(normalised);
  const time = (h: string, mm: string) => (Number(h) <= 23 && Number(mm) <= 59 ? `${h.padStart(2, '0')}:${mm}:00` : null);
  return m ? { start: time(m[1], m[2]), end: time(m[3], m[4]) } : { start: null, end: null };
}

/** ETL price rule: keep digits (a decimal part like `49900.0` is dropped), missing or unparsable → 0. */
export function priceOf(text: string | undefined): number {
  const digits = (text ?? '').split('.')[0].replace(/\D/g, '');
  return digits === '' ? 0 : Number(digits);
}

const FOOD_LABELS: Partial<Record<string, number>> = { 식품: 1, 비식품: 0 };
const ING_LABELS: Partial<Record<string, number>> = { 식재료: 1, 완제품: 0 };

/** Names keep their words but lose the double and trailing spaces of the crawl. */
const cleanName = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim() || null;

export function parseScheduleRecord(record: CsvRecord, channels: Set<number>): ParsedRow | RejectReason {
  const liveId = record.LIVE_ID?.trim() ?? '';
  if (!/^\d+$/.test(liveId)) return SCHEDULE_REJECT_REASONS.missingLiveId;
  if (Number(liveId) > INT_MAX) return SCHEDULE_REJECT_REASONS.liveIdOutOfRange;
  const channel = Number(record.HOMESHOPPING_ID?.trim());
  if (!channels.has(channel)) return SCHEDULE_REJECT_REASONS.badChannel;
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(record.LIVE_DATE?.trim() ?? '');
  if (!date || Number.isNaN(Date.parse(`${date[1]}-${date[2]}-${date[3]}T00:00:00Z`))) return SCHEDULE_REJECT_REASONS.badDate;
  const promotion = record.PROMOTION_TYPE?.trim();
  if (promotion !== 'main' && promotion !== 'sub') return SCHEDULE_REJECT_REASONS.badPromotion;
  const productText = record.PRODUCT_ID?.trim() ?? '';
  if (!/^\d{1,15}$/.test(productText)) return SCHEDULE_REJECT_REASONS.badProductId;
  const productId = Number(productText);
  const name = cleanName(record.PRODUCT_NAME);
  const { start, end } = parseLiveTime(record.LIVE_TIME);

  const known = productId !== CLAMPED_PRODUCT_ID;
  const ing = record.IS_ING_PRED === undefined ? undefined : (ING_LABELS[record.IS_ING_PRED.trim()] ?? null);
  return {
    slot: {
      LIVE_ID: Number(liveId),
      HOMESHOPPING_ID: channel,
      LIVE_DATE: `${date[1]}-${date[2]}-${date[3]}`,
      LIVE_START_TIME: start,
      LIVE_END_TIME: end,
      PROMOTION_TYPE: promotion,
      PRODUCT_ID: productId,
      PRODUCT_NAME: name,
      THUMB_IMG_URL: record.THUMB_IMG_URL?.trim() || null,
      SCHEDULED_OR_CANCELLED: 1,
    },
    product: known ? { PRODUCT_ID: productId, SALE_PRICE: priceOf(record.SALE_PRICE), DC_PRICE: priceOf(record.DC_PRICE), DC_RATE: priceOf(record.DC_RATE) } : null,
    classify: known
      ? { PRODUCT_ID: productId, PRODUCT_NAME: name, CLS_FOOD: FOOD_LABELS[record.IS_FOOD?.trim() ?? ''] ?? null, ...(ing === undefined ? {} : { CLS_ING: ing }) }
      : null,
  };
}

const slotKey = (s: ListRow) => [s.HOMESHOPPING_ID, s.LIVE_DATE, s.LIVE_START_TIME, s.LIVE_END_TIME, s.PROMOTION_TYPE, s.PRODUCT_ID].join('|');

async function writeInBatches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function importHomeshoppingSchedule(db: Db<HomeshoppingTables>, path: string, options: ImportOptions = {}): Promise<ScheduleImportSummary> {
  const batchSize = options.batchSize ?? 500;
  const total = await countCsvRecords(path);
  options.onProgress?.(0, total);
  const channels = new Set((await db.kysely.selectFrom('HOMESHOPPING_INFO').select('HOMESHOPPING_ID').execute()).map((r) => Number(r.HOMESHOPPING_ID)));
  const summary: ScheduleImportSummary = { ...emptySummary(), alreadyPresent: 0, products: 0 };

  const slots: ListRow[] = [];
  const seenIds = new Set<number>();
  const seenSlots = new Set<string>();
  const products = new Map<number, ProductRow>();
  const classify = new Map<number, ClassifyRow>();
  let labelledIng = false;
  for await (const record of readCsvRecords(path)) {
    summary.read++;
    const parsed = parseScheduleRecord(record, channels);
    if (typeof parsed === 'string') countReject(summary, parsed);
    else if (seenIds.has(Number(parsed.slot.LIVE_ID)) || seenSlots.has(slotKey(parsed.slot))) countReject(summary, SCHEDULE_REJECT_REASONS.duplicateSlot);
    else {
      seenIds.add(Number(parsed.slot.LIVE_ID));
      seenSlots.add(slotKey(parsed.slot));
      slots.push(parsed.slot);
      if (parsed.product) products.set(Number(parsed.product.PRODUCT_ID), parsed.product);
      if (parsed.classify) classify.set(Number(parsed.classify.PRODUCT_ID), parsed.classify);
      labelledIng ||= parsed.classify !== null && 'CLS_ING' in parsed.classify;
    }
    if (summary.read % batchSize === 0) options.onProgress?.(summary.read, total);
  }

  await db.kysely.transaction().execute(async (trx) => {
    await writeInBatches(slots, batchSize, async (batch) => {
      const result = await ignoreDuplicates(db.kind, trx.insertInto('FCT_HOMESHOPPING_LIST').values(batch)).executeTakeFirst();
      const inserted = Number(result.numInsertedOrUpdatedRows ?? 0);
      summary.written += inserted;
      summary.alreadyPresent += batch.length - inserted;
    });
    await writeInBatches([...products.values()], batchSize, (batch) =>
      overwriteOnDuplicate(db.kind, trx.insertInto('FCT_HOMESHOPPING_PRODUCT_INFO').values(batch), 'PRODUCT_ID', ['SALE_PRICE', 'DC_PRICE', 'DC_RATE']).execute(),
    );
    // A file without ingredient labels leaves CLS_ING as an earlier labelled import set it.
    const classifyColumns = labelledIng ? ['PRODUCT_NAME', 'CLS_FOOD', 'CLS_ING'] : ['PRODUCT_NAME', 'CLS_FOOD'];
    const classifyRows = [...classify.values()].map((r) => (labelledIng ? { CLS_ING: null, ...r } : r));
    await writeInBatches(classifyRows, batchSize, (batch) =>
      overwriteOnDuplicate(db.kind, trx.insertInto('HOMESHOPPING_CLASSIFY').values(batch), 'PRODUCT_ID', classifyColumns).execute(),
    );
  });
  summary.products = products.size;
  options.onProgress?.(summary.read, total);
  return summary;
}
