// The HTTP edge: protocol-level errors and timeouts answered in the contract's form on a real socket, forwarded
// addresses and hosts believed only when well formed, the login limit kept when Redis is down, a draining
// instance's 503, and the contract's `{"detail": …}` body on every error the framework produces.
import { connect } from 'node:net';
import type { InjectOptions } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { clientIp, requestUrl } from '../src/platform/http/client-info.js';
import { createServer, type App } from '../src/platform/http/server.js';
import { startApp, type TestApp } from './helpers/app.js';
import { signup } from './helpers/auth.js';
import { onServers } from './helpers/target.js';

interface RawReply {
  status: number;
  headers: string;
  body: string;
  /** ms from the last write until the server closed the connection. */
  closedAfterMs: number;
}

/** Sends raw bytes (each chunk written in turn) and reads until the server closes the connection. */
function raw(port: number, chunks: string[], waitMs = 8000): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    let lastWrite = Date.now();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connection still open after ${waitMs} ms; got ${JSON.stringify(data)}`));
    }, waitMs);
    socket.on('connect', () => {
      for (const c of chunks) socket.write(c);
      lastWrite = Date.now();
    });
    socket.on('data', (d) => (data += d.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const [head, ...rest] = data.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body: rest.join('\r\n\r\n'), closedAfterMs: Date.now() - lastWrite });
    });
  });
}

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await startApp({ env: { HTTP_REQUEST_TIMEOUT: '1', HTTP_HEADERS_TIMEOUT: '1' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(async () => t?.close());

describe('protocol errors on a real socket', () => {
  const cases: Array<[string, string[], number]> = [
    ['a malformed request line', ['GARBAGE\r\n\r\n'], 400],
    ['headers too large', [`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`], 431],
    ['a bad Content-Length', ['POST /api/user/signup HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'], 400],
    ['two different Content-Lengths', ['POST /api/user/signup HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab'], 400],
    ['bad chunking', ['POST /api/user/signup HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n'], 400],
  ];
  for (const [name, chunks, status] of cases) {
    it(`${name} → ${status} {"detail": …} and the connection is closed`, async () => {
      const res = await raw(port, chunks);
      expect(res.status, res.headers).toBe(status);
      expect(res.headers.toLowerCase()).toContain('content-type: application/json');
      expect(typeof JSON.parse(res.body).detail).toBe('string');
    });
  }

  it('a client that announces 100 bytes and sends 2 is answered 408 and cut off', async () => {
    const res = await raw(port, ['POST /api/user/signup HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"']);
    expect(res.status, res.headers).toBe(408);
    expect(JSON.parse(res.body)).toEqual({ detail: '요청 시간이 초과되었습니다.' });
    expect(res.closedAfterMs).toBeLessThan(4000);
  });

  it('a client that never finishes its headers is cut off too', async () => {
    const res = await raw(port, ['GET /api/health HTTP/1.1\r\nHost: x\r\n']);
    expect([408, 0]).toContain(res.status);
    if (res.status === 408) expect(JSON.parse(res.body).detail).toBeDefined();
    expect(res.closedAfterMs).toBeLessThan(4000);
  });

  it('a well-formed request on the same server still works', async () => {
    const res = await raw(port, ['GET /api/log/user/event/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']);
    expect(res.status).toBe(200);
  });
});

describe('every framework error is {"detail": …}', () => {
  it('404, 405, 413, 415 and a bad URL', async () => {
    const cases: Array<[InjectOptions, number]> = [
      [{ url: '/nope' }, 404],
      [{ method: 'PUT', url: '/api/user/info' }, 405],
      [{ method: 'POST', url: '/api/user/signup', headers: { 'content-type': 'application/json' }, payload: `{"a":"${'x'.repeat(1_100_000)}"}` }, 413],
      [{ method: 'POST', url: '/api/user/signup', headers: { 'content-type': 'application/xml' }, payload: '<a/>' }, 415],
      [{ url: '/api/kok/product/%E0%A4%A/info' }, 400],
    ];
    for (const [request, status] of cases) {
      const res = await t.app.inject(request);
      expect(res.statusCode, JSON.stringify(request).slice(0, 100)).toBe(status);
      expect(typeof res.json().detail).toBe('string');
    }
  });
});

describe('forwarded addresses, protocols and hosts', () => {
  let probe: App;
  beforeAll(async () => {
    const config = loadConfig({ JWT_SECRET: 'x'.repeat(40), UHOK_DATA_DIR: '/tmp/uhok-test-unused', HOST: '0.0.0.0', PORT: '9000' } as NodeJS.ProcessEnv, '/nonexistent');
    probe = await createServer({ config, logger: pino({ level: 'silent' }), redis: null, keyPrefix: 'probe' });
    probe.get('/probe', async (request) => ({ ip: clientIp(request), url: requestUrl(request) }));
    await probe.ready();
  });
  afterAll(async () => probe?.close());
  const seen = async (remoteAddress: string, headers: Record<string, string>, url = '/probe?q=1') =>
    (await probe.inject({ url, remoteAddress, headers })).json() as { ip: string; url: string };

  it('takes a well-formed forwarded IP from a trusted (loopback) proxy only', async () => {
    expect((await seen('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' })).ip).toBe('203.0.113.7');
    expect((await seen('127.0.0.1', { 'x-forwarded-for': '2001:db8::1' })).ip).toBe('2001:db8::1');
    expect((await seen('10.0.0.5', { 'x-forwarded-for': '203.0.113.7' })).ip).toBe('10.0.0.5');
  });

  it('never takes a malformed forwarded "IP": the socket address is the client', async () => {
    for (const forged of ['spoofed-x', 'x'.repeat(60), '1.2.3.4.5', "1.2.3.4' OR 1=1"]) {
      expect((await seen('127.0.0.1', { 'x-forwarded-for': forged })).ip, forged).toBe('127.0.0.1');
    }
  });

  it('stores only http/https and a valid host, bounded to API_URL', async () => {
    expect((await seen('127.0.0.1', { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.uhok.com:9000' })).url).toBe('https://api.uhok.com:9000/probe?q=1');
    expect((await seen('127.0.0.1', { 'x-forwarded-proto': 'javascript', 'x-forwarded-host': 'evil.example/<script>' })).url).toBe('http://localhost:9000/probe?q=1');
    expect((await seen('198.51.100.1', { host: 'shop.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' })).url).toBe('http://shop.example/probe?q=1');
    expect((await seen('127.0.0.1', { host: 'bad host"' })).url).toBe('http://localhost:9000/probe?q=1');
    expect((await seen('127.0.0.1', {}, `/probe?q=${'a'.repeat(1000)}`)).url).toHaveLength(500);
  });
});

describe('login rate limit', () => {
  const attempts = async (app: App, email: string, n: number, request: (i: number) => { remoteAddress?: string; headers?: Record<string, string> } = () => ({})) => {
    const codes: number[] = [];
    for (let i = 0; i < n; i++) {
      const { remoteAddress, headers } = request(i);
      const res = await app.inject({
        method: 'POST',
        url: '/api/user/login',
        remoteAddress,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: `username=${encodeURIComponent(email)}&password=wrong`,
      });
      if (res.statusCode === 429) expect(res.json().detail).toMatch(/^요청이 너무 많습니다/);
      codes.push(res.statusCode);
    }
    return codes;
  };

  it('counts per client address: forged forwarded values do not make new clients', async () => {
    const limited = await startApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '3' } });
    try {
      const { email } = await signup(limited.app);
      expect(await attempts(limited.app, email, 5, (i) => ({ headers: { 'x-forwarded-for': `spoofed-${i}` } }))).toEqual([401, 401, 401, 429, 429]);
      // Behind the trusted proxy, each real forwarded client has its own count.
      expect(await attempts(limited.app, email, 3, (i) => ({ headers: { 'x-forwarded-for': `203.0.113.${i + 10}` } }))).toEqual([401, 401, 401]);
      // A peer that is not a trusted proxy cannot rotate forwarded addresses.
      expect(await attempts(limited.app, email, 4, (i) => ({ remoteAddress: '10.0.0.9', headers: { 'x-forwarded-for': `203.0.113.${i + 50}` } }))).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it.runIf(onServers)('with Redis unreachable the limit is kept in this instance', { timeout: 60_000 }, async () => {
    const { email } = await signup(t.app);
    const down = await startApp({ env: { REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_LOGIN_PER_MINUTE: '3' } });
    try {
      const codes = await attempts(down.app, email, 5);
      expect(codes.slice(0, 3)).not.toContain(429);
      expect(codes.slice(3)).toEqual([429, 429]);
    } finally {
      await down.close();
    }
  });
});

describe('a draining instance', () => {
  it('answers requests still arriving on open connections with 503 {"detail"} and Connection: close', async () => {
    const drained = await startApp();
    await drained.app.listen({ port: 0, host: '127.0.0.1' });
    const drainedPort = (drained.app.server.address() as { port: number }).port;
    const socket = connect(drainedPort, '127.0.0.1');
    let data = '';
    socket.on('data', (d) => (data += d.toString('utf8')));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    // A request in flight (its body not yet sent) keeps the connection busy while close() starts.
    socket.write('POST /api/user/signup HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n');
    await new Promise((r) => setTimeout(r, 100));
    const closing = drained.close();
    await new Promise((r) => setTimeout(r, 100));
    // The first request completes; the second one, pipelined behind it, arrives while draining.
    socket.write('{}GET /api/log/user/event/health HTTP/1.1\r\nHost: x\r\n\r\n');
    await closed;
    await closing;
    const responses = data.split(/(?=HTTP\/1\.1 )/);
    expect(responses[0]).toMatch(/^HTTP\/1\.1 422/);
    expect(responses[1], data).toMatch(/^HTTP\/1\.1 503/);
    expect(responses[1].toLowerCase()).toContain('connection: close');
    expect(JSON.parse(responses[1].split('\r\n\r\n')[1]).detail).toMatch(/종료/);
  });
});
