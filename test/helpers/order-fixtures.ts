// Orders inserted straight into SERVICE_DB (checkout is another part of issue 8): an order, its lines and history.
import { sql } from 'kysely';
import { insertReturningId } from '../../src/platform/db/dialect.js';
import type { TestApp } from './app.js';

export interface SeededOrder {
  orderId: number;
  kokOrderIds: number[];
  hsOrderIds: number[];
}

export interface OrderSeed {
  userId: number;
  at: Date;
  kok?: Array<{ productId: number; priceId?: number; quantity?: number; price?: number | null; recipeId?: number | null }>;
  hs?: Array<{ productId: number; dcPrice?: number; quantity?: number }>;
  /** Status codes appended to every line's history, oldest first, all at `at` (same second: HISTORY_ID decides). */
  statuses?: string[];
}

async function statusId(t: TestApp, code: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`SELECT ${sql.ref('STATUS_ID')} AS ${sql.ref('id')} FROM ${sql.table('STATUS_MASTER')} WHERE ${sql.ref('STATUS_CODE')} = ${code}`.execute(t.ctx.dbs.service.kysely);
  return Number(rows[0]!.id);
}

export async function seedOrder(t: TestApp, seed: OrderSeed): Promise<SeededOrder> {
  const { kysely: db, kind } = t.ctx.dbs.service;
  const orderId = await insertReturningId(db, kind, 'ORDERS', { USER_ID: seed.userId, ORDER_TIME: seed.at, CANCEL_TIME: null }, 'ORDER_ID');
  const kokOrderIds: number[] = [];
  for (const k of seed.kok ?? []) {
    const quantity = k.quantity ?? 1;
    const values = { ORDER_ID: orderId, KOK_PRICE_ID: k.priceId ?? 1, KOK_PRODUCT_ID: k.productId, QUANTITY: quantity, ORDER_PRICE: k.price === undefined ? 1000 * quantity : k.price, RECIPE_ID: k.recipeId ?? null };
    kokOrderIds.push(await insertReturningId(db, kind, 'KOK_ORDERS', values, 'KOK_ORDER_ID'));
  }
  const hsOrderIds: number[] = [];
  for (const h of seed.hs ?? []) {
    const quantity = h.quantity ?? 1;
    const dc = h.dcPrice ?? 2000;
    const values = { ORDER_ID: orderId, PRODUCT_ID: h.productId, DC_PRICE: dc, QUANTITY: quantity, ORDER_PRICE: dc * quantity };
    hsOrderIds.push(await insertReturningId(db, kind, 'HOMESHOPPING_ORDERS', values, 'HOMESHOPPING_ORDER_ID'));
  }
  for (const code of seed.statuses ?? []) {
    const id = await statusId(t, code);
    for (const line of kokOrderIds) await db.insertInto('KOK_ORDER_STATUS_HISTORY').values({ KOK_ORDER_ID: line, STATUS_ID: id, CHANGED_AT: seed.at, CHANGED_BY: seed.userId }).execute();
    for (const line of hsOrderIds) await db.insertInto('HOMESHOPPING_ORDER_STATUS_HISTORY').values({ HOMESHOPPING_ORDER_ID: line, STATUS_ID: id, CHANGED_AT: seed.at, CHANGED_BY: seed.userId }).execute();
  }
  return { orderId, kokOrderIds, hsOrderIds };
}
