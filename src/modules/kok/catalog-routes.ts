// HTTP routes of the KOK catalogue (api spec §4.1–4.10): home lists, product pages and search. Auth optional.
import { performance } from 'node:perf_hooks';
import type { FastifyReply } from 'fastify';
import { describeEvent, kit } from '../../platform/http/route-kit.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import type { KokListService } from './list-service.js';
import { KOK_MESSAGES as MSG } from './messages.js';
import type { KokProductService } from './product-service.js';
import {
  BaselineQuery,
  DiscountedQuery,
  isTrueWord,
  ProductIdParams,
  ProductInfoOut,
  ProductListOut,
  ReviewsOut,
  SearchOut,
  SearchQuery,
  SellerDetailsOut,
  StoreBestQuery,
  TabsOut,
  TopSellingQuery,
} from './schemas.js';
import { toSortBy } from './types.js';

const tags = ['kok'];

const LIST_OPEN = Buffer.from('{"products":');
const LIST_CLOSE = Buffer.from('}');

/** `{"products": <cached page>}` straight from the cached bytes: no parse, no re-serialisation. */
function sendCachedList(reply: FastifyReply, page: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(Buffer.concat([LIST_OPEN, page, LIST_CLOSE]));
}

/** Catalogue events are written for signed-in callers only (the kit skips anonymous requests). */
export function catalogRoutes(app: App, lists: KokListService, products: KokProductService): void {
  const timed = async <T extends unknown[]>(work: () => Promise<T>) => {
    const started = performance.now();
    const items = await work();
    return { items, ms: Math.round((performance.now() - started) * 100) / 100 };
  };

  // /discounted/window is an alias of /discounted; /max-join computes the same result (one query design here).
  const discountedVariants = [
    { url: '/api/kok/discounted', event: 'kok_discounted_products_view' },
    { url: '/api/kok/discounted/window', event: 'kok_discounted_products_view' },
    { url: '/api/kok/discounted/max-join', event: 'kok_discounted_products_view_max_join' },
  ];
  for (const { url, event } of discountedVariants) {
    app.get(
      url,
      {
        ...kit({ access: 'optional', event, failText: MSG.discountedFailed }),
        schema: { tags, querystring: DiscountedQuery, response: { 200: ProductListOut, ...errorResponses(422, 500) } },
      },
      async (request, reply) => {
        const { page, size } = request.query;
        const useCache = isTrueWord(request.query.use_cache);
        // Anonymous callers log no event, so a cache hit needs no parsed items.
        const cached = useCache && !request.user ? await lists.cachedPageJson({ kind: 'discounted', page, size }) : undefined;
        if (cached) return sendCachedList(reply, cached);
        const { items, ms } = await timed(() => lists.discounted(page, size, useCache));
        describeEvent(request, { product_count: items.length, execution_time_ms: ms, use_cache: useCache });
        return { products: items };
      },
    );
  }

  // The original's N+1 benchmark baseline; same result, never cached.
  app.get(
    '/api/kok/discounted/baseline',
    {
      ...kit({ access: 'optional', event: 'kok_discounted_products_view_baseline', failText: MSG.discountedFailed }),
      schema: { tags, querystring: BaselineQuery, response: { 200: ProductListOut, ...errorResponses(422, 500) } },
    },
    async (request) => {
      const { items, ms } = await timed(() => lists.discounted(request.query.page, request.query.size, false));
      describeEvent(request, { product_count: items.length, execution_time_ms: ms, use_cache: false });
      return { products: items };
    },
  );

  app.get(
    '/api/kok/top-selling',
    {
      ...kit({ access: 'optional', event: 'kok_top_selling_products_view', failText: MSG.topSellingFailed }),
      schema: { tags, querystring: TopSellingQuery, response: { 200: ProductListOut, ...errorResponses(422, 500) } },
    },
    async (request, reply) => {
      const { page, size } = request.query;
      const sort_by = toSortBy(request.query.sort_by);
      const cached = request.user ? undefined : await lists.cachedPageJson({ kind: 'topSelling', page, size, sortBy: sort_by });
      if (cached) return sendCachedList(reply, cached);
      const items = await lists.topSelling(page, size, sort_by);
      describeEvent(request, { product_count: items.length, sort_by });
      return { products: items };
    },
  );

  app.get(
    '/api/kok/store-best-items',
    {
      ...kit({ access: 'optional', event: 'kok_store_best_items_view', failText: MSG.storeBestFailed }),
      schema: { tags, querystring: StoreBestQuery, response: { 200: ProductListOut, ...errorResponses(422, 500) } },
    },
    async (request) => {
      const sortBy = toSortBy(request.query.sort_by);
      const items = await lists.storeBest(request.user?.user_id ?? null, sortBy);
      describeEvent(request, { product_count: items.length, sort_by: sortBy });
      return { products: items };
    },
  );

  app.get(
    '/api/kok/product/:kok_product_id/info',
    {
      ...kit({ access: 'optional', event: 'kok_product_info_view', failText: MSG.productInfoFailed }),
      schema: { tags, params: ProductIdParams, response: { 200: ProductInfoOut, ...errorResponses(404, 422, 500) } },
    },
    async (request) => {
      const id = request.params.kok_product_id;
      const info = await products.info(id, request.user?.user_id ?? null);
      describeEvent(request, { kok_product_id: id });
      return info;
    },
  );

  app.get(
    '/api/kok/product/:kok_product_id/tabs',
    {
      ...kit({ access: 'optional', event: 'kok_product_tabs_view', failText: MSG.productTabsFailed }),
      schema: { tags, params: ProductIdParams, response: { 200: TabsOut, ...errorResponses(422, 500) } },
    },
    async (request) => {
      const id = request.params.kok_product_id;
      const images = await products.images(id);
      describeEvent(request, { kok_product_id: id, tab_count: images.length });
      return { images };
    },
  );

  app.get(
    '/api/kok/product/:kok_product_id/reviews',
    {
      ...kit({ access: 'optional', event: 'kok_product_reviews_view', failText: MSG.productReviewsFailed }),
      schema: { tags, params: ProductIdParams, response: { 200: ReviewsOut, ...errorResponses(404, 422, 500) } },
    },
    async (request) => {
      const id = request.params.kok_product_id;
      const reviews = await products.reviews(id);
      describeEvent(request, { kok_product_id: id });
      return reviews;
    },
  );

  app.get(
    '/api/kok/product/:kok_product_id/seller-details',
    {
      ...kit({ access: 'optional', event: 'kok_product_details_view', failText: MSG.productDetailsFailed }),
      schema: { tags, params: ProductIdParams, response: { 200: SellerDetailsOut, ...errorResponses(404, 422, 500) } },
    },
    async (request) => {
      const id = request.params.kok_product_id;
      const details = await products.sellerDetails(id);
      describeEvent(request, { kok_product_id: id });
      return details;
    },
  );

  // Writes no search history: the client saves it itself through POST /search/history (api spec §4.10).
  app.get(
    '/api/kok/search',
    {
      ...kit({ access: 'optional', event: 'kok_product_search', failText: MSG.searchFailed }),
      schema: { tags, querystring: SearchQuery, response: { 200: SearchOut, ...errorResponses(422, 500) } },
    },
    async (request) => {
      const { page, size } = request.query;
      const keyword = request.query.keyword.trim();
      const { total, items } = await products.search(keyword, page, size);
      describeEvent(request, { keyword, result_count: items.length });
      return { total, page, size, products: items };
    },
  );
}
