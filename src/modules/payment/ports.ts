// What the payment module asks of the order module; services.ts wires each to the order services (README rule 2).
// Both live in SERVICE_DB: the order steps run on the payment's own transaction.
import type { Transaction } from 'kysely';
import type { PaymentTables } from './tables.js';

export interface PaymentOrder {
  orderId: number;
  userId: number;
  kokOrderIds: number[];
  hsOrderId: number | null;
  amount: number;
}

export type Settlement = 'completed' | 'failed';

export interface PaymentOrders {
  /** Locks the ORDERS row; every payment write on an order takes this lock first. */
  lock(orderId: number, trx: Transaction<PaymentTables>): Promise<void>;
  /** Cancels the caller's order (own transaction, committed) when a line was left PAYMENT_REQUESTED past the expiry. */
  cancelIfStale(orderId: number, userId: number): Promise<boolean>;
  /** Locks the caller's order and marks every line PAYMENT_REQUESTED; throws the contract's 404/400. */
  request(orderId: number, userId: number, trx: Transaction<PaymentTables>): Promise<PaymentOrder>;
  /** Applies the outcome while every line is still PAYMENT_REQUESTED (order already locked); null otherwise. */
  settle(orderId: number, outcome: Settlement, trx: Transaction<PaymentTables>): Promise<PaymentOrder | null>;
}
