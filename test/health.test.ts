// What the public sees: health shows statuses and kinds only (no host, port, database name or driver text),
// the job runner is really probed, and /metrics can be closed with METRICS_TOKEN.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './helpers/app.js';
import { onServers, serverDbNames } from './helpers/target.js';

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
}, 60_000);

async function start(env: Record<string, string> = {}): Promise<TestApp> {
  const t = await startApp({ env });
  apps.push(t);
  return t;
}

const KINDS = ['mysql', 'postgres', 'pglite', 'redis', 'memory', 'bullmq'];

describe('health', () => {
  it('reports statuses and kinds, never addresses or database names', async () => {
    const t = await start();
    for (const url of ['/api/health', '/healthz']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(200);
      const deps = res.json().dependencies as Record<string, { status: string; kind?: string; error?: string }>;
      expect(Object.keys(deps).sort()).toEqual(['auth_db', 'cache', 'jobs', 'log_db', 'rec_db', 'service_db']);
      for (const [name, d] of Object.entries(deps)) {
        if (d.status === 'disabled') continue;
        expect(d.status, name).toBe('ok');
        expect(KINDS, name).toContain(d.kind);
      }
      expect(deps.jobs.kind).toBe(onServers ? 'bullmq' : 'memory');
      const text = res.body;
      expect(text).not.toMatch(/127\.0\.0\.1|localhost|:3306|:5432|:6379/);
      const names = serverDbNames();
      for (const db of Object.values(names)) expect(text).not.toContain(db);
    }
  });

  it.skipIf(!onServers)('reports a dead Redis as a fixed word for cache and jobs', { timeout: 60_000 }, async () => {
    const t = await start({ REDIS_URL: 'redis://127.0.0.1:1/0' });
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('degraded');
    expect(body.dependencies.jobs).toMatchObject({ status: 'error', kind: 'bullmq' });
    expect(body.dependencies.cache).toMatchObject({ status: 'error', kind: 'redis' });
    for (const d of [body.dependencies.jobs, body.dependencies.cache]) expect(['unreachable', 'timeout']).toContain(d.error);
    expect(res.body).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|:1\b/);
  });
});

describe('/metrics', () => {
  it('is open without METRICS_TOKEN', async () => {
    const t = await start();
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('http_requests_total');
    expect(res.body).toContain('uhok_events_dead_lettered_total');
  });

  it('answers 401 in the contract form without the bearer token, 200 with it', async () => {
    const t = await start({ METRICS_TOKEN: 'metrics-secret-token' });
    for (const authorization of [undefined, 'Bearer wrong', 'metrics-secret-token', 'Bearer metrics-secret-token-and-more']) {
      const res = await t.app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(res.statusCode, authorization).toBe(401);
      expect(typeof res.json().detail).toBe('string');
    }
    const ok = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer metrics-secret-token' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('http_requests_total');
  });
});
