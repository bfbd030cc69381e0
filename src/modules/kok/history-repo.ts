// SQL for KOK_SEARCH_HISTORY; every statement is scoped to the owner. Methods take an optional transaction.
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { inNamedLock, insertReturningId } from '../../platform/db/dialect.js';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { KokTables } from './tables.js';

export interface HistoryRow {
  KOK_HISTORY_ID: number;
  USER_ID: number;
  KOK_KEYWORD: string;
  KOK_SEARCHED_AT: Date;
}

export class HistoryRepo {
  constructor(private readonly db: Db<KokTables>) {}

  /**
   * Runs `work` in a transaction that no other history write of the same user runs beside. A named lock, not a row
   * lock: the user's row lives in AUTH_DB and the keyword's row may not exist yet. Not a unique key either: the
   * original deployment, sharing the table, inserts a row per search and may already have stored duplicates.
   */
  underUserLock<T>(userId: number, work: (trx: Transaction<KokTables>) => Promise<T>): Promise<T> {
    return inNamedLock(this.db, `kok_search_history:${userId}`, work);
  }

  async recent(userId: number, limit: number, trx: Executor<KokTables> = this.db.kysely): Promise<HistoryRow[]> {
    return trx
      .selectFrom('KOK_SEARCH_HISTORY')
      .selectAll()
      .where('USER_ID', '=', userId)
      .orderBy('KOK_SEARCHED_AT', 'desc')
      .orderBy('KOK_HISTORY_ID', 'desc')
      .limit(limit)
      .execute();
  }

  async findKeyword(userId: number, keyword: string, trx: Executor<KokTables> = this.db.kysely): Promise<number | undefined> {
    const row = await trx
      .selectFrom('KOK_SEARCH_HISTORY')
      .select('KOK_HISTORY_ID')
      .where('USER_ID', '=', userId)
      .where('KOK_KEYWORD', '=', keyword)
      .orderBy('KOK_HISTORY_ID', 'desc')
      .executeTakeFirst();
    return row?.KOK_HISTORY_ID;
  }

  async touch(historyId: number, at: Date, trx: Executor<KokTables> = this.db.kysely): Promise<void> {
    await trx.updateTable('KOK_SEARCH_HISTORY').set({ KOK_SEARCHED_AT: at }).where('KOK_HISTORY_ID', '=', historyId).execute();
  }

  async insert(userId: number, keyword: string, at: Date, trx: Executor<KokTables> = this.db.kysely): Promise<number> {
    const values = { USER_ID: userId, KOK_KEYWORD: keyword, KOK_SEARCHED_AT: at };
    return insertReturningId<KokTables, 'KOK_SEARCH_HISTORY'>(trx, this.db.kind, 'KOK_SEARCH_HISTORY', values, 'KOK_HISTORY_ID');
  }

  /** Deletes everything but the user's `keep` newest rows. */
  async trim(userId: number, keep: number, trx: Executor<KokTables> = this.db.kysely): Promise<void> {
    const stale = await trx
      .selectFrom('KOK_SEARCH_HISTORY')
      .select('KOK_HISTORY_ID')
      .where('USER_ID', '=', userId)
      .orderBy('KOK_SEARCHED_AT', 'desc')
      .orderBy('KOK_HISTORY_ID', 'desc')
      .offset(keep)
      .limit(1000)
      .execute();
    if (stale.length === 0) return;
    await trx
      .deleteFrom('KOK_SEARCH_HISTORY')
      .where('USER_ID', '=', userId)
      .where('KOK_HISTORY_ID', 'in', stale.map((r) => r.KOK_HISTORY_ID))
      .execute();
  }

  /** Returns 0 when the row is missing or belongs to someone else. */
  async remove(userId: number, historyId: number, trx: Executor<KokTables> = this.db.kysely): Promise<number> {
    const res = await trx
      .deleteFrom('KOK_SEARCH_HISTORY')
      .where('USER_ID', '=', userId)
      .where('KOK_HISTORY_ID', '=', historyId)
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}
