// The Fastify instance with every cross-cutting concern: JSON logs with redaction, request ids, CORS,
// security headers, form bodies, rate limiting, OpenAPI + Swagger UI, metrics, connection timeouts, what a
// request may hold (column bounds, storable text, JSON depth) and the error mapping.
import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../../config.js';
import { installMetrics } from '../metrics/metrics.js';
import { installColumnBounds } from './bounds.js';
import { installOwnHost } from './client-info.js';
import { installErrorHandling } from './error-handler.js';
import { installJsonBodyParser } from './json-body.js';
import { clientErrorHandler, installDrainingAnswer } from './protocol-errors.js';
import { registerRateLimit } from './rate-limit.js';
import { ErrorBody, ValidationErrorBody } from './schemas.js';
import { installStorableValuesCheck } from './storable-values.js';

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

/** How often Node looks for requests past their header/request timeout (its default, 30 s, would double them). */
const TIMEOUT_CHECK_INTERVAL_MS = 1000;

export async function createServer({ config, logger, redis, keyPrefix }: ServerOptions): Promise<App> {
  const { requestTimeoutMs, headersTimeoutMs, keepAliveTimeoutMs, connectionTimeoutMs } = config.http;
  const app = Fastify({
    loggerInstance: logger,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: config.trustedProxies,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: 'idle',
    http: { connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS },
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    connectionTimeout: connectionTimeoutMs,
    clientErrorHandler,
    // A draining instance answers in the contract's form (installDrainingAnswer), not Fastify's own body.
    return503OnClosing: false,
    routerOptions: { ignoreTrailingSlash: true },
    // Malformed URLs and the like are answered in the contract's error format too.
    frameworkErrors: (_error, _request, reply) => {
      void (reply as FastifyReply).code(400).send({ detail: '잘못된 요청입니다.' });
    },
    // strictNumbers: Infinity and NaN (which `1e400` or "Infinity" coerce to) are not numbers.
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: true, useDefaults: true, strictNumbers: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Node requires headersTimeout ≤ requestTimeout.
  app.server.headersTimeout = Math.min(headersTimeoutMs, requestTimeoutMs);

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  installErrorHandling(app);
  installDrainingAnswer(app);
  installColumnBounds(app);
  installJsonBodyParser(app);
  installStorableValuesCheck(app);
  installOwnHost(app, config.host, config.port);
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
  await registerRateLimit(app, redis, keyPrefix);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: config.appName, version: config.version, description: 'U+콕 / 홈쇼핑 / 레시피 추천 API' },
      components: {
        securitySchemes: {
          OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { tokenUrl: '/api/user/login', scopes: {} } } },
          // Operators' and the ETL's routes (cache invalidation): `Authorization: Bearer $SERVICE_AUTH_TOKEN`.
          ServiceToken: { type: 'http', scheme: 'bearer' },
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
  installMetrics(app, { token: config.metricsToken });
  return app;
}
