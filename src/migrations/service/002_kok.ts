// SERVICE_DB Kok (U+콕 mall): catalogue (schema.md §3.3) and user interaction (§3.4).
// Names and types follow DOC (deployed DDL); deviations carry a one-line comment. No FK constraints (see helpers.ts).
import { autoId, createTable, nowDefault, types } from '../../platform/db/ddl.js';
import type { Step } from '../../platform/db/migrate.js';
import { hasDuplicates, index } from './helpers.js';

export const kok: Step = {
  async up(db, kind) {
    const t = types(kind);

    // ---------- catalogue (loader-supplied ids: plain primary keys) ----------
    await createTable(db, kind, 'FCT_KOK_PRODUCT_INFO')
      .addColumn('KOK_PRODUCT_ID', t.int, (c) => c.primaryKey().notNull())
      .addColumn('KOK_STORE_NAME', t.varchar(100))
      .addColumn('KOK_PRODUCT_NAME', t.varchar(300))
      .addColumn('KOK_THUMBNAIL', t.text)
      .addColumn('KOK_PRODUCT_PRICE', t.int)
      .addColumn('KOK_REVIEW_SCORE', t.float)
      .addColumn('KOK_REVIEW_CNT', t.int)
      .addColumn('KOK_5_RATIO', t.int)
      .addColumn('KOK_4_RATIO', t.int)
      .addColumn('KOK_3_RATIO', t.int)
      .addColumn('KOK_2_RATIO', t.int)
      .addColumn('KOK_1_RATIO', t.int)
      .addColumn('KOK_ASPECT_PRICE', t.varchar(30))
      .addColumn('KOK_ASPECT_PRICE_RATIO', t.int)
      .addColumn('KOK_ASPECT_DELIVERY', t.varchar(30))
      .addColumn('KOK_ASPECT_DELIVERY_RATIO', t.int)
      .addColumn('KOK_ASPECT_TASTE', t.varchar(30))
      .addColumn('KOK_ASPECT_TASTE_RATIO', t.int)
      .addColumn('KOK_SELLER', t.varchar(100))
      .addColumn('KOK_CO_CEO', t.varchar(100))
      .addColumn('KOK_CO_REG_NO', t.varchar(50))
      .addColumn('KOK_CO_EC_REG', t.varchar(50))
      .addColumn('KOK_TELL', t.varchar(50))
      .addColumn('KOK_VER_ITEM', t.varchar(50))
      .addColumn('KOK_VER_DATE', t.varchar(50))
      .addColumn('KOK_CO_ADDR', t.varchar(200))
      .addColumn('KOK_RETURN_ADDR', t.varchar(200))
      .addColumn('KOK_EXCHANGE_ADDR', t.varchar(200))
      .execute();
    // DOC has this name on ascending columns; descending serves the "top reviewed" list directly (an existing
    // ascending one is kept and scanned backwards).
    await index(db, kind, {
      name: 'idx_kok_product_review_cnt_score',
      table: 'FCT_KOK_PRODUCT_INFO',
      columns: ['KOK_REVIEW_CNT desc', 'KOK_REVIEW_SCORE desc'],
    });
    await index(db, kind, { name: 'idx_kok_product_name', table: 'FCT_KOK_PRODUCT_INFO', columns: ['KOK_PRODUCT_NAME'] });
    await index(db, kind, { name: 'idx_kok_store_name', table: 'FCT_KOK_PRODUCT_INFO', columns: ['KOK_STORE_NAME'] });

    await createTable(db, kind, 'FCT_KOK_PRICE_INFO')
      .addColumn('KOK_PRICE_ID', t.int, (c) => c.primaryKey().notNull())
      .addColumn('KOK_PRODUCT_ID', t.int)
      .addColumn('KOK_DISCOUNT_RATE', t.int)
      .addColumn('KOK_DISCOUNTED_PRICE', t.int)
      .execute();
    // Covers (KOK_PRODUCT_ID, KOK_PRICE_ID desc) "latest price of a product".
    await index(db, kind, {
      name: 'idx_kok_price_composite',
      table: 'FCT_KOK_PRICE_INFO',
      columns: ['KOK_PRODUCT_ID', 'KOK_PRICE_ID desc', 'KOK_DISCOUNT_RATE'],
    });
    // DOC's (KOK_DISCOUNT_RATE) index is a left prefix of this one: not created.
    await index(db, kind, {
      name: 'idx_kok_price_discount_rate_product',
      table: 'FCT_KOK_PRICE_INFO',
      columns: ['KOK_DISCOUNT_RATE desc', 'KOK_PRODUCT_ID'],
    });
    const priceKey = ['KOK_PRODUCT_ID', 'KOK_DISCOUNT_RATE', 'KOK_DISCOUNTED_PRICE'];
    // The ETL's UNIQ_PROD_COL is absent from the DOC dump, so an adopted database may hold duplicates: rows that
    // orders point at are never deleted here; the key is then left out with a warning.
    if (await hasDuplicates(db, 'FCT_KOK_PRICE_INFO', priceKey)) {
      console.warn('FCT_KOK_PRICE_INFO has duplicate (KOK_PRODUCT_ID, KOK_DISCOUNT_RATE, KOK_DISCOUNTED_PRICE) rows; unique key UNIQ_PROD_COL not created');
    } else {
      await index(db, kind, { name: 'FCT_KOK_PRICE_INFO_UNIQ_PROD_COL', mysqlName: 'UNIQ_PROD_COL', table: 'FCT_KOK_PRICE_INFO', columns: priceKey, unique: true });
    }

    await createTable(db, kind, 'FCT_KOK_IMAGE_INFO')
      .addColumn('KOK_IMG_ID', t.int, (c) => c.primaryKey().notNull())
      .addColumn('KOK_PRODUCT_ID', t.int)
      .addColumn('KOK_IMG_URL', t.text)
      .execute();
    // DOC's HASH unique (KOK_PRODUCT_ID, KOK_IMG_URL) is skipped: KOK_IMG_URL is text, not btree-indexable.
    await index(db, kind, { name: 'idx_kok_image_product_id', table: 'FCT_KOK_IMAGE_INFO', columns: ['KOK_PRODUCT_ID'] });

    await createTable(db, kind, 'FCT_KOK_DETAIL_INFO')
      .addColumn('KOK_DETAIL_COL_ID', t.int, (c) => c.primaryKey().notNull())
      .addColumn('KOK_PRODUCT_ID', t.int)
      .addColumn('KOK_DETAIL_COL', t.text)
      .addColumn('KOK_DETAIL_VAL', t.text)
      .execute();
    // DOC's HASH unique (KOK_PRODUCT_ID, KOK_DETAIL_COL, KOK_DETAIL_VAL) is skipped: text columns, not btree-indexable.
    await index(db, kind, { name: 'idx_kok_detail_product_id', table: 'FCT_KOK_DETAIL_INFO', columns: ['KOK_PRODUCT_ID'] });

    await createTable(db, kind, 'FCT_KOK_REVIEW_EXAMPLE')
      .addColumn('KOK_REVIEW_ID', t.int, (c) => c.primaryKey().notNull())
      .addColumn('KOK_PRODUCT_ID', t.int)
      .addColumn('KOK_NICKNAME', t.varchar(30))
      .addColumn('KOK_REVIEW_DATE', t.varchar(30))
      .addColumn('KOK_REVIEW_SCORE', t.int)
      .addColumn('KOK_PRICE_EVAL', t.varchar(30))
      .addColumn('KOK_DELIVERY_EVAL', t.varchar(30))
      .addColumn('KOK_TASTE_EVAL', t.varchar(30))
      .addColumn('KOK_REVIEW_TEXT', t.text)
      .execute();
    // Global (not per product) as deployed — a quirk kept on purpose.
    await index(db, kind, {
      name: 'FCT_KOK_REVIEW_EXAMPLE_KOK_NICKNAME',
      mysqlName: 'KOK_NICKNAME',
      table: 'FCT_KOK_REVIEW_EXAMPLE',
      columns: ['KOK_NICKNAME', 'KOK_REVIEW_DATE'],
      unique: true,
    });
    await index(db, kind, { name: 'idx_kok_review_product_id', table: 'FCT_KOK_REVIEW_EXAMPLE', columns: ['KOK_PRODUCT_ID'] });

    await createTable(db, kind, 'KOK_CLASSIFY')
      .addColumn('PRODUCT_ID', t.bigint, (c) => c.primaryKey().notNull())
      .addColumn('STORE_NAME', t.text)
      .addColumn('PRODUCT_NAME', t.text)
      .addColumn('CLS_ING', t.tinyint)
      // timestamp in DOC → datetime/timestamp without time zone (UTC wall clock, like every other column).
      .addColumn('CREATED_AT', t.datetime, (c) => c.notNull().defaultTo(nowDefault(kind)))
      .execute();

    // ---------- user interaction (auto-increment ids) ----------
    await autoId(createTable(db, kind, 'KOK_SEARCH_HISTORY'), kind, 'KOK_HISTORY_ID')
      .addColumn('USER_ID', t.int, (c) => c.notNull())
      .addColumn('KOK_KEYWORD', t.varchar(100), (c) => c.notNull())
      .addColumn('KOK_SEARCHED_AT', t.datetime, (c) => c.notNull())
      .execute();
    await index(db, kind, { name: 'idx_kok_search_history_user', table: 'KOK_SEARCH_HISTORY', columns: ['USER_ID', 'KOK_SEARCHED_AT desc'] });

    await autoId(createTable(db, kind, 'KOK_LIKES'), kind, 'KOK_LIKE_ID')
      .addColumn('USER_ID', t.int, (c) => c.notNull())
      .addColumn('KOK_PRODUCT_ID', t.int, (c) => c.notNull())
      .addColumn('KOK_CREATED_AT', t.datetime, (c) => c.notNull())
      .execute();
    await index(db, kind, { name: 'KOK_LIKES_USER_ID', mysqlName: 'USER_ID', table: 'KOK_LIKES', columns: ['USER_ID', 'KOK_PRODUCT_ID'], unique: true });
    await index(db, kind, { name: 'FK_KOK_LIKES_FCT_KOK_PRODUCT_INFO', table: 'KOK_LIKES', columns: ['KOK_PRODUCT_ID'] });
    await index(db, kind, { name: 'idx_kok_likes_user_created', table: 'KOK_LIKES', columns: ['USER_ID', 'KOK_CREATED_AT desc'] });

    await autoId(createTable(db, kind, 'KOK_CART'), kind, 'KOK_CART_ID')
      .addColumn('USER_ID', t.int, (c) => c.notNull())
      .addColumn('KOK_PRODUCT_ID', t.int, (c) => c.notNull())
      .addColumn('KOK_QUANTITY', t.int, (c) => c.notNull())
      .addColumn('KOK_CREATED_AT', t.datetime)
      .addColumn('RECIPE_ID', t.int)
      .addColumn('KOK_PRICE_ID', t.int)
      .execute();
    // idx_kok_cart_user (USER_ID) is a left prefix of the unique key: not created.
    await index(db, kind, { name: 'KOK_CART_USER_ID', mysqlName: 'USER_ID', table: 'KOK_CART', columns: ['USER_ID', 'KOK_PRODUCT_ID'], unique: true });
    await index(db, kind, { name: 'FK_KOK_CART_FCT_KOK_PRODUCT_INFO', table: 'KOK_CART', columns: ['KOK_PRODUCT_ID'] });
    await index(db, kind, { name: 'FK_KOK_CART_FCT_RECIPE', table: 'KOK_CART', columns: ['RECIPE_ID'] });
    await index(db, kind, { name: 'FK_KOK_CART_FCT_KOK_PRICE_INFO', table: 'KOK_CART', columns: ['KOK_PRICE_ID'] });

    await autoId(createTable(db, kind, 'KOK_NOTIFICATION'), kind, 'NOTIFICATION_ID', 'bigint')
      .addColumn('USER_ID', t.int, (c) => c.notNull())
      .addColumn('KOK_ORDER_ID', t.int, (c) => c.notNull())
      .addColumn('STATUS_ID', t.int, (c) => c.notNull())
      .addColumn('TITLE', t.varchar(100), (c) => c.notNull())
      .addColumn('MESSAGE', t.varchar(255), (c) => c.notNull())
      .addColumn('CREATED_AT', t.datetime, (c) => c.notNull().defaultTo(nowDefault(kind)))
      .execute();
    await index(db, kind, { name: 'FK_KOK_NOTIFICATION_KOK_ORDERS', table: 'KOK_NOTIFICATION', columns: ['KOK_ORDER_ID'] });
    await index(db, kind, { name: 'idx_kok_notification_user', table: 'KOK_NOTIFICATION', columns: ['USER_ID', 'CREATED_AT desc'] });
    await index(db, kind, { name: 'idx_kok_notification_status', table: 'KOK_NOTIFICATION', columns: ['STATUS_ID'] });
  },
};
