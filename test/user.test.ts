// User service over HTTP (§2): sign-up, e-mail check, login, logout, profile, and every auth failure (§1.3).
import { SignJWT } from 'jose';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { startApp, TEST_JWT_SECRET, type TestApp } from './helpers/app.js';
import { login, newUser, signup } from './helpers/auth.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => t?.close());
beforeEach(async () => t.reset());

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

const secretKey = new TextEncoder().encode(TEST_JWT_SECRET);

describe('POST /api/user/signup', () => {
  it('creates the user and its settings row in one go and answers UserOut', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/user/signup',
      payload: { email: 'Kim.Uhok@EXAMPLE.Com', password: 'secret-1234', username: '김유혹', password_confirm: 'ignored' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({ user_id: expect.any(Number), email: 'Kim.Uhok@example.com', username: '김유혹', created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/) });
    const user = await t.ctx.dbs.auth.kysely.selectFrom('USERS').selectAll().where('USER_ID', '=', body.user_id).executeTakeFirstOrThrow();
    expect(user.EMAIL).toBe('Kim.Uhok@example.com');
    expect(user.PASSWORD_HASH).toMatch(/^\$argon2id\$/);
    expect(user.PASSWORD_HASH).not.toContain('secret-1234');
    const settings = await t.ctx.dbs.auth.kysely.selectFrom('USER_SETTINGS').selectAll().where('USER_ID', '=', body.user_id).execute();
    expect(settings).toHaveLength(1);
    expect(settings[0].RECEIVE_NOTIFICATION).toBe(1);
  });

  it('answers 409 for an e-mail that exists, in any letter case', async () => {
    await signup(t.app, { email: 'dup@example.com' });
    const res = await t.app.inject({ method: 'POST', url: '/api/user/signup', payload: { email: 'DUP@example.com', password: 'abcd', username: 'x' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ detail: '이미 가입된 이메일입니다.' });
  });

  it('lets exactly one of two concurrent sign-ups with the same e-mail win', async () => {
    const attempt = () => t.app.inject({ method: 'POST', url: '/api/user/signup', payload: { email: 'race@example.com', password: 'abcd', username: 'r' } });
    const codes = (await Promise.all([attempt(), attempt(), attempt()])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409]);
    const rows = await t.ctx.dbs.auth.kysely.selectFrom('USERS').select('USER_ID').execute();
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['missing fields', {}, ['email', 'password', 'username']],
    ['invalid e-mail', { email: 'not-an-email', password: 'abcd', username: 'u' }, ['email']],
    ['short password', { email: 'a@example.com', password: 'abc', username: 'u' }, ['password']],
    ['over-long username', { email: 'a@example.com', password: 'abcd', username: '가'.repeat(101) }, ['username']],
    ['over-long e-mail', { email: `${'a'.repeat(250)}@example.com`, password: 'abcd', username: 'u' }, ['email']],
    ['wrong types', { email: 12, password: ['x'], username: { a: 1 } }, ['email', 'password', 'username']],
  ])('answers 422 in FastAPI form for %s', async (_name, payload, fields) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/user/signup', payload });
    expect(res.statusCode).toBe(422);
    const detail = res.json().detail as Array<{ type: string; loc: string[]; msg: string }>;
    expect(new Set(detail.map((d) => d.loc[1]))).toEqual(new Set(fields));
    for (const d of detail) {
      expect(d.loc[0]).toBe('body');
      expect(typeof d.type).toBe('string');
      expect(typeof d.msg).toBe('string');
    }
  });

  it('answers 422 for malformed JSON and 4xx for a non-JSON body, never 500', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/user/signup', headers: { 'content-type': 'application/json' }, payload: '{"email": ' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail[0].type).toBe('json_invalid');
    const text = await t.app.inject({ method: 'POST', url: '/api/user/signup', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(text.statusCode).toBeGreaterThanOrEqual(400);
    expect(text.statusCode).toBeLessThan(500);
    const empty = await t.app.inject({ method: 'POST', url: '/api/user/signup', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(empty.statusCode).toBe(422);
  });
});

describe('GET /api/user/signup/email/check', () => {
  it('tells whether the e-mail is taken', async () => {
    await signup(t.app, { email: 'taken@example.com' });
    const taken = await t.app.inject({ url: '/api/user/signup/email/check?email=taken@EXAMPLE.com' });
    expect(taken.json()).toEqual({ email: 'taken@example.com', is_duplicate: true, message: '이미 존재하는 아이디입니다.' });
    const free = await t.app.inject({ url: '/api/user/signup/email/check?email=free@example.com' });
    expect(free.json()).toEqual({ email: 'free@example.com', is_duplicate: false, message: '사용 가능한 아이디입니다.' });
  });

  it('answers 422 for a missing or invalid e-mail', async () => {
    expect((await t.app.inject({ url: '/api/user/signup/email/check' })).statusCode).toBe(422);
    const bad = await t.app.inject({ url: '/api/user/signup/email/check?email=nope' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail[0].loc).toEqual(['query', 'email']);
  });
});

describe('POST /api/user/login', () => {
  it('issues an HS256 token with sub, exp, iat and jti that the browser can atob()', async () => {
    const { email, password, userId } = await signup(t.app);
    const res = await t.app.inject({ method: 'POST', url: '/api/user/login', ...form({ grant_type: 'password', username: email, password, scope: '', client_id: '', client_secret: '' }) });
    expect(res.statusCode).toBe(200);
    const { access_token, token_type } = res.json();
    expect(token_type).toBe('bearer');
    const [header, payload] = access_token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).not.toMatch(/[-_]/);
    const claims = payloadOf(access_token);
    expect(claims.sub).toBe(String(userId));
    expect(claims.exp).toBe((claims.iat as number) + 30 * 60);
    expect(claims.jti).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives two logins in the same second different tokens', async () => {
    const { email, password } = await signup(t.app);
    const [a, b] = await Promise.all([login(t.app, email, password), login(t.app, email, password)]);
    expect(a).not.toBe(b);
  });

  it('answers 401 with WWW-Authenticate for a wrong password and an unknown e-mail', async () => {
    const { email } = await signup(t.app);
    for (const fields of [{ username: email, password: 'wrong-password' }, { username: 'ghost@example.com', password: 'whatever' }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/user/login', ...form(fields) });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ detail: '이메일 또는 비밀번호가 올바르지 않습니다.' });
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('answers 422 for empty fields and a wrong grant_type; a JSON body is read like the form', async () => {
    const empty = await t.app.inject({ method: 'POST', url: '/api/user/login', ...form({ username: '', password: '' }) });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().detail.map((d: { loc: string[] }) => d.loc[1]).sort()).toEqual(['password', 'username']);
    // JSON logins are accepted (the original README's curl example); an unknown account is the usual 401.
    const json = await t.app.inject({ method: 'POST', url: '/api/user/login', payload: { email: 'a@example.com', password: 'abcd' } });
    expect(json.statusCode).toBe(401);
    const grant = await t.app.inject({ method: 'POST', url: '/api/user/login', ...form({ grant_type: 'client_credentials', username: 'a@example.com', password: 'x' }) });
    expect(grant.statusCode).toBe(422);
  });

  it('accepts a bcrypt hash made by another implementation and upgrades it to argon2id', async () => {
    // Made by glibc/libxcrypt crypt(3) (Python's crypt module), cost 12, for the password "비밀번호1234!".
    const legacy = '$2b$12$MehYdDKdRBo3q41RSt2AYeAHGk4pDyfl6vUYUKjYU7rJg70.MOP3C';
    await t.ctx.dbs.auth.kysely.insertInto('USERS').values({ EMAIL: 'legacy@example.com', PASSWORD_HASH: legacy, USERNAME: '기존회원', CREATED_AT: new Date('2025-01-02T03:04:05Z') }).execute();
    const wrong = await t.app.inject({ method: 'POST', url: '/api/user/login', ...form({ username: 'legacy@example.com', password: '비밀번호1234' }) });
    expect(wrong.statusCode).toBe(401);
    const token = await login(t.app, 'LEGACY@example.com', '비밀번호1234!');
    const row = await t.ctx.dbs.auth.kysely.selectFrom('USERS').select('PASSWORD_HASH').where('EMAIL', '=', 'legacy@example.com').executeTakeFirstOrThrow();
    expect(row.PASSWORD_HASH).toMatch(/^\$argon2id\$/);
    await login(t.app, 'legacy@example.com', '비밀번호1234!');
    const info = await t.app.inject({ url: '/api/user/info', headers: { authorization: `Bearer ${token}` } });
    expect(info.json()).toMatchObject({ email: 'legacy@example.com', username: '기존회원', created_at: '2025-01-02T03:04:05' });
  });

  it('verifies bcrypt like passlib: only the first 72 bytes count', async () => {
    // libxcrypt hash (cost 4) of 80 × "a".
    const hash = '$2b$04$hdS8v8M6.PY50wT00Hya6OJbIFAItEkV/uM2vKiyZr8fmV4KVRPLC';
    await t.ctx.dbs.auth.kysely.insertInto('USERS').values({ EMAIL: 'long@example.com', PASSWORD_HASH: hash, USERNAME: null, CREATED_AT: null }).execute();
    await login(t.app, 'long@example.com', 'a'.repeat(72) + 'anything');
  });
});

describe('GET /api/user/info and POST /api/user/logout', () => {
  it('returns the caller and never fails on NULL username/created_at rows', async () => {
    await t.ctx.dbs.auth.kysely.insertInto('USERS').values({ EMAIL: 'null@example.com', PASSWORD_HASH: await hashPassword('abcd'), USERNAME: null, CREATED_AT: null }).execute();
    const token = await login(t.app, 'null@example.com', 'abcd');
    const res = await t.app.inject({ url: '/api/user/info', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user_id: expect.any(Number), email: 'null@example.com', username: '', created_at: null });
  });

  it('logout blacklists the token in the table and refuses it afterwards, also with a lower-case scheme', async () => {
    const u = await newUser(t.app);
    const out = await t.app.inject({ method: 'POST', url: '/api/user/logout', headers: { authorization: `bearer ${u.token}` } });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ message: '로그아웃이 완료되었습니다.' });
    const rows = await t.ctx.dbs.auth.kysely.selectFrom('JWT_BLACKLIST').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ USER_ID: String(u.userId), METADATA: 'user_logout' });
    expect(rows[0].TOKEN_HASH).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].EXPIRES_AT.getTime()).toBe((payloadOf(u.token).exp as number) * 1000);
    for (const req of [{ url: '/api/user/info' }, { url: '/api/user/logout', method: 'POST' as const }]) {
      const res = await t.app.inject({ ...req, headers: u.headers });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ detail: '로그아웃된 토큰입니다. 다시 로그인해주세요.' });
    }
    // Another session of the same user is not affected.
    const other = await login(t.app, u.email, u.password);
    expect((await t.app.inject({ url: '/api/user/info', headers: { authorization: `Bearer ${other}` } })).statusCode).toBe(200);
  });

  it('honours a blacklist row written by another deployment directly in the table', async () => {
    const u = await newUser(t.app);
    const { createHash } = await import('node:crypto');
    await t.ctx.dbs.auth.kysely
      .insertInto('JWT_BLACKLIST')
      .values({ TOKEN_HASH: createHash('sha256').update(u.token).digest('hex'), EXPIRES_AT: new Date(Date.now() + 3600_000), USER_ID: String(u.userId), METADATA: null })
      .execute();
    const res = await t.app.inject({ url: '/api/user/info', headers: u.headers });
    expect(res.statusCode).toBe(401);
  });
});

