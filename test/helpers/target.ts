// Which backend the suite runs on: `embedded` (default; in-memory PGlite, in-process cache and jobs) or
// `servers` (MariaDB, PostgreSQL and Redis on this machine). Each vitest worker gets its own databases.
import { createConnection } from 'mysql2/promise';
import pg from 'pg';

export type Target = 'embedded' | 'servers';

export const TARGET: Target = process.env.TEST_TARGET === 'servers' ? 'servers' : 'embedded';
export const onServers = TARGET === 'servers';

const MARIADB = new URL(process.env.TEST_MARIADB_URL ?? 'mysql://root:@127.0.0.1:3306');
const POSTGRES = new URL(process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres:@127.0.0.1:5432');
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

// TEST_DB_TAG keeps the databases of two suites run side by side apart (uhok_t<tag><worker>_*).
const worker = `${process.env.TEST_DB_TAG ?? ''}${process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '0'}`;

export interface ServerDatabases {
  auth: string;
  service: string;
  log: string;
}

export function serverDbNames(suffix = worker): ServerDatabases {
  return { auth: `uhok_t${suffix}_auth`, service: `uhok_t${suffix}_service`, log: `uhok_t${suffix}_log` };
}

/** Creates the databases on the local MariaDB (auth, service) and PostgreSQL (log) when they are missing. */
export async function ensureDatabases(names: ServerDatabases, mariadb = MARIADB, postgres = POSTGRES): Promise<void> {
  const my = await createConnection({ host: mariadb.hostname, port: Number(mariadb.port || 3306), user: decodeURIComponent(mariadb.username || 'root'), password: decodeURIComponent(mariadb.password) });
  for (const db of [names.auth, names.service]) {
    await my.query(`CREATE DATABASE IF NOT EXISTS \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  await my.end();
  const client = new pg.Client({ host: postgres.hostname, port: Number(postgres.port || 5432), user: decodeURIComponent(postgres.username || 'postgres'), password: decodeURIComponent(postgres.password), database: 'postgres' });
  await client.connect();
  const exists = await client.query('select 1 from pg_database where datname = $1', [names.log]);
  // Two workers may race to create it; the loser's error is harmless.
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${names.log}"`).catch(() => undefined);
  await client.end();
}

/** The original variable names (SQLAlchemy-style URLs) pointing at those databases and the local Redis. */
export function serverUrls(names: ServerDatabases, mariadb = MARIADB, postgres = POSTGRES, redisUrl = TEST_REDIS_URL): Record<string, string> {
  const myBase = `mysql+asyncmy://${mariadb.username || 'root'}:${mariadb.password}@${mariadb.hostname}:${mariadb.port || 3306}`;
  const pgBase = `postgresql+psycopg_async://${postgres.username || 'postgres'}:${postgres.password}@${postgres.hostname}:${postgres.port || 5432}`;
  return {
    MARIADB_AUTH_URL: `${myBase}/${names.auth}`,
    MARIADB_SERVICE_URL: `${myBase}/${names.service}`,
    POSTGRES_LOG_URL: `${pgBase}/${names.log}`,
    REDIS_URL: redisUrl,
  };
}

/** Creates the worker's databases when missing and returns the environment that points the app at them. */
export async function serverEnv(suffix = worker): Promise<Record<string, string>> {
  const names = serverDbNames(suffix);
  await ensureDatabases(names);
  return serverUrls(names);
}
