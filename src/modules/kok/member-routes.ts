// HTTP routes of a signed-in shopper (api spec §4.11–4.19, §4.21): search history, likes, cart, recommendation.
// Every id in a path is looked up together with the caller, so another user's row answers 404.
import type { Guard } from '../../platform/http/auth-guard.js';
import { userOf } from '../../platform/http/auth-guard.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import type { EventLog } from '../log/events.js';
import type { KokCartService } from './cart-service.js';
import type { KokHistoryService } from './history-service.js';
import type { KokLikesService } from './likes-service.js';
import { RECOMMEND_ALGORITHM, type KokRecommendService } from './recommend-service.js';
import { bearer as security, failsWith, tags } from './route-support.js';
import {
  CartAddIn,
  CartAddOut,
  CartIdParams,
  CartListOut,
  CartQuery,
  CartUpdateIn,
  CartUpdateOut,
  HistoryIdParams,
  HistoryIn,
  HistoryListOut,
  HistoryQuery,
  HistorySavedOut,
  LikesOut,
  LikesQuery,
  LikeToggleIn,
  LikeToggleOut,
  MessageOut,
  RecommendOut,
  RecommendQuery,
} from './schemas.js';

export interface MemberServices {
  history: KokHistoryService;
  likes: KokLikesService;
  cart: KokCartService;
  recommend: KokRecommendService;
}

