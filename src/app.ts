// The API role: the Fastify app with the platform's cross-cutting parts and the route kit, then each module's and
// flow's routes on the services built by services.ts. Nothing else.
import type { Context } from './context.js';
import { checkoutRoutes } from './flows/checkout/routes.js';
import { homeshoppingKokRoutes } from './flows/homeshopping-kok/routes.js';
import { kokHomeshoppingRoutes } from './flows/kok-homeshopping/routes.js';
import { demoMediaRoutes } from './modules/demo-media/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { homeshoppingRoutes } from './modules/homeshopping/module.js';
import { kokRoutes } from './modules/kok/module.js';
import { logRoutes } from './modules/log/routes.js';
import { ordersRoutes } from './modules/order/module.js';
import { paymentsRoutes } from './modules/payment/module.js';
import { userRoutes } from './modules/user/routes.js';
import { installRouteKit } from './platform/http/route-kit.js';
import { createServer, type App } from './platform/http/server.js';
import type { Services } from './services.js';

export async function buildApp(ctx: Context, services: Services): Promise<App> {
  const app = await createServer({ config: ctx.config, logger: ctx.logger, redis: ctx.redis, keyPrefix: ctx.keyPrefix });
  installRouteKit(app, {
    auth: services.users,
    events: services.events,
    serviceToken: ctx.config.serviceAuthToken,
    clock: ctx.clock,
    onEventDropped: (err) => services.events.notQueued(err),
  });

  healthRoutes(app, { ...ctx, version: ctx.config.version });
  userRoutes(app, services.users, ctx.config);
  logRoutes(app, services.logs);
  kokRoutes(app, services.kok);
  kokHomeshoppingRoutes(app, services.flows.kokHomeshopping);
  demoMediaRoutes(app);
  homeshoppingRoutes(app, services.homeshopping);
  homeshoppingKokRoutes(app, services.flows.homeshoppingKok);
  ordersRoutes(app, services.orders, ctx.clock);
  checkoutRoutes(app, services.flows);
  paymentsRoutes(app, services.payments);
  return app;
}
