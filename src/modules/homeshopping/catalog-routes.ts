// HTTP routes of the home-shopping catalogue (api spec §5.1–5.3, 5.5, 5.7, 5.8): schedule, live stream, product
// page, ingredient check, recipe answer and search. Auth optional; events only for signed-in callers (the kit).
import type { FastifyReply } from 'fastify';
import { describeEvent, kit } from '../../platform/http/route-kit.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { requiredKeyword } from './keyword.js';
import { HS_MESSAGES as MSG } from './messages.js';
import type { HsProductService } from './product-service.js';
import type { HsScheduleService } from './schedule-service.js';
import {
  IngredientCheckOut,
  LiveIdParams,
  LiveStreamOut,
  LiveStreamQuery,
  ProductDetailOut,
  ProductIdParams,
  RecipeRecommendOut,
  ScheduleOut,
  ScheduleQuery,
  SearchOut,
  SearchQuery,
} from './schemas.js';

const tags = ['homeshopping'];

/** A stored JSON answer sent as it is: no parse, no re-serialisation. */
function sendJsonBytes(reply: FastifyReply, bytes: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(bytes);
}

export function catalogRoutes(app: App, schedule: HsScheduleService, products: HsProductService): void {
  app.get(
    '/api/homeshopping/schedule',
    {
      ...kit({ access: 'optional', event: 'homeshopping_schedule_view', failText: MSG.scheduleFailed }),
      schema: { tags, querystring: ScheduleQuery, response: { 200: ScheduleOut, ...errorResponses(422, 500) } },
    },
    async (request, reply) => {
      const { page, size } = request.query;
      const liveDate = request.query.live_date ?? null;
      // Anonymous callers log no event, so a whole cached day is answered as stored, without a parse.
      const cached = !request.user && page === undefined && size === undefined ? await schedule.cachedScheduleJson(liveDate) : undefined;
      if (cached) return sendJsonBytes(reply, cached);
      const { schedules, total } = await schedule.schedule(liveDate, { page, size });
      describeEvent(request, { live_date: liveDate, total_count: total });
      return { schedules };
    },
  );

  app.get(
    '/api/homeshopping/schedule/live-stream',
    {
      ...kit({ access: 'optional', event: 'homeshopping_live_stream_view', failText: MSG.liveStreamLookupFailed }),
      schema: { tags, querystring: LiveStreamQuery, response: { 200: LiveStreamOut, ...errorResponses(400, 404, 422, 500) } },
    },
    async (request) => {
      const { homeshopping_id, src } = request.query;
      const stream = await schedule.liveStream(homeshopping_id, src);
      describeEvent(request, { stream_url: stream.stream_url, homeshopping_id: homeshopping_id ?? null });
      return stream;
    },
  );

  app.get(
    '/api/homeshopping/product/:live_id',
    {
      ...kit({ access: 'optional', event: 'homeshopping_product_detail_view', failText: MSG.productDetailFailed }),
      schema: { tags, params: LiveIdParams, response: { 200: ProductDetailOut, ...errorResponses(404, 422, 500) } },
    },
    async (request, reply) => {
      const liveId = request.params.live_id;
      // Anonymous callers log no event and see no like: a cached page is answered as stored.
      const cached = request.user ? undefined : await products.cachedPageJson(liveId);
      if (cached) return sendJsonBytes(reply, cached);
      const detail = await products.detail(liveId, request.user?.user_id ?? null);
      describeEvent(request, { live_id: liveId });
      return detail;
    },
  );

  // No event (api spec §8).
  app.get(
    '/api/homeshopping/product/:product_id/check',
    {
      ...kit({ access: 'optional', failText: MSG.ingredientCheckFailed }),
      schema: { tags, params: ProductIdParams, response: { 200: IngredientCheckOut, ...errorResponses(422, 500) } },
    },
    async (request) => ({ is_ingredient: await products.isIngredient(request.params.product_id) }),
  );

  // The event is written only once recipes are really looked up (api spec §5.7 step 4), which the recipe module
  // will do; until then the handler describes none.
  app.get(
    '/api/homeshopping/product/:product_id/recipe-recommend',
    {
      ...kit({ access: 'optional', event: 'homeshopping_recipe_recommendation', failText: MSG.recipeRecommendFailed }),
      schema: { tags, params: ProductIdParams, response: { 200: RecipeRecommendOut, ...errorResponses(404, 422, 500) } },
    },
    async (request) => products.recipeRecommendation(request.params.product_id),
  );

  // Writes no search history: the client saves it itself through POST /search/history (api spec §5.8).
  app.get(
    '/api/homeshopping/search',
    {
      ...kit({ access: 'optional', event: 'homeshopping_search', failText: MSG.searchFailed }),
      schema: { tags, querystring: SearchQuery, response: { 200: SearchOut, ...errorResponses(422, 500) } },
    },
    async (request) => {
      const keyword = requiredKeyword(request.query.keyword, 'query');
      const result = await products.search(keyword, { page: request.query.page, size: request.query.size });
      describeEvent(request, { keyword });
      return result;
    },
  );
}
