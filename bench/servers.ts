// The servers target for benchmarks: its own databases on the local MariaDB/PostgreSQL and Redis.
import { ensureDatabases, serverUrls } from '../test/helpers/target.js';

const MARIADB = new URL(process.env.BENCH_MARIADB_URL ?? 'mysql://root:@127.0.0.1:3306');
const POSTGRES = new URL(process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres:@127.0.0.1:5432');
const REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

export const BENCH_DBS = { auth: 'uhok_bench_auth', service: 'uhok_bench_service', log: 'uhok_bench_log' };

export async function ensureBenchDatabases(): Promise<void> {
  await ensureDatabases(BENCH_DBS, MARIADB, POSTGRES);
}

/** The original variable names, pointing at the bench databases, with limits that do not throttle the load. */
export function benchEnv(): Record<string, string> {
  return {
    ...serverUrls(BENCH_DBS, MARIADB, POSTGRES, REDIS),
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    SERVICE_AUTH_TOKEN: 'bench-service-token',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000000',
    RATE_LIMIT_SIGNUP_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
  };
}
