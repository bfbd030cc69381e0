// Guards shared by every module: the operators' service token and the owner check that hides foreign rows.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { NotFoundError, ServiceUnavailableError, UnauthorizedError } from './errors.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `Authorization: Bearer <expected>`, compared in constant time: hashing both sides first makes the comparison
 * independent of the lengths. The one bearer check of the service token, the metrics token and the webhook.
 */
export function bearerMatches(authorization: string | undefined, expected: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim() ?? '';
  return timingSafeEqual(digest(given), digest(expected));
}

/** The operators' routes: SERVICE_AUTH_TOKEN as a bearer token. */
export function serviceTokenGuard(expected: string | null) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!expected) throw new ServiceUnavailableError('서비스 인증 토큰(SERVICE_AUTH_TOKEN)이 설정되지 않아 이 기능을 사용할 수 없습니다.');
    if (!bearerMatches(request.headers.authorization, expected)) throw new UnauthorizedError('유효한 서비스 인증 토큰이 필요합니다.');
  };
}

/**
 * Ownership, deny by default: statements are scoped to the caller, so zero rows touched means "not yours or not
 * there" — the same 404 either way, so ids of other users' resources cannot be probed.
 */
export function requireTouched(count: number, notFound: string): void {
  if (count === 0) throw new NotFoundError(notFound);
}
