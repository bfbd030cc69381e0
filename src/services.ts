// The composition root: builds every module's services from the context and wires what one module asks of
// another. No HTTP here: the API role mounts routes on these (app.ts), the worker role only consumes their jobs.
import type { Context } from './context.js';
import { HomeshoppingKokRecommender } from './flows/homeshopping-kok/recommend.js';
import { KokHomeshoppingRecommender } from './flows/kok-homeshopping/recommend.js';
import { createHomeshoppingServices, type HomeshoppingServices } from './modules/homeshopping/module.js';
import { REMINDER_PERIOD_MS } from './modules/homeshopping/reminders.js';
import { createKokServices, type KokServices } from './modules/kok/module.js';
import { EventLog } from './modules/log/events.js';
import { LogRepo } from './modules/log/repo.js';
import { LogService } from './modules/log/service.js';
import { createOrderServices, type OrderServices } from './modules/order/module.js';
import { createRecipeServices, type RecipeServices } from './modules/recipe/module.js';
import { UserRepo } from './modules/user/repo.js';
import { UserService } from './modules/user/service.js';
import { JwtService } from './platform/auth/jwt.js';
import { tablesOf } from './platform/db/connect.js';
import type { HomeshoppingTables } from './modules/homeshopping/tables.js';
import type { KokTables } from './modules/kok/tables.js';
import type { OrderTables } from './modules/order/tables.js';
import type { RecipeTables } from './modules/recipe/tables.js';
import { seedHomeshoppingDemo } from './seed/homeshopping-demo.js';

export interface Services {
  users: UserService;
  events: EventLog;
  logs: LogService;
  kok: KokServices;
  homeshopping: HomeshoppingServices;
  orders: OrderServices;
  recipes: RecipeServices;
  /** Flows: work that spans modules. */
  flows: { kokHomeshopping: KokHomeshoppingRecommender; homeshoppingKok: HomeshoppingKokRecommender };
}

const HOUR_MS = 3_600_000;

/**
 * Upkeep on a schedule, run once per period across all instances (it fires where the job runner was started):
 * purging blacklist rows past their token's expiry, home-shopping broadcast reminders, and in the embedded demo,
 * keeping today's schedule filled.
 */
function declareSchedules(ctx: Context, services: Services): void {
  ctx.jobs.schedule({
    name: 'blacklist-purge',
    everyMs: 6 * HOUR_MS,
    handle: async () => {
      const rows = await services.users.purgeExpiredTokens();
      if (rows > 0) ctx.logger.info({ rows }, 'expired blacklist rows purged');
    },
  });
  ctx.jobs.schedule({
    name: 'homeshopping-broadcast-reminders',
    everyMs: REMINDER_PERIOD_MS,
    // The injected clock, not the planned fire time: the window is the clock's "now" in KST.
    handle: async () => {
      const { due, sent } = await services.homeshopping.reminders.run(ctx.clock.now());
      if (sent.length > 0) ctx.logger.info({ due, sent }, 'broadcast reminders sent');
    },
  });
  if (ctx.config.embedded) {
    ctx.jobs.schedule({
      name: 'homeshopping-demo-refresh',
      everyMs: HOUR_MS,
      handle: async () => {
        const db = tablesOf(ctx.dbs.service).owned<HomeshoppingTables>();
        const { slots } = await seedHomeshoppingDemo(db, { now: ctx.clock.now(), imageBase: ctx.config.publicBaseUrl });
        if (slots > 0) ctx.logger.info({ slots }, 'demo home-shopping schedule extended');
      },
    });
  }
}

export function createServices(ctx: Context): Services {
  const { dbs, cache, clock, config } = ctx;
  const logRepo = new LogRepo(dbs.log);
  const events = new EventLog(ctx.jobs, logRepo, (err) => ctx.logger.warn({ err }, 'event not stored'));
  const users = new UserService(new UserRepo(dbs.auth), new JwtService(config.jwt.secret, config.jwt.expireMinutes), cache, clock);
  const service = tablesOf(dbs.service);
  const orders = createOrderServices(service.owned<OrderTables>());
  const recipes = createRecipeServices(service.owned<RecipeTables>());
  const homeshopping = createHomeshoppingServices(service.owned<HomeshoppingTables>(), cache, clock);
  const kok = createKokServices(service.owned<KokTables>(), cache, clock, {
    orderedPriceIds: orders.orderedKokPriceIds,
    recipeExists: recipes.exists,
  });
  const services: Services = {
    users,
    events,
    logs: new LogService(events, logRepo, clock),
    kok,
    homeshopping,
    orders,
    recipes,
    flows: {
      kokHomeshopping: new KokHomeshoppingRecommender(kok.interest, homeshopping.catalog, clock),
      homeshoppingKok: new HomeshoppingKokRecommender(homeshopping.catalog, kok.hsCandidates, cache),
    },
  };
  declareSchedules(ctx, services);
  return services;
}
