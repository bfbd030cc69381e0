// Delivers one webhook over real HTTP with the payment server's retry policy (§9.3): up to 1 + max_retries
// attempts, each with its own timeout, backoff base × 2^(n-1) between them; every failure is retried in faithful
// mode (4xx included), and each attempt is logged for GET /__sim/webhooks.
import type { DeliveryAttempt, SimulatorStore } from './store.js';
import type { SimTimer, Timings } from './timer.js';
import type { WebhookRequest } from './webhook-request.js';

const LOGGED_RESPONSE_CHARS = 2000;
const SECRET_HEADERS = ['authorization', 'x-payment-signature'];
export const REDACTED = '***';

export interface DeliveryContext {
  store: SimulatorStore;
  timer: SimTimer;
  timings: Timings;
  retry4xx: boolean;
  /** Log Authorization, the signature and the callback token as sent (tests that replay); redacted otherwise. */
  logSecrets: boolean;
  stopping: AbortSignal;
}

function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.searchParams.has('t')) parsed.searchParams.set('t', REDACTED);
  return parsed.toString();
}

function loggedHeaders(headers: Record<string, string>, logSecrets: boolean): Record<string, string> {
  if (logSecrets) return { ...headers };
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, SECRET_HEADERS.includes(k) ? REDACTED : v]));
}

interface AttemptResult {
  status: number | null;
  body: string | null;
  error: string | null;
}

async function attemptOnce(request: WebhookRequest, ctx: DeliveryContext): Promise<AttemptResult> {
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: Buffer.from(request.body, 'utf8'),
      redirect: 'manual',
      signal: AbortSignal.any([ctx.stopping, AbortSignal.timeout(ctx.timings.webhook_timeout_ms)]),
    });
    const text = await response.text();
    return { status: response.status, body: text.slice(0, LOGGED_RESPONSE_CHARS), error: response.status < 400 ? null : `HTTP ${response.status}` };
  } catch (err) {
    const error = err instanceof Error ? `${err.name}: ${(err.cause as Error | undefined)?.message ?? err.message}` : String(err);
    return { status: null, body: null, error };
  }
}

/** True when an attempt got a status below 400. */
export async function deliverWebhook(txId: string, delivery: number, request: WebhookRequest, ctx: DeliveryContext): Promise<boolean> {
  const attempts = 1 + ctx.timings.webhook_max_retries;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const started_at = ctx.timer.timestamp();
    const result = await attemptOnce(request, ctx);
    const entry: DeliveryAttempt = {
      tx_id: txId,
      url: ctx.logSecrets ? request.url : redactedUrl(request.url),
      delivery,
      attempt,
      event: request.event,
      request_headers: loggedHeaders(request.headers, ctx.logSecrets),
      body: request.body,
      response_status: result.status,
      response_body: result.body,
      error: result.error,
      started_at,
      finished_at: ctx.timer.timestamp(),
    };
    ctx.store.logAttempt(entry);
    if (result.error === null) return true;
    const final4xx = result.status !== null && result.status < 500 && !ctx.retry4xx;
    if (final4xx || attempt === attempts || ctx.stopping.aborted) return false;
    await ctx.timer.wait(ctx.timings.webhook_retry_delay_ms * 2 ** (attempt - 1));
  }
  return false;
}
