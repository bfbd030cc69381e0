// The v2 webhook (api-order-payment §8.5, §14 W2/W5–W9): every check against the stored transaction, strict by
// default (no signature bypass, the event bound to the body's status, order/user/amount taken from the row), then
// applied at most once: under the ORDERS row lock the transaction row is compare-and-set and the lines changed in
// the same unit of work. The waiting confirm is woken only after the commit.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../platform/clock/clock.js';
import { inTransaction, type Executor } from '../../platform/db/unit-of-work.js';
import { verifyWebhookSignature } from '../../platform/http/webhook-signature.js';
import { tokenHash } from '../../platform/auth/jwt.js';
import { bearerMatches } from '../../platform/http/guards.js';
import { PAYMENT_MESSAGES as MSG } from './messages.js';
import type { PaymentOrders, Settlement } from './ports.js';
import type { PaymentRepo, PaymentTxRow } from './repo.js';
import type { SettlementWaiter } from './settlement-waiter.js';
import type { PaymentTables, PaymentTxStatus } from './tables.js';

/** A refused webhook; the reason is logged only, the answer is always 400 `webhook handling failed`. */
export class WebhookRejected extends Error {}

export interface WebhookKeys {
  secret: string | null;
  serviceToken: string | null;
}

export interface WebhookDelivery {
  txId: string;
  token: string | undefined;
  event: string | undefined;
  signature: string | undefined;
  authorization: string | undefined;
  rawBody: Buffer;
}

/** Each event and the body status it must carry (W5: the unsigned header cannot be swapped). */
const EVENTS: Record<string, { status: string; outcome: Settlement }> = {
  'payment.completed': { status: 'PAYMENT_COMPLETED', outcome: 'completed' },
  'payment.failed': { status: 'PAYMENT_FAILED', outcome: 'failed' },
  'payment.cancelled': { status: 'PAYMENT_CANCELLED', outcome: 'failed' },
};

interface Body {
  tx_id?: unknown;
  order_id?: unknown;
  user_id?: unknown;
  amount?: unknown;
  status?: unknown;
  payment_id?: unknown;
  completed_at?: unknown;
  confirmed_at?: unknown;
  failure_reason?: unknown;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Constant-time comparison of two hex digests. */
function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function reject(reason: string): never {
  throw new WebhookRejected(reason);
}

export class WebhookService {
  constructor(
    private readonly repo: PaymentRepo,
    private readonly orders: PaymentOrders,
    private readonly waiter: SettlementWaiter,
    private readonly clock: Clock,
    private readonly keys: () => WebhookKeys,
    private readonly logger: FastifyBaseLogger,
  ) {}

  async handle(d: WebhookDelivery) {
    const { row, body, event } = await this.verify(d);
    const rule = EVENTS[event]!;
    const paymentId = text(body.payment_id);
    const reason = rule.outcome === 'failed' ? (text(body.failure_reason) ?? MSG.failedDefaultReason) : null;
    const outcome = await inTransaction(this.repo.db.kysely as Executor<PaymentTables>, async (trx) => {
      await this.orders.lock(row.ORDER_ID, trx);
      const current = await this.repo.get(row.TX_ID, trx);
      if (current?.STATUS !== 'REQUESTED') return { duplicate: true as const, row: current ?? row };
      const order = await this.orders.settle(row.ORDER_ID, rule.outcome, trx);
      const status: PaymentTxStatus = order ? (rule.outcome === 'completed' ? 'COMPLETED' : 'FAILED') : 'EXPIRED';
      await this.repo.settle(row.TX_ID, { status, paymentId, event, reason: order ? reason : 'order_not_payable', at: this.clock.now() }, trx);
      return { duplicate: false as const, order };
    });
    if (outcome.duplicate) {
      const stored = outcome.row;
      return { received: true, ok: true, duplicate: true, order_id: stored.ORDER_ID, event: stored.LAST_EVENT, payment_id: stored.PAYMENT_ID };
    }
    await this.waiter.publish(row.TX_ID).catch((err: unknown) => this.logger.warn({ err, tx_id: row.TX_ID }, 'payment settlement not published'));
    if (!outcome.order) {
      // W2/W7: a webhook for an order that moved on (e.g. the stale cancellation) changes nothing.
      this.logger.error({ tx_id: row.TX_ID, order_id: row.ORDER_ID, event }, 'payment webhook for an order no longer payable');
      return { received: true, ok: false, reason: 'order_not_payable', order_id: row.ORDER_ID, event, payment_id: paymentId };
    }
    if (rule.outcome === 'failed') return { received: true, ok: true, order_id: row.ORDER_ID, event, reason: text(body.failure_reason), payment_id: paymentId };
    return {
      received: true,
      ok: true,
      order_id: row.ORDER_ID,
      event,
      payment_id: paymentId,
      kok_order_ids: outcome.order.kokOrderIds,
      hs_order_id: outcome.order.hsOrderId,
      completed_at: text(body.completed_at) ?? text(body.confirmed_at),
    };
  }

  /** The checks of §8.5 in order, each failure a reason (logged by the route). */
  private async verify(d: WebhookDelivery): Promise<{ row: PaymentTxRow; body: Body; event: string }> {
    if (!d.token) reject('missing_callback_token');
    const row = await this.repo.get(d.txId);
    if (!row || !sameHash(tokenHash(d.token), row.CALLBACK_TOKEN_HASH)) reject('invalid_callback_token');
    const { secret, serviceToken } = this.keys();
    // W6 [Fix]: when a service token is configured it is required, not only checked when sent.
    if (serviceToken && !bearerMatches(d.authorization, serviceToken)) reject('invalid_service_token');
    if (!secret) reject('webhook_secret_not_configured');
    if (!verifyWebhookSignature(secret, d.rawBody, d.signature)) reject('invalid_signature');
    let body: Body;
    try {
      body = JSON.parse(d.rawBody.toString('utf8')) as Body;
    } catch {
      return reject('invalid_body');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) reject('invalid_body');
    if (body.tx_id !== undefined && body.tx_id !== row.TX_ID) reject('invalid_body');
    if (body.order_id === undefined) reject('missing_order_id');
    // W8: the order, the payer and the amount are the stored transaction's.
    if (body.order_id !== row.ORDER_ID || body.user_id !== row.USER_ID || body.amount !== row.AMOUNT) reject('order_access_denied');
    const event = d.event ?? reject('missing_event');
    const rule = EVENTS[event] ?? reject('unknown_event');
    if (body.status !== rule.status) reject('event_status_mismatch');
    return { row, body, event };
  }
}
