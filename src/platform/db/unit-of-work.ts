// One unit of work: a transaction that several repositories join. Repository methods take an optional executor
// (`repo.method(args, trx?)`) and run on their database's Kysely when none is given; row locks are taken with
// `lockRows` (dialect.ts) inside the transaction.
import type { Kysely, Transaction } from 'kysely';

/** Where a repository statement runs: the database itself or an open transaction on it. */
export type Executor<DB> = Kysely<DB> | Transaction<DB>;

/**
 * Runs `work` in a transaction and commits when it resolves, rolls back when it throws. Called with a transaction it
 * joins it (no second BEGIN, no savepoint), so a service that opens a unit of work can be called from a flow that
 * already has one. Inside `work` every statement must go through `trx`: on PGlite (one session) a statement on the
 * plain Kysely waits for this transaction to end, which never comes.
 */
export function inTransaction<DB, T>(db: Executor<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<DB>) : db.transaction().execute(work);
}
