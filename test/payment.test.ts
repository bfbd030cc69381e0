// Payment v2 end to end (api-order-payment §5.19, §5.20, §8, §17.2 scenarios 4, 7, 9–13): the backend listens on a
// real port, the built-in payment server calls its webhook over HTTP, and the rows are checked in the databases.
// Timings are scaled (simulator time_scale 0.001, a 300 ms confirm wait): no test sleeps for the real ones.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { webhookSignature } from '../src/platform/http/webhook-signature.js';
import { startPaymentSimulator, type PaymentSimulator } from '../src/payment-simulator/simulator.js';
import { startApp, type TestApp } from './helpers/app.js';
import { newUser, type LoggedIn } from './helpers/auth.js';
import { kokDb } from './helpers/kok-fixtures.js';
import { seedOrder } from './helpers/order-fixtures.js';
import { onServers } from './helpers/target.js';

const SECRET = 'test_webhook_secret';
const SERVICE_TOKEN = 'test-service-token';
const T0 = new Date('2026-07-03T00:00:00Z');

let sim: PaymentSimulator;
let t: TestApp;
/** Shared by the second instance of the cross-instance test. */
const REDIS_PREFIX = `uhoktest:payment:${process.pid}:${Date.now()}`;
const ENV = (url: string) => ({ PAYMENT_SERVER_URL: url, PAYMENT_V1_POLL_INTERVAL_MS: '5', PAYMENT_SERVER_URL2: url, PAYMENT_WEBHOOK_SECRET: SECRET, PAYMENT_V2_WAIT_TIMEOUT_MS: '300', PAYMENT_CREATE_TIMEOUT_MS: '500' });
const baseUrl = (app: TestApp) => `http://127.0.0.1:${(app.app.server.address() as AddressInfo).port}`;

beforeAll(async () => {
  sim = await startPaymentSimulator({ webhookSecret: SECRET, serviceAuthToken: SERVICE_TOKEN, timings: { time_scale: 0.001 } });
  t = await startApp({ env: ENV(sim.url), redisPrefix: REDIS_PREFIX });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await t?.close();
  await sim?.close();
});

beforeEach(async () => {
  sim.reset();
  t.config.payment.serverUrl2 = sim.url;
  t.config.payment.webhookBaseUrl = baseUrl(t);
  t.config.payment.waitTimeoutMs = 300;
  await t.reset();
});

const codes = async (line: number) =>
  (
    await kokDb(t)
      .selectFrom('KOK_ORDER_STATUS_HISTORY as H')
      .innerJoin('STATUS_MASTER as S', 'S.STATUS_ID', 'H.STATUS_ID')
      .select('S.STATUS_CODE')
      .where('H.KOK_ORDER_ID', '=', line)
      .orderBy('H.CHANGED_AT')
      .orderBy('H.HISTORY_ID')
      .execute()
  ).map((r) => r.STATUS_CODE);
const notices = () => kokDb(t).selectFrom('KOK_NOTIFICATION').select('TITLE').orderBy('NOTIFICATION_ID').execute();
const txRow = (txId: string) => kokDb(t).selectFrom('PAYMENT_TRANSACTIONS').selectAll().where('TX_ID', '=', txId).executeTakeFirstOrThrow();

async function order(me: LoggedIn, lines = 2) {
  const kok = Array.from({ length: lines }, (_, i) => ({ productId: i + 1, quantity: i + 1 }));
  return seedOrder(t, { userId: me.userId, at: T0, kok, statuses: ['ORDER_RECEIVED'] });
}

const confirm = (me: LoggedIn, orderId: number) => t.app.inject({ method: 'POST', url: `/api/orders/payment/${orderId}/confirm/v2`, headers: me.headers });

/** A payment left open (no webhook): the confirm answers PENDING and the simulator kept the tokenised callback. */
async function pendingPayment(me: LoggedIn) {
  sim.setScenario({ next: ['no_webhook'] });
  const seeded = await order(me);
  const res = await confirm(me, seeded.orderId);
  expect(res.json()).toMatchObject({ status: 'PENDING', payment_id: expect.stringMatching(/^pay_tx_/) });
  const txId = res.json().tx_id as string;
  const callback = new URL(sim.payment(`pay_${txId}`)!.callback_url);
  return { ...seeded, txId, path: `${callback.pathname}${callback.search}`, me };
}

interface Delivery {
  path: string;
  body?: Record<string, unknown>;
  raw?: string;
  event?: string | null;
  signature?: string | null;
  auth?: string | null;
}

