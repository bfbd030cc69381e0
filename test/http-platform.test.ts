// Cross-cutting HTTP behaviour: errors, CORS, security headers, request ids, docs, metrics, health, rate limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './helpers/app.js';
import { signup } from './helpers/auth.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => t?.close());

describe('errors', () => {
  it('unknown path → 404, wrong method → 405, both JSON', async () => {
    const nf = await t.app.inject({ url: '/api/nothing-here' });
    expect([nf.statusCode, nf.json()]).toEqual([404, { detail: 'Not Found' }]);
    const na = await t.app.inject({ method: 'DELETE', url: '/api/user/info' });
    expect([na.statusCode, na.json()]).toEqual([405, { detail: 'Method Not Allowed' }]);
    expect(na.headers.allow).toContain('GET');
  });

  it('answers unreadable requests with a 4xx in the contract format, never 500', async () => {
    const badUrl = await t.app.inject({ url: '/api/log/user/event/%ZZ' });
    expect([badUrl.statusCode, badUrl.json()]).toEqual([400, { detail: '잘못된 요청입니다.' }]);
    const noBoundary = await t.app.inject({ method: 'POST', url: '/api/user/login', headers: { 'content-type': 'multipart/form-data' }, payload: 'x' });
    expect([noBoundary.statusCode, noBoundary.json()]).toEqual([400, { detail: '잘못된 요청입니다.' }]);
    const kokNoBoundary = await t.app.inject({ method: 'POST', url: '/api/kok/likes/toggle', headers: { 'content-type': 'multipart/form-data' }, payload: 'x' });
    expect([kokNoBoundary.statusCode, kokNoBoundary.json()]).toEqual([400, { detail: '잘못된 요청입니다.' }]);
    const brokenForm = await t.app.inject({ method: 'POST', url: '/api/user/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '&&&===%' });
    expect(brokenForm.statusCode).toBe(422);
    for (const payload of ['[]', 'null', '"text"', '{"email": "a@b.co", "password": "abcd", "username": 5']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/user/signup', headers: { 'content-type': 'application/json' }, payload });
      expect(res.statusCode, payload).toBe(422);
    }
  });

  it('serves the trailing-slash form too', async () => {
    expect((await t.app.inject({ url: '/api/log/user/event/health/' })).statusCode).toBe(200);
  });
});

describe('CORS and headers', () => {
  it('allows the configured origins with credentials, on errors too', async () => {
    const res = await t.app.inject({ url: '/api/user/info', headers: { origin: 'http://localhost:3001' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:3001');
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    const pre = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/user/login',
      headers: { origin: 'http://localhost', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-max-age']).toBe('600');
    expect(String(pre.headers['access-control-allow-headers'])).toContain('authorization');
  });

  it('sends no CORS headers to other origins', async () => {
    const res = await t.app.inject({ url: '/api/health', headers: { origin: 'http://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sets security headers and echoes or creates a request id', async () => {
    const res = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['x-request-id']).toBe('abc-123');
    const fresh = await t.app.inject({ url: '/api/health' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('health', () => {
  it('/api/health and /healthz report each dependency with the real time', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'healthy', service: 'uhok-backend-gateway', version: '1.0.0' });
    expect(Math.abs(Date.parse(body.timestamp) - Date.now())).toBeLessThan(5000);
    expect(Object.keys(body.dependencies).sort()).toEqual(['auth_db', 'cache', 'jobs', 'log_db', 'rec_db', 'service_db']);
    expect(body.dependencies.auth_db.status).toBe('ok');
    expect(body.dependencies.cache).toMatchObject({ status: 'ok', kind: t.target === 'servers' ? 'redis' : 'memory' });
    const z = await t.app.inject({ url: '/healthz' });
    expect(z.json().status).toBe('ok');
  });

  it('/api/health/ml reports a remote ML service as it answers, and unhealthy when it does not', async () => {
    const { createServer } = await import('node:http');
    const ml = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(req.url === '/health' ? JSON.stringify({ status: 'ok', model: 'paraphrase-multilingual-MiniLM-L12-v2', dim: 384, version: 'st-5' }) : '{}');
    });
    await new Promise<void>((r) => ml.listen(0, '127.0.0.1', r));
    const port = (ml.address() as { port: number }).port;
    const up = await startApp({ env: { ML_INFERENCE_URL: `http://127.0.0.1:${port}/` } });
    const down = await startApp({ env: { ML_INFERENCE_URL: 'http://127.0.0.1:9' } });
    try {
      expect((await up.app.inject({ url: '/api/health/ml' })).json()).toMatchObject({ status: 'healthy', ml_service: { status: 'ok', model: 'paraphrase-multilingual-MiniLM-L12-v2', dim: 384 } });
      const bad = (await down.app.inject({ url: '/api/health/ml' })).json();
      expect(bad).toMatchObject({ status: 'unhealthy', ml_service: { status: 'error' } });
      expect(typeof bad.ml_service.error).toBe('string');
    } finally {
      await up.close();
      await down.close();
      ml.close();
    }
  });

  it('/api/health/ml reports the embedder', async () => {
    const body = (await t.app.inject({ url: '/api/health/ml' })).json();
    expect(body).toMatchObject({ status: 'healthy', service: 'uhok-backend-gateway', ml_service: { status: 'ok', dim: 384 } });
  });
});

describe('docs and metrics', () => {
  it('documents every user and log route with response schemas', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json();
    const expected: Array<[string, string, string]> = [
      ['/api/user/signup', 'post', '201'],
      ['/api/user/signup/email/check', 'get', '200'],
      ['/api/user/login', 'post', '200'],
      ['/api/user/logout', 'post', '200'],
      ['/api/user/info', 'get', '200'],
      ['/api/log/user/event/health', 'get', '200'],
      ['/api/log/user/event', 'get', '200'],
      ['/api/log/user/event', 'post', '201'],
      ['/api/log/user/event/{user_id}', 'get', '200'],
      ['/api/log/user/activity', 'post', '201'],
    ];
    for (const [path, method, code] of expected) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op.responses[code]?.content?.['application/json']?.schema, `${method} ${path} ${code}`).toBeDefined();
    }
    expect(doc.paths['/api/user/login'].post.requestBody.content['application/x-www-form-urlencoded']).toBeDefined();
    expect((await t.app.inject({ url: '/docs/' })).statusCode).toBe(200);
    const redoc = await t.app.inject({ url: '/redoc' });
    expect(redoc.headers['content-type']).toMatch(/^text\/html/);
    expect(redoc.body).toContain('spec-url="/openapi.json"');
  });

  it('exposes Prometheus metrics by route', async () => {
    await t.app.inject({ url: '/api/health' });
    const text = (await t.app.inject({ url: '/metrics' })).body;
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(text).toContain('process_cpu_seconds_total');
  });
});

describe('client address', () => {
  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    const ipSeen = async (remoteAddress: string) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/user/signup', remoteAddress, headers: { 'x-forwarded-for': '203.0.113.7' }, payload: { email: `ip-${remoteAddress}-${Date.now()}@example.com`, password: 'abcd', username: 'ip' } });
      expect(res.statusCode).toBe(201);
      await t.ctx.jobs.drain();
      const row = await t.ctx.dbs.log.kysely.selectFrom('USER_LOG').select('CLIENT_IP').where('USER_ID', '=', res.json().user_id).where('EVENT_TYPE', '=', 'user_signup').executeTakeFirstOrThrow();
      return row.CLIENT_IP;
    };
    // Only loopback is trusted by default: a private-network peer is not a proxy unless TRUSTED_PROXIES says so.
    expect(await ipSeen('127.0.0.1')).toBe('203.0.113.7');
    expect(await ipSeen('10.0.0.5')).toBe('10.0.0.5');
    expect(await ipSeen('198.51.100.20')).toBe('198.51.100.20');
  });
});

describe('rate limits', () => {
  it('throttles login attempts per client with a 429 in the contract format', async () => {
    const limited = await startApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '3' } });
    try {
      const { email } = await signup(limited.app);
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/user/login',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: `username=${encodeURIComponent(email)}&password=wrong`,
        });
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await attempt()).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const res = await attempt();
      expect(res.json().detail).toMatch(/^요청이 너무 많습니다. \d+초 후에 다시 시도해주세요.$/);
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
