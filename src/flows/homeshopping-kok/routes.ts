// GET /api/homeshopping/product/{product_id}/kok-recommend and its cache invalidation (api spec §5.4, §5.6):
// mounted by the flow, since the answer spans the home-shopping and KOK catalogues.
import { Type } from 'typebox';
import { ProductIdParams } from '../../modules/homeshopping/schemas.js';
import { kit } from '../../platform/http/route-kit.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { HS_KOK_MESSAGES as MSG } from './messages.js';
import type { HomeshoppingKokRecommender } from './recommend.js';

const tags = ['homeshopping'];

const RecommendOut = Type.Object({
  products: Type.Array(
    Type.Object({
      kok_product_id: Type.Integer(),
      kok_thumbnail: Type.String(),
      kok_discount_rate: Type.Integer(),
      kok_discounted_price: Type.Integer(),
      kok_product_name: Type.String(),
      kok_store_name: Type.String(),
    }),
  ),
});
const InvalidateQuery = Type.Object({ product_id: Type.Optional(ProductIdParams.properties.product_id) });
const InvalidateOut = Type.Object({ message: Type.String(), deleted_count: Type.Integer() });

export function homeshoppingKokRoutes(app: App, recommender: HomeshoppingKokRecommender): void {
  // No event (api spec §8) and no 500 text: a failure answers an empty list, never made-up products (§11.7).
  app.get(
    '/api/homeshopping/product/:product_id/kok-recommend',
    {
      ...kit({ access: 'optional' }),
      schema: { tags, params: ProductIdParams, response: { 200: RecommendOut, ...errorResponses(422) } },
    },
    async (request) => {
      try {
        return { products: await recommender.forProduct(request.params.product_id) };
      } catch (err) {
        request.log.error({ err }, 'home-shopping → KOK recommendation failed');
        return { products: [] };
      }
    },
  );

  app.post(
    '/api/homeshopping/cache/invalidate/kok-recommend',
    {
      ...kit({ access: 'service', failText: MSG.cacheInvalidateFailed }),
      schema: { tags, querystring: InvalidateQuery, response: { 200: InvalidateOut, ...errorResponses(401, 422, 500, 503) } },
    },
    async (request) => ({ message: MSG.cacheInvalidated, deleted_count: await recommender.invalidate(request.query.product_id) }),
  );
}
