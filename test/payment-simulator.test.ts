// The built-in payment server (api-order-payment §9, §15): the protocol over real HTTP, the signed webhook as
// the backend receives it (§9.3/§9.4, vector §17.1), retries, every scenario switch and the observability
// endpoints. No database: the same file runs on both targets.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock/clock.js';
import { verifyWebhookSignature, webhookSignature } from '../src/platform/http/webhook-signature.js';
import { SimulatorConfigError, simulatorOptionsFromEnv } from '../src/payment-simulator/config.js';
import { pythonJson } from '../src/payment-simulator/python-json.js';
import { type PaymentSimulator, type PaymentSimulatorOptions, startPaymentSimulator } from '../src/payment-simulator/simulator.js';
import { WebhookReceiver } from './helpers/webhook-receiver.js';

const SECRET = 'test_webhook_secret';
const SERVICE_TOKEN = 'svc_token';
const CREATED = new Date('2026-07-03T00:14:35.123Z');

let receiver: WebhookReceiver;
let clock: ManualClock;
/** Every simulated wait asked for (unscaled ms × time_scale); the injected sleep returns at once. */
let waits: number[];
const sims: PaymentSimulator[] = [];

beforeEach(async () => {
  receiver = await new WebhookReceiver().start();
  clock = new ManualClock(CREATED);
  waits = [];
});

afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
  await receiver.close();
});

/** A simulator with the injected clock and an instant sleep that records each wait. */
async function startSim(options: Partial<PaymentSimulatorOptions> = {}): Promise<PaymentSimulator> {
  const sim = await startPaymentSimulator({
    webhookSecret: SECRET,
    serviceAuthToken: SERVICE_TOKEN,
    clock,
    sleep: async (ms) => {
      waits.push(ms);
      clock.advance(ms);
    },
    ...options,
  });
  sims.push(sim);
  return sim;
}

