// Input no column can hold is refused with a 422 in FastAPI's list form on every route, never a 500: non-finite
// and out-of-range integers, NUL bytes and lone surrogates, bodies nested too deep; 422s never echo a password.
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { TestApp } from './helpers/app.js';
import { newUser, signup, type LoggedIn } from './helpers/auth.js';
import { seedProducts, useTestApp } from './helpers/kok-fixtures.js';

let t: TestApp;
useTestApp((app) => (t = app));

async function expect422(request: InjectOptions, loc?: Array<string | number>) {
  const res = await t.app.inject(request);
  const label = JSON.stringify(request);
  expect(res.statusCode, `${label} → ${res.body}`).toBe(422);
  const detail = res.json().detail;
  expect(Array.isArray(detail), label).toBe(true);
  for (const item of detail) expect(Object.keys(item), label).toEqual(expect.arrayContaining(['type', 'loc', 'msg', 'input']));
  if (loc) expect(detail.map((d: { loc: unknown }) => d.loc), label).toContainEqual(loc);
  return res;
}

const NON_FINITE = ['Infinity', '-Infinity', '1e400', 'NaN', '3000000000', '-3000000000'];

describe('integers', () => {
  it('query integers that are not finite or do not fit an INT are 422 on the lists', async () => {
    for (const v of NON_FINITE) {
      for (const url of [`/api/kok/discounted?page=${v}`, `/api/kok/top-selling?size=${v}`, `/api/kok/search?keyword=a&page=${v}`]) {
        await expect422({ url }, ['query', url.includes('size') ? 'size' : 'page']);
      }
    }
  });

  it('path integers out of range are 422 on product pages, carts, history and logs', async () => {
    const user = await newUser(t.app);
    for (const v of NON_FINITE) {
      await expect422({ url: `/api/kok/product/${v}/info` }, ['path', 'kok_product_id']);
      await expect422({ url: `/api/kok/product/${v}/reviews` }, ['path', 'kok_product_id']);
      await expect422({ method: 'PATCH', url: `/api/kok/carts/${v}`, headers: user.headers, payload: { kok_quantity: 1 } }, ['path', 'kok_cart_id']);
      await expect422({ method: 'DELETE', url: `/api/kok/search/history/${v}`, headers: user.headers }, ['path', 'history_id']);
      await expect422({ url: `/api/log/user/event/${v}`, headers: user.headers }, ['path', 'user_id']);
    }
  });

  it('JSON body numbers that overflow (1e400 parses to Infinity) or exceed INT are 422', async () => {
    const user = await newUser(t.app);
    await seedProducts(t, [{ KOK_PRODUCT_ID: 1, prices: [[10, 9000]] }]);
    for (const raw of ['1e400', '-1e400', '3000000000', '1.5']) {
      const json = { headers: { ...user.headers, 'content-type': 'application/json' }, method: 'POST' as const };
      await expect422({ ...json, url: '/api/kok/likes/toggle', payload: `{"kok_product_id": ${raw}}` }, ['body', 'kok_product_id']);
      await expect422({ ...json, url: '/api/kok/carts', payload: `{"kok_product_id": 1, "kok_quantity": 1, "recipe_id": ${raw}}` }, ['body', 'recipe_id']);
      await expect422(
        { ...json, url: '/api/log/user/event', payload: `{"user_id": ${user.userId}, "event_type": "x", "response_code": ${raw}}` },
        ['body', 'response_code'],
      );
    }
    // A value in range still works.
    const ok = await t.app.inject({ method: 'POST', url: '/api/kok/likes/toggle', headers: user.headers, payload: { kok_product_id: 1 } });
    expect(ok.statusCode).toBe(200);
  });

  it('the OpenAPI document shows the INT bounds every integer parameter got', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json();
    const param = doc.paths['/api/log/user/event/{user_id}'].get.parameters.find((p: { name: string }) => p.name === 'user_id');
    expect(param.schema).toMatchObject({ type: 'integer', minimum: -2147483648, maximum: 2147483647 });
  });
});

