// Migrations: every table of the four logical databases, idempotency, reference data, keys, pgvector search,
// and adoption of a database created with the original MariaDB DDL (TEST_TARGET=servers).
import { sql } from 'kysely';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openDatabases, openPGlite, type Databases } from '../src/platform/db/connect.js';
import type { AppTables } from '../src/tables.js';
import type { AnyKysely } from '../src/platform/db/ddl.js';
import { migrations } from '../src/migrations/index.js';
import { migrateAll } from '../src/platform/db/migrate.js';

const AUTH_TABLES = ['USERS', 'USER_SETTINGS', 'JWT_BLACKLIST'];
const SERVICE_TABLES = [
  'HOMESHOPPING_INFO',
  'FCT_HOMESHOPPING_LIST',
  'FCT_HOMESHOPPING_PRODUCT_INFO',
  'FCT_HOMESHOPPING_DETAIL_INFO',
  'FCT_HOMESHOPPING_IMG_URL',
  'HOMESHOPPING_CLASSIFY',
  'FCT_HOMESHOPPING_CURRENT_SCHEDULE',
  'HOMESHOPPING_SEARCH_HISTORY',
  'HOMESHOPPING_LIKES',
  'HOMESHOPPING_CART',
  'HOMESHOPPING_NOTIFICATION',
  'FCT_KOK_PRODUCT_INFO',
  'FCT_KOK_PRICE_INFO',
  'FCT_KOK_IMAGE_INFO',
  'FCT_KOK_DETAIL_INFO',
  'FCT_KOK_REVIEW_EXAMPLE',
  'KOK_CLASSIFY',
  'KOK_SEARCH_HISTORY',
  'KOK_LIKES',
  'KOK_CART',
  'KOK_NOTIFICATION',
  'STATUS_MASTER',
  'ORDERS',
  'KOK_ORDERS',
  'KOK_ORDER_STATUS_HISTORY',
  'HOMESHOPPING_ORDERS',
  'HOMESHOPPING_ORDER_STATUS_HISTORY',
  'FCT_RECIPE',
  'FCT_MTRL',
  'TEST_MTRL',
  'RECIPE_RATING',
];
const LOG_TABLES = ['USER_LOG'];
const REC_TABLES = ['RECIPE_VECTOR_TABLE', 'MATERIAL_VECTOR_TABLE', 'KOK_VECTOR_TABLE', 'HOMESHOPPING_VECTOR_TABLE'];

