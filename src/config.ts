// Environment → typed configuration. Accepts every variable name of the original service (case-insensitive,
// SQLAlchemy-style URLs) so an existing `.env` works unchanged.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';

export type DbKind = 'mysql' | 'postgres';

export interface DbUrl {
  kind: DbKind;
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** The URL with the password masked, safe for logs. */
  display: string;
}

export interface Config {
  appName: string;
  version: string;
  environment: string;
  debug: boolean;
  /** true when no database URL is configured: everything runs in-process on PGlite. */
  embedded: boolean;
  host: string;
  port: number;
  dataDir: string;
  logLevel: string;
  jwt: { secret: string; algorithm: 'HS256'; expireMinutes: number };
  db: { auth: DbUrl | null; service: DbUrl | null; log: DbUrl | null; rec: DbUrl | null };
  redisUrl: string | null;
  ml: { url: string | null; mode: string; timeoutMs: number; retries: number };
  payment: {
    serverUrl: string | null;
    serverUrl2: string | null;
    webhookSecret: string | null;
    webhookBaseUrl: string | null;
    /** Confirm v2's wait for the webhook before answering PENDING (60 s) and the create call's timeout (10 s). */
    waitTimeoutMs: number;
    createTimeoutMs: number;
    /** v1: the wait between two status polls (the original's 5 s). */
    v1PollIntervalMs: number;
  };
  /** Order timings (ms): one delivery step after payment (the original's 2 s) and the stale PAYMENT_REQUESTED age (5 min). */
  orders: { progressionStepMs: number; paymentRequestExpiryMs: number };
  serviceAuthToken: string | null;
  /** METRICS_TOKEN: bearer token required by /metrics when set (null: /metrics is open). */
  metricsToken: string | null;
  corsOrigins: string[];
  /** Peers whose X-Forwarded-For is believed (proxy-addr names or CIDRs); others cannot spoof their address. */
  trustedProxies: string[];
  /** Connection limits (ms): a slow or stalled client cannot hold a connection open for long. */
  http: { requestTimeoutMs: number; headersTimeoutMs: number; keepAliveTimeoutMs: number; connectionTimeoutMs: number };
  rateLimit: { loginPerMinute: number; signupPerMinute: number };
  /** Absolute base URL clients reach this server at (links in stored data, e.g. demo pictures). */
  publicBaseUrl: string;
  /** Whether this deployment declares its scheduled jobs (UHOK_SCHEDULES=off: tests that drive them by hand). */
  schedules: boolean;
  /** What this process does: serve HTTP (`api`), consume jobs and run schedules (`worker`), or both. */
  roles: { api: boolean; worker: boolean };
}

export const DEFAULT_CORS_ORIGINS = [
  'http://localhost',
  'http://localhost:80',
  'http://localhost:3001',
  'http://localhost:9001',
  'http://localhost:8502',
  'http://webapp.uhok.com:3001',
  'http://webapp2.uhok.com:3001',
  'http://api.uhok.com:9000',
  'http://api2.uhok.com:9000',
  'http://payment.uhok.com:9002',
];

export class ConfigError extends Error {}

/** UHOK_ROLE: `api`, `worker` or `all` (default); a comma list of the first two means both. */
function parseRoles(value: string | undefined): Config['roles'] {
  const names = (value ?? 'all').toLowerCase().split(',').map((r) => r.trim()).filter(Boolean);
  for (const name of names) if (!['api', 'worker', 'all'].includes(name)) throw new ConfigError(`UHOK_ROLE must be api, worker or all (got "${name}")`);
  const all = names.includes('all') || names.length === 0;
  return { api: all || names.includes('api'), worker: all || names.includes('worker') };
}