describe('text the database cannot store', () => {
  const BAD = ['a\u0000b', 'lone \ud800 high', 'lone \udc00 low'];

  it('NUL or a lone surrogate in any sign-up field is 422, and the password is never echoed', async () => {
    for (const bad of BAD) {
      for (const field of ['email', 'password', 'username']) {
        const payload = { email: `nul-${Date.now()}@example.com`, password: 'secret-password-1', username: 'nul', [field]: bad };
        const res = await expect422({ method: 'POST', url: '/api/user/signup', payload });
        expect(res.body).not.toContain('secret-password-1');
        if (field === 'password') expect(res.body).not.toContain('lone');
      }
    }
    const users = await t.ctx.dbs.auth.kysely.selectFrom('USERS').select('USER_ID').execute();
    expect(users).toEqual([]);
  });

  it('NUL in a login form field (urlencoded or multipart) is 422', async () => {
    const { email } = await signup(t.app);
    await expect422(
      {
        method: 'POST',
        url: '/api/user/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `username=${encodeURIComponent(email)}&password=pa%00ss`,
      },
      ['body', 'password'],
    );
    await expect422(
      {
        method: 'POST',
        url: '/api/user/login',
        headers: { 'content-type': 'multipart/form-data; boundary=XX' },
        payload: `--XX\r\nContent-Disposition: form-data; name="username"\r\n\r\nnul\u0000${email}\r\n--XX\r\nContent-Disposition: form-data; name="password"\r\n\r\nx\r\n--XX--\r\n`,
      },
      ['body', 'username'],
    );
    await expect422({ url: `/api/user/signup/email/check?email=a%00b%40example.com` });
  });

  it('NUL nested in a free-form JSON object (event_data) or its keys, and in path/query, is 422', async () => {
    const user: LoggedIn = await newUser(t.app);
    const event = (data: unknown) => ({ method: 'POST' as const, url: '/api/log/user/event', headers: user.headers, payload: { user_id: user.userId, event_type: 'x', event_data: data } });
    await expect422(event({ a: { b: ['ok', 'n\u0000ul'] } }), ['body', 'event_data', 'a', 'b', 1]);
    await expect422(event({ 'k\u0000ey': 1 }));
    await expect422(event({ deep: '\ud83d' }));
    await expect422({ url: '/api/kok/search?keyword=%ED%95%9C%00' }, ['query', 'keyword']);
    await expect422({ method: 'POST', url: '/api/kok/search/history', headers: user.headers, payload: { keyword: '김치\u0000' } });
    // Emoji (a proper surrogate pair) are storable.
    const ok = await t.app.inject(event({ mood: '😀' }));
    expect(ok.statusCode, ok.body).toBe(201);
  });
});

describe('bodies', () => {
  it('a 20,000-level nested JSON body is a 4xx with a detail', async () => {
    const user = await newUser(t.app);
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    for (const [url, headers] of [['/api/user/signup', {}], ['/api/log/user/event', user.headers], ['/api/kok/carts', user.headers]] as const) {
      const res = await t.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload: `{"a": ${deep}}` });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.json().detail, url).toBeDefined();
    }
    // Brackets inside strings do not count as nesting.
    const ok = await t.app.inject({ method: 'POST', url: '/api/log/user/event', headers: user.headers, payload: { user_id: user.userId, event_type: 'x', event_data: { s: '[['.repeat(500) } } });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('a 422 never echoes a password: too short, wrong type, or when the whole body is the input', async () => {
    const tooShort = await expect422({ method: 'POST', url: '/api/user/signup', payload: { email: 'p@example.com', password: 'ab7', username: 'p' } }, ['body', 'password']);
    expect(tooShort.body).not.toContain('ab7');
    const missing = await expect422({ method: 'POST', url: '/api/user/signup', payload: { password: 'hunter2-secret', username: 'p' } }, ['body', 'email']);
    expect(missing.body).not.toContain('hunter2-secret');
    expect(missing.json().detail[0].input).toMatchObject({ username: 'p' });
    const form = await expect422(
      { method: 'POST', url: '/api/user/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'password=form-secret-77' },
      ['body', 'username'],
    );
    expect(form.body).not.toContain('form-secret-77');
    const tooLong = await expect422({ method: 'POST', url: '/api/user/signup', payload: { email: 'p@example.com', password: 'L'.repeat(2000), username: 'p' } });
    expect(tooLong.body).not.toContain('LLLL');
  });

  it('a JSON route sent no body at all answers 422 "missing body" in the list form', async () => {
    const res = await expect422({ method: 'POST', url: '/api/user/signup' }, ['body']);
    expect(res.json().detail[0]).toMatchObject({ type: 'missing', input: null });
  });
});
