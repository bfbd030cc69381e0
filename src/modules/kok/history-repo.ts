// SQL for KOK_SEARCH_HISTORY; every statement is scoped to the owner.
import type { Db } from '../../platform/db/connect.js';
import { insertReturningId } from '../../platform/db/dialect.js';
import type { ServiceDB } from '../../platform/db/schema.js';

export interface HistoryRow {
  KOK_HISTORY_ID: number;
  USER_ID: number;
  KOK_KEYWORD: string;
  KOK_SEARCHED_AT: Date;
}

export class HistoryRepo {
  constructor(private readonly db: Db<ServiceDB>) {}

  async recent(userId: number, limit: number): Promise<HistoryRow[]> {
    return this.db.kysely
      .selectFrom('KOK_SEARCH_HISTORY')
      .selectAll()
      .where('USER_ID', '=', userId)
      .orderBy('KOK_SEARCHED_AT', 'desc')
      .orderBy('KOK_HISTORY_ID', 'desc')
      .limit(limit)
      .execute();
  }

  async findKeyword(userId: number, keyword: string): Promise<number | undefined> {
    const row = await this.db.kysely
      .selectFrom('KOK_SEARCH_HISTORY')
      .select('KOK_HISTORY_ID')
      .where('USER_ID', '=', userId)
      .where('KOK_KEYWORD', '=', keyword)
      .orderBy('KOK_HISTORY_ID', 'desc')
      .executeTakeFirst();
    return row?.KOK_HISTORY_ID;
  }

  async touch(historyId: number, at: Date): Promise<void> {
    await this.db.kysely.updateTable('KOK_SEARCH_HISTORY').set({ KOK_SEARCHED_AT: at }).where('KOK_HISTORY_ID', '=', historyId).execute();
  }

  async insert(userId: number, keyword: string, at: Date): Promise<number> {
    const values = { USER_ID: userId, KOK_KEYWORD: keyword, KOK_SEARCHED_AT: at };
    return insertReturningId(this.db.kysely, this.db.kind, 'KOK_SEARCH_HISTORY', values, 'KOK_HISTORY_ID');
  }

  /** Deletes everything but the user's `keep` newest rows. */
  async trim(userId: number, keep: number): Promise<void> {
    const stale = await this.db.kysely
      .selectFrom('KOK_SEARCH_HISTORY')
      .select('KOK_HISTORY_ID')
      .where('USER_ID', '=', userId)
      .orderBy('KOK_SEARCHED_AT', 'desc')
      .orderBy('KOK_HISTORY_ID', 'desc')
      .offset(keep)
      .limit(1000)
      .execute();
    if (stale.length === 0) return;
    await this.db.kysely
      .deleteFrom('KOK_SEARCH_HISTORY')
      .where('USER_ID', '=', userId)
      .where('KOK_HISTORY_ID', 'in', stale.map((r) => r.KOK_HISTORY_ID))
      .execute();
  }

  /** Returns 0 when the row is missing or belongs to someone else. */
  async remove(userId: number, historyId: number): Promise<number> {
    const res = await this.db.kysely
      .deleteFrom('KOK_SEARCH_HISTORY')
      .where('USER_ID', '=', userId)
      .where('KOK_HISTORY_ID', '=', historyId)
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}
