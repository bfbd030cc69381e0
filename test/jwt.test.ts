// HS256 tokens: interoperable with an independent implementation (jose) both ways, strict about everything else.
import { jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { JwtService, TokenError } from '../src/platform/auth/jwt.js';

const SECRET = 'unit-test-secret-unit-test-secret-0123456789';
const key = new TextEncoder().encode(SECRET);
const jwt = new JwtService(SECRET, 30);
const now = new Date('2026-01-01T00:00:00Z');
const t0 = now.getTime() / 1000;

const reason = async (token: string, at = now) => {
  try {
    await jwt.verify(token, at);
    return 'ok';
  } catch (err) {
    return err instanceof TokenError ? err.reason : String(err);
  }
};

describe('JwtService', () => {
  it('issues tokens that jose verifies, with the original claims plus iat and jti', async () => {
    const { token, claims } = await jwt.issue(42, now);
    const { payload, protectedHeader } = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: now });
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({ sub: '42', exp: t0 + 1800, iat: t0, jti: claims.jti });
  });

  it('verifies tokens minted by jose, and only until exp (no leeway)', async () => {
    const token = await new SignJWT({ sub: '7', exp: t0 + 60 }).setProtectedHeader({ alg: 'HS256' }).sign(key);
    expect((await jwt.verify(token, now)).sub).toBe('7');
    expect(await reason(token, new Date((t0 + 60) * 1000))).toBe('expired');
  });

  it('rejects tampering, other algorithms, missing exp, future nbf, aud and non-string sub', async () => {
    const good = (await jwt.issue(1, now)).token;
    const [h, , s] = good.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: '2', exp: t0 + 999 })).toString('base64url')}.${s}`;
    const sign = (claims: Record<string, unknown>, alg = 'HS256') => new SignJWT(claims).setProtectedHeader({ alg }).sign(key);
    const cases: Array<[string, string]> = [
      [forged, 'invalid'],
      [good.slice(0, -2), 'invalid'],
      [`${Buffer.from('{"alg":"none"}').toString('base64url')}.${good.split('.')[1]}.`, 'invalid'],
      [await sign({ sub: '1', exp: t0 + 60 }, 'HS512'), 'invalid'],
      [await sign({ sub: '1' }), 'invalid'],
      [await sign({ sub: '1', exp: t0 + 60, nbf: t0 + 30 }), 'invalid'],
      [await sign({ sub: '1', exp: t0 + 60, aud: 'x' }), 'invalid'],
      [await sign({ sub: 1, exp: t0 + 60 }), 'invalid'],
      ['a.b', 'invalid'],
      ['!!.??.**', 'invalid'],
    ];
    for (const [token, expected] of cases) expect(await reason(token), token).toBe(expected);
  });
});
