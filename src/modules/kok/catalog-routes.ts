// HTTP routes of the KOK catalogue (api spec §4.1–4.10): home lists, product pages and search. Auth optional.
import { performance } from 'node:perf_hooks';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Guard } from '../../platform/http/auth-guard.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import type { EventLog } from '../log/events.js';
import type { KokListService } from './list-service.js';
import type { KokProductService } from './product-service.js';
import { failsWith, optionalBearer as security, tags } from './route-support.js';
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

const DISCOUNTED_FAILED = '할인 상품 조회 중 오류가 발생했습니다.';

const LIST_OPEN = Buffer.from('{"products":');
const LIST_CLOSE = Buffer.from('}');

/** `{"products": <cached page>}` straight from the cached bytes: no parse, no re-serialisation. */
function sendCachedList(reply: FastifyReply, page: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(Buffer.concat([LIST_OPEN, page, LIST_CLOSE]));
}

export function catalogRoutes(app: App, lists: KokListService, products: KokProductService, events: EventLog, optionalUser: Guard): void {
  const emit = (request: FastifyRequest, type: string, data: Record<string, unknown>) => {
    if (request.user) events.emit(request, request.user.user_id, type, data);
  };
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
        preHandler: optionalUser,
        ...failsWith(app, DISCOUNTED_FAILED),
        schema: { tags, security, querystring: DiscountedQuery, response: { 200: ProductListOut, ...errorResponses(422, 500) } },
      },
      async (request, reply) => {
        const { page, size } = request.query;
        const useCache = isTrueWord(request.query.use_cache);
        // Anonymous callers log no event, so a cache hit needs no parsed items.
        const cached = useCache && !request.user ? await lists.cachedPageJson({ kind: 'discounted', page, size }) : undefined;
        if (cached) return sendCachedList(reply, cached);
        const { items, ms } = await timed(() => lists.discounted(page, size, useCache));
        emit(request, event, { product_count: items.length, execution_time_ms: ms, use_cache: useCache });
        return { products: items };
      },
    );
  }

  // The original's N+1 benchmark baseline; same result, never cached.
  app.get(
    '/api/kok/discounted/baseline',
    {
      preHandler: optionalUser,
      ...failsWith(app, DISCOUNTED_FAILED),
      schema: { tags, security, querystring: BaselineQuery, response: { 200: ProductListOut, ...errorResponses(422, 500) } },
    },
    async (request) => {
      const { items, ms } = await timed(() => lists.discounted(request.query.page, request.query.size, false));
      emit(request, 'kok_discounted_products_view_baseline', { product_count: items.length, execution_time_ms: ms, use_cache: false });
      return { products: items };
    },
  );

  app.get(
    '/api/kok/top-selling',
    {
      preHandler: optionalUser,
      ...failsWith(app, '인기 상품 조회 중 오류가 발생했습니다.'),
      schema: { tags, security, querystring: TopSellingQuery, response: { 200: ProductListOut, ...errorResponses(422, 500) } },
    },
    async (request, reply) => {
      const { page, size } = request.query;
      const sort_by = toSortBy(request.query.sort_by);
      const cached = request.user ? undefined : await lists.cachedPageJson({ kind: 'topSelling', page, size, sortBy: sort_by });
      if (cached) return sendCachedList(reply, cached);
      const items = await lists.topSelling(page, size, sort_by);
      emit(request, 'kok_top_selling_products_view', { product_count: items.length, sort_by });
      return { products: items };
    },
  );

  app.get(
    '/api/kok/store-best-items',
    {
      preHandler: optionalUser,
      ...failsWith(app, '스토어 베스트 상품 조회 중 오류가 발생했습니다.'),
      schema: { tags, security, querystring: StoreBestQuery, response: { 200: ProductListOut, ...errorResponses(422, 500) } },
    },
    async (request) => {
      const sortBy = toSortBy(request.query.sort_by);
      const items = await lists.storeBest(request.user?.user_id ?? null, sortBy);
      emit(request, 'kok_store_best_items_view', { product_count: items.length, sort_by: sortBy });
      return { products: items };
    },
  );

  app.get(
    '/api/kok/product/:kok_product_id/info',
    {
      preHandler: optionalUser,
      ...failsWith(app, '상품 기본 정보 조회 중 오류가 발생했습니다.'),
      schema: { tags, security, params: ProductIdParams, response: { 200: ProductInfoOut, ...errorResponses(404, 422, 500) } },
    },
    async (request) => {
      const id = request.params.kok_product_id;
      const info = await products.info(id, request.user?.user_id ?? null);
      emit(request, 'kok_product_info_view', { kok_product_id: id });
      return info;
    },
  );

  app.get(
    '/api/kok/product/:kok_product_id/tabs',
    {
      preHandler: optionalUser,
      ...failsWith(app, '상품 탭 정보 조회 중 오류가 발생했습니다.'),
      schema: { tags, security, params: ProductIdParams, response: { 200: TabsOut, ...errorResponses(422, 500) } },
    },
    async (request) => {
      const id = request.params.kok_product_id;
      const images = await products.images(id);
      emit(request, 'kok_product_tabs_view', { kok_product_id: id, tab_count: images.length });
      return { images };
    },
  );

  app.get(
    '/api/kok/product/:kok_product_id/reviews',
    {
      preHandler: optionalUser,
      ...failsWith(app, '상품 리뷰 조회 중 오류가 발생했습니다.'),
      schema: { tags, security, params: ProductIdParams, response: { 200: ReviewsOut, ...errorResponses(404, 422, 500) } },
    },
    async (request) => {
      const id = request.params.kok_product_id;
      const reviews = await products.reviews(id);
      emit(request, 'kok_product_reviews_view', { kok_product_id: id });
      return reviews;
    },
  );

  app.get(
    '/api/kok/product/:kok_product_id/seller-details',
    {
      preHandler: optionalUser,
      ...failsWith(app, '상품 상세 정보 조회 중 오류가 발생했습니다.'),
      schema: { tags, security, params: ProductIdParams, response: { 200: SellerDetailsOut, ...errorResponses(404, 422, 500) } },
    },
    async (request) => {
      const id = request.params.kok_product_id;
      const details = await products.sellerDetails(id);
      emit(request, 'kok_product_details_view', { kok_product_id: id });
      return details;
    },
  );

  // Writes no search history: the client saves it itself through POST /search/history (api spec §4.10).
  app.get(
    '/api/kok/search',
    {
      preHandler: optionalUser,
      ...failsWith(app, '상품 검색 중 오류가 발생했습니다.'),
      schema: { tags, security, querystring: SearchQuery, response: { 200: SearchOut, ...errorResponses(422, 500) } },
    },
    async (request) => {
      const { page, size } = request.query;
      const keyword = request.query.keyword.trim();
      const { total, items } = await products.search(keyword, page, size);
      emit(request, 'kok_product_search', { keyword, result_count: items.length });
      return { total, page, size, products: items };
    },
  );
}
