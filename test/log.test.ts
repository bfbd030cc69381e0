// Log service over HTTP (§3): writes go through the job runner; reads need a token and show only own events.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './helpers/app.js';
import { newUser, type LoggedIn } from './helpers/auth.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => t?.close());
beforeEach(async () => t.reset());

const post = (url: string, user: LoggedIn | null, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: user ? user.headers : {}, payload: payload as Record<string, unknown> });

async function storedRows(userId: number) {
  await t.ctx.jobs.drain();
  return t.ctx.dbs.log.kysely.selectFrom('USER_LOG').selectAll().where('USER_ID', '=', userId).orderBy('LOG_ID').execute();
}

describe('service descriptors', () => {
  it('health and descriptor answer without a token', async () => {
    expect((await t.app.inject({ url: '/api/log/user/event/health' })).json()).toEqual({ status: 'healthy', service: 'log', message: '로그 서비스가 정상적으로 작동 중입니다.' });
    const d = (await t.app.inject({ url: '/api/log/user/event' })).json();
    expect(d).toMatchObject({ status: 'available', service: 'log', message: '로그 서비스가 사용 가능합니다.' });
    expect(d.endpoints['POST /']).toBe('로그 기록');
  });
});

describe('POST /api/log/user/event', () => {
  it('queues the event and answers the row it stores', async () => {
    const u = await newUser(t.app);
    const res = await post('/api/log/user/event', u, {
      user_id: u.userId,
      event_type: 'custom_event',
      event_data: { a: 1, nested: { token: 'secret-value' } },
      http_method: 'GET',
      api_url: 'http://x/y',
      request_time: '2025-09-01T12:04:05+09:00',
      response_time: '2025-09-01T03:04:06',
      response_code: 200,
      client_ip: '10.0.0.1',
      created_at: 'ignored',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      user_id: u.userId,
      event_type: 'custom_event',
      event_data: { a: 1, nested: { token: '***REDACTED***' } },
      request_time: '2025-09-01T03:04:05.000000',
      response_time: '2025-09-01T03:04:06.000000',
      response_code: 200,
      client_ip: '10.0.0.1',
    });
    const rows = await storedRows(u.userId);
    const row = rows.find((r) => r.LOG_ID === body.log_id);
    expect(row).toBeDefined();
    expect(row!.EVENT_DATA).toEqual({ a: 1, nested: { token: '***REDACTED***' } });
    expect(row!.REQUEST_TIME!.toISOString()).toBe('2025-09-01T03:04:05.000Z');
  });

  it('stores event_data null as NULL and defaults a missing one to {}', async () => {
    const u = await newUser(t.app);
    const a = (await post('/api/log/user/event', u, { user_id: u.userId, event_type: 'a', event_data: null })).json();
    const b = (await post('/api/log/user/event', u, { user_id: u.userId, event_type: 'b' })).json();
    const rows = await storedRows(u.userId);
    expect(rows.find((r) => r.LOG_ID === a.log_id)!.EVENT_DATA).toBeNull();
    expect(rows.find((r) => r.LOG_ID === b.log_id)!.EVENT_DATA).toEqual({});
  });

  it('refuses writes for another user (403), negative ids and empty types (400), long types and bad dates (422)', async () => {
    const u = await newUser(t.app);
    const other = await newUser(t.app);
    expect((await post('/api/log/user/event', u, { user_id: other.userId, event_type: 'x' })).json()).toEqual({ detail: '로그 기록을(를) 수행할 권한이 없습니다.' });
    const neg = await post('/api/log/user/event', u, { user_id: -1, event_type: 'x' });
    expect([neg.statusCode, neg.json()]).toEqual([400, { detail: 'user_id는 0 이상의 정수여야 합니다.' }]);
    const empty = await post('/api/log/user/event', u, { user_id: u.userId, event_type: '' });
    expect([empty.statusCode, empty.json()]).toEqual([400, { detail: 'event_type이 누락되었습니다.' }]);
    expect((await post('/api/log/user/event', u, { user_id: u.userId, event_type: 'x'.repeat(51) })).statusCode).toBe(422);
    expect((await post('/api/log/user/event', u, { user_id: u.userId, event_type: 'x', api_url: 'u'.repeat(501) })).statusCode).toBe(422);
    const date = await post('/api/log/user/event', u, { user_id: u.userId, event_type: 'x', request_time: 'yesterday' });
    expect(date.statusCode).toBe(422);
    expect(date.json().detail[0].loc).toEqual(['body', 'request_time']);
    expect((await post('/api/log/user/event', u, { user_id: 'abc', event_type: 'x' })).statusCode).toBe(422);
    expect((await post('/api/log/user/event', u, { event_type: 'x' })).statusCode).toBe(422);
    expect(await storedRows(other.userId)).toEqual(expect.not.arrayContaining([expect.objectContaining({ EVENT_TYPE: 'x' })]));
  });

  it('needs a token and caps the body size', async () => {
    expect((await post('/api/log/user/event', null, { user_id: 1, event_type: 'x' })).statusCode).toBe(401);
    const u = await newUser(t.app);
    const big = await post('/api/log/user/event', u, { user_id: u.userId, event_type: 'x', event_data: { blob: 'x'.repeat(20_000) } });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toEqual({ detail: '요청 본문이 너무 큽니다.' });
  });
});

