// SERVICE_DB home shopping: catalogue (schema.md §3.1) and user interaction (§3.2).
// Names and types follow DOC (deployed DDL); deviations carry a one-line comment. No FK constraints (see helpers.ts).
import { sql } from 'kysely';
import { autoId, createTable, nowDefault, types } from '../../platform/db/ddl.js';
import type { Step } from '../../platform/db/migrate.js';
import { index } from './helpers.js';

export const homeshopping: Step = {
  async up(db, kind) {
    const t = types(kind);

    // ---------- catalogue (loader-supplied ids: plain primary keys) ----------
    await createTable(db, kind, 'HOMESHOPPING_INFO')
      .addColumn('HOMESHOPPING_ID', t.smallint, (c) => c.primaryKey().notNull())
      .addColumn('HOMESHOPPING_NAME', t.varchar(20))
      .addColumn('HOMESHOPPING_CHANNEL', t.smallint)
      .addColumn('LIVE_URL', t.varchar(200))
      .execute();
    // DOC's idx_homeshopping_info_homeshopping_id duplicates the PK: not created.

    await createTable(db, kind, 'FCT_HOMESHOPPING_LIST')
      .addColumn('LIVE_ID', t.int, (c) => c.primaryKey().notNull())
      .addColumn('HOMESHOPPING_ID', t.smallint)
      .addColumn('LIVE_DATE', t.date)
      .addColumn('LIVE_START_TIME', t.time)
      .addColumn('LIVE_END_TIME', t.time)
      // MariaDB ENUM('main','sub') → varchar(4) + CHECK (portable).
      .addColumn('PROMOTION_TYPE', t.varchar(4), (c) => c.check(sql`${sql.ref('PROMOTION_TYPE')} in ('main', 'sub')`))
      .addColumn('PRODUCT_ID', t.bigint)
      .addColumn('PRODUCT_NAME', t.text)
      .addColumn('THUMB_IMG_URL', t.text)
      // tinyint(4) in DOC; tinyint(1)/smallint here (display width only).
      .addColumn('SCHEDULED_OR_CANCELLED', t.tinyint, (c) => c.notNull().defaultTo(1))
      .execute();
    await index(db, kind, {
      name: 'FCT_HOMESHOPPING_LIST_HOMESHOPPING_ID',
      mysqlName: 'HOMESHOPPING_ID',
      table: 'FCT_HOMESHOPPING_LIST',
      columns: ['HOMESHOPPING_ID', 'LIVE_DATE', 'LIVE_START_TIME', 'LIVE_END_TIME', 'PROMOTION_TYPE', 'PRODUCT_ID'],
      unique: true,
    });
    // DOC's idx_homeshopping_list_date duplicates this one; (HOMESHOPPING_ID), (PRODUCT_ID) and
    // idx_homeshopping_list_product are left prefixes of other indexes: not created.
    await index(db, kind, { name: 'idx_homeshopping_list_live_date_start_time', table: 'FCT_HOMESHOPPING_LIST', columns: ['LIVE_DATE', 'LIVE_START_TIME'] });
    await index(db, kind, { name: 'idx_homeshopping_list_composite', table: 'FCT_HOMESHOPPING_LIST', columns: ['LIVE_DATE', 'HOMESHOPPING_ID', 'PRODUCT_ID'] });
    await index(db, kind, {
      name: 'idx_homeshopping_list_product_date',
      table: 'FCT_HOMESHOPPING_LIST',
      columns: ['PRODUCT_ID', 'LIVE_DATE desc', 'LIVE_START_TIME desc'],
    });

    await createTable(db, kind, 'FCT_HOMESHOPPING_PRODUCT_INFO')
      .addColumn('PRODUCT_ID', t.bigint, (c) => c.primaryKey().notNull())
      .addColumn('STORE_NAME', t.varchar(1000))
      .addColumn('SALE_PRICE', t.bigint)
      .addColumn('DC_RATE', t.int)
      .addColumn('DC_PRICE', t.bigint)
      .execute();
    // DOC's two PRODUCT_ID indexes duplicate the PK; the MariaDB prefix index STORE_NAME(768) has no portable
    // form and no query filters on STORE_NAME by prefix: not created.

    await createTable(db, kind, 'FCT_HOMESHOPPING_DETAIL_INFO')
      .addColumn('DETAIL_ID', t.int, (c) => c.primaryKey().notNull())
      .addColumn('PRODUCT_ID', t.bigint)
      // varchar(1000) in DOC with a HASH unique key; 700 chars (2800 bytes + 8) fits a 3072-byte InnoDB btree key.
      .addColumn('DETAIL_COL', t.varchar(700))
      .addColumn('DETAIL_VAL', t.text)
      .execute();
    // The FK-named (PRODUCT_ID) index is a left prefix of this unique key: not created.
    await index(db, kind, {
      name: 'FCT_HOMESHOPPING_DETAIL_INFO_PRODUCT_ID',
      mysqlName: 'PRODUCT_ID',
      table: 'FCT_HOMESHOPPING_DETAIL_INFO',
      columns: ['PRODUCT_ID', 'DETAIL_COL'],
      unique: true,
    });

    await createTable(db, kind, 'FCT_HOMESHOPPING_IMG_URL')
      .addColumn('IMG_ID', t.int, (c) => c.primaryKey().notNull())
      .addColumn('PRODUCT_ID', t.bigint)
      .addColumn('SORT_ORDER', t.smallint)
      .addColumn('IMG_URL', t.varchar(4000))
      .execute();
    // DOC's HASH unique (PRODUCT_ID, IMG_URL) is skipped: a 4000-char URL is not btree-indexable on either engine.
    await index(db, kind, { name: 'idx_homeshopping_img_url_product_id', table: 'FCT_HOMESHOPPING_IMG_URL', columns: ['PRODUCT_ID'] });

    await createTable(db, kind, 'HOMESHOPPING_CLASSIFY')
      .addColumn('PRODUCT_ID', t.bigint, (c) => c.primaryKey().notNull())
      .addColumn('PRODUCT_NAME', t.text)
      .addColumn('CLS_FOOD', t.tinyint)
      .addColumn('CLS_ING', t.tinyint)
      // timestamp in DOC → datetime/timestamp without time zone (UTC wall clock, like every other column).
      .addColumn('CREATED_AT', t.datetime, (c) => c.notNull().defaultTo(nowDefault(kind)))
      .execute();
    await index(db, kind, { name: 'idx_homeshopping_classify_cls_food', table: 'HOMESHOPPING_CLASSIFY', columns: ['CLS_FOOD'] });

    // ETL scratch table; no primary key in the original.
    await createTable(db, kind, 'FCT_HOMESHOPPING_CURRENT_SCHEDULE')
      .addColumn('HOMESHOPPING_ID', t.smallint)
      .addColumn('LIVE_DATE', t.date)
      .addColumn('LIVE_START_TIME', t.time)
      .addColumn('LIVE_END_TIME', t.time)
      .addColumn('PRODUCT_ID', t.bigint)
      .execute();
    await index(db, kind, {
      name: 'FK_FCT_HOMESHOPPING_CURRENT_SCHEDULE_HOMESHOPPING_INFO',
      table: 'FCT_HOMESHOPPING_CURRENT_SCHEDULE',
      columns: ['HOMESHOPPING_ID'],
    });

    // ---------- user interaction (auto-increment ids) ----------
    await autoId(createTable(db, kind, 'HOMESHOPPING_SEARCH_HISTORY'), kind, 'HOMESHOPPING_HISTORY_ID')
      .addColumn('USER_ID', t.int, (c) => c.notNull())
      .addColumn('HOMESHOPPING_KEYWORD', t.varchar(100), (c) => c.notNull())
      .addColumn('HOMESHOPPING_SEARCHED_AT', t.datetime, (c) => c.notNull())
      .execute();
    await index(db, kind, {
      name: 'idx_homeshopping_search_history_user',
      table: 'HOMESHOPPING_SEARCH_HISTORY',
      columns: ['USER_ID', 'HOMESHOPPING_SEARCHED_AT desc'],
    });

    await autoId(createTable(db, kind, 'HOMESHOPPING_LIKES'), kind, 'HOMESHOPPING_LIKE_ID')
      .addColumn('USER_ID', t.int, (c) => c.notNull())
      .addColumn('LIVE_ID', t.int, (c) => c.notNull())
      .addColumn('HOMESHOPPING_LIKE_CREATED_AT', t.datetime, (c) => c.notNull())
      .execute();
    // The original (USER_ID) index is a left prefix of the unique key: not created.
    await index(db, kind, { name: 'uk_homeshopping_likes_user_live', table: 'HOMESHOPPING_LIKES', columns: ['USER_ID', 'LIVE_ID'], unique: true });
    await index(db, kind, { name: 'idx_homeshopping_likes_live_id', table: 'HOMESHOPPING_LIKES', columns: ['LIVE_ID'] });
    await index(db, kind, { name: 'idx_homeshopping_likes_created_at', table: 'HOMESHOPPING_LIKES', columns: ['HOMESHOPPING_LIKE_CREATED_AT'] });

    // ORM-only table (absent from DOC).
    await autoId(createTable(db, kind, 'HOMESHOPPING_CART'), kind, 'CART_ID')
      .addColumn('USER_ID', t.int, (c) => c.notNull())
      .addColumn('PRODUCT_ID', t.bigint, (c) => c.notNull())
      .addColumn('QUANTITY', t.int, (c) => c.notNull().defaultTo(1))
      .addColumn('CREATED_AT', t.datetime)
      .addColumn('RECIPE_ID', t.int)
      .execute();
    await index(db, kind, { name: 'UK_HOMESHOPPING_CART_USER_PRODUCT', table: 'HOMESHOPPING_CART', columns: ['USER_ID', 'PRODUCT_ID'], unique: true });

    await autoId(createTable(db, kind, 'HOMESHOPPING_NOTIFICATION'), kind, 'NOTIFICATION_ID', 'bigint')
      .addColumn('USER_ID', t.int, (c) => c.notNull())
      .addColumn('HOMESHOPPING_ORDER_ID', t.int)
      .addColumn('STATUS_ID', t.int)
      .addColumn('TITLE', t.varchar(100), (c) => c.notNull())
      .addColumn('MESSAGE', t.varchar(255), (c) => c.notNull())
      .addColumn('CREATED_AT', t.datetime, (c) => c.notNull().defaultTo(nowDefault(kind)))
      .addColumn('NOTIFICATION_TYPE', t.varchar(50), (c) => c.notNull().defaultTo('order_status'))
      .addColumn('RELATED_ENTITY_TYPE', t.varchar(50), (c) => c.notNull().defaultTo('order'))
      .addColumn('RELATED_ENTITY_ID', t.bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('HOMESHOPPING_LIKE_ID', t.int)
      .addColumn('IS_READ', t.smallint, (c) => c.notNull().defaultTo(0))
      .addColumn('READ_AT', t.datetime)
      .execute();
    await index(db, kind, {
      name: 'FK_HOMESHOPPING_NOTIFICATION_HOMESHOPPING_ORDERS',
      table: 'HOMESHOPPING_NOTIFICATION',
      columns: ['HOMESHOPPING_ORDER_ID'],
    });
    await index(db, kind, { name: 'FK_HOMESHOPPING_NOTIFICATION_STATUS_MASTER', table: 'HOMESHOPPING_NOTIFICATION', columns: ['STATUS_ID'] });
    await index(db, kind, {
      name: 'FK_HOMESHOPPING_NOTIFICATION_HOMESHOPPING_LIKES',
      table: 'HOMESHOPPING_NOTIFICATION',
      columns: ['HOMESHOPPING_LIKE_ID'],
    });
    await index(db, kind, { name: 'idx_homeshopping_notification_user', table: 'HOMESHOPPING_NOTIFICATION', columns: ['USER_ID', 'CREATED_AT desc'] });
    await index(db, kind, { name: 'idx_homeshopping_notification_type', table: 'HOMESHOPPING_NOTIFICATION', columns: ['NOTIFICATION_TYPE', 'IS_READ'] });
  },
};
