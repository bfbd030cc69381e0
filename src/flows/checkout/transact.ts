// The checkout flows' unit of work: one SERVICE_DB transaction that each module joins on its own tables (KOK's cart
// and the orders live in the same database, so one commit covers the claim, the order and the cart deletion).
import type { Transaction } from 'kysely';

export type FlowTransact<All> = <R>(work: (trx: Transaction<All>) => Promise<R>) => Promise<R>;

/**
 * The flow's transaction typed on the tables one module owns. Sound because every FlowTransact is opened on
 * SERVICE_DB, which holds all of them (services.ts builds it from `tablesOf(dbs.service)`).
 */
export function viewOf<Own>(trx: object): Transaction<Own> {
  return trx as unknown as Transaction<Own>;
}