export function memberRoutes(app: App, s: MemberServices, events: EventLog, requireUser: Guard): void {
  const preHandler = requireUser;

  app.get(
    '/api/kok/search/history',
    {
      preHandler,
      ...failsWith(app, '검색 이력 조회 중 오류가 발생했습니다.'),
      schema: { tags, security, querystring: HistoryQuery, response: { 200: HistoryListOut, ...errorResponses(401, 422, 500) } },
    },
    async (request) => {
      const user = userOf(request);
      const history = await s.history.recent(user.user_id, request.query.limit);
      events.emit(request, user.user_id, 'kok_search_history_view', { history_count: history.length });
      return { history };
    },
  );

  app.post(
    '/api/kok/search/history',
    {
      preHandler,
      ...failsWith(app, '검색 이력 저장 중 오류가 발생했습니다.'),
      schema: { tags, security, body: HistoryIn, response: { 200: HistorySavedOut, ...errorResponses(401, 422, 500) } },
    },
    async (request) => {
      const user = userOf(request);
      const keyword = request.body.keyword.trim();
      const saved = await s.history.save(user.user_id, keyword);
      events.emit(request, user.user_id, 'kok_search_history_save', { keyword }, 201);
      return { message: '검색 이력이 저장되었습니다.', saved };
    },
  );

  app.delete(
    '/api/kok/search/history/:history_id',
    {
      preHandler,
      ...failsWith(app, '검색 이력 삭제 중 오류가 발생했습니다.'),
      schema: { tags, security, params: HistoryIdParams, response: { 200: MessageOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request) => {
      const user = userOf(request);
      const id = request.params.history_id;
      await s.history.remove(user.user_id, id);
      events.emit(request, user.user_id, 'kok_search_history_delete', { history_id: id });
      return { message: `검색 이력 ID ${id}가 삭제되었습니다.` };
    },
  );

  app.post(
    '/api/kok/likes/toggle',
    {
      preHandler,
      ...failsWith(app, '찜 토글 중 오류가 발생했습니다.'),
      schema: { tags, security, body: LikeToggleIn, response: { 200: LikeToggleOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request) => {
      const user = userOf(request);
      const productId = request.body.kok_product_id;
      const liked = await s.likes.toggle(user.user_id, productId);
      events.emit(request, user.user_id, 'kok_likes_toggle', { kok_product_id: productId, liked });
      return { liked, message: liked ? '상품을 찜했습니다.' : '찜이 취소되었습니다.' };
    },
  );

  app.get(
    '/api/kok/likes',
    {
      preHandler,
      ...failsWith(app, '찜한 상품 목록 조회 중 오류가 발생했습니다.'),
      schema: { tags, security, querystring: LikesQuery, response: { 200: LikesOut, ...errorResponses(401, 422, 500) } },
    },
    async (request) => {
      const user = userOf(request);
      const limit = request.query.limit;
      const products = await s.likes.list(user.user_id, limit);
      events.emit(request, user.user_id, 'kok_liked_products_view', { limit, product_count: products.length });
      return { liked_products: products };
    },
  );

  app.post(
    '/api/kok/carts',
    {
      preHandler,
      ...failsWith(app, '장바구니 추가 중 오류가 발생했습니다.'),
      schema: { tags, security, body: CartAddIn, response: { 201: CartAddOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request, reply) => {
      const user = userOf(request);
      const { kok_product_id, kok_quantity } = request.body;
      const added = await s.cart.add(user.user_id, kok_product_id, kok_quantity, request.body.recipe_id ?? null);
      events.emit(
        request,
        user.user_id,
        'kok_cart_add',
        { kok_product_id, kok_quantity, kok_cart_id: added.kok_cart_id, recipe_id: added.recipe_id },
        201,
      );
      return reply.code(201).send({ kok_cart_id: added.kok_cart_id, message: added.message });
    },
  );

  app.get(
    '/api/kok/carts',
    {
      preHandler,
      ...failsWith(app, '장바구니 상품 목록 조회 중 오류가 발생했습니다.'),
      schema: { tags, security, querystring: CartQuery, response: { 200: CartListOut, ...errorResponses(401, 422, 500) } },
    },
    async (request) => {
      const user = userOf(request);
      const limit = request.query.limit;
      const items = await s.cart.lines(user.user_id, limit);
      events.emit(request, user.user_id, 'kok_cart_items_view', { limit, item_count: items.length });
      return { cart_items: items };
    },
  );

  app.patch(
    '/api/kok/carts/:kok_cart_id',
    {
      preHandler,
      ...failsWith(app, '장바구니 수량 변경 중 오류가 발생했습니다.'),
      schema: { tags, security, params: CartIdParams, body: CartUpdateIn, response: { 200: CartUpdateOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request) => {
      const user = userOf(request);
      const id = request.params.kok_cart_id;
      const quantity = request.body.kok_quantity;
      await s.cart.setQuantity(user.user_id, id, quantity);
      events.emit(request, user.user_id, 'kok_cart_update', { kok_cart_id: id, quantity });
      return { kok_cart_id: id, kok_quantity: quantity, message: `수량이 ${quantity}개로 변경되었습니다.` };
    },
  );

  app.delete(
    '/api/kok/carts/:kok_cart_id',
    {
      preHandler,
      ...failsWith(app, '장바구니 삭제 중 오류가 발생했습니다.'),
      schema: { tags, security, params: CartIdParams, response: { 200: MessageOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request) => {
      const user = userOf(request);
      const id = request.params.kok_cart_id;
      await s.cart.remove(user.user_id, id);
      events.emit(request, user.user_id, 'kok_cart_delete', { kok_cart_id: id });
      return { message: '장바구니에서 상품이 삭제되었습니다.' };
    },
  );

  app.get(
    '/api/kok/product/homeshopping-recommend',
    {
      preHandler,
      ...failsWith(app, '홈쇼핑 추천 중 오류가 발생했습니다.'),
      schema: { tags, security, querystring: RecommendQuery, response: { 200: RecommendOut, ...errorResponses(400, 401, 422, 500) } },
    },
    async (request) => {
      const user = userOf(request);
      const k = request.query.k;
      const { body, counts } = await s.recommend.forUser(user.user_id, k);
      events.emit(request, user.user_id, 'kok_homeshopping_recommendation', {
        source_products_count: counts.source,
        liked_products_count: counts.liked,
        cart_products_count: counts.cart,
        recommendation_count: body.total_count,
        algorithm: RECOMMEND_ALGORITHM,
        k,
      });
      return body;
    },
  );
}
