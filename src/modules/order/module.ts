// Builds the order module: what other modules ask of the orders, the status write path and the read API.
import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/connect.js';
import type { App } from '../../platform/http/server.js';
import { OrderCreation } from './create-service.js';
import { IdempotencyRepo } from './idempotency-repo.js';
import { OrderIdempotency } from './idempotency-service.js';
import type { HsOrderNotifier, OrderCatalog } from './ports.js';
import { OrderPaymentSteps } from './payment-steps.js';
import { OrderProgression } from './progression.js';
import { OrderReadService } from './read-service.js';
import { OrderRepo } from './repo.js';
import { orderRoutes } from './routes.js';
import { shortcutRoutes } from './shortcut-routes.js';
import { OrderShortcuts } from './shortcut-service.js';
import { StatusRepo } from './status-repo.js';
import { OrderStatusService } from './status-service.js';
import { StaleCancellation } from './stale-cancellation.js';
import type { OrderTables } from './tables.js';

export interface OrderServices {
  /** KOK price ids the user has ordered (store-best). */
  orderedKokPriceIds(userId: number): Promise<number[]>;
  status: OrderStatusService;
  /** Order creation inside the caller's transaction (the checkout flows). */
  create: OrderCreation;
  /** Idempotency-Key handling of order creation. */
  idempotency: OrderIdempotency;
  /** The confirm shortcuts and the auto-update gate. */
  shortcuts: OrderShortcuts;
  reads: OrderReadService;
  /** The scheduled jobs' work (services.ts schedules them). */
  progression: OrderProgression;
  staleCancellation: StaleCancellation;
  /** The order side of a payment (the payment module's port). */
  payments: OrderPaymentSteps;
}

/** What the order module asks of other modules; services.ts wires each to its owner. */
export interface OrderPorts {
  catalog: OrderCatalog;
  notifyHs: HsOrderNotifier;
}

export function createOrderServices(db: Db<OrderTables>, clock: Clock, timings: Config['orders'], ports: OrderPorts): OrderServices {
  const repo = new OrderRepo(db);
  const statuses = new StatusRepo(db);
  const status = new OrderStatusService(statuses, clock, ports.notifyHs);
  const staleCancellation = new StaleCancellation(repo, statuses, status, clock, timings.paymentRequestExpiryMs);
  return {
    orderedKokPriceIds: (userId) => repo.orderedKokPriceIds(userId),
    status,
    create: new OrderCreation(db, statuses, clock, ports.notifyHs),
    idempotency: new OrderIdempotency(new IdempotencyRepo(db), clock),
    shortcuts: new OrderShortcuts(repo, statuses, status),
    reads: new OrderReadService(repo, statuses, ports.catalog),
    progression: new OrderProgression(statuses, status, timings.progressionStepMs),
    staleCancellation,
    // The payment steps apply the same stale rule as the sweeper (it keeps no state between runs).
    payments: new OrderPaymentSteps(repo, statuses, status, clock, staleCancellation, timings.paymentRequestExpiryMs),
  };
}

export function ordersRoutes(app: App, orders: OrderServices, clock: Clock): void {
  orderRoutes(app, orders, clock);
  shortcutRoutes(app, orders.shortcuts);
}
