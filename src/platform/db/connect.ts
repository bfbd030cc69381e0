// Opens the logical databases (auth, service, log, rec) on MariaDB, PostgreSQL or one embedded PGlite.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { Kysely, MysqlDialect, PostgresDialect, sql, type LogEvent } from 'kysely';
import { createPool as createMysqlPool } from 'mysql2';
import pg from 'pg';
import type { Config, DbKind, DbUrl } from '../../config.js';

/** One logical database: a Kysely instance plus the SQL dialect it speaks. */
export interface Db<T> {
  kysely: Kysely<T>;
  kind: DbKind;
  /** Which physical connection serves it, for health reports; never contains a password. */
  label: string;
}

/** The table types of each logical database; the platform knows none of them, the composition level names them. */
export interface TableSets {
  auth: object;
  service: object;
  log: object;
  rec: object;
}

export interface Databases<T extends TableSets = TableSets> {
  auth: Db<T['auth']>;
  service: Db<T['service']>;
  log: Db<T['log']>;
  /** The vector store; on servers it exists only when POSTGRES_RECOMMEND_URL is set. */
  rec: Db<T['rec']> | null;
  /** Counts executed statements; tests use it to prove list endpoints have no N+1 queries. */
  queries: QueryCounter;
  close(): Promise<void>;
}

export class QueryCounter {
  count = 0;
  onQuery = (event: LogEvent): void => {
    if (event.level === 'query') this.count++;
  };
}

// Timestamps are stored as UTC wall-clock values in columns without a time zone, whatever the server's TZ.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (v) => new Date(`${v.replace(' ', 'T')}Z`));
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// DATE stays 'YYYY-MM-DD' text: a calendar day (KST broadcast dates) is not an instant.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
(pg.defaults as { parseInputDatesAsUTC?: boolean }).parseInputDatesAsUTC = true;

function mysqlKysely<T>(url: DbUrl, counter: QueryCounter): Kysely<T> {
  const pool = createMysqlPool({
    host: url.host,
    port: url.port,
    user: url.user,
    password: url.password,
    database: url.database,
    connectionLimit: 20,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: ['DATE'],
    decimalNumbers: true,
    supportBigNumbers: true,
    connectTimeout: 10_000,
  });
  // Session time zone UTC so that NOW()-style defaults match the UTC values the application writes.
  pool.on('connection', (conn) => conn.query("SET time_zone = '+00:00'"));
  return new Kysely<T>({ dialect: new MysqlDialect({ pool }), log: counter.onQuery });
}

function postgresKysely<T>(url: DbUrl, counter: QueryCounter): Kysely<T> {
  const pool = new pg.Pool({
    host: url.host,
    port: url.port,
    user: url.user,
    password: url.password,
    database: url.database,
    max: 20,
    connectionTimeoutMillis: 10_000,
  });
  return new Kysely<T>({ dialect: new PostgresDialect({ pool }), log: counter.onQuery });
}

/** Opens PGlite with pgvector; `dataDir` null keeps it in memory (tests). */
export async function openPGlite(dataDir: string | null): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? join(dataDir, 'pglite') : undefined, {
    extensions: { vector },
    parsers: {
      [pgliteTypes.TIMESTAMP]: (v: string) => new Date(`${v.replace(' ', 'T')}Z`),
      [pgliteTypes.INT8]: (v: string) => Number(v),
      [pgliteTypes.DATE]: (v: string) => v,
      [pgliteTypes.NUMERIC]: (v: string) => Number(v),
    },
  });
  return db;
}

export async function openDatabases<T extends TableSets>(config: Config, options: { pglite?: PGlite } = {}): Promise<Databases<T>> {
  const queries = new QueryCounter();
  if (config.embedded) {
    const { PGliteDialect } = await import('./pglite-dialect.js');
    const pglite = options.pglite ?? (await openPGlite(config.dataDir));
    await pglite.exec('CREATE EXTENSION IF NOT EXISTS vector');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const kysely = new Kysely<any>({ dialect: new PGliteDialect(pglite), log: queries.onQuery });
    const one = { kysely, kind: 'postgres' as const, label: 'pglite' };
    return {
      auth: one,
      service: one,
      log: one,
      rec: one,
      queries,
      close: () => kysely.destroy(),
    };
  }

  // URLs naming the same database share one pool.
  const pools = new Map<string, Kysely<unknown>>();
  const open = <T>(url: DbUrl): Db<T> => {
    const key = `${url.kind}://${url.user}@${url.host}:${url.port}/${url.database}`;
    let kysely = pools.get(key);
    if (!kysely) {
      kysely = url.kind === 'mysql' ? mysqlKysely<unknown>(url, queries) : postgresKysely<unknown>(url, queries);
      pools.set(key, kysely);
    }
    return { kysely: kysely as Kysely<T>, kind: url.kind, label: `${url.kind}:${url.host}:${url.port}/${url.database}` };
  };
  const { auth, service, log, rec } = config.db;
  const dbs: Databases<T> = {
    auth: open<T['auth']>(auth!),
    service: open<T['service']>(service!),
    log: open<T['log']>(log!),
    rec: rec ? open<T['rec']>(rec) : null,
    queries,
    close: async () => {
      await Promise.all([...pools.values()].map((k) => k.destroy()));
    },
  };
  if (dbs.rec) await sql`CREATE EXTENSION IF NOT EXISTS vector`.execute(dbs.rec.kysely).catch(() => undefined);
  return dbs;
}

/** Cheap liveness probe used by the health endpoints. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function pingDb(db: Db<any>): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}

/**
 * A view of one database typed on the tables a module owns: `tablesOf(dbs.service).owned<KokTables>()`. It only
 * compiles when the database really holds those tables; the module's repositories then cannot name any other.
 */
export function tablesOf<All extends object>(db: Db<All>) {
  return { owned: <Own extends object>(): All extends Own ? Db<Own> : never => db as unknown as All extends Own ? Db<Own> : never };
}
