// HS256 access tokens compatible with the original (string `sub`, integer `exp`), plus `iat` and a random
// `jti` so two logins never share a token. Claim values are digits and letters only: the React client decodes
// the payload with atob(), which fails on base64url's `-`/`_` (those only arise from bytes such as `>?~`).
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';

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

export class JwtService {
  private readonly key: Uint8Array;

  constructor(secret: string, private readonly lifetimeMinutes: number) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(userId: number, now: Date): Promise<{ token: string; claims: AccessClaims }> {
    const iat = Math.floor(now.getTime() / 1000);
    const claims: AccessClaims = {
      sub: String(userId),
      exp: iat + this.lifetimeMinutes * 60,
      iat,
      jti: randomBytes(16).toString('hex'),
    };
    const token = await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(this.key);
    return { token, claims };
  }

  /** Verifies signature (HS256 only) and expiry with zero leeway; `sub` must be a string. */
  async verify(token: string, now: Date): Promise<Record<string, unknown> & { sub?: unknown; exp: number }> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        currentDate: now,
        clockTolerance: 0,
        requiredClaims: ['exp'],
      });
      if (payload.sub !== undefined && typeof payload.sub !== 'string') throw new TokenError('invalid');
      if (payload.aud !== undefined) throw new TokenError('invalid');
      return payload as Record<string, unknown> & { exp: number };
    } catch (err) {
      if (err instanceof TokenError) throw err;
      if (err instanceof joseErrors.JWTExpired) throw new TokenError('expired');
      throw new TokenError('invalid');
    }
  }
}

/** Lower-case hex SHA-256 of the exact token string: the JWT_BLACKLIST key. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
