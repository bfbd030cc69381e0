// One unit of work: transactions that repositories join, the row-lock helper (FOR UPDATE in key order) and the
// named lock, on every engine: concurrent units on the same rows serialise, a failed unit leaves nothing behind.
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { HistoryRepo } from '../src/modules/kok/history-repo.js';
import { LikesRepo } from '../src/modules/kok/likes-repo.js';
import type { KokTables } from '../src/modules/kok/tables.js';
import type { Db } from '../src/platform/db/connect.js';
import { inNamedLock, lockRows } from '../src/platform/db/dialect.js';
import { inTransaction } from '../src/platform/db/unit-of-work.js';
import type { TestApp } from './helpers/app.js';
import { seedProducts, useTestApp } from './helpers/kok-fixtures.js';
import { onServers } from './helpers/target.js';

let t: TestApp;
useTestApp((app) => (t = app));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const serviceDb = () => t.ctx.dbs.service as unknown as Db<KokTables>;

/** A scratch table of counters, so the locks are tested on every engine here: MariaDB, PostgreSQL, PGlite. */
interface CounterDB {
  UOW_COUNTER: { ID: number; N: number };
}
const engines: Array<[string, () => Db<CounterDB>]> = [['SERVICE_DB', () => t.ctx.dbs.service as unknown as Db<CounterDB>]];
if (onServers) engines.push(['LOG_DB (PostgreSQL)', () => t.ctx.dbs.log as unknown as Db<CounterDB>]);

describe.each(engines)('locks on %s', (_name, counterDb) => {
  const count = async (db: Kysely<CounterDB>, id = 1) => (await db.selectFrom('UOW_COUNTER').select('N').where('ID', '=', id).executeTakeFirstOrThrow()).N;
  const setCount = (db: Kysely<CounterDB>, n: number, id = 1) => db.updateTable('UOW_COUNTER').set({ N: n }).where('ID', '=', id).execute();

  beforeEach(async () => {
    const db = counterDb().kysely;
    await db.schema.createTable('UOW_COUNTER').ifNotExists().addColumn('ID', 'integer', (c) => c.primaryKey()).addColumn('N', 'integer', (c) => c.notNull()).execute();
    await db.deleteFrom('UOW_COUNTER').execute();
    await db.insertInto('UOW_COUNTER').values([1, 2, 3].map((ID) => ({ ID, N: 0 }))).execute();
  });
  afterAll(async () => {
    await counterDb().kysely.schema.dropTable('UOW_COUNTER').ifExists().execute();
  });

  it('lockRows answers the existing keys, deduplicated, in key order', async () => {
    const db = counterDb().kysely;
    expect(await inTransaction(db, (trx) => lockRows(trx, 'UOW_COUNTER', 'ID', [3, 1, 999, 3]))).toEqual([1, 3]);
    expect(await inTransaction(db, (trx) => lockRows(trx, 'UOW_COUNTER', 'ID', []))).toEqual([]);
  });

  it('lockRows serialises units of work on the same rows: each waits for the previous commit, no update is lost', async () => {
    const db = counterDb().kysely;
    const log: string[] = [];
    // Overlapping sets named in opposite orders: locking in key order means they queue instead of deadlocking.
    const orders = [[1, 2], [2, 1], [2, 2, 1], [1]];
    await Promise.all(
      orders.map((ids, i) =>
        inTransaction(db, async (trx) => {
          await lockRows(trx, 'UOW_COUNTER', 'ID', ids);
          log.push(`lock ${i}`);
          // Read-modify-write with a pause in the middle: without the lock, the others would read the same value.
          const seen = await count(trx);
          await sleep(120);
          await setCount(trx, seen + 1);
          log.push(`done ${i}`);
        }),
      ),
    );
    expect(await count(db)).toBe(orders.length);
    // Never two holders at once: every "lock" is followed by its own "done".
    for (let k = 0; k < log.length; k += 2) expect(log[k + 1]).toBe(log[k].replace('lock', 'done'));
  });

  it('inNamedLock serialises units of work on one name, even when no row is locked', async () => {
    const db = counterDb();
    await Promise.all(
      [0, 1, 2].map(() =>
        inNamedLock(db, 'test:counter', async (trx) => {
          const seen = await count(trx);
          await sleep(100);
          await setCount(trx, seen + 1);
        }),
      ),
    );
    expect(await count(db.kysely)).toBe(3);
  });

  it('inNamedLock releases the lock when the unit of work fails, and rolls it back', async () => {
    const db = counterDb();
    const failing = inNamedLock(db, 'test:release', async (trx) => {
      await setCount(trx, 50);
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    const started = Date.now();
    await inNamedLock(db, 'test:release', (trx) => setCount(trx, 1));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await count(db.kysely)).toBe(1);
  });

  it.skipIf(!onServers)('inNamedLock lets different names run side by side (servers; PGlite is one session)', async () => {
    const db = counterDb();
    let inside = 0;
    let most = 0;
    await Promise.all(
      ['test:a', 'test:b'].map((name) =>
        inNamedLock(db, name, async (trx) => {
          most = Math.max(most, ++inside);
          await sql`SELECT 1`.execute(trx);
          await sleep(150);
          inside--;
        }),
      ),
    );
    expect(most).toBe(2);
  });
});

describe('inTransaction', () => {
  it('rolls back as one the writes of two repositories that joined it', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 1 }]);
    const likes = new LikesRepo(serviceDb());
    const history = new HistoryRepo(serviceDb());
    const db = serviceDb().kysely;
    const failed = inTransaction(db, async (trx) => {
      await likes.add(7, 1, new Date(), trx);
      await history.insert(7, '김치', new Date(), trx);
      // Both rows are visible inside the unit of work…
      expect(await likes.likedAmong(7, [1], trx)).toEqual(new Set([1]));
      expect(await history.recent(7, 10, trx)).toHaveLength(1);
      throw new Error('checkout failed');
    });
    await expect(failed).rejects.toThrow('checkout failed');
    // …and neither survives its rollback.
    expect(await db.selectFrom('KOK_LIKES').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('KOK_SEARCH_HISTORY').selectAll().execute()).toEqual([]);
  });

  it('joins an open transaction instead of starting a second one', async () => {
    await seedProducts(t, [{ KOK_PRODUCT_ID: 1 }]);
    const likes = new LikesRepo(serviceDb());
    const db = serviceDb().kysely;
    const outcome = inTransaction(db, async (outer) => {
      await likes.inTransaction(async (inner) => {
        expect(inner).toBe(outer);
        await likes.add(8, 1, new Date(), inner);
      }, outer);
      throw new Error('outer fails after the inner unit finished');
    });
    await expect(outcome).rejects.toThrow('outer fails');
    expect(await db.selectFrom('KOK_LIKES').selectAll().execute()).toEqual([]);
    await inTransaction(db, (outer) => likes.inTransaction((inner) => likes.add(8, 1, new Date(), inner), outer));
    expect(await db.selectFrom('KOK_LIKES').select('USER_ID').execute()).toEqual([{ USER_ID: 8 }]);
  });
});
