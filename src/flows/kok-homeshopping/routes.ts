// GET /api/kok/product/homeshopping-recommend (api spec §4.21): mounted by the flow, since it spans two modules.
import { RecommendOut, RecommendQuery } from '../../modules/kok/schemas.js';
import { userOf } from '../../platform/http/auth-guard.js';
import { describeEvent, kit } from '../../platform/http/route-kit.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { RECOMMEND_MESSAGES as MSG } from './messages.js';
import { RECOMMEND_ALGORITHM, type KokHomeshoppingRecommender } from './recommend.js';

export function kokHomeshoppingRoutes(app: App, recommender: KokHomeshoppingRecommender): void {
  app.get(
    '/api/kok/product/homeshopping-recommend',
    {
      ...kit({ access: 'user', event: 'kok_homeshopping_recommendation', failText: MSG.failed }),
      schema: { tags: ['kok'], querystring: RecommendQuery, response: { 200: RecommendOut, ...errorResponses(400, 401, 422, 500) } },
    },
    async (request) => {
      const k = request.query.k;
      const { body, counts } = await recommender.forUser(userOf(request).user_id, k);
      describeEvent(request, {
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