async function call(sim: PaymentSimulator, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

function paymentBody(orderId = 345, txId = `tx_${orderId}_AbCdEfGhIjk`) {
  return { version: 'v2', tx_id: txId, order_id: orderId, user_id: 7, amount: 64500, callback_url: receiver.callbackUrl(txId) };
}

const create = (sim: PaymentSimulator, orderId = 345) => call(sim, 'POST', '/api/v2/payments', paymentBody(orderId));
const setScenario = (sim: PaymentSimulator, body: unknown) => call(sim, 'POST', '/__sim/scenario', body);
const bodyOf = (i = 0) => JSON.parse(receiver.received[i].body.toString('utf8'));

describe('webhook body formatting', () => {
  it('formats like Python json.dumps, reproducing the §17.1 vector', () => {
    const body = pythonJson({
      version: 'v2',
      payment_id: 'pay_tx_42_AbCdEfGhIjk',
      order_id: 42,
      tx_id: 'tx_42_AbCdEfGhIjk',
      user_id: 7,
      amount: 25800,
      status: 'PAYMENT_COMPLETED',
      created_at: '2026-07-03T00:14:35.123456Z',
      confirmed_at: '2026-07-03T00:14:37.234567Z',
    });
    expect(Buffer.byteLength(body)).toBe(256);
    expect(webhookSignature(SECRET, body)).toBe('cugwqgIkA6+XkGBanLJ1x18dJRK3id+4xBnUJejblKc=');
    expect(pythonJson({ a: [1, 'é', null, { b: true }], c: 'q"\n' })).toBe('{"a": [1, "é", null, {"b": true}], "c": "q\\"\\n"}');
  });
});

describe('payment server protocol (faithful mode)', () => {
  it('creates, completes after the delay, delivers the signed webhook, then answers PAYMENT_COMPLETED', async () => {
    const sim = await startSim();
    const res = await create(sim);
    expect(res).toEqual({ status: 200, json: { ok: true, tx_id: 'tx_345_AbCdEfGhIjk', status: 'PAYMENT_COMPLETED', payment_id: 'pay_tx_345_AbCdEfGhIjk' } });
    expect(waits).toEqual([2000]);
    // Delivered before the answer, exactly once, to the callback URL as given.
    expect(receiver.received).toHaveLength(1);
    const hook = receiver.received[0];
    expect(hook.path).toBe('/api/orders/payment/webhook/v2/tx_345_AbCdEfGhIjk');
    expect(hook.query.get('t')).toBe('cb_token_123');
    expect(hook.body.toString('utf8')).toBe(
      '{"version": "v2", "payment_id": "pay_tx_345_AbCdEfGhIjk", "order_id": 345, "tx_id": "tx_345_AbCdEfGhIjk", "user_id": 7, "amount": 64500, ' +
        '"status": "PAYMENT_COMPLETED", "created_at": "2026-07-03T00:14:35.123Z", "confirmed_at": "2026-07-03T00:14:37.123Z"}',
    );
    expect(hook.headers['content-type']).toBe('application/json');
    expect(hook.headers['x-payment-event']).toBe('payment.completed');
    expect(hook.headers.authorization).toBe(`Bearer ${SERVICE_TOKEN}`);
    expect(hook.headers['x-payment-signature']).toHaveLength(44);
    expect(verifyWebhookSignature(SECRET, hook.body, hook.headers['x-payment-signature'] as string)).toBe(true);
    expect(hook.headers['x-payment-timestamp']).toBeUndefined();

    const record = await call(sim, 'GET', '/__sim/payments/pay_tx_345_AbCdEfGhIjk');
    expect(record.json).toMatchObject({ status: 'PAYMENT_COMPLETED', amount: 64500, confirmed_at: '2026-07-03T00:14:37.123Z' });
    const list = await call(sim, 'GET', '/api/v2/pending-payments');
    expect(list.json).toMatchObject({ pending_count: 0, completed_count: 1 });
    expect(Object.keys(list.json.payments)).toEqual(['pay_tx_345_AbCdEfGhIjk']);
  });

  it('serves health and the hint like the original', async () => {
    const sim = await startSim();
    expect((await call(sim, 'GET', '/health')).json).toEqual({ ok: true, service: 'payment-v2-webhook', docs: '/docs' });
    expect((await call(sim, 'GET', '/api/v2/payments')).json).toEqual({
      ok: true,
      hint: 'Use POST /api/v2/payments with callback_url (webhook v2).',
      webhook_target_example: '/api/orders/payment/webhook/v2/{tx_id}',
      dev_list: '/api/v2/pending-payments',
      manual_confirm: '/api/v2/confirm-payment',
    });
  });

  it('validates the create body like pydantic (422 list) and accepts an integral float amount', async () => {
    const sim = await startSim();
    const fractional = await call(sim, 'POST', '/api/v2/payments', { ...paymentBody(), amount: 12345.6 });
    expect(fractional.status).toBe(422);
    expect(fractional.json.detail).toEqual([expect.objectContaining({ type: 'int_from_float', loc: ['body', 'amount'], input: 12345.6 })]);
    const relative = await call(sim, 'POST', '/api/v2/payments', { ...paymentBody(), callback_url: '/api/orders/payment/webhook/v2/x' });
    expect(relative.json.detail[0]).toMatchObject({ type: 'url_parsing', loc: ['body', 'callback_url'] });
    const wrongVersion = await call(sim, 'POST', '/api/v2/payments', { ...paymentBody(), version: 'v1' });
    expect(wrongVersion.json.detail[0]).toMatchObject({ type: 'literal_error', loc: ['body', 'version'] });
    const missing = await call(sim, 'POST', '/api/v2/payments', { tx_id: 'x' });
    expect(missing.json.detail.map((d: { loc: string[] }) => d.loc[1]).sort()).toEqual(['amount', 'callback_url', 'order_id', 'user_id']);
    expect(receiver.received).toHaveLength(0);

    const text = JSON.stringify(paymentBody()).replace('"amount":64500', '"amount":64500.0');
    const integral = await call(sim, 'POST', '/api/v2/payments', text);
    expect(integral.json.status).toBe('PAYMENT_COMPLETED');
    expect(bodyOf().amount).toBe(64500);
  });

  it('manual confirm completes a PENDING payment once; unknown and processed ids answer 404 and 400', async () => {
    const sim = await startSim({ defaultScenario: 'no_webhook' });
    const res = await create(sim);
    expect(res.json.status).toBe('PENDING');
    expect(receiver.received).toHaveLength(0);
    expect((await call(sim, 'GET', '/api/v2/pending-payments')).json.pending_count).toBe(1);

    const confirm = await call(sim, 'POST', '/api/v2/confirm-payment', { payment_id: 'pay_tx_345_AbCdEfGhIjk' });
    expect(confirm).toEqual({ status: 200, json: { ok: true, payment_id: 'pay_tx_345_AbCdEfGhIjk', status: 'PAYMENT_COMPLETED', confirmed_at: CREATED.toISOString() } });
    expect(receiver.received).toHaveLength(1);
    expect(bodyOf().status).toBe('PAYMENT_COMPLETED');
    expect(await call(sim, 'POST', '/api/v2/confirm-payment', { payment_id: 'pay_tx_345_AbCdEfGhIjk' })).toEqual({ status: 400, json: { detail: '이미 처리된 결제입니다' } });
    expect(await call(sim, 'POST', '/api/v2/confirm-payment', { payment_id: 'pay_nope' })).toEqual({ status: 404, json: { detail: '결제 ID를 찾을 수 없습니다' } });
  });

  it('without a signing secret sends nothing and answers PAYMENT_CANCELLED', async () => {
    const sim = await startSim({ webhookSecret: '' });
    expect((await create(sim)).json.status).toBe('PAYMENT_CANCELLED');
    expect(receiver.received).toHaveLength(0);
    expect(sim.payment('pay_tx_345_AbCdEfGhIjk')?.status).toBe('PAYMENT_CANCELLED');
  });

  it('optionally signs "{timestamp}.{body}" and sends X-Payment-Timestamp', async () => {
    const sim = await startSim({ timestampedSignatures: true });
    await create(sim);
    const hook = receiver.received[0];
    const timestamp = hook.headers['x-payment-timestamp'] as string;
    expect(timestamp).toBe(String(Math.floor(Date.parse('2026-07-03T00:14:37.123Z') / 1000)));
    expect(hook.headers['x-payment-signature']).toBe(webhookSignature(SECRET, `${timestamp}.${hook.body.toString('utf8')}`));
  });
});

describe('webhook retries', () => {
  it('retries failures with backoff 1 s, 2 s, 4 s and succeeds on a later attempt', async () => {
    const sim = await startSim();
    receiver.statuses.push(500, 503);
    expect((await create(sim)).json.status).toBe('PAYMENT_COMPLETED');
    expect(waits).toEqual([2000, 1000, 2000]);
    expect(receiver.received).toHaveLength(3);
    // Every attempt sends the same bytes.
    expect(new Set(receiver.received.map((r) => r.body.toString()))).toHaveLength(1);
    expect(sim.webhooks().map((w) => [w.attempt, w.response_status, w.error])).toEqual([
      [1, 500, 'HTTP 500'],
      [2, 503, 'HTTP 503'],
      [3, 200, null],
    ]);
  });

  it('gives up after 1 + WEBHOOK_MAX_RETRIES attempts (4xx retried too) and answers PAYMENT_CANCELLED', async () => {
    const sim = await startSim();
    receiver.statuses.push(400, 400, 400, 400);
    expect((await create(sim)).json.status).toBe('PAYMENT_CANCELLED');
    expect(receiver.received).toHaveLength(4);
    expect(waits).toEqual([2000, 1000, 2000, 4000]);
    expect(sim.payment('pay_tx_345_AbCdEfGhIjk')).toMatchObject({ status: 'PAYMENT_CANCELLED', confirmed_at: expect.any(String) });
  });

  it('with retry_4xx off a 4xx is final, a 5xx is still retried', async () => {
    const sim = await startSim({ defaultScenario: 'no_retry_4xx' });
    receiver.statuses.push(400);
    expect((await create(sim, 1)).json.status).toBe('PAYMENT_CANCELLED');
    expect(receiver.received).toHaveLength(1);
    receiver.statuses.push(500);
    expect((await create(sim, 2)).json.status).toBe('PAYMENT_COMPLETED');
    expect(receiver.received).toHaveLength(3);
  });

  it('times an attempt out and retries; a closed port is a connect error', async () => {
    const sim = await startSim({ timings: { webhook_timeout_ms: 50, webhook_max_retries: 1 } });
    receiver.delayMs = 1000;
    expect((await create(sim)).json.status).toBe('PAYMENT_CANCELLED');
    expect(sim.webhooks().map((w) => w.error)).toEqual([expect.stringMatching(/Timeout/), expect.stringMatching(/Timeout/)]);

    receiver.delayMs = 0;
    // fetch refuses port 1 outright ("bad port"), so take a port that was free a moment ago.
    const spare = createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    const port = (spare.address() as AddressInfo).port;
    await new Promise((resolve) => spare.close(resolve));
    const closed = await call(sim, 'POST', '/api/v2/payments', { ...paymentBody(9), callback_url: `http://127.0.0.1:${port}/api/orders/payment/webhook/v2/x?t=a` });
    expect(closed.json.status).toBe('PAYMENT_CANCELLED');
    expect(sim.webhooks('tx_9_AbCdEfGhIjk').map((w) => [w.response_status, w.error])).toEqual([
      [null, expect.stringMatching(/ECONNREFUSED/)],
      [null, expect.stringMatching(/ECONNREFUSED/)],
    ]);
  });
});

describe('scenario switches', () => {
  it('fail and cancel send their event, body status and failure_reason', async () => {
    const sim = await startSim();
    await setScenario(sim, { next: ['fail', { result: 'cancel', failure_reason: '사용자 취소' }] });
    expect((await create(sim, 1)).json.status).toBe('PAYMENT_CANCELLED');
    expect(receiver.received[0].headers['x-payment-event']).toBe('payment.failed');
    expect(bodyOf(0)).toMatchObject({ status: 'PAYMENT_FAILED', failure_reason: 'insufficient_funds' });
    expect(receiver.received[0].body.toString()).toMatch(/"confirmed_at": "[^"]+", "failure_reason": "insufficient_funds"}$/);
    expect((await create(sim, 2)).json.status).toBe('PAYMENT_CANCELLED');
    expect(receiver.received[1].headers['x-payment-event']).toBe('payment.cancelled');
    expect(bodyOf(1)).toMatchObject({ status: 'PAYMENT_CANCELLED', failure_reason: '사용자 취소' });
    // Non-ASCII travels as UTF-8 (not \u escapes) and the signature covers those bytes.
    expect(receiver.received[1].body.toString()).toContain('"failure_reason": "사용자 취소"}');
    expect(verifyWebhookSignature(SECRET, receiver.received[1].body, receiver.received[1].headers['x-payment-signature'] as string)).toBe(true);
    expect(sim.payment('pay_tx_1_AbCdEfGhIjk')?.status).toBe('PAYMENT_FAILED');
    // The queue is used up: back to the default.
    expect((await create(sim, 3)).json.status).toBe('PAYMENT_COMPLETED');
  });

  it('chooses next, then the order’s outcome, then the default; reset restores the start state', async () => {
    const sim = await startSim();
    const set = await setScenario(sim, { default: 'no_webhook', byOrderId: { '7': 'fail' }, next: ['complete'], timings: { complete_delay_ms: 10 } });
    expect(set.status).toBe(200);
    expect(set.json.timings.complete_delay_ms).toBe(10);
    expect((await create(sim, 7)).json.status).toBe('PAYMENT_COMPLETED');
    expect((await create(sim, 7)).json.status).toBe('PAYMENT_CANCELLED');
    expect((await create(sim, 8)).json.status).toBe('PENDING');
    expect(waits).toEqual([10, 10]);

    expect((await call(sim, 'POST', '/__sim/reset')).json).toEqual({ ok: true });
    expect((await call(sim, 'GET', '/api/v2/pending-payments')).json).toEqual({ pending_count: 0, completed_count: 0, payments: {} });
    expect((await call(sim, 'GET', '/__sim/webhooks')).json).toEqual({ webhooks: [] });
    const after = (await call(sim, 'GET', '/__sim/scenario')).json;
    expect(after).toMatchObject({ default: { result: 'complete' }, byOrderId: {}, next: [], timings: { complete_delay_ms: 2000 } });
  });

  it('refuses an unknown outcome or knob with 422 and changes nothing', async () => {
    const sim = await startSim();
    const bad = await setScenario(sim, { default: 'fail', next: ['complete', 'explode'] });
    expect(bad.status).toBe(422);
    expect(bad.json.detail[0]).toMatchObject({ loc: ['body', 'next', 1], input: 'explode' });
    expect((await setScenario(sim, { default: { result: 'complete', slow_create_ms: -1 } })).status).toBe(422);
    expect((await setScenario(sim, { default: { colour: 'red' } })).status).toBe(422);
    expect((await setScenario(sim, { timings: { time_scale: 'fast' } })).status).toBe(422);
    expect((await call(sim, 'GET', '/__sim/scenario')).json.default.result).toBe('complete');
  });

  it('create_http_error answers that status and stores nothing; slow_create_ms holds the answer first', async () => {
    const sim = await startSim();
    await setScenario(sim, { next: [{ create_http_error: 500 }, { slow_create_ms: 15000 }] });
    expect(await create(sim, 1)).toEqual({ status: 500, json: { detail: 'simulated payment server error' } });
    expect(sim.payment('pay_tx_1_AbCdEfGhIjk')).toBeUndefined();
    expect((await create(sim, 2)).json.status).toBe('PAYMENT_COMPLETED');
    expect(waits).toEqual([15000, 2000]);
    expect(receiver.received).toHaveLength(1);
  });

  it('async_create answers PENDING at once and delivers in the background, late with delay_webhook_ms', async () => {
    // Real (scaled) time here: the answer must come before the delivery.
    const sim = await startSim({ sleep: undefined, clock: undefined, timings: { time_scale: 0.01 } });
    await setScenario(sim, { default: { async_create: true, delay_webhook_ms: 5000 } });
    const res = await create(sim);
    expect(res.json.status).toBe('PENDING');
    expect(receiver.received).toHaveLength(0);
    expect(sim.payment('pay_tx_345_AbCdEfGhIjk')?.status).toBe('PENDING');
    await sim.settled();
    expect(receiver.received).toHaveLength(1);
    expect(bodyOf().status).toBe('PAYMENT_COMPLETED');
    expect(sim.payment('pay_tx_345_AbCdEfGhIjk')?.status).toBe('PAYMENT_COMPLETED');
  });

  it('delay_webhook_ms waits between completion and delivery', async () => {
    const sim = await startSim({ defaultScenario: { delay_webhook_ms: 3000 } });
    await create(sim);
    expect(waits).toEqual([2000, 3000]);
  });

  it.each(['sequential', 'concurrent'] as const)('duplicate_webhook (%s) delivers the same signed bytes twice', async (mode) => {
    const sim = await startSim({ defaultScenario: { duplicate_webhook: mode } });
    expect((await create(sim)).json.status).toBe('PAYMENT_COMPLETED');
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0].body.equals(receiver.received[1].body)).toBe(true);
    expect(receiver.received[0].headers['x-payment-signature']).toBe(receiver.received[1].headers['x-payment-signature']);
    expect(sim.webhooks().map((w) => w.delivery).sort()).toEqual([1, 2]);
  });

  it('a refused duplicate marks the record PAYMENT_CANCELLED, as the original does', async () => {
    const sim = await startSim({ defaultScenario: { duplicate_webhook: 'sequential', retry_4xx: false } });
    receiver.statuses.push(200, 400);
    expect((await create(sim)).json.status).toBe('PAYMENT_CANCELLED');
    expect(sim.payment('pay_tx_345_AbCdEfGhIjk')?.status).toBe('PAYMENT_CANCELLED');
  });

  it('no_webhook never calls back', async () => {
    const sim = await startSim({ defaultScenario: 'no_webhook' });
    expect((await create(sim)).json.status).toBe('PENDING');
    await sim.settled();
    expect(receiver.received).toHaveLength(0);
    expect(sim.webhooks()).toEqual([]);
  });
});

