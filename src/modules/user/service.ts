// Accounts, login, logout and the request authenticator (token → current user).
import { tokenHash, TokenError, type JwtService } from '../../platform/auth/jwt.js';
import { hashPassword, needsRehash, verifyPassword } from '../../platform/auth/passwords.js';
import type { Cache } from '../../platform/cache/cache.js';
import type { Clock } from '../../platform/clock/clock.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import type { Authenticator, CurrentUser } from '../../platform/http/auth-guard.js';
import { ConflictError, ServiceUnavailableError, UnauthorizedError } from '../../platform/http/errors.js';
import { USER_MESSAGES as MSG } from './messages.js';
import type { UserRepo, UserRow } from './repo.js';


/**
 * A verified "not revoked" answer is cached this long; a logout overwrites it at once.
 *
 * Why a logout always wins (JWT_BLACKLIST is the source of truth, the cache key `jwt:blacklist:<hash>` its mirror,
 * shared by every instance): the logout writes the row first, then `set`s 1, overwriting whatever is cached. A reader
 * that missed the cache reads the table and writes 1 with `set` (it agrees with any logout) but 0 only with
 * `setIfAbsent`. Interleavings of a reader R and a logout L on one token:
 * - R reads "not revoked" before L's row, writes 0 before L's mark: L's `set` overwrites it with 1.
 * - R reads "not revoked" before L's row, L's mark lands first: R's `setIfAbsent` finds the key and writes nothing.
 * - R reads after L's row: R writes 1 itself.
 * So once the logout has answered, the key holds 1 until the token expires, and if it is evicted the next reader
 * finds the row. Only a request already past its check when the logout landed is served: it ran concurrently.
 * A logout whose mark could not be written (cache unreachable) answers 503: the others may hold a 0 for up to
 * this TTL, so the client is told to retry rather than believe a silent 200 (the row is written; logout is
 * idempotent, and a retry on an instance that sees the row answers 401 "logged out").
 */
const BLACKLIST_NEGATIVE_TTL_SECONDS = 60;
const blacklistKey = (hash: string) => `jwt:blacklist:${hash}`;

/** pydantic's EmailStr keeps the local part and lower-cases the domain. */
export function normalizeEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? email : `${email.slice(0, at)}${email.slice(at).toLowerCase()}`;
}

export function toCurrentUser(row: UserRow): CurrentUser {
  return { user_id: row.USER_ID, email: row.EMAIL, username: row.USERNAME ?? '', created_at: row.CREATED_AT };
}

export class UserService implements Authenticator {
  constructor(
    private readonly repo: UserRepo,
    private readonly jwt: JwtService,
    private readonly cache: Cache,
    private readonly clock: Clock,
  ) {}

  async signup(email: string, password: string, username: string): Promise<CurrentUser> {
    const normalized = normalizeEmail(email);
    if (await this.repo.findByEmail(normalized)) throw new ConflictError(MSG.duplicateEmail);
    const hash = await hashPassword(password);
    const createdAt = new Date(Math.floor(this.clock.now().getTime() / 1000) * 1000);
    try {
      const id = await this.repo.create(normalized, hash, username, createdAt);
      return { user_id: id, email: normalized, username, created_at: createdAt };
    } catch (err) {
      // Two concurrent sign-ups: the unique key decides, the loser gets the same 409.
      if (isUniqueViolation(err)) throw new ConflictError(MSG.duplicateEmail);
      throw err;
    }
  }

  async isEmailTaken(email: string): Promise<boolean> {
    return (await this.repo.findByEmail(normalizeEmail(email))) !== undefined;
  }

  async login(email: string, password: string): Promise<{ token: string; user: CurrentUser }> {
    const row = await this.repo.findByEmail(email);
    if (!row || !(await verifyPassword(password, row.PASSWORD_HASH))) throw new UnauthorizedError(MSG.badLogin);
    if (needsRehash(row.PASSWORD_HASH)) await this.repo.updatePasswordHash(row.USER_ID, await hashPassword(password));
    const { token } = await this.jwt.issue(row.USER_ID, this.clock.now());
    return { token, user: toCurrentUser(row) };
  }

