// KOK benchmark scenarios (servers target, real CSV catalogue imported): discounted list (cached), product info,
// Korean keyword search and the cart of a logged-in user.
import type { Db } from '../src/platform/db/connect.js';
import { ignoreDuplicates } from '../src/platform/db/dialect.js';
import type { ServiceDatabase } from '../src/tables.js';
import type { BenchEnv, Scenario } from './types.js';

const CART_PRODUCTS = 5;
const SEARCH_KEYWORD = '김치';
/** Every DISCOUNT_EVERY-th product (by id) gets a synthetic discount. */
const DISCOUNT_EVERY = 3;
const BATCH = 500;

async function call<T>(env: BenchEnv, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${env.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${env.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Puts a few real products in the benchmark user's cart (through the API, as the client would) and returns the four
 * KOK scenarios. Needs price rows: run `addSyntheticDiscounts` after the import.
 */
export async function prepareKok(env: BenchEnv): Promise<Scenario[]> {
  const keyword = encodeURIComponent(SEARCH_KEYWORD);
  const found = await call<{ products: Array<{ kok_product_id: number }> }>(env, 'GET', `/api/kok/search?keyword=${keyword}&size=${CART_PRODUCTS}`);
  const ids = found.products.map((p) => p.kok_product_id);
  if (ids.length === 0) throw new Error(`no KOK product matches ${SEARCH_KEYWORD}: import the catalogue and add price rows first`);
  for (const id of ids) await call(env, 'POST', '/api/kok/carts', { kok_product_id: id, kok_quantity: 1, recipe_id: 0 });
  // Fill the page cache once so the scenario measures cached responses.
  await call(env, 'GET', '/api/kok/discounted?page=1&size=20');

  const auth = { authorization: `Bearer ${env.token}` };
  return [
    { name: 'kok discounted (cached)', path: '/api/kok/discounted?page=1&size=20' },
    { name: 'kok product info', path: `/api/kok/product/${ids[0]}/info` },
    // Logged in adds token verification, the blacklist check, the user row, the like check and an event write.
    { name: 'kok product info (logged in)', path: `/api/kok/product/${ids[0]}/info`, headers: auth },
    { name: `kok search ${SEARCH_KEYWORD}`, path: `/api/kok/search?keyword=${keyword}&page=1&size=20` },
    { name: 'kok carts', path: '/api/kok/carts?limit=50', headers: auth },
  ];
}

/**
 * SYNTHETIC DATA: the real CSV has no price or discount rows. This gives every product without a price row a list-price
 * row, and every third product (by id) a newer discounted row (5–50 %), so the discounted list, search and cart have
 * something to show. Idempotent: a second run finds nothing to add.
 */
export async function addSyntheticDiscounts(db: Db<ServiceDatabase>): Promise<number> {
  const k = db.kysely;
  const products = await k.selectFrom('FCT_KOK_PRODUCT_INFO').select(['KOK_PRODUCT_ID', 'KOK_PRODUCT_PRICE']).execute();
  const latest = await k
    .selectFrom('FCT_KOK_PRICE_INFO as PR')
    .innerJoin(
      k.selectFrom('FCT_KOK_PRICE_INFO').select((eb) => ['KOK_PRODUCT_ID', eb.fn.max('KOK_PRICE_ID').as('MAX_ID')]).groupBy('KOK_PRODUCT_ID').as('L'),
      'L.MAX_ID',
      'PR.KOK_PRICE_ID',
    )
    .select(['PR.KOK_PRODUCT_ID', 'PR.KOK_DISCOUNT_RATE', 'PR.KOK_PRICE_ID'])
    .execute();
  const current = new Map(latest.map((r) => [r.KOK_PRODUCT_ID, r.KOK_DISCOUNT_RATE]));
  let nextId = Math.max(0, ...latest.map((r) => r.KOK_PRICE_ID)) + 1;

  const rows = products.flatMap((p) => {
    const wantsDiscount = p.KOK_PRODUCT_ID % DISCOUNT_EVERY === 0;
    const rate = current.get(p.KOK_PRODUCT_ID);
    if (current.has(p.KOK_PRODUCT_ID) && !(wantsDiscount && !(rate && rate > 0))) return [];
    const discount = wantsDiscount ? 5 + (p.KOK_PRODUCT_ID % 10) * 5 : 0;
    const price = p.KOK_PRODUCT_PRICE;
    const discounted = price === null ? null : Math.round((price * (100 - discount)) / 1000) * 10;
    return [{ KOK_PRICE_ID: nextId++, KOK_PRODUCT_ID: p.KOK_PRODUCT_ID, KOK_DISCOUNT_RATE: discount, KOK_DISCOUNTED_PRICE: discounted }];
  });
  for (let i = 0; i < rows.length; i += BATCH) {
    const insert = k.insertInto('FCT_KOK_PRICE_INFO').values(rows.slice(i, i + BATCH));
    // An identical older row would hit UNIQ_PROD_COL; skipping it keeps the run idempotent.
    await ignoreDuplicates(db.kind, insert).execute();
  }
  return rows.length;
}
