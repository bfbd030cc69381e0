// The Fastify instance with every cross-cutting concern: JSON logs with redaction, request ids, CORS,
// security headers, form bodies, rate limiting, OpenAPI + Swagger UI, metrics and the error mapping.
import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../../config.js';
import { installMetrics } from '../metrics/metrics.js';
import { installErrorHandling } from './error-handler.js';
import { RateLimitedError } from './errors.js';
import { ErrorBody, ValidationErrorBody } from './schemas.js';

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-payment-signature"]',
  'body.password',
  'password',
];

export interface ServerOptions {
  config: Config;
  logger: FastifyBaseLogger;
  /** Shared rate-limit counters across instances when Redis is configured. */
  redis: Redis | null;
  keyPrefix: string;
}

export async function createServer({ config, logger, redis, keyPrefix }: ServerOptions): Promise<App> {
  const app = Fastify({
    loggerInstance: logger,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: config.trustedProxies,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
    // Malformed URLs and the like are answered in the contract's error format too.
    frameworkErrors: (_error, _request, reply) => {
      void (reply as FastifyReply).code(400).send({ detail: '잘못된 요청입니다.' });
    },
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: true, useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  installErrorHandling(app);
  app.addSchema(ErrorBody);
  app.addSchema(ValidationErrorBody);

  await app.register(helmet, {
    // Swagger UI needs inline scripts/styles; the API itself only serves JSON.
    contentSecurityPolicy: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  await app.register(cors, {
    origin: config.corsOrigins,
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    maxAge: 600,
    strictPreflight: false,
  });
  await app.register(formbody);
  // OAuth2 password forms may also arrive as multipart/form-data; fields only, no files.
  await app.register(multipart, { attachFieldsToBody: 'keyValues', limits: { files: 0, fields: 20, fieldSize: 16 * 1024 } });
  await app.register(rateLimit, {
    global: false,
    redis: redis ?? undefined,
    nameSpace: `${keyPrefix}:ratelimit:`,
    skipOnError: true,
    errorResponseBuilder: (_request, context) => {
      const err = new RateLimitedError(Math.max(1, Math.ceil(context.ttl / 1000)));
      return Object.assign(err, { statusCode: 429 });
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: config.appName, version: config.version, description: 'U+콕 / 홈쇼핑 / 레시피 추천 API' },
      components: {
        securitySchemes: {
          OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { tokenUrl: '/api/user/login', scopes: {} } } },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: false });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // The original also served ReDoc; the page loads its viewer script from the ReDoc CDN in the browser.
  app.get('/redoc', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html><head><meta charset="utf-8"><title>${config.appName} - ReDoc</title></head><body>` +
          '<redoc spec-url="/openapi.json"></redoc><script src="https://cdn.redoc.ly/redoc/latest/bundles/redoc.standalone.js"></script></body></html>',
      ),
  );
  installMetrics(app);
  return app;
}
