// HTTP routes of the log service (§3). Writes and reads need a token and touch only the caller's events.
import { Type } from 'typebox';
import { userOf } from '../../platform/http/auth-guard.js';
import { BadRequestError, ForbiddenError, RequestValidationError } from '../../platform/http/errors.js';
import { kit } from '../../platform/http/route-kit.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { LOG_MESSAGES as MSG } from './messages.js';
import { ActivityIn, ActivityOut, EventLogIn, EventLogOut, LogDescriptorOut, LogHealthOut } from './schemas.js';
import type { LogService } from './service.js';

/** Log bodies are small; anything larger is refused before parsing (413). */
const LOG_BODY_LIMIT = 16 * 1024;
const tags = ['log'];

/** ISO-8601 → Date; a naive value is UTC wall-clock, an offset is converted. */
function parseDateTime(field: string, value: string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const naive = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value);
  const date = new Date(naive ? `${value.replace(' ', 'T')}Z` : value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new RequestValidationError([
      { type: 'datetime_from_date_parsing', loc: ['body', field], msg: 'Input should be a valid datetime', input: value },
    ]);
  }
  return date;
}

export function logRoutes(app: App, service: LogService): void {
  app.get('/api/log/user/event/health', { schema: { tags, response: { 200: LogHealthOut } } }, async () => ({
    status: 'healthy',
    service: 'log',
    message: MSG.healthy,
  }));

  app.get('/api/log/user/event', { schema: { tags, response: { 200: LogDescriptorOut } } }, async () => ({
    status: 'available',
    service: 'log',
    message: MSG.available,
    endpoints: { 'GET /health': MSG.endpointHealth, 'POST /': MSG.endpointWrite, 'GET /user/{user_id}': MSG.endpointRead },
  }));

  app.post(
    '/api/log/user/event',
    {
      bodyLimit: LOG_BODY_LIMIT,
      ...kit({ access: 'user' }),
      schema: { tags, body: EventLogIn, response: { 201: EventLogOut, ...errorResponses(400, 401, 403, 413, 422) } },
    },
    async (request, reply) => {
      const body = request.body;
      if (body.user_id < 0) throw new BadRequestError(MSG.negativeUserId);
      if (body.event_type.trim() === '') throw new BadRequestError(MSG.missingEventType);
      if (body.user_id !== userOf(request).user_id) throw new ForbiddenError(MSG.writeAction);
      const row = await service.write({
        userId: body.user_id,
        type: body.event_type,
        data: body.event_data === undefined ? {} : (body.event_data as Record<string, unknown> | null),
        method: body.http_method ?? null,
        url: body.api_url ?? null,
        requestTime: parseDateTime('request_time', body.request_time),
        responseTime: parseDateTime('response_time', body.response_time),
        code: body.response_code ?? null,
        ip: body.client_ip ?? null,
      });
      return reply.code(201).send(row);
    },
  );

  app.get(
    '/api/log/user/event/:user_id',
    {
      ...kit({ access: 'user' }),
      schema: {
        tags,
        params: Type.Object({ user_id: Type.Integer() }),
        response: { 200: Type.Array(EventLogOut), ...errorResponses(401, 403, 422) },
      },
    },
    async (request) => {
      if (request.params.user_id !== userOf(request).user_id) throw new ForbiddenError(MSG.readAction);
      return service.recent(request.params.user_id);
    },
  );

  app.post(
    '/api/log/user/activity',
    {
      bodyLimit: LOG_BODY_LIMIT,
      ...kit({ access: 'user' }),
      schema: { tags, body: ActivityIn, response: { 201: ActivityOut, ...errorResponses(401, 413, 422) } },
    },
    async (request, reply) => {
      const userId = userOf(request).user_id;
      const body = request.body;
      const base = { user_id: userId, action: body.action, path: body.path ?? null, label: body.label ?? null };
      try {
        const { logId, timestamp } = await service.activity(userId, {
          action: body.action,
          path: body.path ?? null,
          label: body.label ?? null,
          timestamp: body.timestamp ?? null,
          extra: (body.extra_data as Record<string, unknown> | null | undefined) ?? null,
        });
        return reply.code(201).send({ message: MSG.activityLogged, ...base, timestamp, logged: true, log_id: logId, error: null });
      } catch (err) {
        // The client fires and forgets: storage trouble is reported in the body, never as an error status.
        request.log.warn({ err }, 'activity log not stored');
        return reply.code(201).send({
          message: MSG.activityFailed,
          ...base,
          timestamp: body.timestamp ?? '',
          logged: false,
          log_id: null,
          error: MSG.storeUnavailable,
        });
      }
    },
  );
}
