// SQL for HOMESHOPPING_SEARCH_HISTORY; every statement is scoped to the owner. Methods take an optional transaction.
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { inNamedLock, insertReturningId } from '../../platform/db/dialect.js';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { HomeshoppingTables } from './tables.js';

export interface HsHistoryRow {
  HOMESHOPPING_HISTORY_ID: number;
  USER_ID: number;
  HOMESHOPPING_KEYWORD: string;
  HOMESHOPPING_SEARCHED_AT: Date;
}

export class HsHistoryRepo {
  constructor(private readonly db: Db<HomeshoppingTables>) {}

  /**
   * Runs `work` in a transaction no other history write of the same user runs beside: a named lock, since the
   * keyword's row may not exist yet and the table has no unique key (the original deployment shares it and may
   * already hold duplicates).
   */
  underUserLock<T>(userId: number, work: (trx: Transaction<HomeshoppingTables>) => Promise<T>): Promise<T> {
    return inNamedLock(this.db, `homeshopping_search_history:${userId}`, work);
  }

  async recent(userId: number, limit: number): Promise<HsHistoryRow[]> {
    return this.db.kysely
      .selectFrom('HOMESHOPPING_SEARCH_HISTORY')
      .selectAll()
      .where('USER_ID', '=', userId)
      .orderBy('HOMESHOPPING_SEARCHED_AT', 'desc')
      .orderBy('HOMESHOPPING_HISTORY_ID', 'desc')
      .limit(limit)
      .execute();
  }

  async findKeyword(userId: number, keyword: string, trx: Executor<HomeshoppingTables>): Promise<number | undefined> {
    const row = await trx
      .selectFrom('HOMESHOPPING_SEARCH_HISTORY')
      .select('HOMESHOPPING_HISTORY_ID')
      .where('USER_ID', '=', userId)
      .where('HOMESHOPPING_KEYWORD', '=', keyword)
      .orderBy('HOMESHOPPING_HISTORY_ID', 'desc')
      .executeTakeFirst();
    return row?.HOMESHOPPING_HISTORY_ID;
  }

  async touch(historyId: number, at: Date, trx: Executor<HomeshoppingTables>): Promise<void> {
    await trx.updateTable('HOMESHOPPING_SEARCH_HISTORY').set({ HOMESHOPPING_SEARCHED_AT: at }).where('HOMESHOPPING_HISTORY_ID', '=', historyId).execute();
  }

  async insert(userId: number, keyword: string, at: Date, trx: Executor<HomeshoppingTables>): Promise<number> {
    const values = { USER_ID: userId, HOMESHOPPING_KEYWORD: keyword, HOMESHOPPING_SEARCHED_AT: at };
    return insertReturningId<HomeshoppingTables, 'HOMESHOPPING_SEARCH_HISTORY'>(trx, this.db.kind, 'HOMESHOPPING_SEARCH_HISTORY', values, 'HOMESHOPPING_HISTORY_ID');
  }

  /** Deletes everything but the user's `keep` newest rows. */
  async trim(userId: number, keep: number, trx: Executor<HomeshoppingTables>): Promise<void> {
    const stale = await trx
      .selectFrom('HOMESHOPPING_SEARCH_HISTORY')
      .select('HOMESHOPPING_HISTORY_ID')
      .where('USER_ID', '=', userId)
      .orderBy('HOMESHOPPING_SEARCHED_AT', 'desc')
      .orderBy('HOMESHOPPING_HISTORY_ID', 'desc')
      .offset(keep)
      .limit(1000)
      .execute();
    if (stale.length === 0) return;
    await trx
      .deleteFrom('HOMESHOPPING_SEARCH_HISTORY')
      .where('USER_ID', '=', userId)
      .where('HOMESHOPPING_HISTORY_ID', 'in', stale.map((r) => r.HOMESHOPPING_HISTORY_ID))
      .execute();
  }

  /** Returns 0 when the row is missing or belongs to someone else. */
  async remove(userId: number, historyId: number): Promise<number> {
    const res = await this.db.kysely
      .deleteFrom('HOMESHOPPING_SEARCH_HISTORY')
      .where('USER_ID', '=', userId)
      .where('HOMESHOPPING_HISTORY_ID', '=', historyId)
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}
