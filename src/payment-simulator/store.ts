// The simulator's memory (like the original's in-process map): payments by payment_id and every webhook attempt.
import type { Scenario } from './scenario.js';

export type PaymentStatus = 'PENDING' | 'PAYMENT_COMPLETED' | 'PAYMENT_FAILED' | 'PAYMENT_CANCELLED';

/** The stored record, in the field order of api-order-payment §9.2. */
export interface PaymentRecord {
  payment_id: string;
  order_id: number;
  tx_id: string;
  user_id: number;
  amount: number;
  status: PaymentStatus;
  created_at: string;
  confirmed_at: string | null;
  callback_url: string;
}

export interface DeliveryAttempt {
  tx_id: string;
  url: string;
  /** 1 for the first webhook of a payment, 2 for a duplicate_webhook copy, … */
  delivery: number;
  attempt: number;
  event: string | null;
  request_headers: Record<string, string>;
  body: string;
  response_status: number | null;
  response_body: string | null;
  error: string | null;
  started_at: string;
  finished_at: string;
}

export class SimulatorStore {
  private readonly payments = new Map<string, { record: PaymentRecord; scenario: Scenario }>();
  private readonly attempts: DeliveryAttempt[] = [];

  /** A repeated tx_id overwrites the earlier record (the original has no idempotency, §9.2). */
  save(record: PaymentRecord, scenario: Scenario): void {
    this.payments.set(record.payment_id, { record, scenario });
  }

  get(paymentId: string): { record: PaymentRecord; scenario: Scenario } | undefined {
    return this.payments.get(paymentId);
  }

  records(): PaymentRecord[] {
    return [...this.payments.values()].map((p) => p.record);
  }

  logAttempt(attempt: DeliveryAttempt): void {
    this.attempts.push(attempt);
  }

  deliveryLog(txId?: string): DeliveryAttempt[] {
    return txId === undefined ? [...this.attempts] : this.attempts.filter((a) => a.tx_id === txId);
  }

  clear(): void {
    this.payments.clear();
    this.attempts.length = 0;
  }
}