async function tableNames(db: AnyKysely, kind: 'mysql' | 'postgres'): Promise<string[]> {
  const schema = kind === 'mysql' ? sql`database()` : sql`current_schema()`;
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables where table_schema = ${schema}`.execute(db);
  return rows.map((r) => r.name);
}

function vec(...head: number[]): string {
  const v = new Array<number>(384).fill(0);
  head.forEach((x, i) => (v[i] = x));
  return `[${v.join(',')}]`;
}

async function embedded(): Promise<Databases<AppTables>> {
  const config = loadConfig({ UHOK_DATA_DIR: '/tmp/uhok-mig-test-embedded' } as NodeJS.ProcessEnv, '/tmp');
  return openDatabases<AppTables>(config, { pglite: await openPGlite(null) });
}

describe('migrations on embedded PGlite', { timeout: 60_000 }, () => {
  it('creates all 39 tables, is idempotent and seeds reference data', async () => {
    const dbs = await embedded();
    try {
      const ran = await migrateAll(dbs, migrations);
      expect(ran).toContain('service/005_reference_data');
      expect(ran).toContain('rec/001_initial');
      const names = await tableNames(dbs.service.kysely as AnyKysely, 'postgres');
      const all = [...AUTH_TABLES, ...SERVICE_TABLES, ...LOG_TABLES, ...REC_TABLES];
      expect(all).toHaveLength(39);
      for (const t of all) expect(names, t).toContain(t);

      expect(await migrateAll(dbs, migrations)).toEqual([]);

      const status = await dbs.service.kysely.selectFrom('STATUS_MASTER').selectAll().orderBy('STATUS_ID').execute();
      expect(status).toHaveLength(9);
      expect(status.find((s) => s.STATUS_CODE === 'PAYMENT_REQUESTED')?.STATUS_NAME).toBe('결제 요청');
      const channels = await dbs.service.kysely.selectFrom('HOMESHOPPING_INFO').selectAll().orderBy('HOMESHOPPING_ID').execute();
      expect(channels).toHaveLength(17);
      expect(channels.filter((c) => c.LIVE_URL !== null).map((c) => c.HOMESHOPPING_ID)).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await dbs.close();
    }
  });

  it('enforces the KOK_CART (USER_ID, KOK_PRODUCT_ID) unique key and applies defaults', async () => {
    const dbs = await embedded();
    try {
      await migrateAll(dbs, migrations);
      const k = dbs.service.kysely;
      await k.insertInto('KOK_CART').values({ USER_ID: 1, KOK_PRODUCT_ID: 10, KOK_QUANTITY: 1 }).execute();
      await expect(k.insertInto('KOK_CART').values({ USER_ID: 1, KOK_PRODUCT_ID: 10, KOK_QUANTITY: 2 }).execute()).rejects.toThrow();
      await k.insertInto('KOK_CART').values({ USER_ID: 2, KOK_PRODUCT_ID: 10, KOK_QUANTITY: 1 }).execute();

      await k.insertInto('HOMESHOPPING_NOTIFICATION').values({ USER_ID: 1, TITLE: 't', MESSAGE: 'm' }).execute();
      const n = await k.selectFrom('HOMESHOPPING_NOTIFICATION').selectAll().executeTakeFirstOrThrow();
      expect(n).toMatchObject({ NOTIFICATION_TYPE: 'order_status', RELATED_ENTITY_TYPE: 'order', RELATED_ENTITY_ID: 0, IS_READ: 0 });
      expect(Math.abs(n.CREATED_AT.getTime() - Date.now())).toBeLessThan(60_000);

      // 64-bit home-shopping product codes.
      await k.insertInto('FCT_HOMESHOPPING_PRODUCT_INFO').values({ PRODUCT_ID: 2239154990, DC_PRICE: 1000 }).execute();
      const p = await k.selectFrom('FCT_HOMESHOPPING_PRODUCT_INFO').select('PRODUCT_ID').executeTakeFirstOrThrow();
      expect(p.PRODUCT_ID).toBe(2239154990);

      await expect(
        k.insertInto('FCT_HOMESHOPPING_LIST').values({ LIVE_ID: 1, PROMOTION_TYPE: 'other' as 'main' }).execute(),
      ).rejects.toThrow();
    } finally {
      await dbs.close();
    }
  });

  it('answers an HNSW nearest-neighbour query on RECIPE_VECTOR_TABLE', async () => {
    const dbs = await embedded();
    try {
      await migrateAll(dbs, migrations);
      const rec = dbs.rec!.kysely;
      await rec
        .insertInto('RECIPE_VECTOR_TABLE')
        .values([
          { RECIPE_ID: 1, VECTOR_NAME: vec(1, 0) },
          { RECIPE_ID: 2, VECTOR_NAME: vec(0, 1) },
          { RECIPE_ID: 3, VECTOR_NAME: vec(0.8, 0.6) },
        ])
        .execute();
      await sql`set enable_seqscan = off`.execute(rec);
      try {
        const q = sql<{ RECIPE_ID: number; distance: number }>`
          select "RECIPE_ID", "VECTOR_NAME" <=> ${vec(1, 0.1)}::vector as distance
          from "RECIPE_VECTOR_TABLE" order by "VECTOR_NAME" <=> ${vec(1, 0.1)}::vector limit 2`;
        const plan = await sql<{ 'QUERY PLAN': string }>`explain ${q}`.execute(rec);
        expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('RECIPE_VECTOR_TABLE_VECTOR_NAME_hnsw');
        const { rows } = await q.execute(rec);
        expect(rows.map((r) => Number(r.RECIPE_ID))).toEqual([1, 3]);
      } finally {
        await sql`reset enable_seqscan`.execute(rec);
      }
    } finally {
      await dbs.close();
    }
  });
});

const SCRATCH = 'uhok_mig_test';
const MY = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', password: '' };

async function resetMariaDb(statements: string[] = []): Promise<void> {
  const conn = await mysql.createConnection({ ...MY, multipleStatements: false });
  try {
    await conn.query(`DROP DATABASE IF EXISTS ${SCRATCH}`);
    await conn.query(`CREATE DATABASE ${SCRATCH} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
    await conn.query(`USE ${SCRATCH}`);
    for (const s of statements) await conn.query(s);
  } finally {
    await conn.end();
  }
}

