// GET /demo-images/card.svg: the demo catalogue's pictures, drawn from the query alone (no database), cacheable.
import { Type } from 'typebox';
import { kit } from '../../platform/http/route-kit.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { demoCardSvg } from './card.js';

const CardQuery = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 100 }),
  category: Type.String({ maxLength: 30, default: '' }),
});

export function demoMediaRoutes(app: App): void {
  app.get(
    '/demo-images/card.svg',
    { ...kit({ access: 'public' }), schema: {
        tags: ['demo'],
        querystring: CardQuery,
        response: { 200: { description: 'the picture', content: { 'image/svg+xml': { schema: Type.String() } } }, ...errorResponses(422) },
      },
    },
    async (request, reply) =>
      reply
        .type('image/svg+xml; charset=utf-8')
        // The picture is a pure function of its URL.
        .header('cache-control', 'public, max-age=31536000, immutable')
        // Opened directly, an SVG is a document: it may draw, never run anything.
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(demoCardSvg(request.query.title, request.query.category)),
  );
}
