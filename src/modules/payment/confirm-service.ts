// Confirm v2 (api-order-payment §8.2, §14 W1/W3/W4): the order's lines are marked PAYMENT_REQUESTED and the
// transaction row written in one unit of work under the order's lock, committed BEFORE the payment server is called;
// then the settlement is awaited through pub/sub with no database connection held, and the row re-read at the end.
// A create call that fails leaves the row open: a webhook that still comes settles the order (W3).
import { randomBytes } from 'node:crypto';
import { tokenHash } from '../../platform/auth/jwt.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Executor } from '../../platform/db/unit-of-work.js';
import { inTransaction } from '../../platform/db/unit-of-work.js';
import { BadRequestError, HttpError } from '../../platform/http/errors.js';
import { naiveIso } from '../../platform/http/schemas.js';
import type { PaymentServer } from './client.js';
import { PAYMENT_MESSAGES as MSG } from './messages.js';
import type { PaymentOrder, PaymentOrders } from './ports.js';
import type { PaymentRepo, PaymentTxRow } from './repo.js';
import type { SettlementWaiter } from './settlement-waiter.js';
import type { PaymentTables } from './tables.js';

export interface ConfirmSettings {
  /** WEBHOOK_BASE_URL: where the payment server reaches this backend. */
  webhookBaseUrl: () => string;
  /** How long a confirm waits for the webhook before answering PENDING (the contract's 60 s). */
  waitMs: () => number;
}


export class ConfirmService {
  constructor(
    private readonly repo: PaymentRepo,
    private readonly orders: PaymentOrders,
    private readonly server: PaymentServer,
    private readonly waiter: SettlementWaiter,
    private readonly clock: Clock,
    private readonly settings: ConfirmSettings,
  ) {}

  async confirmV2(orderId: number, userId: number) {
    const txId = `tx_${orderId}_${randomBytes(8).toString('base64url')}`;
    const token = randomBytes(16).toString('base64url');
    // Listening first: with pub/sub down nothing has been written yet.
    await this.waiter.ready();
    // §8.2 step 2: an earlier attempt left unpaid past the expiry cancels the order (committed) and says so.
    if (await this.orders.cancelIfStale(orderId, userId)) throw new BadRequestError(MSG.staleCancelled);
    const order = await this.start(orderId, userId, txId, token);
    const watch = this.waiter.watch(txId);
    let created: { paymentId: string | null };
    try {
      created = await this.server.create({
        tx_id: txId,
        order_id: orderId,
        user_id: userId,
        amount: order.amount,
        callback_url: `${this.settings.webhookBaseUrl().replace(/\/+$/, '')}/api/orders/payment/webhook/v2/${txId}?t=${token}`,
      });
    } catch (err) {
      watch.cancel();
      throw err;
    }
    let row = await this.repo.get(txId);
    if (row?.STATUS === 'REQUESTED') {
      if (created.paymentId) await this.repo.notePaymentId(txId, created.paymentId, this.clock.now());
      await watch.until(this.settings.waitMs());
      row = await this.repo.get(txId);
    } else watch.cancel();
    return this.answer(order, txId, row, created.paymentId);
  }

  private start(orderId: number, userId: number, txId: string, token: string): Promise<PaymentOrder> {
    return inTransaction(this.repo.db.kysely as Executor<PaymentTables>, async (trx) => {
      const order = await this.orders.request(orderId, userId, trx);
      const now = this.clock.now();
      const row: PaymentTxRow = {
        TX_ID: txId,
        ORDER_ID: orderId,
        USER_ID: userId,
        AMOUNT: order.amount,
        CALLBACK_TOKEN_HASH: tokenHash(token),
        STATUS: 'REQUESTED',
        PAYMENT_ID: null,
        LAST_EVENT: null,
        FAILURE_REASON: null,
        CREATED_AT: now,
        UPDATED_AT: now,
        SETTLED_AT: null,
      };
      await this.repo.insert(row, trx);
      return order;
    });
  }

  private answer(order: PaymentOrder, txId: string, row: PaymentTxRow | undefined, createdPaymentId: string | null) {
    if (!row) throw new HttpError(500, MSG.confirmFailed);
    if (row.STATUS === 'FAILED' || row.STATUS === 'EXPIRED') throw new BadRequestError(MSG.failed(row.FAILURE_REASON ?? MSG.failedDefaultReason));
    const completed = row.STATUS === 'COMPLETED';
    return {
      payment_id: completed ? (row.PAYMENT_ID ?? `completed_${txId}`) : (row.PAYMENT_ID ?? createdPaymentId ?? `pending_${txId}`),
      order_id: order.orderId,
      kok_order_ids: order.kokOrderIds,
      hs_order_id: order.hsOrderId,
      status: completed ? 'PAYMENT_COMPLETED' : 'PENDING',
      payment_amount: order.amount,
      method: 'WEBHOOK_V2',
      confirmed_at: naiveIso(this.clock.now(), true)!,
      order_id_internal: order.orderId,
      tx_id: txId,
    };
  }
}
