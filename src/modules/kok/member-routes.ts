// HTTP routes of a signed-in shopper (api spec §4.11–4.19): search history, likes and cart.
// Every id in a path is looked up together with the caller, so another user's row answers 404.
import { userOf } from '../../platform/http/auth-guard.js';
import { describeEvent, kit } from '../../platform/http/route-kit.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import type { KokCartService } from './cart-service.js';
import type { KokHistoryService } from './history-service.js';
import type { KokLikesService } from './likes-service.js';
import { KOK_MESSAGES as MSG } from './messages.js';
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
} from './schemas.js';

const tags = ['kok'];

export interface MemberServices {
  history: KokHistoryService;
  likes: KokLikesService;
  cart: KokCartService;
}

export function memberRoutes(app: App, s: MemberServices): void {
  app.get(
    '/api/kok/search/history',
    {
      ...kit({ access: 'user', event: 'kok_search_history_view', failText: MSG.historyViewFailed }),
      schema: { tags, querystring: HistoryQuery, response: { 200: HistoryListOut, ...errorResponses(401, 422, 500) } },
    },
    async (request) => {
      const history = await s.history.recent(userOf(request).user_id, request.query.limit);
      describeEvent(request, { history_count: history.length });
      return { history };
    },
  );

  app.post(
    '/api/kok/search/history',
    {
      ...kit({ access: 'user', event: 'kok_search_history_save', failText: MSG.historySaveFailed }),
      schema: { tags, body: HistoryIn, response: { 200: HistorySavedOut, ...errorResponses(401, 422, 500) } },
    },
    async (request) => {
      const keyword = request.body.keyword.trim();
      const saved = await s.history.save(userOf(request).user_id, keyword);
      describeEvent(request, { keyword });
      return { message: MSG.historySaved, saved };
    },
  );

  app.delete(
    '/api/kok/search/history/:history_id',
    {
      ...kit({ access: 'user', event: 'kok_search_history_delete', failText: MSG.historyDeleteFailed }),
      schema: { tags, params: HistoryIdParams, response: { 200: MessageOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request) => {
      const id = request.params.history_id;
      await s.history.remove(userOf(request).user_id, id);
      describeEvent(request, { history_id: id });
      return { message: MSG.historyDeleted(id) };
    },
  );

  app.post(
    '/api/kok/likes/toggle',
    {
      ...kit({ access: 'user', event: 'kok_likes_toggle', failText: MSG.likeToggleFailed }),
      schema: { tags, body: LikeToggleIn, response: { 200: LikeToggleOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request) => {
      const productId = request.body.kok_product_id;
      const liked = await s.likes.toggle(userOf(request).user_id, productId);
      describeEvent(request, { kok_product_id: productId, liked });
      return { liked, message: liked ? MSG.liked : MSG.unliked };
    },
  );

  app.get(
    '/api/kok/likes',
    {
      ...kit({ access: 'user', event: 'kok_liked_products_view', failText: MSG.likesViewFailed }),
      schema: { tags, querystring: LikesQuery, response: { 200: LikesOut, ...errorResponses(401, 422, 500) } },
    },
    async (request) => {
      const limit = request.query.limit;
      const products = await s.likes.list(userOf(request).user_id, limit);
      describeEvent(request, { limit, product_count: products.length });
      return { liked_products: products };
    },
  );

  app.post(
    '/api/kok/carts',
    {
      ...kit({ access: 'user', event: 'kok_cart_add', failText: MSG.cartAddFailed }),
      schema: { tags, body: CartAddIn, response: { 201: CartAddOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request, reply) => {
      const { kok_product_id, kok_quantity } = request.body;
      const added = await s.cart.add(userOf(request).user_id, kok_product_id, kok_quantity, request.body.recipe_id ?? null);
      describeEvent(request, { kok_product_id, kok_quantity, kok_cart_id: added.kok_cart_id, recipe_id: added.recipe_id });
      return reply.code(201).send({ kok_cart_id: added.kok_cart_id, message: added.message });
    },
  );

  app.get(
    '/api/kok/carts',
    {
      ...kit({ access: 'user', event: 'kok_cart_items_view', failText: MSG.cartViewFailed }),
      schema: { tags, querystring: CartQuery, response: { 200: CartListOut, ...errorResponses(401, 422, 500) } },
    },
    async (request) => {
      const limit = request.query.limit;
      const items = await s.cart.lines(userOf(request).user_id, limit);
      describeEvent(request, { limit, item_count: items.length });
      return { cart_items: items };
    },
  );

  app.patch(
    '/api/kok/carts/:kok_cart_id',
    {
      ...kit({ access: 'user', event: 'kok_cart_update', failText: MSG.cartUpdateFailed }),
      schema: { tags, params: CartIdParams, body: CartUpdateIn, response: { 200: CartUpdateOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request) => {
      const id = request.params.kok_cart_id;
      const quantity = request.body.kok_quantity;
      await s.cart.setQuantity(userOf(request).user_id, id, quantity);
      describeEvent(request, { kok_cart_id: id, quantity });
      return { kok_cart_id: id, kok_quantity: quantity, message: MSG.cartQuantitySet(quantity) };
    },
  );

  app.delete(
    '/api/kok/carts/:kok_cart_id',
    {
      ...kit({ access: 'user', event: 'kok_cart_delete', failText: MSG.cartDeleteFailed }),
      schema: { tags, params: CartIdParams, response: { 200: MessageOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request) => {
      const id = request.params.kok_cart_id;
      await s.cart.remove(userOf(request).user_id, id);
      describeEvent(request, { kok_cart_id: id });
      return { message: MSG.cartDeleted };
    },
  );
}