describe('GET /api/log/user/event/{user_id}', () => {
  it('returns the caller’s latest 50 events, newest first, and refuses other users', async () => {
    const u = await newUser(t.app);
    const other = await newUser(t.app);
    for (let i = 0; i < 55; i++) await post('/api/log/user/event', u, { user_id: u.userId, event_type: `e${i}` });
    await post('/api/log/user/event', other, { user_id: other.userId, event_type: 'theirs' });
    await t.ctx.jobs.drain();
    const res = await t.app.inject({ url: `/api/log/user/event/${u.userId}`, headers: u.headers });
    expect(res.statusCode).toBe(200);
    const events = res.json() as Array<{ event_type: string; user_id: number; log_id: number; created_at: string }>;
    expect(events).toHaveLength(50);
    expect(events.every((e) => e.user_id === u.userId)).toBe(true);
    expect(events[0].event_type).toBe('e54');
    const ids = events.map((e) => e.log_id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(Object.keys(events[0]).sort()).toEqual(
      ['api_url', 'client_ip', 'created_at', 'event_data', 'event_type', 'http_method', 'log_id', 'request_time', 'response_code', 'response_time', 'user_id'].sort(),
    );

    const forbidden = await t.app.inject({ url: `/api/log/user/event/${other.userId}`, headers: u.headers });
    expect([forbidden.statusCode, forbidden.json()]).toEqual([403, { detail: '로그 조회을(를) 수행할 권한이 없습니다.' }]);
    expect((await t.app.inject({ url: '/api/log/user/event/abc', headers: u.headers })).statusCode).toBe(422);
    expect((await t.app.inject({ url: `/api/log/user/event/${u.userId}` })).statusCode).toBe(401);
  });
});

describe('POST /api/log/user/activity', () => {
  it('stores user_activity_<action> for the caller, whatever user_id the body claims', async () => {
    const u = await newUser(t.app);
    const res = await post('/api/log/user/activity', u, {
      action: 'navigation_click',
      path: '/kok',
      label: '콕쇼핑',
      user_id: 999999,
      user_email: 'fake@example.com',
      extra_data: { action: 'overwrite', timestamp: 'overwrite', tab: 2, password: 'pw' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ message: '활동 로그가 성공적으로 기록되었습니다.', user_id: u.userId, action: 'navigation_click', path: '/kok', label: '콕쇼핑', logged: true, error: null });
    expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    const row = (await storedRows(u.userId)).find((r) => r.LOG_ID === body.log_id)!;
    expect(row.EVENT_TYPE).toBe('user_activity_navigation_click');
    expect(row.EVENT_DATA).toEqual({ action: 'navigation_click', timestamp: body.timestamp, path: '/kok', label: '콕쇼핑', tab: 2, password: '***REDACTED***' });
    expect(row.HTTP_METHOD).toBeNull();
    expect(await storedRows(999999)).toEqual([]);
  });

  it('echoes a given timestamp unchanged and omits empty path/label from the data', async () => {
    const u = await newUser(t.app);
    const body = (await post('/api/log/user/activity', u, { action: 'user_login', timestamp: '어제 오후' })).json();
    expect(body).toMatchObject({ timestamp: '어제 오후', path: null, label: null });
    const row = (await storedRows(u.userId)).find((r) => r.LOG_ID === body.log_id)!;
    expect(row.EVENT_DATA).toEqual({ action: 'user_login', timestamp: '어제 오후' });
  });

  it('answers 422 for a missing or over-long action and 401 without a token', async () => {
    const u = await newUser(t.app);
    expect((await post('/api/log/user/activity', u, {})).statusCode).toBe(422);
    expect((await post('/api/log/user/activity', u, { action: 'a'.repeat(37) })).statusCode).toBe(422);
    expect((await post('/api/log/user/activity', u, { action: 'ok', extra_data: 'not-an-object' })).statusCode).toBe(422);
    expect((await post('/api/log/user/activity', null, { action: 'x' })).statusCode).toBe(401);
  });
});
