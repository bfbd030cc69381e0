// SQL over the order tables (ORDERS, KOK_ORDERS, …).
import type { Db } from '../../platform/db/connect.js';
import type { OrderTables } from './tables.js';

export class OrderRepo {
  constructor(private readonly db: Db<OrderTables>) {}

  /** Distinct KOK price ids of every order line the user ever placed (any status). */
  async orderedKokPriceIds(userId: number): Promise<number[]> {
    const rows = await this.db.kysely
      .selectFrom('ORDERS as O')
      .innerJoin('KOK_ORDERS as KO', 'KO.ORDER_ID', 'O.ORDER_ID')
      .select('KO.KOK_PRICE_ID')
      .distinct()
      .where('O.USER_ID', '=', userId)
      .execute();
    return rows.map((r) => r.KOK_PRICE_ID);
  }
}