describe('authentication failures (§1.3)', () => {
  const info = (authorization?: string) => t.app.inject({ url: '/api/user/info', headers: authorization === undefined ? {} : { authorization } });
  const mint = (claims: Record<string, unknown>, key = secretKey, alg = 'HS256') => new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
  const now = () => Math.floor(Date.now() / 1000);

  it('no header, or another scheme → 401 Not authenticated with WWW-Authenticate', async () => {
    for (const h of [undefined, 'Basic abc', 'Token x']) {
      const res = await info(h);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ detail: 'Not authenticated' });
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('empty bearer token → 인증 토큰이 필요합니다.', async () => {
    const res = await info('Bearer ');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ detail: '인증 토큰이 필요합니다.' });
  });

  it('expired → 만료 text; malformed, wrong signature, alg none, missing exp → 유효하지 않은 text', async () => {
    const { userId } = await signup(t.app);
    const expired = await mint({ sub: String(userId), exp: now() - 5, iat: now() - 100 });
    expect((await info(`Bearer ${expired}`)).json()).toEqual({ detail: '인증 토큰이 만료되었습니다. 다시 로그인해주세요.' });

    const wrongKey = await mint({ sub: String(userId), exp: now() + 600 }, new TextEncoder().encode('another-secret-another-secret-another-secret'));
    const noExp = await mint({ sub: String(userId) });
    const [h, p] = wrongKey.split('.');
    const algNone = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
    const hs512 = await new SignJWT({ sub: String(userId), exp: now() + 600 }).setProtectedHeader({ alg: 'HS512' }).sign(secretKey);
    for (const token of ['garbage', `${h}.${p}`, wrongKey, noExp, algNone, hs512]) {
      const res = await info(`Bearer ${token}`);
      expect(res.statusCode, token).toBe(401);
      expect(res.json()).toEqual({ detail: '유효하지 않은 인증 토큰입니다. 다시 로그인해주세요.' });
    }
  });

  it('sub missing, empty or not an integer → the sub texts', async () => {
    const noSub = await mint({ exp: now() + 600 });
    expect((await info(`Bearer ${noSub}`)).json()).toEqual({ detail: '토큰에 사용자 정보가 없습니다.' });
    const textSub = await mint({ sub: 'abc', exp: now() + 600 });
    expect((await info(`Bearer ${textSub}`)).json()).toEqual({ detail: '토큰의 사용자 ID가 유효하지 않습니다.' });
    const numberSub = await mint({ sub: 5, exp: now() + 600 });
    expect((await info(`Bearer ${numberSub}`)).statusCode).toBe(401);
  });

  it('a valid token of a deleted user → 401 사용자을(를) 찾을 수 없습니다.', async () => {
    const u = await newUser(t.app);
    await t.ctx.dbs.auth.kysely.deleteFrom('USER_SETTINGS').where('USER_ID', '=', u.userId).execute();
    await t.ctx.dbs.auth.kysely.deleteFrom('USERS').where('USER_ID', '=', u.userId).execute();
    const res = await info(`Bearer ${u.token}`);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ detail: '사용자을(를) 찾을 수 없습니다.' });
  });

  it('accepts a token minted the way the original did (string sub, integer exp, nothing else)', async () => {
    const { userId } = await signup(t.app);
    const original = await mint({ sub: String(userId), exp: now() + 1800 });
    expect((await info(`Bearer ${original}`)).statusCode).toBe(200);
  });
});

