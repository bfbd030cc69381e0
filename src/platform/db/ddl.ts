// Portable DDL for the migrations: the few column types and table options that differ between MariaDB and
// PostgreSQL live here, so a migration reads the same on both. Every create is "if not exists" so migrations
// adopt an existing database of the original system instead of failing or dropping it.
import { sql, type CreateTableBuilder, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { DbKind } from '../../config.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKysely = Kysely<any>;
type DataType = RawBuilder<unknown>;

/** Column types with one name per meaning; each renders to the dialect's native type. */
export function types(kind: DbKind) {
  const my = kind === 'mysql';
  const raw = (s: string): DataType => sql.raw(s);
  return {
    int: raw(my ? 'int' : 'integer'),
    bigint: raw('bigint'),
    smallint: raw('smallint'),
    /** MariaDB TINYINT(1) booleans are kept as 0/1 numbers on both engines. */
    tinyint: raw(my ? 'tinyint(1)' : 'smallint'),
    float: raw(my ? 'float' : 'real'),
    varchar: (n: number): DataType => raw(`varchar(${n})`),
    text: raw('text'),
    date: raw('date'),
    time: raw('time'),
    /** Naive timestamp holding UTC wall-clock time. */
    datetime: raw(my ? 'datetime' : 'timestamp'),
    /** Same, with microseconds (log tables). */
    datetime6: raw(my ? 'datetime(6)' : 'timestamp(6)'),
    json: raw('json'),
    vector: (dim: number): DataType => raw(`vector(${dim})`),
  };
}

export function nowDefault(kind: DbKind): Expression<unknown> {
  // UTC on both engines, whatever the server's or session's time zone.
  return kind === 'mysql' ? sql`(utc_timestamp())` : sql`(now() at time zone 'utc')`;
}

/** `CREATE TABLE IF NOT EXISTS` with InnoDB/utf8mb4 on MariaDB. */
export function createTable(db: AnyKysely, kind: DbKind, name: string): CreateTableBuilder<string, never> {
  const builder = db.schema.createTable(name).ifNotExists();
  return kind === 'mysql'
    ? builder.modifyEnd(sql`ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`)
    : builder;
}

/** Adds an auto-increment integer primary key (AUTO_INCREMENT on MariaDB, serial/bigserial on PostgreSQL). */
export function autoId<T extends string>(
  builder: CreateTableBuilder<T, never>,
  kind: DbKind,
  column: string,
  size: 'int' | 'bigint' = 'int',
): CreateTableBuilder<T, never> {
  if (kind === 'mysql') {
    return builder.addColumn(column, sql.raw(size === 'int' ? 'int' : 'bigint'), (c) => c.autoIncrement().primaryKey().notNull());
  }
  return builder.addColumn(column, sql.raw(size === 'int' ? 'serial' : 'bigserial'), (c) => c.primaryKey());
}

export interface IndexSpec {
  name: string;
  table: string;
  /** Column names, optionally followed by ` desc`. */
  columns: string[];
  unique?: boolean;
}

/** `CREATE [UNIQUE] INDEX IF NOT EXISTS`, valid on MariaDB ≥ 10.1.4 and PostgreSQL. */
export async function createIndex(db: AnyKysely, spec: IndexSpec): Promise<void> {
  let builder = db.schema.createIndex(spec.name).ifNotExists().on(spec.table).columns(spec.columns);
  if (spec.unique) builder = builder.unique();
  await builder.execute();
}
