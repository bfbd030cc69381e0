// The route kit: a route declares `kit({ access, event, failText })` once, and one set of hooks turns it into the
// auth guard, the OpenAPI security entry, the endpoint's fixed 500 text and its request event, written after the
// response with the real status code and latency.
import type { FastifyError, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Clock } from '../clock/clock.js';
import type { EventSink } from '../events.js';
import type { Authenticator } from './auth-guard.js';
import { clientIp, requestUrl } from './client-info.js';
import { isServerFault } from './error-handler.js';
import { HttpError } from './errors.js';
import { serviceTokenGuard } from './guards.js';
import type { App } from './server.js';

/** Who may call a route: anyone, anyone with an optional bearer, a signed-in user, or an operator's service token. */
export type Access = 'public' | 'optional' | 'user' | 'service';

export interface RouteKit {
  access?: Access;
  /** USER_LOG event type written after a successful (2xx) response of a known user. */
  event?: string;
  /** The contract's fixed 500 text of this endpoint; unexpected failures answer it instead of the generic one. */
  failText?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    kit?: RouteKit;
  }
}

/**
 * Route options carrying the declaration: `app.get(url, { ...kit({ access: 'user' }), schema }, handler)`; other
 * route config (e.g. `rateLimit`) rides along in `config`.
 */
export function kit<C extends object>(declaration: RouteKit, config?: C): { config: C & { kit: RouteKit } } {
  return { config: { ...(config as C), kit: declaration } };
}

interface EventDetail {
  data: Record<string, unknown>;
  userId?: number;
}

const EVENT_DETAIL = Symbol('uhok.eventDetail');
type WithEvent = FastifyRequest & { [EVENT_DETAIL]?: EventDetail };

/**
 * The handler's data for the route's declared event. `userId` names the subject when the request itself is not
 * authenticated (sign-up, login, the anonymous e-mail check logs user 0).
 */
export function describeEvent(request: FastifyRequest, data: Record<string, unknown>, userId?: number): void {
  (request as WithEvent)[EVENT_DETAIL] = { data, userId };
}

const SECURITY: Record<Access, Array<Record<string, string[]>> | undefined> = {
  public: undefined,
  optional: [{}, { OAuth2PasswordBearer: [] }],
  user: [{ OAuth2PasswordBearer: [] }],
  service: [{ ServiceToken: [] }],
};

export interface RouteKitDeps {
  auth: Authenticator;
  events: EventSink;
  serviceToken: string | null;
  clock: Clock;
  onEventDropped(err: unknown): void;
}

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** Installs the hooks; must run before the routes are declared. */
export function installRouteKit(app: App, deps: RouteKitDeps): void {
  app.decorateRequest('user', null);
  app.decorateRequest('token', null);
  const guards: Record<Access, Hook | undefined> = {
    public: undefined,
    optional: async (request) => {
      request.user = await deps.auth.optional(request.headers.authorization);
    },
    user: async (request) => {
      const { user, token } = await deps.auth.required(request.headers.authorization);
      request.user = user;
      request.token = token;
    },
    service: serviceTokenGuard(deps.serviceToken),
  };

  app.addHook('onRoute', (route: RouteOptions) => {
    const declared = route.config?.kit;
    if (!declared) return;
    const access = declared.access ?? 'public';
    const guard = guards[access];
    if (guard) route.preHandler = [guard, ...(route.preHandler ? [route.preHandler].flat() : [])];
    const security = SECURITY[access];
    if (security && route.schema) route.schema = { ...route.schema, security } as typeof route.schema;
    if (declared.failText) route.errorHandler = failsWith(app, declared.failText);
  });

  app.addHook('onResponse', async (request, reply) => {
    // Cheapest checks first: most requests (anonymous, failed) stop before the route options are built.
    const detail = (request as WithEvent)[EVENT_DETAIL];
    if (!detail || reply.statusCode >= 400) return;
    const userId = detail.userId ?? request.user?.user_id;
    if (userId === undefined) return;
    const type = request.routeOptions.config?.kit?.event;
    if (!type) return;
    const responseTime = deps.clock.now();
    deps.events
      .record({
        userId,
        type,
        data: detail.data,
        method: request.method,
        url: requestUrl(request),
        requestTime: new Date(responseTime.getTime() - Math.round(reply.elapsedTime)),
        responseTime,
        code: reply.statusCode,
        ip: clientIp(request),
      })
      .catch(deps.onEventDropped);
  });
}

/** Unexpected failures answer the endpoint's fixed text (logged with the cause); everything else the app's answer. */
function failsWith(app: App, detail: string) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    // Client faults and deliberate HTTP errors (503 included) keep their own answer.
    if (error instanceof HttpError || !isServerFault(error, request)) return app.errorHandler(error, request, reply);
    request.log.error({ err: error }, detail);
    return reply.code(500).send({ detail });
  };
}
