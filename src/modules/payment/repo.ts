// SQL over PAYMENT_TRANSACTIONS.
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { PaymentTables, PaymentTransactionsTable, PaymentTxStatus } from './tables.js';

export type PaymentTxRow = Selectable<PaymentTransactionsTable>;

export interface SettledFields {
  status: Exclude<PaymentTxStatus, 'REQUESTED'>;
  paymentId: string | null;
  event: string;
  reason: string | null;
  at: Date;
}

export class PaymentRepo {
  constructor(readonly db: Db<PaymentTables>) {}

  async insert(row: PaymentTxRow, trx: Executor<PaymentTables>): Promise<void> {
    await trx.insertInto('PAYMENT_TRANSACTIONS').values(row).execute();
  }

  async get(txId: string, trx?: Executor<PaymentTables>): Promise<PaymentTxRow | undefined> {
    return (trx ?? this.db.kysely).selectFrom('PAYMENT_TRANSACTIONS').selectAll().where('TX_ID', '=', txId).executeTakeFirst();
  }

  /** REQUESTED → settled, compare-and-set: answers whether this call settled it. */
  async settle(txId: string, fields: SettledFields, trx: Executor<PaymentTables>): Promise<boolean> {
    const result = await trx
      .updateTable('PAYMENT_TRANSACTIONS')
      .set({ STATUS: fields.status, PAYMENT_ID: fields.paymentId, LAST_EVENT: fields.event, FAILURE_REASON: fields.reason, UPDATED_AT: fields.at, SETTLED_AT: fields.at })
      .where('TX_ID', '=', txId)
      .where('STATUS', '=', 'REQUESTED')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Remembers the payment server's payment id of a still-open transaction (the PENDING answer shows it). */
  async notePaymentId(txId: string, paymentId: string, at: Date): Promise<void> {
    await this.db.kysely.updateTable('PAYMENT_TRANSACTIONS').set({ PAYMENT_ID: paymentId, UPDATED_AT: at }).where('TX_ID', '=', txId).where('STATUS', '=', 'REQUESTED').execute();
  }
}
