// SQL for USER_LOG (LOG_DB, PostgreSQL).
import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { LogDB } from '../../platform/db/schema.js';

export interface LogRowInput {
  LOG_ID?: number;
  USER_ID: number;
  EVENT_TYPE: string;
  EVENT_DATA: string | null;
  CREATED_AT?: Date;
  HTTP_METHOD: string | null;
  API_URL: string | null;
  REQUEST_TIME: Date | null;
  RESPONSE_TIME: Date | null;
  RESPONSE_CODE: number | null;
  CLIENT_IP: string | null;
}

export interface LogRow extends Required<Omit<LogRowInput, 'EVENT_DATA'>> {
  EVENT_DATA: unknown;
}

export class LogRepo {
  constructor(private readonly db: Db<LogDB>) {}

  /** Takes the next LOG_ID from the table's own sequence, so a queued row can be answered before it is written. */
  async reserveId(): Promise<number> {
    const { rows } = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('"USER_LOG"', 'LOG_ID')) as id`.execute(this.db.kysely);
    return Number(rows[0].id);
  }

  /** One statement per batch; rows with a reserved id are skipped when already written (retries are no-ops). */
  async insertMany(rows: LogRowInput[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.kysely
      .insertInto('USER_LOG')
      .values(rows)
      .onConflict((oc) => oc.column('LOG_ID').doNothing())
      .execute();
  }

  async latestForUser(userId: number, limit: number): Promise<LogRow[]> {
    return (await this.db.kysely
      .selectFrom('USER_LOG')
      .selectAll()
      .where('USER_ID', '=', userId)
      .orderBy('CREATED_AT', 'desc')
      .orderBy('LOG_ID', 'desc')
      .limit(limit)
      .execute()) as LogRow[];
  }
}