function deliver(p: { txId: string; orderId: number; me: LoggedIn }, d: Partial<Delivery> & { path: string }) {
  const body = { version: 'v2', payment_id: `pay_${p.txId}`, order_id: p.orderId, tx_id: p.txId, user_id: p.me.userId, amount: 3000, status: 'PAYMENT_COMPLETED', created_at: '2026-07-03T00:00:00.000000Z', confirmed_at: '2026-07-03T00:00:02.000000Z', ...d.body };
  const raw = d.raw ?? JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (d.event !== null) headers['x-payment-event'] = d.event ?? 'payment.completed';
  if (d.signature !== null) headers['x-payment-signature'] = d.signature ?? webhookSignature(SECRET, raw);
  if (d.auth !== null) headers.authorization = d.auth ?? `Bearer ${SERVICE_TOKEN}`;
  return t.app.inject({ method: 'POST', url: d.path, headers, payload: raw });
}

describe('confirm v2 with the built-in payment server', () => {
  it('pays: lines ORDER_RECEIVED → PAYMENT_REQUESTED → PAYMENT_COMPLETED, the webhook over HTTP, the row settled', async () => {
    const me = await newUser(t.app);
    const { orderId, kokOrderIds } = await order(me);
    const res = await confirm(me, orderId);
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({ order_id: orderId, kok_order_ids: kokOrderIds, hs_order_id: null, status: 'PAYMENT_COMPLETED', payment_amount: 3000, method: 'WEBHOOK_V2', order_id_internal: orderId });
    expect(out.payment_id).toBe(`pay_${out.tx_id}`);
    expect(out.tx_id).toMatch(new RegExp(`^tx_${orderId}_[A-Za-z0-9_-]{11}$`));
    for (const line of kokOrderIds) expect(await codes(line)).toEqual(['ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'PAYMENT_COMPLETED']);
    expect((await notices()).map((n) => n.TITLE)).toEqual(['결제 요청', '결제 요청', '주문 완료', '주문 완료']);
    expect(await txRow(out.tx_id)).toMatchObject({ STATUS: 'COMPLETED', AMOUNT: 3000, PAYMENT_ID: out.payment_id, LAST_EVENT: 'payment.completed' });
    expect((await txRow(out.tx_id)).CALLBACK_TOKEN_HASH).toMatch(/^[0-9a-f]{64}$/);
    expect(sim.payment(out.payment_id)?.status).toBe('PAYMENT_COMPLETED');

    const again = await confirm(me, orderId);
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual({ detail: `주문 ID ${kokOrderIds[0]}의 상태가 결제 가능한 상태가 아닙니다.` });
  });

  it("another user's order is 404 and nothing is written", async () => {
    const owner = await newUser(t.app);
    const other = await newUser(t.app);
    const { orderId, kokOrderIds } = await order(owner);
    const res = await confirm(other, orderId);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ detail: '주문 내역이 없습니다.' });
    expect(await codes(kokOrderIds[0]!)).toEqual(['ORDER_RECEIVED']);
    expect(await kokDb(t).selectFrom('PAYMENT_TRANSACTIONS').selectAll().execute()).toEqual([]);
  });

  it('a failed payment answers 400 with the reason and cancels the order', async () => {
    sim.setScenario({ next: ['fail'] });
    const me = await newUser(t.app);
    const { orderId, kokOrderIds } = await order(me);
    const res = await confirm(me, orderId);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ detail: '결제가 실패했습니다: insufficient_funds' });
    expect(await codes(kokOrderIds[0]!)).toEqual(['ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'CANCELLED']);
    const header = await kokDb(t).selectFrom('ORDERS').select('CANCEL_TIME').where('ORDER_ID', '=', orderId).executeTakeFirstOrThrow();
    expect(header.CANCEL_TIME).not.toBeNull();
  });

  it('payment server down: 503 in the contract format, the order left PAYMENT_REQUESTED', async () => {
    t.config.payment.serverUrl2 = 'http://127.0.0.1:1';
    const me = await newUser(t.app);
    const { orderId, kokOrderIds } = await order(me);
    const res = await confirm(me, orderId);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ detail: '외부 결제 서비스에 연결할 수 없습니다.' });
    expect(await codes(kokOrderIds[0]!)).toEqual(['ORDER_RECEIVED', 'PAYMENT_REQUESTED']);
  });

  it('a webhook that arrives after the create call timed out still settles the order (W3)', async () => {
    sim.setScenario({ next: [{ slow_create_ms: 1_000_000 }] });
    const me = await newUser(t.app);
    const { orderId, kokOrderIds } = await order(me);
    const res = await confirm(me, orderId);
    expect(res.statusCode).toBe(503);
    await vi.waitFor(async () => expect(await codes(kokOrderIds[0]!)).toContain('PAYMENT_COMPLETED'), { timeout: 5000, interval: 50 });
    expect(await codes(kokOrderIds[1]!)).toEqual(['ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'PAYMENT_COMPLETED']);
  });
  it('a retry after the expiry cancels the stale order and says so; within it, the order is not payable', async () => {
    const me = await newUser(t.app);
    sim.setScenario({ next: ['no_webhook'] });
    const { orderId, kokOrderIds } = await order(me);
    expect((await confirm(me, orderId)).json()).toMatchObject({ status: 'PENDING' });
    expect((await confirm(me, orderId)).json()).toEqual({ detail: `주문 ID ${kokOrderIds[0]}의 상태가 결제 가능한 상태가 아닙니다.` });
    // Age the PAYMENT_REQUESTED rows past the 5-minute expiry.
    await kokDb(t).updateTable('KOK_ORDER_STATUS_HISTORY').set({ CHANGED_AT: new Date(Date.now() - 600_000) }).execute();
    const res = await confirm(me, orderId);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ detail: '이전 결제 확인이 시간 초과로 취소되었습니다. 주문을 다시 진행해주세요.' });
    expect(await codes(kokOrderIds[0]!)).toEqual(['ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'CANCELLED']);
    const header = await kokDb(t).selectFrom('ORDERS').select('CANCEL_TIME').where('ORDER_ID', '=', orderId).executeTakeFirstOrThrow();
    expect(header.CANCEL_TIME).not.toBeNull();
  });
});

