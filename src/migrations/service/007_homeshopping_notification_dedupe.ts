// SERVICE_DB: a key that makes a notification meant to exist once per user (a broadcast reminder) a no-op when it is
// written again — by a second instance, after a restart, or after the like was removed and added back. Existing rows
// (the original's, which may repeat) keep NULL, which a unique index never compares, so adopting a database is safe.
import { sql } from 'kysely';
import type { Step } from '../../platform/db/migrate.js';
import { index } from './helpers.js';

export const homeshoppingNotificationDedupe: Step = {
  async up(db, kind) {
    await sql`ALTER TABLE ${sql.table('HOMESHOPPING_NOTIFICATION')} ADD COLUMN IF NOT EXISTS ${sql.ref('DEDUPE_KEY')} varchar(100) NULL`.execute(db);
    await index(db, kind, {
      name: 'uk_homeshopping_notification_dedupe',
      table: 'HOMESHOPPING_NOTIFICATION',
      columns: ['USER_ID', 'DEDUPE_KEY'],
      unique: true,
    });
  },
};
