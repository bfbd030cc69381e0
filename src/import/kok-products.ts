// Imports the KOK product CSV (data README §1.3) into FCT_KOK_PRODUCT_INFO and KOK_CLASSIFY with idempotent
// batched upserts, following the original ETL rules of schema §6.2, and gives every new priced product a
// baseline price snapshot so it can be listed, priced and carted.
import { sql, type Insertable } from 'kysely';
import type { Db } from '../platform/db/connect.js';
import { ignoreDuplicates, overwriteOnDuplicate } from '../platform/db/dialect.js';
import type { FctKokProductInfoTable, KokClassifyTable, KokTables } from '../modules/kok/tables.js';
import { countCsvRecords, readCsvRecords, type CsvRecord } from './csv.js';
import { countReject, emptySummary, type ImportOptions, type ImportSummary } from './summary.js';

export interface KokImportSummary extends ImportSummary {
  baselinePrices: number;
}

/** INT columns of the schema; STR_TO_NUM maps larger values to 0, ids that large cannot be stored at all. */
const INT_MAX = 2_147_483_647;
const NAME_MAX = 300;
const STORE_MAX = 100;

export const REJECT_REASONS = {
  missingId: 'missing id',
  nonNumericId: 'non-numeric id',
  idOutOfRange: 'id out of range',
  duplicateId: 'duplicate id',
  emptyName: 'empty name',
  tooLong: 'name or store too long',
} as const;
type RejectReason = (typeof REJECT_REASONS)[keyof typeof REJECT_REASONS];

/** The ETL's STR_TO_NUM: keep only digits and dots; a valid number ≥ 2147483647 becomes 0, anything else NULL. */
export function strToNum(text: string | undefined): number | null {
  const kept = (text ?? '').replace(/[^0-9.]/g, '');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(kept)) return null;
  const value = Number(kept);
  return value >= INT_MAX ? 0 : value;
}

function strToInt(text: string | undefined): number | null {
  const value = strToNum(text);
  return value === null ? null : Math.round(value);
}

/** §6.2 name clean-up: drop a leading copy of the store name; an empty rest falls back to the store name. */
export function stripStorePrefix(name: string, store: string | null): string {
  if (!store || !name.startsWith(store)) return name;
  return name.slice(store.length).trimStart() || store;
}

const ING_LABELS: Partial<Record<string, number>> = { 식재료: 1, 완제품: 0 };

type ProductRow = Pick<
  Insertable<FctKokProductInfoTable>,
  'KOK_PRODUCT_ID' | 'KOK_STORE_NAME' | 'KOK_PRODUCT_NAME' | 'KOK_PRODUCT_PRICE' | 'KOK_REVIEW_SCORE' | 'KOK_REVIEW_CNT'
>;
type ClassifyRow = Omit<Insertable<KokClassifyTable>, 'CREATED_AT'>;
interface ParsedRow {
  product: ProductRow;
  classify: ClassifyRow;
}

/** Maps one CSV record; CONF and LABEL_SOURCE are not stored, so the shifted rows (text in CONF) load as usual. */
export function parseKokRecord(record: CsvRecord): ParsedRow | RejectReason {
  const rawId = record.KOK_PRODUCT_ID?.trim() ?? '';
  if (rawId === '') return REJECT_REASONS.missingId;
  if (!/^\d+$/.test(rawId)) return REJECT_REASONS.nonNumericId;
  const id = Number(rawId);
  if (id >= INT_MAX) return REJECT_REASONS.idOutOfRange;
  const store = record.KOK_STORE_NAME?.trim() || null;
  const name = stripStorePrefix(record.KOK_PRODUCT_NAME?.trim() ?? '', store);
  if (name === '') return REJECT_REASONS.emptyName;
  if (name.length > NAME_MAX || (store?.length ?? 0) > STORE_MAX) return REJECT_REASONS.tooLong;
  return {
    product: {
      KOK_PRODUCT_ID: id,
      KOK_STORE_NAME: store,
      KOK_PRODUCT_NAME: name,
      KOK_PRODUCT_PRICE: strToInt(record.KOK_PRODUCT_PRICE),
      KOK_REVIEW_SCORE: strToNum(record.KOK_REVIEW_SCORE),
      KOK_REVIEW_CNT: strToInt(record.KOK_REVIEW_CNT),
    },
    classify: { PRODUCT_ID: id, STORE_NAME: store, PRODUCT_NAME: name, CLS_ING: ING_LABELS[record.IS_ING_PRED?.trim() ?? ''] ?? null },
  };
}