describe('security switches (what the backend must refuse)', () => {
  async function deliverWith(outcome: string) {
    const sim = await startSim({ defaultScenario: outcome });
    await create(sim);
    const hook = receiver.received[receiver.received.length - 1];
    return { hook, body: JSON.parse(hook.body.toString()), valid: verifyWebhookSignature(SECRET, hook.body, hook.headers['x-payment-signature'] as string | undefined) };
  }

  it('bad_signature signs with another key', async () => {
    const { hook, valid } = await deliverWith('bad_signature');
    expect(valid).toBe(false);
    expect(hook.headers['x-payment-signature']).toHaveLength(44);
  });

  it('omit_signature and dev_skip_signature', async () => {
    expect((await deliverWith('omit_signature')).hook.headers['x-payment-signature']).toBeUndefined();
    expect((await deliverWith('dev_skip_signature')).hook.headers['x-payment-signature']).toBe('dev_signature_skip');
  });

  it('omit_event_header and wrong_event_header (an event the body contradicts)', async () => {
    expect((await deliverWith('omit_event_header')).hook.headers['x-payment-event']).toBeUndefined();
    const wrong = await deliverWith('wrong_event_header');
    expect(wrong.hook.headers['x-payment-event']).toBe('payment.failed');
    expect(wrong.body.status).toBe('PAYMENT_COMPLETED');
    expect(wrong.valid).toBe(true);
  });

  it('tamper_body_after_sign changes the bytes after signing', async () => {
    const { hook, body, valid } = await deliverWith('tamper_body_after_sign');
    expect(valid).toBe(false);
    expect(body.amount).toBe(65500);
    const original = hook.body.toString().replace('"amount": 65500', '"amount": 64500');
    expect(hook.headers['x-payment-signature']).toBe(webhookSignature(SECRET, original));
  });

  it.each([
    ['wrong_amount', 'amount', 64501],
    ['wrong_tx_id_in_body', 'tx_id', 'tx_345_AbCdEfGhIjk_other'],
    ['wrong_user_id', 'user_id', 8],
  ])('%s sends a correctly signed body with a mismatching %s', async (outcome, field, value) => {
    const { body, valid } = await deliverWith(outcome);
    expect(valid).toBe(true);
    expect(body[field]).toBe(value);
  });

  it('omit_callback_token strips ?t=, wrong_auth_token sends another bearer', async () => {
    const stripped = await deliverWith('omit_callback_token');
    expect(stripped.hook.query.has('t')).toBe(false);
    expect(stripped.hook.path).toBe('/api/orders/payment/webhook/v2/tx_345_AbCdEfGhIjk');
    expect((await deliverWith('wrong_auth_token')).hook.headers.authorization).toBe('Bearer wrong_service_token');
  });
});