  async logout(token: string): Promise<void> {
    const claims = await this.jwt.verify(token, this.clock.now());
    const hash = tokenHash(token);
    const expiresAt = new Date(claims.exp * 1000);
    await this.repo.blacklist(hash, expiresAt, String(claims.sub));
    const ttl = Math.ceil((expiresAt.getTime() - this.clock.now().getTime()) / 1000);
    if (!(await this.cache.set(blacklistKey(hash), 1, Math.max(1, ttl)))) throw new ServiceUnavailableError(MSG.logoutNotPublished);
  }

  /** Blacklist rows past their token's expiry protect nothing; dropping them keeps the table small. */
  purgeExpiredTokens(): Promise<number> {
    return this.repo.purgeExpiredBlacklist(this.clock.now());
  }

  private async isRevoked(token: string, exp: number): Promise<boolean> {
    const hash = tokenHash(token);
    const cached = await this.cache.get<number>(blacklistKey(hash));
    if (cached !== undefined) return cached === 1;
    const now = this.clock.now();
    const revoked = await this.repo.isBlacklisted(hash, now);
    const untilExpiry = Math.ceil(exp - now.getTime() / 1000);
    // "Not revoked" may already be stale when it is written: it never overwrites (see BLACKLIST_NEGATIVE_TTL_SECONDS).
    if (revoked) await this.cache.set(blacklistKey(hash), 1, untilExpiry);
    else await this.cache.setIfAbsent(blacklistKey(hash), 0, Math.min(BLACKLIST_NEGATIVE_TTL_SECONDS, untilExpiry));
    return revoked;
  }

  async required(authorization: string | undefined): Promise<{ user: CurrentUser; token: string }> {
    const header = authorization ?? '';
    const space = header.indexOf(' ');
    const scheme = space < 0 ? header : header.slice(0, space);
    if (!header || scheme.toLowerCase() !== 'bearer') throw new UnauthorizedError(MSG.notAuthenticated);
    const token = space < 0 ? '' : header.slice(space + 1).trim();
    if (!token) throw new UnauthorizedError(MSG.emptyToken);

    let claims: Awaited<ReturnType<JwtService['verify']>>;
    try {
      claims = await this.jwt.verify(token, this.clock.now());
    } catch (err) {
      throw new UnauthorizedError(err instanceof TokenError && err.reason === 'expired' ? MSG.expired : MSG.invalid);
    }
    const sub = claims.sub;
    const subId = typeof sub === 'string' && /^\d{1,10}$/.test(sub) && Number(sub) <= 2147483647 ? Number(sub) : null;
    // The blacklist and the user row are independent reads: fetch both at once, then judge in contract order.
    const [revoked, found] = await Promise.allSettled([
      this.isRevoked(token, claims.exp),
      subId === null ? Promise.resolve(undefined) : this.repo.findById(subId),
    ]);
    // Fail closed: an unverifiable blacklist never lets a token through.
    if (revoked.status === 'rejected') throw new ServiceUnavailableError(MSG.dbDown);
    if (revoked.value) throw new UnauthorizedError(MSG.loggedOut);
    if (typeof sub !== 'string' || sub === '') throw new UnauthorizedError(MSG.noSubject);
    if (subId === null) throw new UnauthorizedError(MSG.badSubject);
    if (found.status === 'rejected') throw new ServiceUnavailableError(MSG.dbDown);
    const row = found.value;
    if (!row) throw new UnauthorizedError(MSG.noUser);
    return { user: toCurrentUser(row), token };
  }

  async optional(authorization: string | undefined): Promise<CurrentUser | null> {
    if (!authorization) return null;
    const header = /^bearer /i.test(authorization) ? authorization : `Bearer ${authorization}`;
    try {
      return (await this.required(header)).user;
    } catch {
      return null;
    }
  }
}
