// The log module's tables (LOG_DB, schema.md §4): the user event log.
import type { ColumnType, Generated } from 'kysely';
import type { Defaulted } from '../../platform/db/column-types.js';

export interface UserLogTable {
  LOG_ID: Generated<number>;
  USER_ID: number | null;
  EVENT_TYPE: string;
  EVENT_DATA: ColumnType<unknown, string | null, string | null>;
  CREATED_AT: Defaulted<Date>;
  HTTP_METHOD: string | null;
  API_URL: string | null;
  REQUEST_TIME: Date | null;
  RESPONSE_TIME: Date | null;
  RESPONSE_CODE: number | null;
  CLIENT_IP: string | null;
}

/** Events whose row the database refused, set aside by the event pipeline (migration 002). */
export interface UserLogDeadLetterTable {
  DEAD_LETTER_ID: Generated<number>;
  LOG_ID: number | null;
  PAYLOAD: string;
  ERROR: string | null;
  CREATED_AT: Defaulted<Date>;
}

export interface LogTables {
  USER_LOG: UserLogTable;
  USER_LOG_DEAD_LETTER: UserLogDeadLetterTable;
}
