// Guards shared by every module: the operators' service token and the owner check that hides foreign rows.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { NotFoundError, ServiceUnavailableError, UnauthorizedError } from './errors.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time bearer check against SERVICE_AUTH_TOKEN; hashing first makes the comparison length-independent. */
export function serviceTokenGuard(expected: string | null) {
  const expectedDigest = expected ? digest(expected) : null;
  return async (request: FastifyRequest): Promise<void> => {
    if (!expectedDigest) throw new ServiceUnavailableError('서비스 인증 토큰(SERVICE_AUTH_TOKEN)이 설정되지 않아 이 기능을 사용할 수 없습니다.');
    const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
    if (!match || !timingSafeEqual(digest(match[1].trim()), expectedDigest)) throw new UnauthorizedError('유효한 서비스 인증 토큰이 필요합니다.');
  };
}

/**
 * Ownership, deny by default: statements are scoped to the caller, so zero rows touched means "not yours or not
 * there" — the same 404 either way, so ids of other users' resources cannot be probed.
 */
export function requireTouched(count: number, notFound: string): void {
  if (count === 0) throw new NotFoundError(notFound);
}
