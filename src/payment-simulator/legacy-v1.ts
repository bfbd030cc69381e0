// The optional legacy v1 endpoints (api-order-payment §7, §15.4): POST /pay answers PENDING and
// GET /payment-status/{id} turns final once the completion delay has passed on the simulator's clock — COMPLETED,
// FAILED (`fail`/`cancel`) or never (`no_webhook`), chosen by the same scenario switches as v2.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { HttpError, NotFoundError } from '../platform/http/errors.js';
import type { ScenarioBook } from './scenario.js';
import type { SimTimer, Timings } from './timer.js';

const PayBody = Type.Object({
  order_id: Type.Integer(),
  payment_amount: Type.Number(),
  idempotency_key: Type.Optional(Type.String()),
  method: Type.String({ default: 'EXTERNAL_API' }),
});

type FinalStatus = 'PAYMENT_COMPLETED' | 'PAYMENT_FAILED' | null;

interface LegacyPayment {
  payment_id: string;
  method: string;
  /** Null: stays PENDING forever (the backend's 30-poll timeout). */
  final: FinalStatus;
  finalAtMs: number;
}

export class LegacyPayments {
  private readonly payments = new Map<string, LegacyPayment>();
  private readonly byKey = new Map<string, string>();
  private issued = 0;

  constructor(
    private readonly scenarios: ScenarioBook,
    private readonly timer: SimTimer,
    private readonly timings: () => Timings,
  ) {}

  /** The same idempotency key answers the same payment; a create_http_error scenario fails the call. */
  pay(body: Static<typeof PayBody>): LegacyPayment | { httpError: number } {
    const known = body.idempotency_key === undefined ? undefined : this.byKey.get(body.idempotency_key);
    if (known) return this.payments.get(known) as LegacyPayment;
    const scenario = this.scenarios.take(body.order_id);
    if (scenario.create_http_error !== null) return { httpError: scenario.create_http_error };
    const { complete_delay_ms, time_scale } = this.timings();
    const payment: LegacyPayment = {
      payment_id: `pay_${++this.issued}`,
      method: body.method,
      final: scenario.result === 'complete' ? 'PAYMENT_COMPLETED' : scenario.result === 'no_webhook' ? null : 'PAYMENT_FAILED',
      finalAtMs: this.timer.clock.now().getTime() + complete_delay_ms * time_scale,
    };
    this.payments.set(payment.payment_id, payment);
    if (body.idempotency_key !== undefined) this.byKey.set(body.idempotency_key, payment.payment_id);
    return payment;
  }

  status(paymentId: string): { payment_id: string; status: 'PENDING' | Exclude<FinalStatus, null> } | undefined {
    const payment = this.payments.get(paymentId);
    if (!payment) return undefined;
    const due = payment.final !== null && this.timer.clock.now().getTime() >= payment.finalAtMs;
    return { payment_id: paymentId, status: due ? (payment.final as Exclude<FinalStatus, null>) : 'PENDING' };
  }

  clear(): void {
    this.payments.clear();
    this.byKey.clear();
    this.issued = 0;
  }
}

export function registerLegacyRoutes(app: FastifyInstance, legacy: LegacyPayments): void {
  app.post<{ Body: Static<typeof PayBody> }>('/pay', { schema: { body: PayBody } }, async (request) => {
    const payment = legacy.pay(request.body);
    if ('httpError' in payment) throw new HttpError(payment.httpError, 'simulated payment server error');
    return { payment_id: payment.payment_id, status: 'PENDING', method: payment.method };
  });

  app.get<{ Params: { payment_id: string } }>(
    '/payment-status/:payment_id',
    { schema: { params: Type.Object({ payment_id: Type.String() }) } },
    async (request) => {
      const status = legacy.status(request.params.payment_id);
      if (!status) throw new NotFoundError('결제 ID를 찾을 수 없습니다');
      return status;
    },
  );
}
