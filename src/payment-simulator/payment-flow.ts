// What the payment server does with a payment (§9.2, §9.5, §15.2–§15.3): store it PENDING, complete it after the
// configured delay, deliver the signed webhook, then answer — or whatever the payment's scenario says instead.
import type { Scenario, ScenarioBook } from './scenario.js';
import type { PaymentRecord, PaymentStatus, SimulatorStore } from './store.js';
import type { SimTimer, Timings } from './timer.js';
import { deliverWebhook } from './webhook-delivery.js';
import { buildWebhookRequest, type SigningKeys } from './webhook-request.js';

export interface CreatePayment {
  version: 'v2';
  tx_id: string;
  order_id: number;
  user_id: number;
  amount: number;
  callback_url: string;
}

export type CreateAnswer =
  | { kind: 'answer'; body: { ok: true; tx_id: string; status: 'PENDING' | 'PAYMENT_COMPLETED' | 'PAYMENT_CANCELLED'; payment_id: string } }
  | { kind: 'http_error'; statusCode: number };

export type ConfirmAnswer =
  | { kind: 'confirmed'; body: { ok: true; payment_id: string; status: 'PAYMENT_COMPLETED'; confirmed_at: string } }
  | { kind: 'not_found' }
  | { kind: 'already_processed' };

export interface FlowDeps {
  store: SimulatorStore;
  scenarios: ScenarioBook;
  timer: SimTimer;
  timings: () => Timings;
  keys: SigningKeys;
  logSecrets: boolean;
  stopping: AbortSignal;
  /** Keeps background work (async create) known to close(). */
  track: (work: Promise<unknown>) => void;
}

const FINAL_STATUS: Record<Exclude<Scenario['result'], 'no_webhook'>, PaymentStatus> = {
  complete: 'PAYMENT_COMPLETED',
  fail: 'PAYMENT_FAILED',
  cancel: 'PAYMENT_CANCELLED',
};

export class PaymentFlow {
  constructor(private readonly deps: FlowDeps) {}

  async create(input: CreatePayment): Promise<CreateAnswer> {
    const { store, scenarios, timer } = this.deps;
    const scenario = scenarios.take(input.order_id);
    if (scenario.create_http_error !== null) return { kind: 'http_error', statusCode: scenario.create_http_error };
    const record: PaymentRecord = {
      payment_id: `pay_${input.tx_id}`,
      order_id: input.order_id,
      tx_id: input.tx_id,
      user_id: input.user_id,
      amount: input.amount,
      status: 'PENDING',
      created_at: timer.timestamp(),
      confirmed_at: null,
      callback_url: input.callback_url,
    };
    store.save(record, scenario);
    await timer.wait(scenario.slow_create_ms);
    if (scenario.result === 'no_webhook') return this.answer(record, 'PENDING');
    const settled = this.settle(record, scenario, FINAL_STATUS[scenario.result]);
    if (scenario.async_create) {
      this.deps.track(settled);
      return this.answer(record, 'PENDING');
    }
    const delivered = await settled;
    return this.answer(record, delivered && record.status === 'PAYMENT_COMPLETED' ? 'PAYMENT_COMPLETED' : 'PAYMENT_CANCELLED');
  }

  /** Manual completion of a PENDING payment; answers COMPLETED even when delivery failed, like the original. */
  async confirm(paymentId: string): Promise<ConfirmAnswer> {
    const stored = this.deps.store.get(paymentId);
    if (!stored) return { kind: 'not_found' };
    const { record, scenario } = stored;
    if (record.status !== 'PENDING') return { kind: 'already_processed' };
    this.complete(record, 'PAYMENT_COMPLETED');
    await this.deliver(record, scenario);
    return { kind: 'confirmed', body: { ok: true, payment_id: record.payment_id, status: 'PAYMENT_COMPLETED', confirmed_at: record.confirmed_at as string } };
  }

  private answer(record: PaymentRecord, status: 'PENDING' | 'PAYMENT_COMPLETED' | 'PAYMENT_CANCELLED'): CreateAnswer {
    return { kind: 'answer', body: { ok: true, tx_id: record.tx_id, status, payment_id: record.payment_id } };
  }

  private complete(record: PaymentRecord, status: PaymentStatus): void {
    record.status = status;
    record.confirmed_at = this.deps.timer.timestamp();
  }

  private async settle(record: PaymentRecord, scenario: Scenario, status: PaymentStatus): Promise<boolean> {
    const { timer, timings } = this.deps;
    await timer.wait(timings().complete_delay_ms);
    this.complete(record, status);
    await timer.wait(scenario.delay_webhook_ms);
    return this.deliver(record, scenario);
  }

  /** Delivers (twice with duplicate_webhook); any undelivered copy marks the record cancelled, as the original does. */
  private async deliver(record: PaymentRecord, scenario: Scenario): Promise<boolean> {
    const { keys, timer, store, logSecrets, stopping } = this.deps;
    // Without a secret the original cannot sign and gives the payment up.
    if (!keys.webhookSecret) {
      record.status = 'PAYMENT_CANCELLED';
      return false;
    }
    const request = buildWebhookRequest(record, scenario, keys, Math.floor(timer.clock.now().getTime() / 1000));
    const ctx = { store, timer, timings: this.deps.timings(), retry4xx: scenario.retry_4xx, logSecrets, stopping };
    const copy = (n: number) => deliverWebhook(record.tx_id, n, request, ctx);
    let results: boolean[];
    if (scenario.duplicate_webhook === 'concurrent') results = await Promise.all([copy(1), copy(2)]);
    else if (scenario.duplicate_webhook === 'sequential') results = [await copy(1), await copy(2)];
    else results = [await copy(1)];
    const delivered = results.every(Boolean);
    if (!delivered) record.status = 'PAYMENT_CANCELLED';
    return delivered;
  }
}