async function resetPostgres(): Promise<void> {
  const client = new pg.Client({ ...PG, database: 'postgres' });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${SCRATCH}`);
    await client.query(`CREATE DATABASE ${SCRATCH}`);
  } finally {
    await client.end();
  }
}

function serverConfig(serviceOnPostgres = false) {
  const my = `mysql+asyncmy://root:@127.0.0.1:3306/${SCRATCH}`;
  const pgUrl = `postgresql+psycopg_async://postgres:@127.0.0.1:5432/${SCRATCH}`;
  return loadConfig(
    {
      MARIADB_AUTH_URL: serviceOnPostgres ? pgUrl : my,
      MARIADB_SERVICE_URL: serviceOnPostgres ? pgUrl : my,
      POSTGRES_LOG_URL: pgUrl,
      JWT_SECRET: 'x'.repeat(40),
    } as NodeJS.ProcessEnv,
    '/tmp',
  );
}

// The original MariaDB DDL (DOC, HeidiSQL style) of a few tables, to prove the migrations adopt them.
const ORIGINAL_DDL = [
  `CREATE TABLE USERS (USER_ID int(11) NOT NULL AUTO_INCREMENT, EMAIL varchar(255) NOT NULL, PASSWORD_HASH varchar(255) NOT NULL,
    USERNAME varchar(100) DEFAULT NULL, CREATED_AT datetime DEFAULT NULL, PRIMARY KEY (USER_ID), UNIQUE KEY EMAIL (EMAIL))
    ENGINE=InnoDB AUTO_INCREMENT=23 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
  `CREATE TABLE KOK_CART (KOK_CART_ID int(11) NOT NULL AUTO_INCREMENT, USER_ID int(11) NOT NULL, KOK_PRODUCT_ID int(11) NOT NULL,
    KOK_QUANTITY int(11) NOT NULL, KOK_CREATED_AT datetime DEFAULT NULL, RECIPE_ID int(11) DEFAULT NULL, KOK_PRICE_ID int(11) DEFAULT NULL,
    PRIMARY KEY (KOK_CART_ID), UNIQUE KEY USER_ID (USER_ID, KOK_PRODUCT_ID), KEY FK_KOK_CART_FCT_KOK_PRODUCT_INFO (KOK_PRODUCT_ID),
    KEY FK_KOK_CART_FCT_RECIPE (RECIPE_ID), KEY FK_KOK_CART_FCT_KOK_PRICE_INFO (KOK_PRICE_ID), KEY idx_kok_cart_user (USER_ID))
    ENGINE=InnoDB AUTO_INCREMENT=510 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
  `CREATE TABLE FCT_HOMESHOPPING_DETAIL_INFO (DETAIL_ID int(11) NOT NULL, PRODUCT_ID bigint(20) DEFAULT NULL,
    DETAIL_COL varchar(1000) DEFAULT NULL, DETAIL_VAL text DEFAULT NULL, PRIMARY KEY (DETAIL_ID),
    UNIQUE KEY PRODUCT_ID (PRODUCT_ID, DETAIL_COL) USING HASH,
    KEY FK_FCT_HOMESHOPPING_DETAIL_INFO_FCT_HOMESHOPPING_PRODUCT_INFO (PRODUCT_ID))
    ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
  `CREATE TABLE RECIPE_RATING (RATING_ID int(11) NOT NULL AUTO_INCREMENT, RECIPE_ID int(11) NOT NULL, USER_ID int(11) NOT NULL,
    RATING int(11) NOT NULL, PRIMARY KEY (RATING_ID), KEY idx_recipe_id (RECIPE_ID))
    ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
  `INSERT INTO USERS (EMAIL, PASSWORD_HASH, USERNAME, CREATED_AT) VALUES ('old@uhok.com', 'hash', '기존', '2025-01-01 00:00:00')`,
  `INSERT INTO KOK_CART (USER_ID, KOK_PRODUCT_ID, KOK_QUANTITY, KOK_PRICE_ID) VALUES (22, 1001, 3, 77)`,
  `INSERT INTO FCT_HOMESHOPPING_DETAIL_INFO VALUES (1, 2239154990, '원산지', '국산')`,
  `INSERT INTO RECIPE_RATING (RECIPE_ID, USER_ID, RATING) VALUES (5, 22, 3), (5, 22, 4), (6, 22, 5)`,
];

