// The payment server's create call (api-order-payment §8.2 step 7, §9.2): POST {url2}/api/v2/payments with the
// bearer token when configured. A transport failure or timeout is "unreachable" (503), any other refusal "start
// failed" (400); the answer's status is ignored, only its payment id is kept.
import { BadRequestError, ServiceUnavailableError } from '../../platform/http/errors.js';
import { PAYMENT_MESSAGES as MSG } from './messages.js';

export interface CreatePayment {
  tx_id: string;
  order_id: number;
  user_id: number;
  amount: number;
  callback_url: string;
}

export interface PaymentServer {
  create(payment: CreatePayment): Promise<{ paymentId: string | null }>;
}

export class HttpPaymentServer implements PaymentServer {
  constructor(
    /** Read at each call: the embedded mode sets it once its simulator listens. */
    private readonly baseUrl: () => string,
    private readonly bearer: string | null,
    private readonly timeoutMs: number,
  ) {}

  async create(payment: CreatePayment): Promise<{ paymentId: string | null }> {
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(`${this.baseUrl().replace(/\/+$/, '')}/api/v2/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}) },
        body: JSON.stringify({ version: 'v2', ...payment }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      body = await response.json().catch(() => undefined);
    } catch {
      throw new ServiceUnavailableError(MSG.serverUnreachable);
    }
    if (!response.ok || body === null || typeof body !== 'object') throw new BadRequestError(MSG.startFailed);
    const paymentId = (body as { payment_id?: unknown }).payment_id;
    return { paymentId: typeof paymentId === 'string' ? paymentId : null };
  }
}