describe('observability', () => {
  it('logs every attempt with secrets redacted by default, filterable by tx_id', async () => {
    const sim = await startSim();
    receiver.statuses.push(500);
    await create(sim, 1);
    await create(sim, 2);
    const all = (await call(sim, 'GET', '/__sim/webhooks')).json.webhooks;
    expect(all).toHaveLength(3);
    const [first] = (await call(sim, 'GET', '/__sim/webhooks?tx_id=tx_1_AbCdEfGhIjk')).json.webhooks;
    expect(first).toMatchObject({
      tx_id: 'tx_1_AbCdEfGhIjk',
      url: expect.stringContaining('/api/orders/payment/webhook/v2/tx_1_AbCdEfGhIjk?t=***'),
      delivery: 1,
      attempt: 1,
      event: 'payment.completed',
      request_headers: { 'content-type': 'application/json', 'x-payment-event': 'payment.completed', 'x-payment-signature': '***', authorization: '***' },
      body: receiver.received[0].body.toString(),
      response_status: 500,
      response_body: '{"received":false}',
      error: 'HTTP 500',
      started_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      finished_at: expect.any(String),
    });
    expect((await call(sim, 'GET', '/__sim/webhooks?tx_id=tx_2_AbCdEfGhIjk')).json.webhooks).toHaveLength(1);
    expect(await call(sim, 'GET', '/__sim/payments/pay_unknown')).toEqual({ status: 404, json: { detail: '결제 ID를 찾을 수 없습니다' } });
  });

  it('logs headers and the callback token raw when asked', async () => {
    const sim = await startSim({ logSecrets: true });
    await create(sim);
    const [entry] = sim.webhooks();
    expect(entry.url).toBe(receiver.callbackUrl('tx_345_AbCdEfGhIjk'));
    expect(entry.request_headers['x-payment-signature']).toBe(receiver.received[0].headers['x-payment-signature']);
    expect(entry.request_headers.authorization).toBe(`Bearer ${SERVICE_TOKEN}`);
  });
});

