// SQL for HOMESHOPPING_NOTIFICATION: broadcast notices written on like and by the reminders, the owner's lists and
// mark-read. Every read and update is scoped to the owner. Methods take an optional transaction.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { ignoreDuplicates } from '../../platform/db/dialect.js';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { HomeshoppingTables } from './tables.js';

export const BROADCAST_START = 'broadcast_start';
export const ORDER_STATUS = 'order_status';
export type NotificationType = typeof BROADCAST_START | typeof ORDER_STATUS;

/** An order-status notice for a home-shopping order line (written by the order module through services.ts). */
export interface OrderStatusNotice {
  userId: number;
  homeshoppingOrderId: number;
  statusId: number;
  title: string;
  message: string;
  createdAt: Date;
}

/** A broadcast notice for one liked slot (RELATED_ENTITY_TYPE 'live'). */
export interface BroadcastNotice {
  userId: number;
  liveId: number;
  title: string;
  message: string;
  at: Date;
  /** Set for the notice registered with a like (removed with it); null for a reminder (kept once sent). */
  likeId: number | null;
  dedupeKey: string | null;
}

export interface NotificationRow {
  NOTIFICATION_ID: number;
  USER_ID: number;
  NOTIFICATION_TYPE: string;
  RELATED_ENTITY_TYPE: string;
  RELATED_ENTITY_ID: number;
  HOMESHOPPING_LIKE_ID: number | null;
  HOMESHOPPING_ORDER_ID: number | null;
  STATUS_ID: number | null;
  TITLE: string;
  MESSAGE: string;
  PRODUCT_NAME: string | null;
  IS_READ: number;
  CREATED_AT: Date;
  READ_AT: Date | null;
}

export interface NotificationCounts {
  total: number;
  unread: number;
}

export class HsNotificationRepo {
  constructor(private readonly db: Db<HomeshoppingTables>) {}

  private broadcastValues(n: BroadcastNotice) {
    return {
      USER_ID: n.userId,
      NOTIFICATION_TYPE: BROADCAST_START,
      RELATED_ENTITY_TYPE: 'live',
      RELATED_ENTITY_ID: n.liveId,
      HOMESHOPPING_LIKE_ID: n.likeId,
      TITLE: n.title,
      MESSAGE: n.message,
      IS_READ: 0,
      CREATED_AT: n.at,
      DEDUPE_KEY: n.dedupeKey,
    };
  }

  /** An order-status notice (type, entity and read flag keep their defaults), inside the caller's transaction. */
  async insertOrderStatus(notice: OrderStatusNotice, trx: Executor<HomeshoppingTables>): Promise<void> {
    await trx
      .insertInto('HOMESHOPPING_NOTIFICATION')
      .values({
        USER_ID: notice.userId,
        HOMESHOPPING_ORDER_ID: notice.homeshoppingOrderId,
        STATUS_ID: notice.statusId,
        TITLE: notice.title,
        MESSAGE: notice.message,
        CREATED_AT: notice.createdAt,
      })
      .execute();
  }

  async insertBroadcast(notice: BroadcastNotice, trx: Executor<HomeshoppingTables>): Promise<void> {
    await trx.insertInto('HOMESHOPPING_NOTIFICATION').values(this.broadcastValues(notice)).execute();
  }

  /**
   * Writes the notice unless the user already has one with its dedupe key, in one statement (INSERT IGNORE / ON
   * CONFLICT DO NOTHING on the unique key): true when this call wrote it. Concurrent writers of one key wait on the
   * key and all but one write nothing.
   */
  async insertOnce(notice: BroadcastNotice & { dedupeKey: string }): Promise<boolean> {
    const res = await ignoreDuplicates(this.db.kind, this.db.kysely.insertInto('HOMESHOPPING_NOTIFICATION').values(this.broadcastValues(notice))).executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** The broadcast notices registered with a like (not the reminders, which carry no like id). */
  async removeForLike(userId: number, likeId: number, trx: Executor<HomeshoppingTables>): Promise<void> {
    await trx
      .deleteFrom('HOMESHOPPING_NOTIFICATION')
      .where('USER_ID', '=', userId)
      .where('NOTIFICATION_TYPE', '=', BROADCAST_START)
      .where('HOMESHOPPING_LIKE_ID', '=', likeId)
      .execute();
  }

  /** Newest first, the id breaking ties; a broadcast notice carries its slot's product name. */
  async page(userId: number, type: NotificationType | null, limit: number, offset: number): Promise<NotificationRow[]> {
    let query = this.db.kysely
      .selectFrom('HOMESHOPPING_NOTIFICATION as n')
      .leftJoin('FCT_HOMESHOPPING_LIST as b', (join) => join.onRef('b.LIVE_ID', '=', 'n.RELATED_ENTITY_ID').on('n.RELATED_ENTITY_TYPE', '=', 'live'))
      .select([
        'n.NOTIFICATION_ID',
        'n.USER_ID',
        'n.NOTIFICATION_TYPE',
        'n.RELATED_ENTITY_TYPE',
        'n.RELATED_ENTITY_ID',
        'n.HOMESHOPPING_LIKE_ID',
        'n.HOMESHOPPING_ORDER_ID',
        'n.STATUS_ID',
        'n.TITLE',
        'n.MESSAGE',
        'b.PRODUCT_NAME',
        'n.IS_READ',
        'n.CREATED_AT',
        'n.READ_AT',
      ])
      .where('n.USER_ID', '=', userId);
    if (type) query = query.where('n.NOTIFICATION_TYPE', '=', type);
    const rows = await query.orderBy('n.CREATED_AT', 'desc').orderBy('n.NOTIFICATION_ID', 'desc').limit(limit).offset(offset).execute();
    return rows.map((r) => ({ ...r, NOTIFICATION_ID: Number(r.NOTIFICATION_ID), RELATED_ENTITY_ID: Number(r.RELATED_ENTITY_ID) }));
  }

  async counts(userId: number, type: NotificationType | null): Promise<NotificationCounts> {
    let query = this.db.kysely
      .selectFrom('HOMESHOPPING_NOTIFICATION')
      .select([sql<number>`count(*)`.as('total'), sql<number>`coalesce(sum(case when ${sql.ref('IS_READ')} = 0 then 1 else 0 end), 0)`.as('unread')])
      .where('USER_ID', '=', userId);
    if (type) query = query.where('NOTIFICATION_TYPE', '=', type);
    const row = await query.executeTakeFirstOrThrow();
    return { total: Number(row.total), unread: Number(row.unread) };
  }

  /** 0 when the notification is missing or someone else's. */
  async markRead(userId: number, notificationId: number, at: Date): Promise<number> {
    const res = await this.db.kysely
      .updateTable('HOMESHOPPING_NOTIFICATION')
      .set({ IS_READ: 1, READ_AT: at })
      .where('USER_ID', '=', userId)
      .where('NOTIFICATION_ID', '=', notificationId)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  }
}