/** Parses `scheme+driver://user:password@host:port/db?…`; the `+driver` part is ignored, credentials are percent-decoded. */
export function parseDbUrl(raw: string): DbUrl {
  const match = /^([a-z0-9]+)(\+[a-z0-9_]+)?:\/\//i.exec(raw.trim());
  if (!match) throw new ConfigError(`database URL has no scheme: ${maskUrl(raw)}`);
  const scheme = match[1].toLowerCase();
  let kind: DbKind;
  if (scheme === 'mysql' || scheme === 'mariadb') kind = 'mysql';
  else if (scheme === 'postgresql' || scheme === 'postgres') kind = 'postgres';
  else throw new ConfigError(`unsupported database scheme "${scheme}"`);
  const url = new URL(`${kind === 'mysql' ? 'mysql' : 'postgres'}://${raw.trim().slice(match[0].length)}`);
  return {
    kind,
    host: url.hostname || 'localhost',
    port: url.port ? Number(url.port) : kind === 'mysql' ? 3306 : 5432,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
    display: maskUrl(raw),
  };
}

export function maskUrl(raw: string): string {
  return raw.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

function readEnvFile(cwd: string): Record<string, string> {
  const path = join(cwd, '.env');
  return existsSync(path) ? parseDotenv(readFileSync(path, 'utf8')) : {};
}

/** Environment variables win over `.env`; names are matched case-insensitively like pydantic-settings. */
function mergedEnv(env: NodeJS.ProcessEnv, cwd: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(readEnvFile(cwd))) out.set(k.toUpperCase(), v);
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out.set(k.toUpperCase(), v);
  return out;
}

