// Scenario switches (api-order-payment §15.3): what the simulator does with one payment. The backend sends no
// extra fields, so the choice is configuration: the next queued outcome, else the order's, else the default.
import type { ValidationItem } from '../platform/http/validation.js';

export const RESULTS = ['complete', 'fail', 'cancel', 'no_webhook'] as const;
export type Result = (typeof RESULTS)[number];

/** Switches that are simply on or off; each name is also accepted alone as an outcome. */
export const FLAGS = [
  'bad_signature',
  'omit_signature',
  'dev_skip_signature',
  'omit_event_header',
  'wrong_event_header',
  'tamper_body_after_sign',
  'wrong_amount',
  'wrong_tx_id_in_body',
  'wrong_user_id',
  'omit_callback_token',
  'wrong_auth_token',
  'async_create',
] as const;
export type Flag = (typeof FLAGS)[number];

export type DuplicateMode = 'off' | 'sequential' | 'concurrent';

export interface Scenario extends Record<Flag, boolean> {
  result: Result;
  /** Sent as `failure_reason` with `fail` and `cancel`. */
  failure_reason: string;
  /** Extra simulated wait between completion and delivery (with `async_create`: a webhook after the answer). */
  delay_webhook_ms: number;
  /** Simulated wait before the create call does anything (the backend's create timeout, W3). */
  slow_create_ms: number;
  /** Answer the create call with this HTTP status and do nothing else. */
  create_http_error: number | null;
  duplicate_webhook: DuplicateMode;
  /** Faithful: 4xx answers are retried like any failure; off = a 4xx is final. */
  retry_4xx: boolean;
}

export const FAITHFUL: Scenario = {
  result: 'complete',
  failure_reason: 'insufficient_funds',
  delay_webhook_ms: 0,
  slow_create_ms: 0,
  create_http_error: null,
  duplicate_webhook: 'off',
  retry_4xx: true,
  ...(Object.fromEntries(FLAGS.map((f) => [f, false])) as Record<Flag, boolean>),
};

/** An outcome as configured: a switch name (`"fail"`, `"bad_signature"`, `"duplicate_webhook"`) or some knobs. */
export type Outcome = string | Partial<Scenario>;

export class ScenarioError extends Error {
  constructor(readonly items: ValidationItem[]) {
    super('invalid scenario');
  }
}

const NUMBER_KNOBS = ['delay_webhook_ms', 'slow_create_ms'] as const;

function invalid(loc: Array<string | number>, input: unknown, msg: string): never {
  throw new ScenarioError([{ type: 'value_error', loc, msg, input }]);
}

/** The full scenario an outcome stands for; unknown names or knobs of the wrong type are refused. */
export function toScenario(outcome: Outcome, loc: Array<string | number> = []): Scenario {
  if (typeof outcome === 'string') {
    if ((RESULTS as readonly string[]).includes(outcome)) return { ...FAITHFUL, result: outcome as Result };
    if ((FLAGS as readonly string[]).includes(outcome)) return { ...FAITHFUL, [outcome]: true };
    if (outcome === 'duplicate_webhook') return { ...FAITHFUL, duplicate_webhook: 'sequential' };
    if (outcome === 'no_retry_4xx') return { ...FAITHFUL, retry_4xx: false };
    return invalid(loc, outcome, `Unknown outcome '${outcome}'`);
  }
  if (outcome === null || typeof outcome !== 'object' || Array.isArray(outcome)) return invalid(loc, outcome, 'Outcome should be a name or an object');
  const scenario: Scenario = { ...FAITHFUL };
  for (const [key, value] of Object.entries(outcome)) {
    const at = [...loc, key];
    if (key === 'result') {
      if (!(RESULTS as readonly unknown[]).includes(value)) invalid(at, value, `Input should be ${RESULTS.map((r) => `'${r}'`).join(', ')}`);
      scenario.result = value as Result;
    } else if (key === 'failure_reason') {
      if (typeof value !== 'string') invalid(at, value, 'Input should be a valid string');
      scenario.failure_reason = value;
    } else if ((NUMBER_KNOBS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) invalid(at, value, 'Input should be a number ≥ 0');
      scenario[key as (typeof NUMBER_KNOBS)[number]] = value;
    } else if (key === 'create_http_error') {
      if (value !== null && (!Number.isInteger(value) || (value as number) < 400 || (value as number) > 599)) invalid(at, value, 'Input should be an HTTP status 400–599 or null');
      scenario.create_http_error = value as number | null;
    } else if (key === 'duplicate_webhook') {
      const mode = value === true ? 'sequential' : value === false ? 'off' : value;
      if (mode !== 'off' && mode !== 'sequential' && mode !== 'concurrent') invalid(at, value, "Input should be 'off', 'sequential', 'concurrent' or a boolean");
      scenario.duplicate_webhook = mode;
    } else if (key === 'retry_4xx' || (FLAGS as readonly string[]).includes(key)) {
      if (typeof value !== 'boolean') invalid(at, value, 'Input should be a valid boolean');
      scenario[key as Flag | 'retry_4xx'] = value;
    } else {
      invalid(at, value, `Unknown scenario switch '${key}'`);
    }
  }
  return scenario;
}

export interface ScenarioSettings {
  default: Scenario;
  byOrderId: Record<string, Scenario>;
  next: Scenario[];
}

/** Holds the configured outcomes and picks one per payment. */
export class ScenarioBook {
  private settings: ScenarioSettings;

  constructor(private readonly initial: Scenario) {
    this.settings = { default: initial, byOrderId: {}, next: [] };
  }

  /** The queued outcome is consumed; an order's outcome applies to each of its payments. */
  take(orderId: number): Scenario {
    return this.settings.next.shift() ?? this.settings.byOrderId[String(orderId)] ?? this.settings.default;
  }

  /** Replaces the parts given (each validated first, so a bad request changes nothing). */
  update(input: { default?: Outcome; byOrderId?: Record<string, Outcome>; next?: Outcome[] }): void {
    const next: Partial<ScenarioSettings> = {};
    if (input.default !== undefined) next.default = toScenario(input.default, ['body', 'default']);
    if (input.byOrderId !== undefined) {
      next.byOrderId = Object.fromEntries(Object.entries(input.byOrderId).map(([id, o]) => [id, toScenario(o, ['body', 'byOrderId', id])]));
    }
    if (input.next !== undefined) next.next = input.next.map((o, i) => toScenario(o, ['body', 'next', i]));
    this.settings = { ...this.settings, ...next };
  }

  reset(): void {
    this.settings = { default: this.initial, byOrderId: {}, next: [] };
  }

  current(): ScenarioSettings {
    return { default: this.settings.default, byOrderId: { ...this.settings.byOrderId }, next: [...this.settings.next] };
  }
}
