// GET /api/homeshopping/schedule/live-stream/player: the seed's HTML live player page (api spec §9) beside main's
// JSON endpoint, which stays as it is. Same query and checks as the JSON endpoint; a browser that is refused gets
// the reason as a page, any other client the contract's JSON error.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { HttpError } from '../../platform/http/errors.js';
import { describeEvent, kit } from '../../platform/http/route-kit.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { LIVE_PAGE_CSP, renderLiveError, renderLivePlayer } from './live-page.js';
import { livePageAssetRoutes } from './live-page-assets.js';
import { livePlayerView } from './live-page-service.js';
import { HS_MESSAGES as MSG } from './messages.js';
import type { HsProductService } from './product-service.js';
import type { HsScheduleService } from './schedule-service.js';
import { LiveStreamQuery } from './schemas.js';

const HTML = 'text/html; charset=utf-8';

const wantsHtml = (request: FastifyRequest) => /\btext\/html\b/.test(request.headers.accept ?? '');

export function livePageRoutes(app: App, schedule: HsScheduleService, products: HsProductService): void {
  const assets = livePageAssetRoutes(app);
  app.get(
    '/api/homeshopping/schedule/live-stream/player',
    {
      ...kit({ access: 'optional', event: 'homeshopping_live_html_view', failText: MSG.liveStreamLookupFailed }),
      schema: {
        tags: ['homeshopping'],
        summary: 'HTML live player page (hls.js from this server)',
        querystring: LiveStreamQuery,
        response: {
          200: { description: 'the player page', content: { 'text/html': { schema: Type.String() } } },
          ...errorResponses(400, 404, 422, 500),
        },
      },
    },
    async (request, reply) => {
      const { homeshopping_id, src } = request.query;
      // Live metadata changes by the minute; the CSP is the page's own (helmet's global one is off for Swagger UI).
      reply.header('content-security-policy', LIVE_PAGE_CSP).header('cache-control', 'no-store');
      try {
        const view = await livePlayerView(schedule, products, homeshopping_id, src);
        describeEvent(request, { stream_url: view.streamUrl, homeshopping_id: homeshopping_id ?? null });
        return reply.type(HTML).send(renderLivePlayer(view, assets));
      } catch (err) {
        if (err instanceof HttpError && wantsHtml(request)) {
          // The status is the error's own, which the route's typed reply cannot name statically.
          return (reply as FastifyReply).code(err.statusCode).type(HTML).send(renderLiveError(err.detail, assets));
        }
        throw err;
      }
    },
  );
}
