// SQL for HOMESHOPPING_LIKES (찜 of a broadcast slot) and the liked broadcasts the reminders look at. Methods take
// an optional transaction.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { inNamedLock, insertReturningId } from '../../platform/db/dialect.js';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { HomeshoppingTables } from './tables.js';

export interface LikedBroadcastRow {
  LIVE_ID: number;
  PRODUCT_ID: number;
  PRODUCT_NAME: string | null;
  STORE_NAME: string | null;
  DC_PRICE: number | null;
  DC_RATE: number | null;
  THUMB_IMG_URL: string | null;
  HOMESHOPPING_LIKE_CREATED_AT: Date;
  HOMESHOPPING_ID: number | null;
  LIVE_DATE: string | null;
  LIVE_START_TIME: string | null;
  LIVE_END_TIME: string | null;
}

export interface BroadcastSlotRow {
  LIVE_ID: number;
  PRODUCT_NAME: string | null;
  LIVE_DATE: string | null;
  LIVE_START_TIME: string | null;
}

/** A liked broadcast whose start fell in the reminder window. */
export interface DueReminderRow extends BroadcastSlotRow {
  USER_ID: number;
}

/** A KST wall-clock moment split the way FCT_HOMESHOPPING_LIST stores it. */
export interface KstMoment {
  date: string;
  time: string;
}

/** NULL dates and times sort last on both engines (MariaDB would put them first, PostgreSQL last). */
const nullsLast = (column: string) => sql`case when ${sql.ref(column)} is null then 1 else 0 end`;

export class HsLikesRepo {
  constructor(private readonly db: Db<HomeshoppingTables>) {}

  /**
   * Runs `work` in a transaction no other toggle of the same (user, broadcast) runs beside: a named lock, since the
   * like row to lock may not exist yet (and the broadcast row is ETL-owned and may be gone).
   */
  underLikeLock<T>(userId: number, liveId: number, work: (trx: Transaction<HomeshoppingTables>) => Promise<T>): Promise<T> {
    return inNamedLock(this.db, `homeshopping_like:${userId}:${liveId}`, work);
  }

  async find(userId: number, liveId: number, trx: Executor<HomeshoppingTables>): Promise<number | undefined> {
    const row = await trx
      .selectFrom('HOMESHOPPING_LIKES')
      .select('HOMESHOPPING_LIKE_ID')
      .where('USER_ID', '=', userId)
      .where('LIVE_ID', '=', liveId)
      .executeTakeFirst();
    return row?.HOMESHOPPING_LIKE_ID;
  }

  async broadcast(liveId: number, trx: Executor<HomeshoppingTables>): Promise<BroadcastSlotRow | undefined> {
    return trx
      .selectFrom('FCT_HOMESHOPPING_LIST')
      .select(['LIVE_ID', 'PRODUCT_NAME', 'LIVE_DATE', 'LIVE_START_TIME'])
      .where('LIVE_ID', '=', liveId)
      .executeTakeFirst();
  }

  async insert(userId: number, liveId: number, at: Date, trx: Executor<HomeshoppingTables>): Promise<number> {
    const values = { USER_ID: userId, LIVE_ID: liveId, HOMESHOPPING_LIKE_CREATED_AT: at };
    return insertReturningId<HomeshoppingTables, 'HOMESHOPPING_LIKES'>(trx, this.db.kind, 'HOMESHOPPING_LIKES', values, 'HOMESHOPPING_LIKE_ID');
  }

  async remove(likeId: number, trx: Executor<HomeshoppingTables>): Promise<void> {
    await trx.deleteFrom('HOMESHOPPING_LIKES').where('HOMESHOPPING_LIKE_ID', '=', likeId).execute();
  }

  /** Oldest broadcast first (api spec §5.13); likes whose product has no info row are hidden, as in the original. */
  async likedBroadcasts(userId: number, limit: number): Promise<LikedBroadcastRow[]> {
    return this.db.kysely
      .selectFrom('HOMESHOPPING_LIKES as l')
      .innerJoin('FCT_HOMESHOPPING_LIST as b', 'b.LIVE_ID', 'l.LIVE_ID')
      .innerJoin('FCT_HOMESHOPPING_PRODUCT_INFO as p', 'p.PRODUCT_ID', 'b.PRODUCT_ID')
      .select([
        'b.LIVE_ID',
        'p.PRODUCT_ID',
        'b.PRODUCT_NAME',
        'p.STORE_NAME',
        'p.DC_PRICE',
        'p.DC_RATE',
        'b.THUMB_IMG_URL',
        'l.HOMESHOPPING_LIKE_CREATED_AT',
        'b.HOMESHOPPING_ID',
        'b.LIVE_DATE',
        'b.LIVE_START_TIME',
        'b.LIVE_END_TIME',
      ])
      .where('l.USER_ID', '=', userId)
      .orderBy(nullsLast('b.LIVE_DATE'))
      .orderBy('b.LIVE_DATE')
      .orderBy(nullsLast('b.LIVE_START_TIME'))
      .orderBy('b.LIVE_START_TIME')
      .orderBy('b.LIVE_ID')
      .limit(limit)
      .execute();
  }

  /**
   * Liked broadcasts starting in (from, to] (KST). The window may span midnight, so it is compared on the
   * (date, time) pair, not on the time of day alone.
   */
  async startingBetween(from: KstMoment, to: KstMoment): Promise<DueReminderRow[]> {
    return this.db.kysely
      .selectFrom('HOMESHOPPING_LIKES as l')
      .innerJoin('FCT_HOMESHOPPING_LIST as b', 'b.LIVE_ID', 'l.LIVE_ID')
      .select(['l.USER_ID', 'b.LIVE_ID', 'b.PRODUCT_NAME', 'b.LIVE_DATE', 'b.LIVE_START_TIME'])
      .where((eb) => {
        const after = eb.or([eb('b.LIVE_DATE', '>', from.date), eb.and([eb('b.LIVE_DATE', '=', from.date), eb('b.LIVE_START_TIME', '>', from.time)])]);
        const notAfter = eb.or([eb('b.LIVE_DATE', '<', to.date), eb.and([eb('b.LIVE_DATE', '=', to.date), eb('b.LIVE_START_TIME', '<=', to.time)])]);
        return eb.and([eb('b.LIVE_DATE', 'in', [from.date, to.date]), eb('b.LIVE_START_TIME', 'is not', null), after, notAfter]);
      })
      .orderBy('b.LIVE_DATE')
      .orderBy('b.LIVE_START_TIME')
      .orderBy('l.USER_ID')
      .orderBy('b.LIVE_ID')
      .execute();
  }
}
