// Configuration: the original variable names and URL forms, `.env`, and refusal of weak secrets.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CORS_ORIGINS, loadConfig, maskUrl, parseDbUrl } from '../src/config.js';

const strong = 'x'.repeat(40);
const servers = {
  MARIADB_AUTH_URL: 'mysql+asyncmy://uhok:p%40ss%3Aw0rd@db.internal:3307/AUTH_DB',
  MARIADB_SERVICE_URL: 'mysql+asyncmy://uhok:p%40ss%3Aw0rd@db.internal:3307/SERVICE_DB?charset=utf8mb4',
  POSTGRES_LOG_URL: 'postgresql+psycopg_async://log:secret@pg.internal/LOG_DB',
};

describe('config', () => {
  it('parses SQLAlchemy-style URLs, ignoring the driver and percent-decoding credentials', () => {
    const url = parseDbUrl(servers.MARIADB_AUTH_URL);
    expect(url).toMatchObject({ kind: 'mysql', host: 'db.internal', port: 3307, user: 'uhok', password: 'p@ss:w0rd', database: 'AUTH_DB' });
    expect(url.display).not.toContain('p%40ss');
    expect(parseDbUrl('postgresql+psycopg_async://log:secret@pg.internal/LOG_DB')).toMatchObject({ kind: 'postgres', port: 5432, database: 'LOG_DB' });
    expect(parseDbUrl('mysql+pymysql://root@localhost/x')).toMatchObject({ kind: 'mysql', password: '' });
    expect(() => parseDbUrl('oracle://a@b/c')).toThrow(ConfigError);
    expect(maskUrl('postgresql://u:hunter2@h/db')).toBe('postgresql://u:***@h/db');
  });

  it('runs embedded with no URLs, generating and keeping a secret in the data directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'uhok-cfg-'));
    const a = loadConfig({ UHOK_DATA_DIR: dir } as NodeJS.ProcessEnv, dir);
    const b = loadConfig({ UHOK_DATA_DIR: dir } as NodeJS.ProcessEnv, dir);
    expect(a.embedded).toBe(true);
    expect(Buffer.byteLength(a.jwt.secret)).toBeGreaterThanOrEqual(32);
    expect(b.jwt.secret).toBe(a.jwt.secret);
    expect(a.port).toBe(9000);
    expect(a.corsOrigins).toEqual(DEFAULT_CORS_ORIGINS);
    expect(a.corsOrigins).toContain('http://localhost');
  });

  it('refuses to start on real servers with a missing or weak JWT_SECRET and says why', () => {
    expect(() => loadConfig({ ...servers } as NodeJS.ProcessEnv, '/nonexistent')).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ ...servers, JWT_SECRET: 'short' } as NodeJS.ProcessEnv, '/nonexistent')).toThrow(/at least 32 bytes/);
    expect(() => loadConfig({ ENVIRONMENT: 'production', JWT_SECRET: 'short' } as NodeJS.ProcessEnv, '/nonexistent')).toThrow(/at least 32 bytes/);
    expect(() => loadConfig({ ...servers, JWT_SECRET: strong, JWT_ALGORITHM: 'RS256' } as NodeJS.ProcessEnv, '/nonexistent')).toThrow(/HS256/);
    const ok = loadConfig({ ...servers, JWT_SECRET: strong } as NodeJS.ProcessEnv, '/nonexistent');
    expect(ok.embedded).toBe(false);
    expect(ok.db.service).toMatchObject({ database: 'SERVICE_DB', password: 'p@ss:w0rd' });
  });

  it('reads .env (environment wins), names case-insensitively, and the ML/payment/CORS variables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'uhok-env-'));
    writeFileSync(
      join(dir, '.env'),
      [
        `jwt_secret=${strong}`,
        'ACCESS_TOKEN_EXPIRE_MINUTES=45',
        'ML_SERVICE_URL=http://ml-old:8001/',
        'PAYMENT_SERVER_URL2=http://pay:9002',
        'PAYMENT_WEBHOOK_SECRET=whsec',
        'SERVICE_AUTH_TOKEN=svc',
        'CORS_ORIGINS=http://a.example, http://b.example',
        'REDIS_URL=redis://cache:6379/0',
        'APP_NAME=UHOK',
        'DEBUG=true',
        `MARIADB_AUTH_URL=${servers.MARIADB_AUTH_URL}`,
        `MARIADB_SERVICE_URL=${servers.MARIADB_SERVICE_URL}`,
        `POSTGRES_LOG_URL=${servers.POSTGRES_LOG_URL}`,
      ].join('\n'),
    );
    const c = loadConfig({ ACCESS_TOKEN_EXPIRE_MINUTES: '15' } as NodeJS.ProcessEnv, dir);
    expect(c.jwt).toMatchObject({ secret: strong, expireMinutes: 15 });
    expect(c.ml.url).toBe('http://ml-old:8001');
    expect(loadConfig({ ML_INFERENCE_URL: 'http://ml-new:8001' } as NodeJS.ProcessEnv, dir).ml.url).toBe('http://ml-new:8001');
    expect(c.payment).toMatchObject({ serverUrl2: 'http://pay:9002', webhookSecret: 'whsec' });
    expect(c.serviceAuthToken).toBe('svc');
    expect(c.corsOrigins).toEqual(['http://a.example', 'http://b.example']);
    expect(c.redisUrl).toBe('redis://cache:6379/0');
    expect([c.appName, c.debug]).toEqual(['UHOK', true]);
  });

  it('trusts only loopback proxies by default and bounds connections with configurable timeouts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'uhok-http-'));
    const d = loadConfig({ UHOK_DATA_DIR: dir } as NodeJS.ProcessEnv, dir);
    expect(d.trustedProxies).toEqual(['loopback']);
    expect(d.http).toEqual({ requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, keepAliveTimeoutMs: 5_000, connectionTimeoutMs: 60_000 });
    const c = loadConfig({ UHOK_DATA_DIR: dir, TRUSTED_PROXIES: 'loopback, 10.0.0.0/8', HTTP_REQUEST_TIMEOUT: '2.5', HTTP_HEADERS_TIMEOUT: '1' } as NodeJS.ProcessEnv, dir);
    expect(c.trustedProxies).toEqual(['loopback', '10.0.0.0/8']);
    expect(c.http).toMatchObject({ requestTimeoutMs: 2500, headersTimeoutMs: 1000 });
    expect(() => loadConfig({ UHOK_DATA_DIR: dir, HTTP_REQUEST_TIMEOUT: 'soon' } as NodeJS.ProcessEnv, dir)).toThrow(/HTTP_REQUEST_TIMEOUT/);
  });

  it('needs all three service URLs together', () => {
    expect(() => loadConfig({ MARIADB_AUTH_URL: servers.MARIADB_AUTH_URL, JWT_SECRET: strong } as NodeJS.ProcessEnv, '/nonexistent')).toThrow(/must be set together/);
  });
});
