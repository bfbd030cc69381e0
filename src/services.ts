// The composition root: builds every module's services from the context and wires what one module asks of
// another. No HTTP here: the API role mounts routes on these (app.ts), the worker role only consumes their jobs.
import type { Context } from './context.js';
import { HsOrderFlow } from './flows/checkout/hs-order.js';
import { KokCheckout } from './flows/checkout/kok-checkout.js';
import { HomeshoppingKokRecommender } from './flows/homeshopping-kok/recommend.js';
import { KokHomeshoppingRecommender } from './flows/kok-homeshopping/recommend.js';
import { createHomeshoppingServices, type HomeshoppingServices } from './modules/homeshopping/module.js';
import { REMINDER_PERIOD_MS } from './modules/homeshopping/reminders.js';
import { createKokServices, type KokServices } from './modules/kok/module.js';
import { EventLog } from './modules/log/events.js';
import { LogRepo } from './modules/log/repo.js';
import { LogService } from './modules/log/service.js';
import { createOrderServices, type OrderServices } from './modules/order/module.js';
import { createPaymentServices, type PaymentServices } from './modules/payment/module.js';
import { createRecipeServices, type RecipeServices } from './modules/recipe/module.js';
import { UserRepo } from './modules/user/repo.js';
import { UserService } from './modules/user/service.js';
import type { Transaction } from 'kysely';
import { JwtService } from './platform/auth/jwt.js';
import { tablesOf } from './platform/db/connect.js';
import { inTransaction } from './platform/db/unit-of-work.js';
import type { HomeshoppingTables } from './modules/homeshopping/tables.js';
import type { KokTables } from './modules/kok/tables.js';
import type { OrderTables } from './modules/order/tables.js';
import type { PaymentTables } from './modules/payment/tables.js';
import type { RecipeTables } from './modules/recipe/tables.js';
import { seedHomeshoppingDemo } from './seed/homeshopping-demo.js';

export interface Services {
  users: UserService;
  events: EventLog;
  logs: LogService;
  kok: KokServices;
  homeshopping: HomeshoppingServices;
  orders: OrderServices;
  payments: PaymentServices;
  recipes: RecipeServices;
  /** Flows: work that spans modules. */
  flows: { kokHomeshopping: KokHomeshoppingRecommender; homeshoppingKok: HomeshoppingKokRecommender; kokCheckout: KokCheckout; hsOrder: HsOrderFlow };
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
  ctx.jobs.schedule({
    name: 'order-progression',
    everyMs: Math.max(1000, Math.floor(ctx.config.orders.progressionStepMs / 2)),
    handle: async () => {
      const steps = await services.orders.progression.run(ctx.clock.now());
      if (steps > 0) ctx.logger.info({ steps }, 'order lines progressed');
    },
  });
  ctx.jobs.schedule({
    name: 'order-stale-payment-cancel',
    everyMs: 60_000,
    handle: async () => {
      const cancelled = await services.orders.staleCancellation.run(ctx.clock.now());
      if (cancelled.length > 0) ctx.logger.warn({ cancelled }, 'stale PAYMENT_REQUESTED orders cancelled');
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
  const recipes = createRecipeServices(service.owned<RecipeTables>());
  const homeshopping = createHomeshoppingServices(service.owned<HomeshoppingTables>(), cache, clock);
  // KOK and orders ask each other (store-best reads orders, order listings show KOK products): the ports are late
  // bound closures, so neither module is built inside the other.
  const kok: KokServices = createKokServices(service.owned<KokTables>(), cache, clock, {
    orderedPriceIds: (userId) => orders.orderedKokPriceIds(userId),
    recipeExists: recipes.exists,
  });
  const orders: OrderServices = createOrderServices(service.owned<OrderTables>(), clock, config.orders, {
    catalog: { kokProducts: kok.productFacts, hsProducts: (ids) => homeshopping.catalog.productFacts(ids), recipes: recipes.summaries },
    // Both tables live in SERVICE_DB: the home-shopping insert runs on the status change's own transaction.
    notifyHs: (notice, trx) => homeshopping.notifyOrderStatus(notice, trx as unknown as Transaction<HomeshoppingTables>),
  });
  // The payment's transaction is a SERVICE_DB one: the order steps run on it.
  const asOrderTrx = (trx: Transaction<PaymentTables>) => trx as unknown as Transaction<OrderTables>;
  const payments = createPaymentServices({
    db: service.owned<PaymentTables>(),
    clock,
    pubsub: ctx.pubsub,
    logger: ctx.logger,
    config,
    orders: {
      cancelIfStale: (orderId, userId) => orders.payments.cancelIfStale(orderId, userId),
      lock: (orderId, trx) => orders.payments.lock(orderId, asOrderTrx(trx)),
      request: (orderId, userId, trx) => orders.payments.request(orderId, userId, asOrderTrx(trx)),
      settle: (orderId, outcome, trx) => orders.payments.settle(orderId, outcome, asOrderTrx(trx)),
    },
  });
  const services: Services = {
    users,
    events,
    logs: new LogService(events, logRepo, clock),
    kok,
    homeshopping,
    orders,
    payments,
    recipes,
    flows: {
      kokHomeshopping: new KokHomeshoppingRecommender(kok.interest, homeshopping.catalog, clock),
      homeshoppingKok: new HomeshoppingKokRecommender(homeshopping.catalog, kok.hsCandidates, cache),
      // Checkout spans the cart and the orders: one SERVICE_DB transaction that both modules join.
      kokCheckout: new KokCheckout(kok, orders, (work) => inTransaction(service.owned<KokTables & OrderTables>().kysely, work)),
      hsOrder: new HsOrderFlow(homeshopping, orders, (work) => inTransaction(service.owned<OrderTables>().kysely, work)),
    },
  };
  if (ctx.config.schedules) declareSchedules(ctx, services);
  return services;
}
