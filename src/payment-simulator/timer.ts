// The simulator's notion of time: a clock for the timestamps it writes and a sleep that applies the time scale,
// so tests run the spec's seconds in milliseconds and can inject their own clock.
import { type Clock, systemClock } from '../platform/clock/clock.js';

export interface Timings {
  /** Multiplies every deliberate wait (completion, webhook delay, backoff, slow create); 0.001 turns s into ms. */
  time_scale: number;
  /** From create to completion (the original sleeps 2 s). */
  complete_delay_ms: number;
  /** Backoff base: attempt n failing waits base × 2^(n-1) (1 s, 2 s, 4 s). */
  webhook_retry_delay_ms: number;
  /** Retries after the first attempt (3 → 4 attempts). */
  webhook_max_retries: number;
  /** Per-attempt timeout; not scaled, since it guards a real connection rather than simulating a delay. */
  webhook_timeout_ms: number;
}

export const FAITHFUL_TIMINGS: Timings = {
  time_scale: 1,
  complete_delay_ms: 2000,
  webhook_retry_delay_ms: 1000,
  webhook_max_retries: 3,
  webhook_timeout_ms: 10_000,
};

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** A real timer that ends early (rejecting) when the simulator closes. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

export class SimTimer {
  constructor(
    private readonly timings: () => Timings,
    private readonly stopping: AbortSignal,
    readonly clock: Clock = systemClock,
    private readonly sleepFn: Sleep = realSleep,
  ) {}

  /** UTC ISO-8601 with `Z`, as the payment server writes (millisecond precision, which §15.2 allows). */
  timestamp(): string {
    return this.clock.now().toISOString();
  }

  /** Waits `specMs` of simulated time. */
  async wait(specMs: number): Promise<void> {
    const ms = specMs * this.timings().time_scale;
    if (ms > 0) await this.sleepFn(ms, this.stopping);
  }
}
