// Environment → simulator options for the standalone command (names of api-order-payment §1 and §15).
import type { PaymentSimulatorOptions } from './simulator.js';
import type { Outcome } from './scenario.js';
import type { Timings } from './timer.js';

export const DEFAULT_PORT = 9002;

export class SimulatorConfigError extends Error {}

function numberFrom(env: NodeJS.ProcessEnv, name: string, scale = 1): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new SimulatorConfigError(`${name} must be a number ≥ 0, got '${raw}'`);
  return value * scale;
}

/** SIM_SCENARIO is an outcome name (`fail`) or a JSON object of switches (`{"result":"fail","async_create":true}`). */
function scenarioFrom(raw: string | undefined): Outcome | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  if (!text.startsWith('{')) return text;
  try {
    return JSON.parse(text) as Outcome;
  } catch {
    throw new SimulatorConfigError('SIM_SCENARIO is neither an outcome name nor a JSON object');
  }
}

export function simulatorOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): PaymentSimulatorOptions {
  const timings: Partial<Timings> = {};
  const set = <K extends keyof Timings>(key: K, value: number | undefined) => {
    if (value !== undefined) timings[key] = value;
  };
  set('time_scale', numberFrom(env, 'SIM_TIME_SCALE'));
  set('complete_delay_ms', numberFrom(env, 'SIM_COMPLETE_DELAY_MS'));
  set('webhook_max_retries', numberFrom(env, 'WEBHOOK_MAX_RETRIES'));
  // The original's two are seconds.
  set('webhook_retry_delay_ms', numberFrom(env, 'WEBHOOK_RETRY_DELAY', 1000));
  set('webhook_timeout_ms', numberFrom(env, 'WEBHOOK_TIMEOUT', 1000));
  if (timings.webhook_max_retries !== undefined && !Number.isInteger(timings.webhook_max_retries)) {
    throw new SimulatorConfigError('WEBHOOK_MAX_RETRIES must be an integer');
  }
  const port = numberFrom(env, 'PAYMENT_SIM_PORT') ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port > 65535) throw new SimulatorConfigError('PAYMENT_SIM_PORT must be a port number');
  const flag = (name: string) => ['1', 'true', 'yes', 'on'].includes((env[name] ?? '').trim().toLowerCase());
  return {
    host: env.PAYMENT_SIM_HOST?.trim() || '0.0.0.0',
    port,
    webhookSecret: env.PAYMENT_WEBHOOK_SECRET?.trim() ?? '',
    serviceAuthToken: env.SERVICE_AUTH_TOKEN?.trim() ?? '',
    timings,
    defaultScenario: scenarioFrom(env.SIM_SCENARIO),
    timestampedSignatures: flag('SIM_SIGN_TIMESTAMP'),
    logSecrets: flag('SIM_LOG_SECRETS'),
  };
}