describe('events of the user service', () => {
  it('writes user_signup, user_login, user_info_view and user_logout rows with HTTP columns', async () => {
    const u = await newUser(t.app);
    await t.app.inject({ url: '/api/user/info', headers: u.headers });
    await t.app.inject({ method: 'POST', url: '/api/user/logout', headers: u.headers });
    await t.ctx.jobs.drain();
    const rows = await t.ctx.dbs.log.kysely.selectFrom('USER_LOG').selectAll().where('USER_ID', '=', u.userId).orderBy('LOG_ID').execute();
    expect(rows.map((r) => r.EVENT_TYPE)).toEqual(['user_signup', 'user_login', 'user_info_view', 'user_logout']);
    const signupRow = rows[0];
    expect(signupRow.EVENT_DATA).toEqual({ email: u.email, username: '테스트사용자' });
    expect(signupRow).toMatchObject({ HTTP_METHOD: 'POST', RESPONSE_CODE: 201 });
    expect(signupRow.API_URL).toMatch(/^http:\/\/[^/]+\/api\/user\/signup$/);
    const check = await t.ctx.dbs.log.kysely.selectFrom('USER_LOG').select(sql<number>`count(*)`.as('n')).where('EVENT_DATA', 'is', null).executeTakeFirstOrThrow();
    expect(Number(check.n)).toBe(0);
  });
});

describe('login form encodings', () => {
  it('accepts the OAuth2 form as multipart/form-data too', async () => {
    const { email, password } = await signup(t.app);
    const boundary = 'uhokboundary';
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/user/login',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `${part('username', email)}${part('password', password)}--${boundary}--\r\n`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().token_type).toBe('bearer');
  });
});

describe('blacklist upkeep', () => {
  it('purges only rows whose token has expired', async () => {
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3_600_000);
    await t.ctx.dbs.auth.kysely
      .insertInto('JWT_BLACKLIST')
      .values([
        { TOKEN_HASH: 'a'.repeat(64), EXPIRES_AT: past, USER_ID: '1', METADATA: 'user_logout' },
        { TOKEN_HASH: 'b'.repeat(64), EXPIRES_AT: future, USER_ID: '1', METADATA: 'user_logout' },
      ])
      .execute();
    expect(await t.services.users.purgeExpiredTokens()).toBe(1);
    const left = await t.ctx.dbs.auth.kysely.selectFrom('JWT_BLACKLIST').select('TOKEN_HASH').execute();
    expect(left).toEqual([{ TOKEN_HASH: 'b'.repeat(64) }]);
  });
});
