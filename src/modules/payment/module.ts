// Builds the payment module: confirm v2 and its webhook, on the durable transaction row, the payment server's
// client and the cross-instance settlement waiter.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/connect.js';
import type { App } from '../../platform/http/server.js';
import type { PubSub } from '../../platform/pubsub/pubsub.js';
import { HttpPaymentServer, type PaymentServer } from './client.js';
import { ConfirmService } from './confirm-service.js';
import { ConfirmV1Service } from './confirm-v1-service.js';
import { LegacyPaymentServer } from './legacy-client.js';
import type { PaymentOrders } from './ports.js';
import { PaymentRepo } from './repo.js';
import { paymentRoutes } from './routes.js';
import { SettlementWaiter } from './settlement-waiter.js';
import type { PaymentTables } from './tables.js';
import { WebhookService } from './webhook-service.js';

export interface PaymentServices {
  confirm: ConfirmService;
  confirmV1: ConfirmV1Service;
  webhook: WebhookService;
}

export interface PaymentDeps {
  db: Db<PaymentTables>;
  clock: Clock;
  pubsub: PubSub;
  logger: FastifyBaseLogger;
  /** Read at each call: the embedded mode fills the URLs in once its simulator and server listen. */
  config: Config;
  orders: PaymentOrders;
}

const MISSING_URL = 'http://127.0.0.1:1';
const V1_POLLS = 30;

export function createPaymentServices({ db, clock, pubsub, logger, config, orders }: PaymentDeps): PaymentServices {
  const repo = new PaymentRepo(db);
  const waiter = new SettlementWaiter(pubsub);
  // An unset URL is unreachable: the confirm answers 503 and the order is left to the stale cancellation.
  const server: PaymentServer = new HttpPaymentServer(() => config.payment.serverUrl2 ?? MISSING_URL, config.serviceAuthToken, config.payment.createTimeoutMs);
  return {
    confirm: new ConfirmService(repo, orders, server, waiter, clock, {
      webhookBaseUrl: () => config.payment.webhookBaseUrl ?? `http://127.0.0.1:${config.port}`,
      waitMs: () => config.payment.waitTimeoutMs,
    }),
    confirmV1: new ConfirmV1Service(repo, orders, new LegacyPaymentServer(() => config.payment.serverUrl ?? MISSING_URL), clock, {
      intervalMs: () => config.payment.v1PollIntervalMs,
      attempts: V1_POLLS,
    }),
    webhook: new WebhookService(repo, orders, waiter, clock, () => ({ secret: config.payment.webhookSecret, serviceToken: config.serviceAuthToken }), logger),
  };
}

export function paymentsRoutes(app: App, payments: PaymentServices): void {
  paymentRoutes(app, payments);
}
