// The legacy v1 payment API (api-order-payment §7.1 steps 3 and 5): POST {url}/pay and GET {url}/payment-status/{id}.
import { BadRequestError, HttpError, ServiceUnavailableError } from '../../platform/http/errors.js';
import { PAYMENT_MESSAGES as MSG } from './messages.js';

const PAY_TIMEOUT_MS = 20_000;
const STATUS_TIMEOUT_MS = 15_000;

export type LegacyStatus = 'PENDING' | 'PAYMENT_COMPLETED' | 'PAYMENT_FAILED';

export class LegacyPaymentServer {
  constructor(private readonly baseUrl: () => string) {}

  async pay(body: { order_id: number; payment_amount: number; idempotency_key: string; method: string }): Promise<{ paymentId: string; method: string | null }> {
    let response: Response;
    let json: { payment_id?: unknown; method?: unknown } | undefined;
    try {
      response = await fetch(`${this.url()}/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(PAY_TIMEOUT_MS) });
      json = (await response.json().catch(() => undefined)) as typeof json;
    } catch {
      throw new ServiceUnavailableError(MSG.serverUnreachable);
    }
    if (response.status !== 200) throw new BadRequestError(MSG.v1CallFailed(response.status));
    if (typeof json?.payment_id !== 'string') throw new HttpError(502, MSG.v1NoPaymentId);
    return { paymentId: json.payment_id, method: typeof json.method === 'string' ? json.method : null };
  }

  /** One poll; a transport error or a non-200 answer counts as still pending (§7.1 step 5). */
  async status(paymentId: string): Promise<LegacyStatus> {
    try {
      const response = await fetch(`${this.url()}/payment-status/${encodeURIComponent(paymentId)}`, { signal: AbortSignal.timeout(STATUS_TIMEOUT_MS) });
      if (response.status !== 200) return 'PENDING';
      const status = ((await response.json()) as { status?: unknown }).status;
      return status === 'PAYMENT_COMPLETED' || status === 'PAYMENT_FAILED' ? status : 'PENDING';
    } catch {
      return 'PENDING';
    }
  }

  private url(): string {
    return this.baseUrl().replace(/\/+$/, '');
  }
}