const PRODUCT_COLUMNS = ['KOK_STORE_NAME', 'KOK_PRODUCT_NAME', 'KOK_PRODUCT_PRICE', 'KOK_REVIEW_SCORE', 'KOK_REVIEW_CNT'] as const;
const CLASSIFY_COLUMNS = ['STORE_NAME', 'PRODUCT_NAME', 'CLS_ING'] as const;

/** Writes one batch in one transaction; returns how many baseline price rows it added. */
async function writeBatch(db: Db<KokTables>, rows: ParsedRow[]): Promise<number> {
  const ids = rows.map((r) => r.product.KOK_PRODUCT_ID);
  return db.kysely.transaction().execute(async (trx) => {
    await overwriteOnDuplicate(db.kind, trx.insertInto('FCT_KOK_PRODUCT_INFO').values(rows.map((r) => r.product)), 'KOK_PRODUCT_ID', PRODUCT_COLUMNS).execute();
    await overwriteOnDuplicate(db.kind, trx.insertInto('KOK_CLASSIFY').values(rows.map((r) => r.classify)), 'PRODUCT_ID', CLASSIFY_COLUMNS).execute();
    // Price ids are supplied by the loader, never generated (the crawler's ODS ids in the original ETL), so the
    // baseline snapshot takes the product id as its price id. A product that already has any price row keeps
    // its history untouched; an id already taken by another product's snapshot is skipped, not overwritten.
    const baseline = trx
      .insertInto('FCT_KOK_PRICE_INFO')
      .columns(['KOK_PRICE_ID', 'KOK_PRODUCT_ID', 'KOK_DISCOUNT_RATE', 'KOK_DISCOUNTED_PRICE'])
      .expression((eb) =>
        eb
          .selectFrom('FCT_KOK_PRODUCT_INFO as p')
          .select(['p.KOK_PRODUCT_ID', 'p.KOK_PRODUCT_ID', sql.lit(0).as('KOK_DISCOUNT_RATE'), 'p.KOK_PRODUCT_PRICE'])
          .where('p.KOK_PRODUCT_ID', 'in', ids)
          .where('p.KOK_PRODUCT_PRICE', 'is not', null)
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('FCT_KOK_PRICE_INFO as x').select('x.KOK_PRICE_ID').whereRef('x.KOK_PRODUCT_ID', '=', 'p.KOK_PRODUCT_ID'))),
          ),
      );
    const result = await ignoreDuplicates(db.kind, baseline).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  });
}

export async function importKokProducts(db: Db<KokTables>, path: string, options: ImportOptions = {}): Promise<KokImportSummary> {
  const batchSize = options.batchSize ?? 500;
  const total = await countCsvRecords(path);
  options.onProgress?.(0, total);
  const summary: KokImportSummary = { ...emptySummary(), baselinePrices: 0 };
  // A repeated id inside one multi-row upsert is an error on PostgreSQL; across the file the first row wins.
  const seen = new Set<number>();
  let batch: ParsedRow[] = [];
  const flush = async () => {
    if (batch.length > 0) {
      summary.baselinePrices += await writeBatch(db, batch);
      summary.written += batch.length;
      batch = [];
    }
    options.onProgress?.(summary.read, total);
  };

  for await (const record of readCsvRecords(path)) {
    summary.read++;
    let parsed = parseKokRecord(record);
    if (typeof parsed !== 'string' && seen.has(parsed.product.KOK_PRODUCT_ID)) parsed = REJECT_REASONS.duplicateId;
    if (typeof parsed === 'string') {
      countReject(summary, parsed);
    } else {
      seen.add(parsed.product.KOK_PRODUCT_ID);
      batch.push(parsed);
      if (batch.length >= batchSize) await flush();
    }
  }
  await flush();
  return summary;
}
