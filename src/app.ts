// Builds the HTTP application from a context: platform server, then each module's routes.
import type { Context } from './context.js';
import { JwtService } from './platform/auth/jwt.js';
import { guards } from './platform/http/auth-guard.js';
import { createServer, type App } from './platform/http/server.js';
import { healthRoutes } from './modules/health/routes.js';
import { createKokServices, kokRoutes, type KokServices } from './modules/kok/module.js';
import { EventLog } from './modules/log/events.js';
import { LogRepo } from './modules/log/repo.js';
import { logRoutes } from './modules/log/routes.js';
import { LogService } from './modules/log/service.js';
import { UserRepo } from './modules/user/repo.js';
import { userRoutes } from './modules/user/routes.js';
import { UserService } from './modules/user/service.js';

/** The module services, exposed for the command line and for tests that need to look behind the HTTP layer. */
export interface Services {
  users: UserService;
  events: EventLog;
  logs: LogService;
  kok: KokServices;
}

export async function buildApp(ctx: Context): Promise<{ app: App; services: Services }> {
  const app = await createServer({ config: ctx.config, logger: ctx.logger, redis: ctx.redis, keyPrefix: ctx.keyPrefix });
  app.decorateRequest('user', null);
  app.decorateRequest('token', null);

  const logRepo = new LogRepo(ctx.dbs.log);
  const events = new EventLog(ctx.jobs, logRepo, ctx.clock, (err) => ctx.logger.warn({ err }, 'event not queued'));
  const logs = new LogService(events, logRepo, ctx.clock);
  const users = new UserService(new UserRepo(ctx.dbs.auth), new JwtService(ctx.config.jwt.secret, ctx.config.jwt.expireMinutes), ctx.cache, ctx.clock);
  const { requireUser, optionalUser } = guards(users);
  const kok = createKokServices(ctx.dbs.service, ctx.cache, ctx.clock);

  healthRoutes(app, ctx);
  userRoutes(app, users, events, requireUser, ctx.config);
  logRoutes(app, logs, requireUser);
  kokRoutes(app, kok, { events, requireUser, optionalUser, serviceToken: ctx.config.serviceAuthToken });

  await ctx.jobs.start();
  return { app, services: { users, events, logs, kok } };
}
