// The few statements whose SQL differs between MariaDB and PostgreSQL.
import { sql, type InsertObject, type InsertQueryBuilder, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DbKind } from '../../config.js';
import type { Db } from './connect.js';

/** Unique-key violation on either engine (MariaDB ER_DUP_ENTRY 1062, PostgreSQL 23505). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; errno?: unknown };
  return e?.errno === 1062 || e?.code === 'ER_DUP_ENTRY' || e?.code === '23505';
}

/** Case-insensitive equality: MariaDB's collation already is; PostgreSQL compares lower() (indexed). */
export function ciEquals(kind: DbKind, column: string, value: string): RawBuilder<boolean> {
  return kind === 'mysql' ? sql<boolean>`${sql.ref(column)} = ${value}` : sql<boolean>`lower(${sql.ref(column)}) = lower(${value})`;
}

/** LIKE pattern that matches `text` literally; backslash is the default LIKE escape on both engines. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Inserts one row and returns its generated id: MariaDB reports `insertId`, PostgreSQL needs RETURNING. */
export async function insertReturningId<DB, TB extends keyof DB & string>(
  db: Kysely<DB>,
  kind: DbKind,
  table: TB,
  values: InsertObject<DB, TB>,
  idColumn: string,
): Promise<number> {
  const insert = db.insertInto(table).values(values);
  if (kind === 'mysql') return Number((await insert.executeTakeFirstOrThrow()).insertId);
  const row = (await insert.returning(sql.ref(idColumn).as('id') as never).executeTakeFirstOrThrow()) as { id: number };
  return Number(row.id);
}

/** Makes an insert skip rows that hit a unique or primary key: INSERT IGNORE / ON CONFLICT DO NOTHING. */
export function ignoreDuplicates<DB, TB extends keyof DB, O>(kind: DbKind, insert: InsertQueryBuilder<DB, TB, O>): InsertQueryBuilder<DB, TB, O> {
  return kind === 'mysql' ? insert.ignore() : insert.onConflict((oc) => oc.doNothing());
}

/**
 * Makes an insert overwrite `columns` of the row that already has the same `key`: MariaDB
 * `ON DUPLICATE KEY UPDATE col = VALUES(col)`, PostgreSQL `ON CONFLICT (key) DO UPDATE SET col = excluded.col`.
 */
export function overwriteOnDuplicate<DB, TB extends keyof DB, O>(
  kind: DbKind,
  insert: InsertQueryBuilder<DB, TB, O>,
  key: string,
  columns: readonly string[],
): InsertQueryBuilder<DB, TB, O> {
  // Column names are the callers' constants; the casts only bridge Kysely's per-table column typing.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type AnyUpdate = any;
  if (kind === 'mysql') {
    return insert.onDuplicateKeyUpdate(Object.fromEntries(columns.map((c) => [c, sql`VALUES(${sql.ref(c)})`])) as AnyUpdate);
  }
  const set = Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)]));
  return insert.onConflict((oc) => oc.column(key as AnyUpdate).doUpdateSet(set as AnyUpdate));
}

/**
 * The one row-lock helper: locks the rows of `table` whose `keyColumn` is one of `ids` until the transaction ends
 * (SELECT … FOR UPDATE) and answers the keys that exist. Ids are deduplicated and locked in key order, so two units of
 * work locking overlapping sets queue behind each other instead of deadlocking. Take all of a unit of work's locks in
 * one call, before its writes.
 */
export async function lockRows<DB, K extends number | string>(
  trx: Transaction<DB>,
  table: keyof DB & string,
  keyColumn: string,
  ids: readonly K[],
): Promise<K[]> {
  const keys = [...new Set(ids)];
  if (keys.length === 0) return [];
  const key = sql.ref(keyColumn);
  const { rows } = await sql<{ k: K }>`SELECT ${key} AS k FROM ${sql.table(table)} WHERE ${key} IN (${sql.join(keys)}) ORDER BY ${key} FOR UPDATE`.execute(trx);
  return rows.map((r) => r.k);
}

const NAMED_LOCK_WAIT_SECONDS = 10;

/**
 * Runs `work` in a new transaction holding an exclusive lock on `name` — for work whose rows may not exist yet, so
 * there is no row to lock — until that transaction has committed or rolled back. PostgreSQL (and PGlite, where the
 * session lock already serialises transactions): pg_advisory_xact_lock, scoped to the database and released by the
 * transaction's end. MariaDB has no transaction-scoped named lock: GET_LOCK is taken on the connection before BEGIN
 * and released after COMMIT, so the next holder's snapshot starts after this one's writes; its names are server-wide,
 * hence the DATABASE() prefix (hashed to stay within the 64-character limit).
 */
export async function inNamedLock<DB, T>(db: Db<DB>, name: string, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.kind === 'postgres') {
    return db.kysely.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(trx);
      return work(trx);
    });
  }
  return db.kysely.connection().execute(async (conn) => {
    const lockName = sql`SHA1(CONCAT(DATABASE(), ':', ${name}))`;
    const { rows } = await sql<{ got: number | null }>`SELECT GET_LOCK(${lockName}, ${NAMED_LOCK_WAIT_SECONDS}) AS got`.execute(conn);
    if (Number(rows[0]?.got) !== 1) throw new Error(`named lock "${name}" not acquired within ${NAMED_LOCK_WAIT_SECONDS} s`);
    try {
      return await conn.transaction().execute(work);
    } finally {
      await sql`SELECT RELEASE_LOCK(${lockName})`.execute(conn);
    }
  });
}
