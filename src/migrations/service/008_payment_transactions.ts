// SERVICE_DB: the durable payment record (api-order-payment §14 W1): one row per confirm v2 attempt, written before
// the payment server is called, so a webhook is verified against it on any instance and after a restart.
import { createTable, types } from '../../platform/db/ddl.js';
import type { Step } from '../../platform/db/migrate.js';
import { index } from './helpers.js';

export const paymentTransactions: Step = {
  async up(db, kind) {
    const t = types(kind);
    await createTable(db, kind, 'PAYMENT_TRANSACTIONS')
      .addColumn('TX_ID', t.varchar(64), (c) => c.primaryKey())
      .addColumn('ORDER_ID', t.int, (c) => c.notNull())
      .addColumn('USER_ID', t.int, (c) => c.notNull())
      .addColumn('AMOUNT', t.int, (c) => c.notNull())
      .addColumn('CALLBACK_TOKEN_HASH', t.varchar(64), (c) => c.notNull())
      .addColumn('STATUS', t.varchar(16), (c) => c.notNull())
      .addColumn('PAYMENT_ID', t.varchar(128))
      .addColumn('LAST_EVENT', t.varchar(32))
      .addColumn('FAILURE_REASON', t.varchar(255))
      .addColumn('CREATED_AT', t.datetime6, (c) => c.notNull())
      .addColumn('UPDATED_AT', t.datetime6, (c) => c.notNull())
      .addColumn('SETTLED_AT', t.datetime6)
      .execute();
    await index(db, kind, { name: 'idx_payment_transactions_order', table: 'PAYMENT_TRANSACTIONS', columns: ['ORDER_ID'] });
  },
};