describe('waiting for the webhook', () => {
  it('wakes the confirm when the webhook settles it later, also when the webhook reaches another instance', async () => {
    // Servers: the payment server calls a second instance on the same databases and Redis; embedded: this one.
    const other = onServers ? await startApp({ env: ENV(sim.url), redisPrefix: REDIS_PREFIX }) : t;
    try {
      if (other !== t) await other.app.listen({ host: '127.0.0.1', port: 0 });
      t.config.payment.webhookBaseUrl = baseUrl(other);
      t.config.payment.waitTimeoutMs = 10_000;
      // The create call answers PENDING at once; the webhook comes ~150 ms later.
      sim.setScenario({ next: [{ async_create: true, delay_webhook_ms: 150_000 }] });
      const me = await newUser(t.app);
      const { orderId } = await order(me);
      const started = Date.now();
      const res = await confirm(me, orderId);
      expect(res.json()).toMatchObject({ status: 'PAYMENT_COMPLETED', order_id: orderId });
      // Woken by the settlement, not by the end of the 10 s wait.
      expect(Date.now() - started).toBeLessThan(5000);
      await sim.settled();
      expect(sim.webhooks(res.json().tx_id)[0]?.url).toContain(baseUrl(other));
    } finally {
      if (other !== t) await other.close();
    }
  });
});

