// The webhook signature check against the contract's test vector (api-order-payment §17.1).
import { describe, expect, it } from 'vitest';
import { verifyWebhookSignature, webhookSignature } from '../src/platform/http/webhook-signature.js';

const SECRET = 'test_webhook_secret';
const BODY =
  '{"version": "v2", "payment_id": "pay_tx_42_AbCdEfGhIjk", "order_id": 42, "tx_id": "tx_42_AbCdEfGhIjk", "user_id": 7, "amount": 25800, "status": "PAYMENT_COMPLETED", "created_at": "2026-07-03T00:14:35.123456Z", "confirmed_at": "2026-07-03T00:14:37.234567Z"}';
const SIGNATURE = 'cugwqgIkA6+XkGBanLJ1x18dJRK3id+4xBnUJejblKc=';

describe('webhook signature', () => {
  it('matches the test vector over the raw bytes, not a re-serialisation', () => {
    expect(Buffer.byteLength(BODY)).toBe(256);
    expect(webhookSignature(SECRET, Buffer.from(BODY))).toBe(SIGNATURE);
    expect(webhookSignature(SECRET, JSON.stringify(JSON.parse(BODY)))).toBe('Epxf04pbzbjqVtw0qgDuuQS10tGdswVAU87exAbn7Bk=');
  });

  it('accepts only the exact signature', () => {
    expect(verifyWebhookSignature(SECRET, BODY, SIGNATURE)).toBe(true);
    expect(verifyWebhookSignature(SECRET, BODY, ` ${SIGNATURE} `)).toBe(true);
    expect(verifyWebhookSignature(SECRET, BODY.replace('25800', '25801'), SIGNATURE)).toBe(false);
    expect(verifyWebhookSignature('other-secret', BODY, SIGNATURE)).toBe(false);
    for (const bad of [undefined, '', 'dev_signature_skip', SIGNATURE.slice(0, -1), `${SIGNATURE}A`]) {
      expect(verifyWebhookSignature(SECRET, BODY, bad)).toBe(false);
    }
  });
});
