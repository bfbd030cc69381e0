// SERVICE_DB orders (schema.md §3.5): status codes, order headers, Kok and home-shopping lines and their
// append-only status histories. No FK constraints (see helpers.ts).
import { autoId, createTable, nowDefault, types } from '../../platform/db/ddl.js';
import type { Step } from '../../platform/db/migrate.js';
import { index } from './helpers.js';

export const orders: Step = {
  async up(db, kind) {
    const t = types(kind);

    await autoId(createTable(db, kind, 'STATUS_MASTER'), kind, 'STATUS_ID')
      .addColumn('STATUS_CODE', t.varchar(30), (c) => c.notNull())
      .addColumn('STATUS_NAME', t.varchar(100), (c) => c.notNull())
      .execute();
    // DOC's idx_status_master_code duplicates the unique key: not created.
    await index(db, kind, { name: 'STATUS_MASTER_STATUS_CODE', mysqlName: 'STATUS_CODE', table: 'STATUS_MASTER', columns: ['STATUS_CODE'], unique: true });

    await autoId(createTable(db, kind, 'ORDERS'), kind, 'ORDER_ID')
      .addColumn('USER_ID', t.int, (c) => c.notNull())
      .addColumn('ORDER_TIME', t.datetime, (c) => c.notNull())
      .addColumn('CANCEL_TIME', t.datetime)
      .addColumn('RECIPE_ID', t.int)
      .execute();
    await index(db, kind, { name: 'idx_orders_user_time', table: 'ORDERS', columns: ['USER_ID', 'ORDER_TIME desc'] });
    await index(db, kind, { name: 'idx_orders_cancel', table: 'ORDERS', columns: ['CANCEL_TIME'] });

    await autoId(createTable(db, kind, 'KOK_ORDERS'), kind, 'KOK_ORDER_ID')
      .addColumn('ORDER_ID', t.int, (c) => c.notNull())
      .addColumn('KOK_PRICE_ID', t.int, (c) => c.notNull())
      .addColumn('KOK_PRODUCT_ID', t.int, (c) => c.notNull())
      .addColumn('QUANTITY', t.int, (c) => c.notNull())
      .addColumn('ORDER_PRICE', t.int)
      .addColumn('RECIPE_ID', t.int)
      .execute();
    // DOC's (KOK_ORDER_ID) index duplicates the PK: not created.
    await index(db, kind, { name: 'FK_KOK_ORDERS_FCT_KOK_PRICE_INFO', table: 'KOK_ORDERS', columns: ['KOK_PRICE_ID'] });
    await index(db, kind, { name: 'FK_KOK_ORDERS_FCT_RECIPE', table: 'KOK_ORDERS', columns: ['RECIPE_ID'] });
    await index(db, kind, { name: 'idx_kok_orders_product_id', table: 'KOK_ORDERS', columns: ['KOK_PRODUCT_ID'] });
    await index(db, kind, { name: 'idx_kok_orders_order_id', table: 'KOK_ORDERS', columns: ['ORDER_ID'] });

    await autoId(createTable(db, kind, 'KOK_ORDER_STATUS_HISTORY'), kind, 'HISTORY_ID', 'bigint')
      .addColumn('KOK_ORDER_ID', t.int, (c) => c.notNull())
      .addColumn('STATUS_ID', t.int, (c) => c.notNull())
      .addColumn('CHANGED_AT', t.datetime, (c) => c.notNull().defaultTo(nowDefault(kind)))
      .addColumn('CHANGED_BY', t.int)
      .execute();
    await index(db, kind, { name: 'FK_KOK_ORDER_STATUS_HISTORY_STATUS_MASTER', table: 'KOK_ORDER_STATUS_HISTORY', columns: ['STATUS_ID'] });
    await index(db, kind, { name: 'idx_kok_status_history_order', table: 'KOK_ORDER_STATUS_HISTORY', columns: ['KOK_ORDER_ID', 'CHANGED_AT desc'] });

    await autoId(createTable(db, kind, 'HOMESHOPPING_ORDERS'), kind, 'HOMESHOPPING_ORDER_ID')
      .addColumn('ORDER_ID', t.int, (c) => c.notNull())
      .addColumn('PRODUCT_ID', t.bigint, (c) => c.notNull())
      .addColumn('DC_PRICE', t.bigint, (c) => c.notNull())
      .addColumn('QUANTITY', t.int, (c) => c.notNull())
      .addColumn('ORDER_PRICE', t.bigint)
      .execute();
    // DOC's (HOMESHOPPING_ORDER_ID) index duplicates the PK and its (PRODUCT_ID) index exists twice: one kept.
    await index(db, kind, { name: 'idx_homeshopping_orders_product_id', table: 'HOMESHOPPING_ORDERS', columns: ['PRODUCT_ID'] });
    await index(db, kind, { name: 'idx_homeshopping_orders_order_id', table: 'HOMESHOPPING_ORDERS', columns: ['ORDER_ID'] });

    await autoId(createTable(db, kind, 'HOMESHOPPING_ORDER_STATUS_HISTORY'), kind, 'HISTORY_ID', 'bigint')
      .addColumn('HOMESHOPPING_ORDER_ID', t.int, (c) => c.notNull())
      .addColumn('STATUS_ID', t.int, (c) => c.notNull())
      .addColumn('CHANGED_AT', t.datetime, (c) => c.notNull().defaultTo(nowDefault(kind)))
      .addColumn('CHANGED_BY', t.int)
      .execute();
    // DOC's idx_hs_status_history_order duplicates this one: not created.
    await index(db, kind, {
      name: 'idx_homeshopping_status_history_order',
      table: 'HOMESHOPPING_ORDER_STATUS_HISTORY',
      columns: ['HOMESHOPPING_ORDER_ID', 'CHANGED_AT desc'],
    });
    await index(db, kind, { name: 'idx_homeshopping_status_history_status', table: 'HOMESHOPPING_ORDER_STATUS_HISTORY', columns: ['STATUS_ID'] });
  },
};
