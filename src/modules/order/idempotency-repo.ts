// SQL of ORDER_IDEMPOTENCY_KEY: the stored first answer of an order creation sent with an Idempotency-Key.
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { OrderIdempotencyKeyTable, OrderTables } from './tables.js';

export type IdempotencyRow = Selectable<OrderIdempotencyKeyTable>;

export class IdempotencyRepo {
  constructor(private readonly db: Db<OrderTables>) {}

  async find(userId: number, key: string): Promise<IdempotencyRow | undefined> {
    return this.db.kysely.selectFrom('ORDER_IDEMPOTENCY_KEY').selectAll().where('USER_ID', '=', userId).where('IDEMPOTENCY_KEY', '=', key).executeTakeFirst();
  }

  /** Forgets the key when it was stored before `before` (a repeat after 24 h is a new request). */
  async dropIfOlder(userId: number, key: string, before: Date): Promise<void> {
    await this.db.kysely.deleteFrom('ORDER_IDEMPOTENCY_KEY').where('USER_ID', '=', userId).where('IDEMPOTENCY_KEY', '=', key).where('CREATED_AT', '<', before).execute();
  }

  /**
   * Takes the key as the creating transaction's first write. A concurrent request with the same key waits on the
   * unique index until this transaction ends, then gets a unique violation (and replays the stored answer).
   */
  async claim(row: { userId: number; key: string; hash: string; at: Date }, trx: Executor<OrderTables>): Promise<void> {
    const values = { USER_ID: row.userId, IDEMPOTENCY_KEY: row.key, REQUEST_HASH: row.hash, RESPONSE_BODY: '', CREATED_AT: row.at };
    await trx.insertInto('ORDER_IDEMPOTENCY_KEY').values(values).execute();
  }

  /** Stores the answer of the claimed key, in the same transaction. */
  async complete(userId: number, key: string, body: string, trx: Executor<OrderTables>): Promise<void> {
    await trx.updateTable('ORDER_IDEMPOTENCY_KEY').set({ RESPONSE_BODY: body }).where('USER_ID', '=', userId).where('IDEMPOTENCY_KEY', '=', key).execute();
  }
}
