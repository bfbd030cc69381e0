// SERVICE_DB: the Idempotency-Key store of order creation (issue 8: a repeat within 24 h answers the first result).
// One row per (user, key), written in the creating transaction, so a key exists exactly when its order does.
import { createTable, types } from '../../platform/db/ddl.js';
import type { Step } from '../../platform/db/migrate.js';
import { index } from './helpers.js';

export const orderIdempotency: Step = {
  async up(db, kind) {
    const t = types(kind);
    await createTable(db, kind, 'ORDER_IDEMPOTENCY_KEY')
      .addColumn('USER_ID', t.int, (c) => c.notNull())
      .addColumn('IDEMPOTENCY_KEY', t.varchar(100), (c) => c.notNull())
      .addColumn('REQUEST_HASH', t.varchar(64), (c) => c.notNull())
      .addColumn('RESPONSE_BODY', t.text, (c) => c.notNull())
      .addColumn('CREATED_AT', t.datetime, (c) => c.notNull())
      .execute();
    await index(db, kind, { name: 'uk_order_idempotency_user_key', table: 'ORDER_IDEMPOTENCY_KEY', columns: ['USER_ID', 'IDEMPOTENCY_KEY'], unique: true });
  },
};