describe('confirm v1 (legacy polling)', () => {
  const confirmV1 = (me: LoggedIn, orderId: number, payload?: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/orders/payment/${orderId}/confirm/v1`, headers: me.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('polls the legacy server until the payment completes', async () => {
    const me = await newUser(t.app);
    const { orderId, kokOrderIds } = await order(me);
    const res = await confirmV1(me, orderId, { method: 'CARD' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ order_id: orderId, kok_order_ids: kokOrderIds, hs_order_id: null, status: 'PAYMENT_COMPLETED', payment_amount: 3000, method: 'CARD', order_id_internal: orderId, payment_id: expect.stringMatching(/^pay_/) });
    expect(await codes(kokOrderIds[0]!)).toEqual(['ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'PAYMENT_COMPLETED']);
  });

  it('a failed payment is 400 and cancels; one never final is 408 after 30 polls and cancels; no body is 422', async () => {
    const me = await newUser(t.app);
    sim.setScenario({ next: ['fail'] });
    const failed = await order(me);
    expect((await confirmV1(me, failed.orderId, {})).json()).toEqual({ detail: '결제가 실패했습니다.' });
    expect(await codes(failed.kokOrderIds[0]!)).toEqual(['ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'CANCELLED']);

    sim.setScenario({ next: ['no_webhook'] });
    const stuck = await order(me);
    const res = await confirmV1(me, stuck.orderId, {});
    expect(res.statusCode).toBe(408);
    expect(res.json()).toEqual({ detail: '결제 상태 확인 시간 초과' });
    expect(await codes(stuck.kokOrderIds[0]!)).toEqual(['ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'CANCELLED']);

    const fresh = await order(me);
    const missing = await confirmV1(me, fresh.orderId);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().detail[0]).toMatchObject({ type: 'missing', loc: ['body'] });
  });
});

describe('the v2 webhook', () => {
  it('20 identical deliveries at once settle once: one set of rows, the rest 200 duplicate', async () => {
    const me = await newUser(t.app);
    const p = await pendingPayment(me);
    const answers = await Promise.all(Array.from({ length: 20 }, () => deliver(p, { path: p.path })));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200));
    const bodies = answers.map((a) => a.json());
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1);
    expect(bodies.find((b) => !b.duplicate)).toMatchObject({ received: true, ok: true, order_id: p.orderId, event: 'payment.completed', kok_order_ids: p.kokOrderIds });
    expect(bodies.filter((b) => b.duplicate === true && b.ok === true)).toHaveLength(19);
    for (const line of p.kokOrderIds) expect(await codes(line)).toEqual(['ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'PAYMENT_COMPLETED']);
    expect((await notices()).filter((n) => n.TITLE === '주문 완료')).toHaveLength(2);
  });

  it('refuses every forgery with 400 `webhook handling failed` and changes nothing', async () => {
    const me = await newUser(t.app);
    const p = await pendingPayment(me);
    const raw = JSON.stringify({ version: 'v2', payment_id: `pay_${p.txId}`, order_id: p.orderId, tx_id: p.txId, user_id: me.userId, amount: 3000, status: 'PAYMENT_COMPLETED' });
    const forgeries: Array<Partial<Delivery>> = [
      { signature: 'AAAA' },
      { signature: null },
      { signature: 'dev_signature_skip' },
      { raw: raw.replace("3000", "3"), signature: webhookSignature(SECRET, raw) },
      { path: p.path.replace(/t=[^&]+/, 't=wrong') },
      { path: p.path.replace(/\?.*$/, '') },
      { body: { amount: 1 } },
      { body: { user_id: me.userId + 1 } },
      { body: { tx_id: 'tx_other' } },
      { event: 'payment.failed' },
      { event: null },
      { auth: 'Bearer wrong' },
      { raw: 'not json' },
    ];
    for (const forgery of forgeries) {
      const res = await deliver(p, { path: p.path, ...forgery });
      expect([forgery, res.statusCode, res.json()]).toEqual([forgery, 400, { detail: 'webhook handling failed' }]);
    }
    expect(await codes(p.kokOrderIds[0]!)).toEqual(['ORDER_RECEIVED', 'PAYMENT_REQUESTED']);
    expect(await txRow(p.txId)).toMatchObject({ STATUS: 'REQUESTED' });
    // The genuine one still goes through afterwards.
    expect((await deliver(p, { path: p.path })).json()).toMatchObject({ ok: true, event: 'payment.completed' });
  });

  it('a late success never revives an order the stale cancellation cancelled', async () => {
    const me = await newUser(t.app);
    const p = await pendingPayment(me);
    const cancelled = await t.services.orders.staleCancellation.run(new Date(Date.now() + 3_600_000));
    expect(cancelled).toEqual([p.orderId]);
    const res = await deliver(p, { path: p.path });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ received: true, ok: false, reason: 'order_not_payable' });
    expect(await codes(p.kokOrderIds[0]!)).toEqual(['ORDER_RECEIVED', 'PAYMENT_REQUESTED', 'CANCELLED']);
    expect(await txRow(p.txId)).toMatchObject({ STATUS: 'EXPIRED' });
  });
});

describe.skipIf(onServers)('embedded mode', () => {
  it('pays end to end with the built-in payment server it started itself, in about a second', async () => {
    const own = await startApp();
    try {
      expect(own.config.payment.serverUrl2).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(own.config.payment.webhookSecret).toBeTruthy();
      await own.app.listen({ host: '127.0.0.1', port: 0 });
      own.config.payment.webhookBaseUrl = baseUrl(own);
      const me = await newUser(own.app);
      const { orderId } = await seedOrder(own, { userId: me.userId, at: T0, kok: [{ productId: 1 }], statuses: ['ORDER_RECEIVED'] });
      const started = Date.now();
      const res = await own.app.inject({ method: 'POST', url: `/api/orders/payment/${orderId}/confirm/v2`, headers: me.headers });
      expect(res.json()).toMatchObject({ status: 'PAYMENT_COMPLETED', payment_amount: 1000 });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await own.close();
    }
  });
});
