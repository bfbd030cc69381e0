// SQL over the order tables (ORDERS, KOK_ORDERS, HOMESHOPPING_ORDERS, KOK_NOTIFICATION).
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { HomeshoppingOrdersTable, KokOrdersTable, OrderTables, OrdersTable } from './tables.js';

export type OrderRow = Selectable<OrdersTable>;
export type KokLineRow = Selectable<KokOrdersTable>;
export type HsLineRow = Selectable<HomeshoppingOrdersTable>;

export interface KokNoticeRow {
  NOTIFICATION_ID: number;
  USER_ID: number;
  KOK_ORDER_ID: number;
  STATUS_ID: number;
  TITLE: string;
  MESSAGE: string;
  CREATED_AT: Date;
  STATUS_CODE: string;
  STATUS_NAME: string;
  KOK_PRODUCT_ID: number;
}

const ORDER_COLUMNS = ['ORDER_ID', 'USER_ID', 'ORDER_TIME', 'CANCEL_TIME', 'RECIPE_ID'] as const;

export class OrderRepo {
  constructor(private readonly db: Db<OrderTables>) {}

  /** Distinct KOK price ids of every order line the user ever placed (any status). */
  async orderedKokPriceIds(userId: number): Promise<number[]> {
    const rows = await this.db.kysely
      .selectFrom('ORDERS as O')
      .innerJoin('KOK_ORDERS as KO', 'KO.ORDER_ID', 'O.ORDER_ID')
      .select('KO.KOK_PRICE_ID')
      .distinct()
      .where('O.USER_ID', '=', userId)
      .execute();
    return rows.map((r) => r.KOK_PRICE_ID);
  }

  /** The user's orders, newest first (ORDER_ID breaks ties), optionally only those placed since `since`. */
  async orders(userId: number, limit: number, since?: Date): Promise<OrderRow[]> {
    let query = this.db.kysely.selectFrom('ORDERS').select(ORDER_COLUMNS).where('USER_ID', '=', userId);
    if (since) query = query.where('ORDER_TIME', '>=', since);
    return query.orderBy('ORDER_TIME', 'desc').orderBy('ORDER_ID', 'desc').limit(limit).execute();
  }

  async orderCount(userId: number): Promise<number> {
    const row = await this.db.kysely.selectFrom('ORDERS').select((eb) => eb.fn.countAll<number>().as('n')).where('USER_ID', '=', userId).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async order(orderId: number, trx?: Executor<OrderTables>): Promise<OrderRow | undefined> {
    return (trx ?? this.db.kysely).selectFrom('ORDERS').select(ORDER_COLUMNS).where('ORDER_ID', '=', orderId).executeTakeFirst();
  }

  async kokLines(orderIds: number[], trx?: Executor<OrderTables>): Promise<KokLineRow[]> {
    if (orderIds.length === 0) return [];
    return (trx ?? this.db.kysely).selectFrom('KOK_ORDERS').selectAll().where('ORDER_ID', 'in', orderIds).orderBy('KOK_ORDER_ID').execute();
  }

  async hsLines(orderIds: number[], trx?: Executor<OrderTables>): Promise<HsLineRow[]> {
    if (orderIds.length === 0) return [];
    return (trx ?? this.db.kysely).selectFrom('HOMESHOPPING_ORDERS').selectAll().where('ORDER_ID', 'in', orderIds).orderBy('HOMESHOPPING_ORDER_ID').execute();
  }

  /** Sets CANCEL_TIME unless the order already has one (compare-and-set); answers whether this call set it. */
  async markCancelled(orderId: number, at: Date, trx: Executor<OrderTables>): Promise<boolean> {
    const result = await trx.updateTable('ORDERS').set({ CANCEL_TIME: at }).where('ORDER_ID', '=', orderId).where('CANCEL_TIME', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** A KOK line with its order's owner. */
  async kokLine(kokOrderId: number): Promise<(KokLineRow & { USER_ID: number }) | undefined> {
    return this.db.kysely
      .selectFrom('KOK_ORDERS as L')
      .innerJoin('ORDERS as O', 'O.ORDER_ID', 'L.ORDER_ID')
      .selectAll('L')
      .select('O.USER_ID')
      .where('L.KOK_ORDER_ID', '=', kokOrderId)
      .executeTakeFirst();
  }

  /** A home-shopping line with its order's owner and time. */
  async hsLine(hsOrderId: number): Promise<(HsLineRow & { USER_ID: number; ORDER_TIME: Date }) | undefined> {
    return this.db.kysely
      .selectFrom('HOMESHOPPING_ORDERS as L')
      .innerJoin('ORDERS as O', 'O.ORDER_ID', 'L.ORDER_ID')
      .selectAll('L')
      .select(['O.USER_ID', 'O.ORDER_TIME'])
      .where('L.HOMESHOPPING_ORDER_ID', '=', hsOrderId)
      .executeTakeFirst();
  }

  /** The user's KOK notifications of the given status codes, newest first (NOTIFICATION_ID breaks ties). */
  async kokNotices(userId: number, codes: readonly string[], limit: number, offset: number): Promise<KokNoticeRow[]> {
    return this.db.kysely
      .selectFrom('KOK_NOTIFICATION as N')
      .innerJoin('STATUS_MASTER as S', 'S.STATUS_ID', 'N.STATUS_ID')
      .innerJoin('KOK_ORDERS as L', 'L.KOK_ORDER_ID', 'N.KOK_ORDER_ID')
      .select(['N.NOTIFICATION_ID', 'N.USER_ID', 'N.KOK_ORDER_ID', 'N.STATUS_ID', 'N.TITLE', 'N.MESSAGE', 'N.CREATED_AT', 'S.STATUS_CODE', 'S.STATUS_NAME', 'L.KOK_PRODUCT_ID'])
      .where('N.USER_ID', '=', userId)
      .where('S.STATUS_CODE', 'in', codes)
      .orderBy('N.CREATED_AT', 'desc')
      .orderBy('N.NOTIFICATION_ID', 'desc')
      .limit(limit)
      .offset(offset)
      .execute() as Promise<KokNoticeRow[]>;
  }

  async kokNoticeCount(userId: number, codes: readonly string[]): Promise<number> {
    const row = await this.db.kysely
      .selectFrom('KOK_NOTIFICATION as N')
      .innerJoin('STATUS_MASTER as S', 'S.STATUS_ID', 'N.STATUS_ID')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('N.USER_ID', '=', userId)
      .where('S.STATUS_CODE', 'in', codes)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
