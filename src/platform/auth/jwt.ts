// HS256 access tokens compatible with the original (string `sub`, integer `exp`), plus `iat` and a random
// `jti` so two logins never share a token. Claim values are digits and letters only: the React client decodes
// the payload with atob(), which fails on base64url's `-`/`_` (those only arise from bytes such as `>?~`).
// Signing and verification use node:crypto directly: HS256 is one HMAC, and this is every request's hot path.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface AccessClaims {
  sub: string;
  exp: number;
  iat: number;
  jti: string;
}

export type VerifyFailure = 'expired' | 'invalid';

export class TokenError extends Error {
  constructor(readonly reason: VerifyFailure) {
    super(reason);
  }
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const BASE64URL = /^[A-Za-z0-9_-]*$/;

function decodeJson(part: string): Record<string, unknown> {
  if (!BASE64URL.test(part)) throw new TokenError('invalid');
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TokenError('invalid');
    return value as Record<string, unknown>;
  } catch {
    throw new TokenError('invalid');
  }
}

export class JwtService {
  private readonly secret: Buffer;

  constructor(secret: string, private readonly lifetimeMinutes: number) {
    this.secret = Buffer.from(secret, 'utf8');
  }

  private sign(signingInput: string): Buffer {
    return createHmac('sha256', this.secret).update(signingInput).digest();
  }

  async issue(userId: number, now: Date): Promise<{ token: string; claims: AccessClaims }> {
    const iat = Math.floor(now.getTime() / 1000);
    const claims: AccessClaims = {
      sub: String(userId),
      exp: iat + this.lifetimeMinutes * 60,
      iat,
      jti: randomBytes(16).toString('hex'),
    };
    const input = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return { token: `${input}.${this.sign(input).toString('base64url')}`, claims };
  }

  /**
   * Verifies an HS256 token: the algorithm is pinned (no `none`, no other HMAC sizes), the signature is compared
   * in constant time, `exp` is required with zero leeway, `nbf` is honoured, `sub` must be a string and `aud`
   * must be absent (as python-jose did).
   */
  async verify(token: string, now: Date): Promise<Record<string, unknown> & { sub?: unknown; exp: number }> {
    const parts = token.split('.');
    if (parts.length !== 3) throw new TokenError('invalid');
    const [headerPart, payloadPart, signaturePart] = parts;
    const header = decodeJson(headerPart);
    if (header.alg !== 'HS256' || header.crit !== undefined) throw new TokenError('invalid');
    if (!BASE64URL.test(signaturePart)) throw new TokenError('invalid');
    const signature = Buffer.from(signaturePart, 'base64url');
    const expected = this.sign(`${headerPart}.${payloadPart}`);
    if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) throw new TokenError('invalid');

    const payload = decodeJson(payloadPart);
    const seconds = now.getTime() / 1000;
    if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) throw new TokenError('invalid');
    if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf > seconds)) throw new TokenError('invalid');
    if (payload.sub !== undefined && typeof payload.sub !== 'string') throw new TokenError('invalid');
    if (payload.aud !== undefined) throw new TokenError('invalid');
    if (payload.exp <= seconds) throw new TokenError('expired');
    return payload as Record<string, unknown> & { exp: number };
  }
}

/** Lower-case hex SHA-256 of the exact token string: how a token is stored (JWT_BLACKLIST key, payment callback token). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
