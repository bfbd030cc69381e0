// Webhook signatures: standard base64 of HMAC-SHA256(secret, the exact raw body bytes), compared in constant time
// (api-order-payment §8.5, test vector §17.1). Hashing the raw bytes matters: re-serialised JSON signs differently.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function webhookSignature(secret: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/** False for a missing, malformed or wrong signature; never throws and never short-circuits on content. */
export function verifyWebhookSignature(secret: string, rawBody: Buffer | string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(webhookSignature(secret, rawBody));
  const given = Buffer.from(header.trim());
  // timingSafeEqual needs equal lengths; a length mismatch is a wrong signature whatever the content.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
