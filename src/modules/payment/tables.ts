// The payment module's table (SERVICE_DB, api-order-payment §14 W1): one row per confirm v2 attempt.

/** REQUESTED until the webhook settles it (COMPLETED / FAILED), or EXPIRED when the order was no longer payable. */
export type PaymentTxStatus = 'REQUESTED' | 'COMPLETED' | 'FAILED' | 'EXPIRED';

export interface PaymentTransactionsTable {
  TX_ID: string;
  ORDER_ID: number;
  USER_ID: number;
  AMOUNT: number;
  /** SHA-256 hex of the callback token: the token itself exists only in the callback URL. */
  CALLBACK_TOKEN_HASH: string;
  STATUS: PaymentTxStatus;
  PAYMENT_ID: string | null;
  LAST_EVENT: string | null;
  FAILURE_REASON: string | null;
  CREATED_AT: Date;
  UPDATED_AT: Date;
  SETTLED_AT: Date | null;
}

export interface PaymentTables {
  PAYMENT_TRANSACTIONS: PaymentTransactionsTable;
}
