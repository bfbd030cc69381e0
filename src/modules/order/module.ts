// Builds the order module. Today it answers what other modules ask of the orders; checkout comes next.
import type { Db } from '../../platform/db/connect.js';
import { OrderRepo } from './repo.js';
import type { OrderTables } from './tables.js';

export interface OrderServices {
  /** KOK price ids the user has ordered (store-best). */
  orderedKokPriceIds(userId: number): Promise<number[]>;
}

export function createOrderServices(db: Db<OrderTables>): OrderServices {
  const repo = new OrderRepo(db);
  return { orderedKokPriceIds: (userId) => repo.orderedKokPriceIds(userId) };
}
