// Small helpers shared by the SERVICE_DB migration steps.
// No FOREIGN KEY constraints anywhere in SERVICE_DB: the deployed database had only one (schema.md §1.4) and
// catalogue rows can vanish (ETL deletes) while carts, likes and orders still point at them.
import { sql } from 'kysely';
import type { DbKind } from '../../config.js';
import { createIndex, type AnyKysely, type IndexSpec } from '../../platform/db/ddl.js';
import { ignoreDuplicates } from '../../platform/db/dialect.js';

export interface ServiceIndexSpec extends IndexSpec {
  /**
   * The original MariaDB index name when it is not globally unique (MariaDB index names are per table,
   * PostgreSQL's per schema). Used on MariaDB so that adopting an original database finds the existing index
   * instead of adding a duplicate; `name` (globally unique) is used on PostgreSQL.
   */
  mysqlName?: string;
}

export async function index(db: AnyKysely, kind: DbKind, spec: ServiceIndexSpec): Promise<void> {
  const { mysqlName, ...rest } = spec;
  await createIndex(db, kind === 'mysql' && mysqlName ? { ...rest, name: mysqlName } : rest);
}

/** True when some (columns…) combination occurs more than once, i.e. a unique index cannot be created. */
export async function hasDuplicates(db: AnyKysely, table: string, columns: string[]): Promise<boolean> {
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  const { rows } = await sql<{ n: number }>`select 1 as n from ${sql.table(table)} group by ${cols} having count(*) > 1 limit 1`.execute(db);
  return rows.length > 0;
}

/** Inserts rows, silently skipping those that hit a unique/primary key (INSERT IGNORE / ON CONFLICT DO NOTHING). */
export async function insertIgnore(db: AnyKysely, kind: DbKind, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  await ignoreDuplicates(kind, db.insertInto(table).values(rows)).execute();
}