describe('legacy v1 endpoints', () => {
  const pay = (sim: PaymentSimulator, body: Record<string, unknown>) =>
    call(sim, 'POST', '/pay', { order_id: 345, payment_amount: 64500, ...body });

  it('POST /pay answers PENDING (same idempotency key, same payment); the status turns final after the delay', async () => {
    const sim = await startSim();
    const first = await pay(sim, { idempotency_key: 'order-345', method: 'CARD' });
    expect(first).toEqual({ status: 200, json: { payment_id: 'pay_1', status: 'PENDING', method: 'CARD' } });
    expect((await pay(sim, { idempotency_key: 'order-345', method: 'CARD' })).json.payment_id).toBe('pay_1');
    expect((await pay(sim, {})).json).toEqual({ payment_id: 'pay_2', status: 'PENDING', method: 'EXTERNAL_API' });
    expect((await call(sim, 'GET', '/payment-status/pay_1')).json).toEqual({ payment_id: 'pay_1', status: 'PENDING' });
    clock.advance(2000);
    expect((await call(sim, 'GET', '/payment-status/pay_1')).json).toEqual({ payment_id: 'pay_1', status: 'PAYMENT_COMPLETED' });
    expect(await call(sim, 'GET', '/payment-status/pay_9')).toEqual({ status: 404, json: { detail: '결제 ID를 찾을 수 없습니다' } });
    expect((await call(sim, 'POST', '/pay', { payment_amount: 1 })).status).toBe(422);
  });

  it('follows the scenario: fail → PAYMENT_FAILED, no_webhook → never final, create_http_error → that status', async () => {
    const sim = await startSim();
    await setScenario(sim, { next: ['fail', 'no_webhook', { create_http_error: 503 }] });
    const failed = (await pay(sim, {})).json.payment_id;
    const never = (await pay(sim, {})).json.payment_id;
    expect((await pay(sim, {})).status).toBe(503);
    clock.advance(60_000);
    expect((await call(sim, 'GET', `/payment-status/${failed}`)).json.status).toBe('PAYMENT_FAILED');
    expect((await call(sim, 'GET', `/payment-status/${never}`)).json.status).toBe('PENDING');
    await call(sim, 'POST', '/__sim/reset');
    expect((await call(sim, 'GET', `/payment-status/${failed}`)).status).toBe(404);
  });
});

