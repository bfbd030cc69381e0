// HTTP routes of a signed-in shopper's home-shopping likes (api spec §5.12, §5.13).
import { userOf } from '../../platform/http/auth-guard.js';
import { describeEvent, kit } from '../../platform/http/route-kit.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import type { HsLikesService } from './likes-service.js';
import { HS_MESSAGES as MSG } from './messages.js';
import { LikesOut, LikesQuery, LikeToggleIn, LikeToggleOut } from './schemas.js';

const tags = ['homeshopping'];

export function likesRoutes(app: App, likes: HsLikesService): void {
  app.post(
    '/api/homeshopping/likes/toggle',
    {
      ...kit({ access: 'user', event: 'homeshopping_likes_toggle', failText: MSG.likeToggleFailed }),
      schema: { tags, body: LikeToggleIn, response: { 200: LikeToggleOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request) => {
      const liveId = request.body.live_id;
      const liked = await likes.toggle(userOf(request).user_id, liveId);
      describeEvent(request, { live_id: liveId, liked });
      return { liked, message: liked ? MSG.liked : MSG.unliked };
    },
  );

  app.get(
    '/api/homeshopping/likes',
    {
      ...kit({ access: 'user', event: 'homeshopping_liked_products_view', failText: MSG.likesViewFailed }),
      schema: { tags, querystring: LikesQuery, response: { 200: LikesOut, ...errorResponses(401, 422, 500) } },
    },
    async (request) => {
      const liked = await likes.list(userOf(request).user_id, request.query.limit);
      describeEvent(request, { liked_products_count: liked.length });
      return { liked_products: liked };
    },
  );
}