describe.skipIf(process.env.TEST_TARGET !== 'servers')('migrations on MariaDB + PostgreSQL servers', { timeout: 60_000 }, () => {
  it('adopts a database created with the original DDL and keeps its rows', async () => {
    await resetMariaDb(ORIGINAL_DDL);
    await resetPostgres();
    const dbs = await openDatabases<AppTables>(serverConfig());
    try {
      await migrateAll(dbs, migrations);
      const myNames = await tableNames(dbs.service.kysely as AnyKysely, 'mysql');
      for (const t of [...AUTH_TABLES, ...SERVICE_TABLES]) expect(myNames, t).toContain(t);
      expect(await tableNames(dbs.log.kysely as AnyKysely, 'postgres')).toContain('USER_LOG');

      const user = await dbs.auth.kysely.selectFrom('USERS').selectAll().executeTakeFirstOrThrow();
      expect(user).toMatchObject({ USER_ID: 23, EMAIL: 'old@uhok.com', USERNAME: '기존' });
      const cart = await dbs.service.kysely.selectFrom('KOK_CART').selectAll().execute();
      expect(cart).toMatchObject([{ USER_ID: 22, KOK_PRODUCT_ID: 1001, KOK_QUANTITY: 3, KOK_PRICE_ID: 77 }]);
      const detail = await dbs.service.kysely.selectFrom('FCT_HOMESHOPPING_DETAIL_INFO').selectAll().execute();
      expect(detail).toMatchObject([{ DETAIL_ID: 1, PRODUCT_ID: 2239154990, DETAIL_COL: '원산지' }]);
      // Existing ratings are user data: all kept, even the duplicate (the unique key is then not created).
      const ratings = await dbs.service.kysely.selectFrom('RECIPE_RATING').selectAll().orderBy('RATING_ID').execute();
      expect(ratings.map((r) => [r.RECIPE_ID, r.RATING])).toEqual([
        [5, 3],
        [5, 4],
        [6, 5],
      ]);

      // The original unique keys were recognised by name, not duplicated.
      const { rows: uniques } = await sql<{ INDEX_NAME: string }>`
        select distinct INDEX_NAME from information_schema.statistics
        where table_schema = database() and table_name = 'KOK_CART' and non_unique = 0 and INDEX_NAME <> 'PRIMARY'`.execute(dbs.service.kysely);
      expect(uniques.map((r) => r.INDEX_NAME)).toEqual(['USER_ID']);
      await expect(
        dbs.service.kysely.insertInto('KOK_CART').values({ USER_ID: 22, KOK_PRODUCT_ID: 1001, KOK_QUANTITY: 1 }).execute(),
      ).rejects.toThrow();

      const status = await dbs.service.kysely.selectFrom('STATUS_MASTER').select('STATUS_CODE').execute();
      expect(status).toHaveLength(9);
    } finally {
      await dbs.close();
    }
  });

  it('running migrateAll twice is a no-op', async () => {
    await resetMariaDb();
    await resetPostgres();
    let dbs = await openDatabases<AppTables>(serverConfig());
    try {
      expect((await migrateAll(dbs, migrations)).length).toBeGreaterThan(0);
      expect(await migrateAll(dbs, migrations)).toEqual([]);
    } finally {
      await dbs.close();
    }
    // A fresh connection finds everything applied, and the seed data was not duplicated.
    dbs = await openDatabases<AppTables>(serverConfig());
    try {
      expect(await migrateAll(dbs, migrations)).toEqual([]);
      expect(await dbs.service.kysely.selectFrom('STATUS_MASTER').select('STATUS_ID').execute()).toHaveLength(9);
      expect(await dbs.service.kysely.selectFrom('HOMESHOPPING_INFO').select('HOMESHOPPING_ID').execute()).toHaveLength(17);
    } finally {
      await dbs.close();
    }
  });

  it('runs AUTH and SERVICE on a PostgreSQL server too', async () => {
    await resetPostgres();
    const dbs = await openDatabases<AppTables>(serverConfig(true));
    try {
      await migrateAll(dbs, migrations);
      const names = await tableNames(dbs.service.kysely as AnyKysely, 'postgres');
      for (const t of [...AUTH_TABLES, ...SERVICE_TABLES, ...LOG_TABLES]) expect(names, t).toContain(t);
      expect(await migrateAll(dbs, migrations)).toEqual([]);
      const k = dbs.service.kysely;
      await k.insertInto('KOK_CART').values({ USER_ID: 1, KOK_PRODUCT_ID: 10, KOK_QUANTITY: 1 }).execute();
      await expect(k.insertInto('KOK_CART').values({ USER_ID: 1, KOK_PRODUCT_ID: 10, KOK_QUANTITY: 1 }).execute()).rejects.toThrow();
    } finally {
      await dbs.close();
    }
  });
});