function bool(v: string | undefined, fallback: boolean): boolean {
  if (v === undefined || v === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(v.trim().toLowerCase());
}

function num(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new ConfigError(`${name} must be a number`);
  return n;
}

/** In embedded mode a missing secret is generated once and kept in the data directory, so tokens survive restarts. */
function embeddedSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const e = mergedEnv(env, cwd);
  const get = (name: string): string | undefined => {
    const v = e.get(name);
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const dbOf = (name: string): DbUrl | null => {
    const v = get(name);
    return v ? parseDbUrl(v) : null;
  };
  const db = {
    auth: dbOf('MARIADB_AUTH_URL'),
    service: dbOf('MARIADB_SERVICE_URL'),
    log: dbOf('POSTGRES_LOG_URL'),
    rec: dbOf('POSTGRES_RECOMMEND_URL'),
  };
  const embedded = !db.auth && !db.service && !db.log && !db.rec;
  if (!embedded && (!db.auth || !db.service || !db.log)) {
    throw new ConfigError('MARIADB_AUTH_URL, MARIADB_SERVICE_URL and POSTGRES_LOG_URL must be set together (or none of them, for the embedded mode)');
  }
  const environment = get('ENVIRONMENT') ?? 'development';
  const dataDir = resolve(cwd, get('UHOK_DATA_DIR') ?? '.uhok-data');

  const algorithm = (get('JWT_ALGORITHM') ?? 'HS256').toUpperCase();
  if (algorithm !== 'HS256') throw new ConfigError(`JWT_ALGORITHM ${algorithm} is not supported; use HS256`);
  let secret = get('JWT_SECRET');
  const strictSecrets = !embedded || environment === 'production';
  if (strictSecrets) {
    if (!secret) throw new ConfigError('JWT_SECRET is required outside the embedded mode');
    if (Buffer.byteLength(secret, 'utf8') < 32) throw new ConfigError('JWT_SECRET is too weak: it must be at least 32 bytes long');
  } else if (!secret || Buffer.byteLength(secret, 'utf8') < 32) {
    secret = embeddedSecret(dataDir);
  }

  const origins = get('CORS_ORIGINS');
  return {
    appName: get('APP_NAME') ?? 'uhok-backend',
    version: '1.0.0',
    environment,
    debug: bool(get('DEBUG'), false),
    embedded,
    host: get('HOST') ?? '0.0.0.0',
    port: num('PORT', get('PORT'), 9000),
    dataDir,
    logLevel: (get('LOG_LEVEL') ?? 'info').toLowerCase(),
    jwt: { secret, algorithm: 'HS256', expireMinutes: num('ACCESS_TOKEN_EXPIRE_MINUTES', get('ACCESS_TOKEN_EXPIRE_MINUTES'), 30) },
    db,
    redisUrl: get('REDIS_URL') ?? null,
    ml: {
      url: (get('ML_INFERENCE_URL') ?? get('ML_SERVICE_URL'))?.replace(/\/+$/, '') ?? null,
      mode: get('ML_MODE') ?? 'remote_embed',
      timeoutMs: num('ML_TIMEOUT', get('ML_TIMEOUT'), 10) * 1000,
      retries: num('ML_RETRIES', get('ML_RETRIES'), 2),
    },
    payment: {
      serverUrl: get('PAYMENT_SERVER_URL') ?? null,
      serverUrl2: get('PAYMENT_SERVER_URL2') ?? null,
      webhookSecret: get('PAYMENT_WEBHOOK_SECRET') ?? null,
      webhookBaseUrl: get('WEBHOOK_BASE_URL') ?? null,
      waitTimeoutMs: num('PAYMENT_V2_WAIT_TIMEOUT_MS', get('PAYMENT_V2_WAIT_TIMEOUT_MS'), 60_000),
      createTimeoutMs: num('PAYMENT_CREATE_TIMEOUT_MS', get('PAYMENT_CREATE_TIMEOUT_MS'), 10_000),
      v1PollIntervalMs: num('PAYMENT_V1_POLL_INTERVAL_MS', get('PAYMENT_V1_POLL_INTERVAL_MS'), 5_000),
    },
    orders: {
      progressionStepMs: num('ORDER_PROGRESSION_STEP_SECONDS', get('ORDER_PROGRESSION_STEP_SECONDS'), 2) * 1000,
      paymentRequestExpiryMs: num('PAYMENT_REQUESTED_EXPIRY_SECONDS', get('PAYMENT_REQUESTED_EXPIRY_SECONDS'), 300) * 1000,
    },
    serviceAuthToken: get('SERVICE_AUTH_TOKEN') ?? null,
    metricsToken: get('METRICS_TOKEN') ?? null,
    roles: parseRoles(get('UHOK_ROLE')),
    schedules: bool(get('UHOK_SCHEDULES'), true),
    publicBaseUrl: (get('PUBLIC_BASE_URL') ?? `http://localhost:${num('PORT', get('PORT'), 9000)}`).replace(/\/+$/, ''),
    corsOrigins: origins ? origins.split(',').map((o) => o.trim()).filter(Boolean) : DEFAULT_CORS_ORIGINS,
    // Only this machine by default; a proxy in front is trusted explicitly (e.g. TRUSTED_PROXIES=10.0.0.0/8 or uniquelocal).
    trustedProxies: (get('TRUSTED_PROXIES') ?? 'loopback').split(',').map((p) => p.trim()).filter(Boolean),
    http: {
      requestTimeoutMs: num('HTTP_REQUEST_TIMEOUT', get('HTTP_REQUEST_TIMEOUT'), 30) * 1000,
      headersTimeoutMs: num('HTTP_HEADERS_TIMEOUT', get('HTTP_HEADERS_TIMEOUT'), 10) * 1000,
      keepAliveTimeoutMs: num('HTTP_KEEP_ALIVE_TIMEOUT', get('HTTP_KEEP_ALIVE_TIMEOUT'), 5) * 1000,
      connectionTimeoutMs: num('HTTP_CONNECTION_TIMEOUT', get('HTTP_CONNECTION_TIMEOUT'), 60) * 1000,
    },
    rateLimit: {
      loginPerMinute: num('RATE_LIMIT_LOGIN_PER_MINUTE', get('RATE_LIMIT_LOGIN_PER_MINUTE'), 20),
      signupPerMinute: num('RATE_LIMIT_SIGNUP_PER_MINUTE', get('RATE_LIMIT_SIGNUP_PER_MINUTE'), 10),
    },
  };
}
