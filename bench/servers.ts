// The servers target for benchmarks: its own databases on the local MariaDB/PostgreSQL and Redis.
import { createConnection } from 'mysql2/promise';
import pg from 'pg';

const MARIADB = new URL(process.env.BENCH_MARIADB_URL ?? 'mysql://root:@127.0.0.1:3306');
const POSTGRES = new URL(process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres:@127.0.0.1:5432');
const REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

export const BENCH_DBS = { auth: 'uhok_bench_auth', service: 'uhok_bench_service', log: 'uhok_bench_log' };

export async function ensureBenchDatabases(): Promise<void> {
  const my = await createConnection({ host: MARIADB.hostname, port: Number(MARIADB.port || 3306), user: MARIADB.username || 'root', password: decodeURIComponent(MARIADB.password) });
  for (const db of [BENCH_DBS.auth, BENCH_DBS.service]) await my.query(`CREATE DATABASE IF NOT EXISTS \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await my.end();
  const client = new pg.Client({ host: POSTGRES.hostname, port: Number(POSTGRES.port || 5432), user: POSTGRES.username || 'postgres', password: decodeURIComponent(POSTGRES.password), database: 'postgres' });
  await client.connect();
  const found = await client.query('select 1 from pg_database where datname = $1', [BENCH_DBS.log]);
  if (found.rowCount === 0) await client.query(`CREATE DATABASE "${BENCH_DBS.log}"`);
  await client.end();
}

/** The original variable names, pointing at the bench databases. */
export function benchEnv(): Record<string, string> {
  const my = `mysql+asyncmy://${MARIADB.username || 'root'}:${MARIADB.password}@${MARIADB.hostname}:${MARIADB.port || 3306}`;
  const pgBase = `postgresql+psycopg_async://${POSTGRES.username || 'postgres'}:${POSTGRES.password}@${POSTGRES.hostname}:${POSTGRES.port || 5432}`;
  return {
    MARIADB_AUTH_URL: `${my}/${BENCH_DBS.auth}`,
    MARIADB_SERVICE_URL: `${my}/${BENCH_DBS.service}`,
    POSTGRES_LOG_URL: `${pgBase}/${BENCH_DBS.log}`,
    REDIS_URL: REDIS,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    SERVICE_AUTH_TOKEN: 'bench-service-token',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000000',
    RATE_LIMIT_SIGNUP_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
  };
}
