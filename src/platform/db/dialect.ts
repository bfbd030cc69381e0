// The few statements whose SQL differs between MariaDB and PostgreSQL.
import { sql, type InsertObject, type InsertQueryBuilder, type Kysely, type RawBuilder } from 'kysely';
import type { DbKind } from '../../config.js';

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
