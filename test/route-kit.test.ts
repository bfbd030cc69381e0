// The route kit: one declaration per route becomes the guard, the OpenAPI security entry, the fixed 500 text and
// the request event, written after the response with the real status code and latency.
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from './helpers/app.js';
import { newUser, type LoggedIn } from './helpers/auth.js';
import { seedProducts, useTestApp } from './helpers/kok-fixtures.js';

let t: TestApp;
let user: LoggedIn;
useTestApp((app) => (t = app));
beforeEach(async () => {
  user = await newUser(t.app);
  await seedProducts(t, [{ KOK_PRODUCT_ID: 1, KOK_PRODUCT_NAME: '배추김치', prices: [[10, 9000]] }]);
});

async function eventsOf(type: string) {
  await t.ctx.jobs.drain();
  return t.ctx.dbs.log.kysely.selectFrom('USER_LOG').selectAll().where('USER_ID', '=', user.userId).where('EVENT_TYPE', '=', type).execute();
}

describe('request events', () => {
  it('are written once per successful request with the real status code, URL, IP and a latency window', async () => {
    const before = Date.now();
    const res = await t.app.inject({ method: 'POST', url: '/api/kok/carts', headers: user.headers, payload: { kok_product_id: 1, kok_quantity: 2 } });
    expect(res.statusCode).toBe(201);
    const [row, ...more] = await eventsOf('kok_cart_add');
    expect(more).toHaveLength(0);
    expect(row).toMatchObject({ RESPONSE_CODE: 201, HTTP_METHOD: 'POST', CLIENT_IP: '127.0.0.1' });
    expect(row.API_URL).toMatch(/^http:\/\/[^/]+\/api\/kok\/carts$/);
    expect(row.EVENT_DATA).toMatchObject({ kok_product_id: 1, kok_quantity: 2, kok_cart_id: res.json().kok_cart_id });
    const requested = row.REQUEST_TIME!.getTime();
    const responded = row.RESPONSE_TIME!.getTime();
    expect(requested).toBeLessThanOrEqual(responded);
    expect(requested).toBeGreaterThanOrEqual(before - 1000);
  });

  it('are not written for a failed request', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/kok/carts', headers: user.headers, payload: { kok_product_id: 999, kok_quantity: 1 } });
    expect(res.statusCode).toBe(404);
    expect(await eventsOf('kok_cart_add')).toHaveLength(0);
  });

  it('are written for signed-in callers of optional-auth routes only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/kok/product/1/info' })).statusCode).toBe(200);
    expect(await eventsOf('kok_product_info_view')).toHaveLength(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/kok/product/1/info', headers: user.headers })).statusCode).toBe(200);
    expect(await eventsOf('kok_product_info_view')).toHaveLength(1);
  });

  it('name the subject when the request is not authenticated (login)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/user/login', payload: { email: user.email, password: user.password } });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await eventsOf('user_login');
    // One from newUser's form login, one from this JSON login.
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.RESPONSE_CODE === 200)).toBe(true);
  });
});

describe('access declarations', () => {
  it('guard the route and appear in the OpenAPI document', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/kok/carts' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/kok/cache/invalidate/all' })).statusCode).toBe(401);
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.paths['/api/kok/carts'].get.security).toEqual([{ OAuth2PasswordBearer: [] }]);
    expect(doc.paths['/api/kok/discounted'].get.security).toEqual([{}, { OAuth2PasswordBearer: [] }]);
    expect(doc.paths['/api/kok/cache/invalidate/all'].post.security).toEqual([{ ServiceToken: [] }]);
    expect(doc.components.securitySchemes.ServiceToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/user/signup'].post.security).toBeUndefined();
  });
});

describe('POST /api/user/login with JSON', () => {
  it('accepts email or username with the password, and refuses a wrong one', async () => {
    for (const payload of [{ email: user.email, password: user.password }, { username: user.email, password: user.password }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/user/login', payload });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().token_type).toBe('bearer');
      const info = await t.app.inject({ method: 'GET', url: '/api/user/info', headers: { authorization: `Bearer ${res.json().access_token}` } });
      expect(info.json().user_id).toBe(user.userId);
    }
    const wrong = await t.app.inject({ method: 'POST', url: '/api/user/login', payload: { email: user.email, password: 'not-the-password' } });
    expect(wrong.statusCode).toBe(401);
    const missing = await t.app.inject({ method: 'POST', url: '/api/user/login', payload: { password: user.password } });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().detail[0].loc).toEqual(['body', 'username']);
  });
});
