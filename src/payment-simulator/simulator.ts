// The built-in payment server: a Fastify app speaking the real protocol over HTTP, plus the simulator's controls.
// startPaymentSimulator listens (port 0 = a free one) and hands back what tests and the embedded mode need.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Clock } from '../platform/clock/clock.js';
import { installErrorHandling } from '../platform/http/error-handler.js';
import { installJsonBodyParser } from '../platform/http/json-body.js';
import { registerControlRoutes } from './control-routes.js';
import { LegacyPayments, registerLegacyRoutes } from './legacy-v1.js';
import { PaymentFlow } from './payment-flow.js';
import { registerProtocolRoutes } from './protocol-routes.js';
import { FAITHFUL, type Outcome, ScenarioBook, type ScenarioSettings, toScenario } from './scenario.js';
import { type DeliveryAttempt, type PaymentRecord, SimulatorStore } from './store.js';
import { FAITHFUL_TIMINGS, SimTimer, type Sleep, type Timings } from './timer.js';

export interface PaymentSimulatorOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** PAYMENT_WEBHOOK_SECRET; empty = webhooks cannot be signed and every payment ends cancelled, as in the original. */
  webhookSecret: string;
  /** SERVICE_AUTH_TOKEN, sent as `Authorization: Bearer …` on webhooks when set. */
  serviceAuthToken?: string;
  timings?: Partial<Timings>;
  /** The outcome when nothing else is configured (faithful `complete`). */
  defaultScenario?: Outcome;
  timestampedSignatures?: boolean;
  /** Keep Authorization, signature and callback token unredacted in the delivery log. */
  logSecrets?: boolean;
  clock?: Clock;
  sleep?: Sleep;
  /** Request logs; none when absent. */
  logger?: FastifyBaseLogger;
}

export interface ScenarioUpdate {
  default?: Outcome;
  byOrderId?: Record<string, Outcome>;
  next?: Outcome[];
  timings?: Partial<Timings>;
}

/** What the control endpoints and in-process users can do. */
export interface SimulatorControls {
  setScenario(update: ScenarioUpdate): void;
  scenario(): ScenarioSettings & { timings: Timings };
  reset(): void;
  webhooks(txId?: string): DeliveryAttempt[];
  payment(paymentId: string): PaymentRecord | undefined;
}

export interface PaymentSimulator extends SimulatorControls {
  app: FastifyInstance;
  /** e.g. http://127.0.0.1:41234 — what PAYMENT_SERVER_URL2 should be. */
  url: string;
  /** Resolves once every background delivery started so far has finished (tests of async_create/late webhooks). */
  settled(): Promise<void>;
  /** Stops listening and cuts pending waits and deliveries short. */
  close(): Promise<void>;
}

export async function startPaymentSimulator(options: PaymentSimulatorOptions): Promise<PaymentSimulator> {
  const initialTimings: Timings = { ...FAITHFUL_TIMINGS, ...options.timings };
  let timings = initialTimings;
  const stopping = new AbortController();
  const background = new Set<Promise<unknown>>();
  const store = new SimulatorStore();
  const scenarios = new ScenarioBook(options.defaultScenario === undefined ? FAITHFUL : toScenario(options.defaultScenario));
  const timer = new SimTimer(() => timings, stopping.signal, options.clock, options.sleep);
  const legacy = new LegacyPayments(scenarios, timer, () => timings);
  const flow = new PaymentFlow({
    store,
    scenarios,
    timer,
    timings: () => timings,
    keys: { webhookSecret: options.webhookSecret, serviceAuthToken: options.serviceAuthToken ?? '', timestampedSignatures: options.timestampedSignatures ?? false },
    logSecrets: options.logSecrets ?? false,
    stopping: stopping.signal,
    track: (work) => {
      // A background payment cut short by close() has nothing left to report.
      const quiet = work.catch(() => undefined).finally(() => background.delete(quiet));
      background.add(quiet);
    },
  });

  const controls: SimulatorControls = {
    setScenario(update) {
      scenarios.update(update);
      if (update.timings) timings = { ...timings, ...update.timings };
    },
    scenario: () => ({ ...scenarios.current(), timings }),
    reset() {
      store.clear();
      legacy.clear();
      scenarios.reset();
      timings = initialTimings;
    },
    webhooks: (txId) => store.deliveryLog(txId),
    payment: (paymentId) => store.get(paymentId)?.record,
  };

  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    forceCloseConnections: true,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: true, useDefaults: true, strictNumbers: true } },
  });
  installJsonBodyParser(app);
  installErrorHandling(app);
  registerProtocolRoutes(app, flow, store);
  registerLegacyRoutes(app, legacy);
  registerControlRoutes(app, controls);

  const url = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  return {
    ...controls,
    app,
    url,
    async settled() {
      while (background.size > 0) await Promise.all([...background]);
    },
    async close() {
      stopping.abort(new Error('payment simulator closed'));
      await Promise.all([...background]);
      await app.close();
    },
  };
}
