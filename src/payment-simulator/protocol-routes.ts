// The payment server's own endpoints, wire-compatible with eats-uhok `payment-server/` (api-order-payment §9).
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { HttpError, NotFoundError, RequestValidationError } from '../platform/http/errors.js';
import type { ValidationItem } from '../platform/http/validation.js';
import type { PaymentFlow } from './payment-flow.js';
import { ConfirmPaymentBody, CreatePaymentAnswer, CreatePaymentBody } from './schemas.js';
import type { SimulatorStore } from './store.js';

/** What pydantic refuses that a JSON schema cannot say: a fractional amount, a relative or non-http(s) URL. */
function protocolViolations(body: Static<typeof CreatePaymentBody>): ValidationItem[] {
  const items: ValidationItem[] = [];
  if (!Number.isInteger(body.amount)) {
    items.push({ type: 'int_from_float', loc: ['body', 'amount'], msg: 'Input should be a valid integer, got a number with a fractional part', input: body.amount });
  }
  let url: URL | null = null;
  try {
    url = new URL(body.callback_url);
  } catch {
    items.push({ type: 'url_parsing', loc: ['body', 'callback_url'], msg: 'Input should be a valid URL, relative URL without a base', input: body.callback_url });
  }
  if (url && url.protocol !== 'http:' && url.protocol !== 'https:') {
    items.push({ type: 'url_scheme', loc: ['body', 'callback_url'], msg: "URL scheme should be 'http' or 'https'", input: body.callback_url, ctx: { expected_schemes: "'http' or 'https'" } });
  }
  return items;
}

export function registerProtocolRoutes(app: FastifyInstance, flow: PaymentFlow, store: SimulatorStore): void {
  app.get('/health', async () => ({ ok: true, service: 'payment-v2-webhook', docs: '/docs' }));

  app.get('/api/v2/payments', async () => ({
    ok: true,
    hint: 'Use POST /api/v2/payments with callback_url (webhook v2).',
    webhook_target_example: '/api/orders/payment/webhook/v2/{tx_id}',
    dev_list: '/api/v2/pending-payments',
    manual_confirm: '/api/v2/confirm-payment',
  }));

  app.post<{ Body: Static<typeof CreatePaymentBody> }>(
    '/api/v2/payments',
    { schema: { body: CreatePaymentBody, response: { 200: CreatePaymentAnswer } } },
    async (request) => {
      const violations = protocolViolations(request.body);
      if (violations.length > 0) throw new RequestValidationError(violations);
      const answer = await flow.create(request.body);
      if (answer.kind === 'http_error') throw new HttpError(answer.statusCode, 'simulated payment server error');
      return answer.body;
    },
  );

  app.post<{ Body: Static<typeof ConfirmPaymentBody> }>('/api/v2/confirm-payment', { schema: { body: ConfirmPaymentBody } }, async (request) => {
    const answer = await flow.confirm(request.body.payment_id);
    if (answer.kind === 'not_found') throw new NotFoundError('결제 ID를 찾을 수 없습니다');
    if (answer.kind === 'already_processed') throw new HttpError(400, '이미 처리된 결제입니다');
    return answer.body;
  });

  app.get('/api/v2/pending-payments', async () => {
    const records = store.records();
    return {
      pending_count: records.filter((r) => r.status === 'PENDING').length,
      completed_count: records.filter((r) => r.status === 'PAYMENT_COMPLETED').length,
      payments: Object.fromEntries(records.map((r) => [r.payment_id, r])),
    };
  });
}
