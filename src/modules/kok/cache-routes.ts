// Cache invalidation (api spec §4.22), for operators and the ETL: `Authorization: Bearer <SERVICE_AUTH_TOKEN>`.
// The original left these open to anyone (a cheap way to multiply database load).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ServiceUnavailableError, UnauthorizedError } from '../../platform/http/errors.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import type { CacheFamily } from './cache-keys.js';
import type { KokListService } from './list-service.js';
import { failsWith, tags } from './route-support.js';
import { InvalidateAllOut, MessageOut } from './schemas.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time bearer check; hashing first makes the comparison length-independent. */
export function serviceTokenGuard(expected: string | null) {
  const expectedDigest = expected ? digest(expected) : null;
  return async (request: FastifyRequest) => {
    if (!expectedDigest) throw new ServiceUnavailableError('서비스 인증 토큰(SERVICE_AUTH_TOKEN)이 설정되지 않아 캐시 무효화를 사용할 수 없습니다.');
    const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
    if (!match || !timingSafeEqual(digest(match[1].trim()), expectedDigest)) throw new UnauthorizedError('유효한 서비스 인증 토큰이 필요합니다.');
  };
}

const FAMILIES: Array<{ path: string; family: CacheFamily; label: string }> = [
  { path: 'discounted', family: 'discounted', label: '할인 상품' },
  { path: 'top-selling', family: 'topSelling', label: '인기 상품' },
  { path: 'store-best', family: 'storeBest', label: '스토어 베스트 상품' },
];

export function cacheRoutes(app: App, lists: KokListService, serviceToken: string | null): void {
  const preHandler = serviceTokenGuard(serviceToken);
  const options = (response: object) => ({
    preHandler,
    ...failsWith(app, '캐시 무효화 중 오류가 발생했습니다.'),
    schema: { tags, response: { 200: response, ...errorResponses(401, 500, 503) } },
  });

  for (const { path, family, label } of FAMILIES) {
    app.post(`/api/kok/cache/invalidate/${path}`, options(MessageOut), async () => {
      const n = await lists.invalidate(family);
      return { message: `${label} 캐시가 무효화되었습니다. 삭제된 키 수: ${n}` };
    });
  }

  app.post('/api/kok/cache/invalidate/all', options(InvalidateAllOut), async () => {
    const families: CacheFamily[] = ['discounted', 'topSelling', 'storeBest', 'product', 'search'];
    const [discounted, topSelling, storeBest, product, search] = await Promise.all(families.map((f) => lists.invalidate(f)));
    return {
      message: '모든 KOK 캐시가 무효화되었습니다.',
      deleted_keys: {
        discounted_products: discounted,
        top_selling_products: topSelling,
        store_best_items: storeBest,
        product_details: product,
        search_results: search,
        total: discounted + topSelling + storeBest + product + search,
      },
    };
  });
}
