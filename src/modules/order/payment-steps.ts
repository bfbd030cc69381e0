// The order side of a payment (api-order-payment §8.2, §8.5, §14 W2/W7): starting it (every line ORDER_RECEIVED →
// PAYMENT_REQUESTED under the order's row lock, amount by §4.3) and settling it (all lines still PAYMENT_REQUESTED →
// PAYMENT_COMPLETED, or the order cancelled). Both run on the caller's transaction, which locks the ORDERS row first.
import type { Transaction } from 'kysely';
import { lockRows } from '../../platform/db/dialect.js';
import { BadRequestError, NotFoundError } from '../../platform/http/errors.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { LineRef } from './lines.js';
import { ORDER_MESSAGES as MSG } from './messages.js';
import type { OrderRepo } from './repo.js';
import type { StaleCancellation } from './stale-cancellation.js';
import type { StatusRepo } from './status-repo.js';
import { currentCode, type OrderStatusService } from './status-service.js';
import type { OrderTables } from './tables.js';

export interface PaymentOrder {
  orderId: number;
  userId: number;
  kokOrderIds: number[];
  /** The first home-shopping line, as the contract shows it. */
  hsOrderId: number | null;
  amount: number;
}

export type Settlement = 'completed' | 'failed';

export class OrderPaymentSteps {
  constructor(
    private readonly orders: OrderRepo,
    private readonly statuses: StatusRepo,
    private readonly status: OrderStatusService,
    private readonly clock: Clock,
    private readonly stale: StaleCancellation,
    private readonly expiryMs: number,
  ) {}

  /** The stale rule for one of the caller's orders (another user's order is left alone: the confirm answers 404). */
  async cancelIfStale(orderId: number, userId: number): Promise<boolean> {
    const order = await this.orders.order(orderId);
    if (!order || order.USER_ID !== userId) return false;
    return this.stale.cancelIfStale(orderId, new Date(this.clock.now().getTime() - this.expiryMs));
  }

  /** Locks the order's row; every payment write on an order starts here, so they queue in one order. */
  async lock(orderId: number, trx: Transaction<OrderTables>): Promise<void> {
    await lockRows(trx, 'ORDERS', 'ORDER_ID', [orderId]);
  }

  /** The caller's order marked PAYMENT_REQUESTED line by line; 404 for another's, 400 when a line is not payable. */
  async request(orderId: number, userId: number, trx: Transaction<OrderTables>): Promise<PaymentOrder> {
    await this.lock(orderId, trx);
    const order = await this.orders.order(orderId, trx);
    if (!order || order.USER_ID !== userId) throw new NotFoundError(MSG.orderNotFound);
    const { lines, payment } = await this.linesOf(order.ORDER_ID, order.USER_ID, trx);
    // An order without lines has nothing to pay (§8.2 step 3 [Fix]).
    if (lines.length === 0) throw new BadRequestError(MSG.notPayable(orderId));
    for (const line of lines) await this.status.change({ line, to: 'PAYMENT_REQUESTED', actor: 'user', userId }, trx);
    return payment;
  }

  /**
   * Applies the webhook's outcome when every line is still PAYMENT_REQUESTED and answers the order; null when the
   * order moved on (cancelled by the stale rule, or paid) — a late webhook never revives or re-pays it.
   */
  async settle(orderId: number, outcome: Settlement, trx: Transaction<OrderTables>): Promise<PaymentOrder | null> {
    const order = await this.orders.order(orderId, trx);
    if (!order || order.CANCEL_TIME !== null) return null;
    const { lines, payment } = await this.linesOf(order.ORDER_ID, order.USER_ID, trx);
    for (const line of lines) {
      if (currentCode(await this.statuses.histories(line.kind, [line.id], trx)) !== 'PAYMENT_REQUESTED') return null;
    }
    if (outcome === 'failed' && !(await this.orders.markCancelled(orderId, this.clock.now(), trx))) return null;
    const to = outcome === 'completed' ? 'PAYMENT_COMPLETED' : 'CANCELLED';
    for (const line of lines) await this.status.change({ line, to, actor: 'webhook', expectFrom: 'PAYMENT_REQUESTED' }, trx);
    return payment;
  }

  private async linesOf(orderId: number, userId: number, trx: Transaction<OrderTables>) {
    const kok = await this.orders.kokLines([orderId], trx);
    const hs = await this.orders.hsLines([orderId], trx);
    const lines: LineRef[] = [...kok.map((l) => ({ kind: 'kok' as const, id: l.KOK_ORDER_ID })), ...hs.map((l) => ({ kind: 'hs' as const, id: l.HOMESHOPPING_ORDER_ID }))];
    // §4.3: each line table summed on its own, nulls as 0.
    const amount = [...kok, ...hs].reduce((sum, l) => sum + Number(l.ORDER_PRICE ?? 0), 0);
    const payment: PaymentOrder = { orderId, userId, kokOrderIds: kok.map((l) => l.KOK_ORDER_ID), hsOrderId: hs[0]?.HOMESHOPPING_ORDER_ID ?? null, amount };
    return { lines, payment };
  }
}