describe('lifecycle and configuration', () => {
  it('close() cuts a pending background delivery short', async () => {
    const sim = await startSim({ sleep: undefined, defaultScenario: { async_create: true, delay_webhook_ms: 60_000 } });
    expect((await create(sim)).json.status).toBe('PENDING');
    const started = Date.now();
    await sim.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(receiver.received).toHaveLength(0);
  });

  it('npm run payment-server: prints where it listens, serves, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/payment-simulator/main.ts'], {
      env: { ...process.env, PAYMENT_SIM_PORT: '0', PAYMENT_SIM_HOST: '127.0.0.1', PAYMENT_WEBHOOK_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit');
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /payment simulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (found) resolve(found[1]);
      });
      child.on('exit', () => reject(new Error(`exited early: ${output}`)));
    });
    expect((await (await fetch(`${url}/health`)).json()).service).toBe('payment-v2-webhook');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(output).toContain('payment simulator stopping');
  });

  it('reads its settings from the environment', () => {
    expect(simulatorOptionsFromEnv({})).toMatchObject({ port: 9002, webhookSecret: '', serviceAuthToken: '', timings: {}, logSecrets: false });
    const options = simulatorOptionsFromEnv({
      PAYMENT_SIM_PORT: '9100',
      PAYMENT_WEBHOOK_SECRET: 's3cret',
      SERVICE_AUTH_TOKEN: 'tok',
      SIM_TIME_SCALE: '0.01',
      WEBHOOK_RETRY_DELAY: '0.5',
      WEBHOOK_TIMEOUT: '3',
      WEBHOOK_MAX_RETRIES: '2',
      SIM_SCENARIO: '{"result":"fail"}',
    });
    expect(options).toMatchObject({
      port: 9100,
      webhookSecret: 's3cret',
      serviceAuthToken: 'tok',
      timings: { time_scale: 0.01, webhook_retry_delay_ms: 500, webhook_timeout_ms: 3000, webhook_max_retries: 2 },
      defaultScenario: { result: 'fail' },
    });
    expect(() => simulatorOptionsFromEnv({ PAYMENT_SIM_PORT: 'abc' })).toThrow(SimulatorConfigError);
    expect(() => simulatorOptionsFromEnv({ WEBHOOK_MAX_RETRIES: '1.5' })).toThrow(SimulatorConfigError);
  });
});
