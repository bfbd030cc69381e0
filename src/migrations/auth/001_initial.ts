// AUTH_DB: USERS, USER_SETTINGS, JWT_BLACKLIST with the original names and keys.
import { sql } from 'kysely';
import { autoId, createIndex, createTable, nowDefault, types } from '../../platform/db/ddl.js';
import type { Step } from '../../platform/db/migrate.js';

export const initial: Step = {
  async up(db, kind) {
    const t = types(kind);
    await autoId(createTable(db, kind, 'USERS'), kind, 'USER_ID')
      .addColumn('EMAIL', t.varchar(255), (c) => c.notNull())
      .addColumn('PASSWORD_HASH', t.varchar(255), (c) => c.notNull())
      .addColumn('USERNAME', t.varchar(100))
      .addColumn('CREATED_AT', t.datetime)
      .execute();
    if (kind === 'mysql') {
      // MariaDB's case-insensitive collation makes this the original case-insensitive unique e-mail.
      await createIndex(db, { name: 'EMAIL', table: 'USERS', columns: ['EMAIL'], unique: true });
    } else {
      await sql`CREATE UNIQUE INDEX IF NOT EXISTS "USERS_EMAIL_LOWER" ON "USERS" (lower("EMAIL"))`.execute(db);
    }

    await autoId(createTable(db, kind, 'USER_SETTINGS'), kind, 'SETTING_ID')
      .addColumn('USER_ID', t.int)
      .addColumn('RECEIVE_NOTIFICATION', t.tinyint)
      .execute();
    await createIndex(db, { name: 'USER_SETTINGS_USER_ID', table: 'USER_SETTINGS', columns: ['USER_ID'], unique: true });

    await createTable(db, kind, 'JWT_BLACKLIST')
      .addColumn('TOKEN_HASH', t.varchar(255), (c) => c.primaryKey().notNull())
      .addColumn('BLACKLISTED_AT', t.datetime, (c) => c.defaultTo(nowDefault(kind)))
      .addColumn('EXPIRES_AT', t.datetime, (c) => c.notNull())
      .addColumn('USER_ID', t.varchar(36))
      .addColumn('METADATA', t.text)
      .execute();
    await createIndex(db, { name: 'ix_JWT_BLACKLIST_USER_ID', table: 'JWT_BLACKLIST', columns: ['USER_ID'] });
    await createIndex(db, { name: 'ix_JWT_BLACKLIST_EXPIRES_AT', table: 'JWT_BLACKLIST', columns: ['EXPIRES_AT'] });
  },
};
