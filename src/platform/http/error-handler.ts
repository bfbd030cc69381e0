// Maps every failure to the contract's JSON bodies once: HttpError → {"detail": text}, validation → 422 list,
// malformed bodies → 4xx, anything else → 500 with a generic Korean text (never internals).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import FindMyWay from 'find-my-way';
import { HttpError, INTERNAL_ERROR_DETAIL, RequestValidationError } from './errors.js';
import { maskedItem, toValidationItems } from './validation.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function sendHttpError(reply: FastifyReply, err: HttpError): FastifyReply {
  return reply.code(err.statusCode).headers(err.headers).send({ detail: err.detail });
}

/**
 * Set once the request has been read and validated (multipart bodies are read in a preValidation hook); a failure
 * without a status before that point came from reading what the client sent.
 */
const BODY_READ = Symbol('uhok.bodyRead');
type Marked = FastifyRequest & { [BODY_READ]?: true };

/** True when the failure is the server's own (answered 500), false when the request itself was at fault. */
export function isServerFault(error: FastifyError, request: FastifyRequest): boolean {
  if (error instanceof HttpError) return error.statusCode >= 500;
  if (error instanceof RequestValidationError || error.validation) return false;
  if (error.statusCode !== undefined) return error.statusCode >= 500;
  return (request as Marked)[BODY_READ] === true;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    (request as Marked)[BODY_READ] = true;
  });

  // A shadow router of every route, to tell "wrong method" (405) from "no such path" (404).
  const routes = FindMyWay({ ignoreTrailingSlash: true });
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) if (m !== 'HEAD' && m !== 'OPTIONS') routes.on(m as 'GET', route.url, () => undefined);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const allowed = METHODS.filter((m) => m !== request.method && routes.find(m, path));
    if (allowed.length > 0 && !routes.find(request.method as 'GET', path)) {
      return reply.code(405).header('allow', allowed.join(', ')).send({ detail: 'Method Not Allowed' });
    }
    return reply.code(404).send({ detail: 'Not Found' });
  });

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpError) return sendHttpError(reply, error);
    if (error instanceof RequestValidationError) return reply.code(422).send({ detail: error.items.map(maskedItem) });
    if (error.validation) {
      const context = error.validationContext ?? 'body';
      const data = context === 'body' ? request.body : context === 'querystring' ? request.query : context === 'params' ? request.params : request.headers;
      return reply.code(422).send({ detail: toValidationItems(error.validation, context, data) });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.code(422).send({
          detail: [{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {}, ctx: { error: error.message } }],
        });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.code(415).send({ detail: '지원하지 않는 Content-Type입니다.' });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send({ detail: '요청 본문이 너무 큽니다.' });
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return reply.code(400).send({ detail: '잘못된 요청입니다.' });
      default:
        break;
    }
    // A body parser failing without a status (e.g. a multipart body without a boundary) is a bad request.
    const status = error.statusCode ?? (isServerFault(error, request) ? 500 : 400);
    if (status >= 400 && status < 500) {
      // Framework-level client errors (bad URL encoding, rate limit, …) keep their status with a JSON detail.
      return reply.code(status).send({ detail: status === 429 ? error.message : '잘못된 요청입니다.' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ detail: INTERNAL_ERROR_DETAIL });
  });
}
