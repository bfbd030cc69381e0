// Route options shared by the KOK route files: tags, security and the per-endpoint 500 text of the contract.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isServerFault } from '../../platform/http/error-handler.js';
import { HttpError } from '../../platform/http/errors.js';
import type { App } from '../../platform/http/server.js';

export const tags = ['kok'];
export const bearer: Array<Record<string, string[]>> = [{ OAuth2PasswordBearer: [] }];
/** Optional authentication: anonymous or bearer. */
export const optionalBearer: Array<Record<string, string[]>> = [{}, { OAuth2PasswordBearer: [] }];

/**
 * A route error handler that answers unexpected failures with the endpoint's fixed Korean 500 text (api spec §4)
 * instead of the generic one, logging the cause; every other error goes to the application's handler.
 */
export function failsWith(app: App, detail: string) {
  return {
    errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
      // Client faults and deliberate HTTP errors (503 included) keep their own answer.
      if (error instanceof HttpError || !isServerFault(error, request)) return app.errorHandler(error, request, reply);
      request.log.error({ err: error }, detail);
      return reply.code(500).send({ detail });
    },
  };
}
