// The webhook exactly as the payment server sends it (api-order-payment §9.3/§9.4), bent by the scenario's
// security switches so each of the backend's checks (§8.5, W5–W8) can be exercised.
import { webhookSignature } from '../platform/http/webhook-signature.js';
import { type JsonValue, pythonJson } from './python-json.js';
import type { Scenario } from './scenario.js';
import type { PaymentRecord } from './store.js';

export const DEV_SIGNATURE_SKIP = 'dev_signature_skip';

export interface WebhookRequest {
  url: string;
  event: string | null;
  headers: Record<string, string>;
  body: string;
}

export interface SigningKeys {
  webhookSecret: string;
  serviceAuthToken: string;
  /** Decision 14: also send X-Payment-Timestamp and sign "{timestamp}.{body}". */
  timestampedSignatures: boolean;
}

const EVENT_OF: Record<PaymentRecord['status'], string> = {
  PENDING: 'payment.completed',
  PAYMENT_COMPLETED: 'payment.completed',
  PAYMENT_FAILED: 'payment.failed',
  PAYMENT_CANCELLED: 'payment.cancelled',
};

/** The §9.4 body, keys in the original's order; `failure_reason` follows on failed/cancelled payments. */
function payload(record: PaymentRecord, scenario: Scenario): Record<string, JsonValue> {
  const body: Record<string, JsonValue> = {
    version: 'v2',
    payment_id: record.payment_id,
    order_id: record.order_id,
    tx_id: scenario.wrong_tx_id_in_body ? `${record.tx_id}_other` : record.tx_id,
    user_id: scenario.wrong_user_id ? record.user_id + 1 : record.user_id,
    amount: scenario.wrong_amount ? record.amount + 1 : record.amount,
    status: record.status,
    created_at: record.created_at,
    confirmed_at: record.confirmed_at,
  };
  if (record.status === 'PAYMENT_FAILED' || record.status === 'PAYMENT_CANCELLED') body.failure_reason = scenario.failure_reason;
  return body;
}

function withoutCallbackToken(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete('t');
  return parsed.toString();
}

/** An event that contradicts the body: the replay-with-another-event attack of W5. */
function wrongEvent(event: string): string {
  return event === 'payment.completed' ? 'payment.failed' : 'payment.completed';
}

export function buildWebhookRequest(record: PaymentRecord, scenario: Scenario, keys: SigningKeys, unixSeconds: number): WebhookRequest {
  const fields = payload(record, scenario);
  const body = pythonJson(fields);
  // Tampering changes the bytes after signing, so the signature no longer matches what arrives.
  const sent = scenario.tamper_body_after_sign ? pythonJson({ ...fields, amount: (fields.amount as number) + 1000 }) : body;
  const trueEvent = EVENT_OF[record.status];
  const event = scenario.omit_event_header ? null : scenario.wrong_event_header ? wrongEvent(trueEvent) : trueEvent;
  const timestamp = String(unixSeconds);
  const signedText = keys.timestampedSignatures ? `${timestamp}.${body}` : body;
  const secret = scenario.bad_signature ? `${keys.webhookSecret}_wrong` : keys.webhookSecret;

  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (event !== null) headers['x-payment-event'] = event;
  if (scenario.dev_skip_signature) headers['x-payment-signature'] = DEV_SIGNATURE_SKIP;
  else if (!scenario.omit_signature) headers['x-payment-signature'] = webhookSignature(secret, Buffer.from(signedText, 'utf8'));
  if (keys.timestampedSignatures) headers['x-payment-timestamp'] = timestamp;
  if (scenario.wrong_auth_token) headers.authorization = 'Bearer wrong_service_token';
  else if (keys.serviceAuthToken) headers.authorization = `Bearer ${keys.serviceAuthToken}`;

  const url = scenario.omit_callback_token ? withoutCallbackToken(record.callback_url) : record.callback_url;
  return { url, event, headers, body: sent };
}
