// Cache invalidation (api spec §4.22), for operators and the ETL: `Authorization: Bearer <SERVICE_AUTH_TOKEN>`.
// The original left these open to anyone (a cheap way to multiply database load).
import { kit } from '../../platform/http/route-kit.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import type { CacheFamily } from './cache-keys.js';
import type { KokListService } from './list-service.js';
import { KOK_MESSAGES as MSG } from './messages.js';
import { InvalidateAllOut, MessageOut } from './schemas.js';

const tags = ['kok'];

const FAMILIES: Array<{ path: string; family: CacheFamily; label: string }> = [
  { path: 'discounted', family: 'discounted', label: MSG.cacheLabelDiscounted },
  { path: 'top-selling', family: 'topSelling', label: MSG.cacheLabelTopSelling },
  { path: 'store-best', family: 'storeBest', label: MSG.cacheLabelStoreBest },
];

export function cacheRoutes(app: App, lists: KokListService): void {
  const options = (response: object) => ({
    ...kit({ access: 'service', failText: MSG.cacheInvalidateFailed }),
    schema: { tags, response: { 200: response, ...errorResponses(401, 500, 503) } },
  });

  for (const { path, family, label } of FAMILIES) {
    app.post(`/api/kok/cache/invalidate/${path}`, options(MessageOut), async () => {
      const n = await lists.invalidate(family);
      return { message: MSG.cacheInvalidated(label, n) };
    });
  }

  app.post('/api/kok/cache/invalidate/all', options(InvalidateAllOut), async () => {
    const families: CacheFamily[] = ['discounted', 'topSelling', 'storeBest', 'product', 'search'];
    const [discounted, topSelling, storeBest, product, search] = await Promise.all(families.map((f) => lists.invalidate(f)));
    return {
      message: MSG.allCachesInvalidated,
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
