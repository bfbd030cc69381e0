// Row types of every table, with the original upper-case table and column names.
import type { ColumnType, Generated } from 'kysely';

/** A column the database fills (DEFAULT) that may still be written explicitly. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

// ---------- AUTH_DB ----------
export interface UsersTable {
  USER_ID: Generated<number>;
  EMAIL: string;
  PASSWORD_HASH: string;
  USERNAME: string | null;
  CREATED_AT: Date | null;
}

export interface UserSettingsTable {
  SETTING_ID: Generated<number>;
  USER_ID: number | null;
  RECEIVE_NOTIFICATION: number | null;
}

export interface JwtBlacklistTable {
  TOKEN_HASH: string;
  BLACKLISTED_AT: Defaulted<Date | null>;
  EXPIRES_AT: Date;
  USER_ID: string | null;
  METADATA: string | null;
}

export interface AuthDB {
  USERS: UsersTable;
  USER_SETTINGS: UserSettingsTable;
  JWT_BLACKLIST: JwtBlacklistTable;
}

// ---------- LOG_DB ----------
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

export interface LogDB {
  USER_LOG: UserLogTable;
}

export * from './schema-service.js';
export * from './schema-rec.js';
