// The user module's tables (AUTH_DB, schema.md §2): accounts, settings and the token blacklist.
import type { Generated } from 'kysely';
import type { Defaulted } from '../../platform/db/column-types.js';

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

export interface UserTables {
  USERS: UsersTable;
  USER_SETTINGS: UserSettingsTable;
  JWT_BLACKLIST: JwtBlacklistTable;
}
