// Confirm v1, the legacy polling flow (api-order-payment §7.1 with the [Fix]es and decision 3): the lines are marked
// PAYMENT_REQUESTED under the order's lock (so v1 needs a payable order, like v2) and committed, the legacy server is
// asked to pay and polled; the outcome is written under the order's lock again, each result committed before the
// answer. Errors keep their own status codes.
import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock/clock.js';
import { inTransaction, type Executor } from '../../platform/db/unit-of-work.js';
import { BadRequestError, HttpError } from '../../platform/http/errors.js';
import { naiveIso } from '../../platform/http/schemas.js';
import type { LegacyPaymentServer, LegacyStatus } from './legacy-client.js';
import { PAYMENT_MESSAGES as MSG } from './messages.js';
import type { PaymentOrders, Settlement } from './ports.js';
import type { PaymentRepo } from './repo.js';
import type { PaymentTables } from './tables.js';

export interface PollSettings {
  /** Wait before each next poll (the original's 5 s) and the number of polls (30). */
  intervalMs: () => number;
  attempts: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ConfirmV1Service {
  constructor(
    private readonly repo: PaymentRepo,
    private readonly orders: PaymentOrders,
    private readonly server: LegacyPaymentServer,
    private readonly clock: Clock,
    private readonly poll: PollSettings,
  ) {}

  async confirmV1(orderId: number, userId: number, method: string) {
    const order = await this.db((trx) => this.orders.request(orderId, userId, trx));
    const paid = await this.server.pay({ order_id: orderId, payment_amount: order.amount, idempotency_key: `order-${orderId}`, method });
    const final = await this.awaitFinal(paid.paymentId);
    if (final !== 'PAYMENT_COMPLETED') {
      await this.settle(orderId, 'failed');
      throw final === 'PAYMENT_FAILED' ? new BadRequestError(MSG.v1Failed) : new HttpError(408, MSG.v1Timeout);
    }
    if (!(await this.settle(orderId, 'completed'))) throw new BadRequestError(MSG.v1Failed);
    return {
      payment_id: paid.paymentId,
      order_id: orderId,
      kok_order_ids: order.kokOrderIds,
      hs_order_id: order.hsOrderId,
      status: 'PAYMENT_COMPLETED',
      payment_amount: order.amount,
      method: paid.method ?? 'EXTERNAL_API',
      confirmed_at: naiveIso(this.clock.now(), true)!,
      order_id_internal: orderId,
    };
  }

  private async awaitFinal(paymentId: string): Promise<LegacyStatus | 'TIMEOUT'> {
    for (let attempt = 0; attempt < this.poll.attempts; attempt++) {
      if (attempt > 0) await sleep(this.poll.intervalMs());
      const status = await this.server.status(paymentId);
      if (status !== 'PENDING') return status;
    }
    return 'TIMEOUT';
  }

  private settle(orderId: number, outcome: Settlement): Promise<boolean> {
    return this.db(async (trx) => {
      await this.orders.lock(orderId, trx);
      return (await this.orders.settle(orderId, outcome, trx)) !== null;
    });
  }

  private db<T>(work: (trx: Transaction<PaymentTables>) => Promise<T>): Promise<T> {
    return inTransaction(this.repo.db.kysely as Executor<PaymentTables>, work);
  }
}
