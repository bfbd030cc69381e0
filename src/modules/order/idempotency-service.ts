// Idempotency-Key on order creation (issue 8 item 2): a repeat of the same request with the same key within 24 h
// answers the first result and creates nothing; the same key with another request is a 422. The key is claimed in
// the creating transaction, so it is stored exactly when the order is, and concurrent repeats wait for the first.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock/clock.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { RequestValidationError } from '../../platform/http/errors.js';
import type { IdempotencyRepo, IdempotencyRow } from './idempotency-repo.js';
import { ORDER_MESSAGES as MSG } from './messages.js';
import type { OrderTables } from './tables.js';

const KEY_LIFETIME_MS = 24 * 3_600_000;

export interface IdempotentRequest {
  userId: number;
  /** The Idempotency-Key header; absent → the work simply runs. */
  key: string | undefined;
  /** Which endpoint: a key reused on another endpoint is "another request". */
  scope: string;
  body: unknown;
}

/** Opens the creating transaction (the caller's: it may span several modules' tables of SERVICE_DB). */
export type Transact = <R>(work: (trx: Transaction<OrderTables>) => Promise<R>) => Promise<R>;

export class OrderIdempotency {
  constructor(
    private readonly repo: IdempotencyRepo,
    private readonly clock: Clock,
  ) {}

  async run<T>(request: IdempotentRequest, transact: Transact, create: (trx: Transaction<OrderTables>) => Promise<T>): Promise<T> {
    const { userId, key } = request;
    if (key === undefined) return transact(create);
    const hash = createHash('sha256').update(`${request.scope}\n${JSON.stringify(request.body)}`).digest('hex');
    const now = this.clock.now();
    await this.repo.dropIfOlder(userId, key, new Date(now.getTime() - KEY_LIFETIME_MS));
    const stored = await this.repo.find(userId, key);
    if (stored) return replay<T>(stored, hash);
    try {
      return await transact(async (trx) => {
        await this.repo.claim({ userId, key, hash, at: now }, trx);
        const answer = await create(trx);
        await this.repo.complete(userId, key, JSON.stringify(answer), trx);
        return answer;
      });
    } catch (err) {
      // A concurrent repeat committed first: answer what it answered.
      const first = isUniqueViolation(err) ? await this.repo.find(userId, key) : undefined;
      if (first) return replay<T>(first, hash);
      throw err;
    }
  }
}

function replay<T>(row: IdempotencyRow, hash: string): T {
  if (row.REQUEST_HASH !== hash) {
    throw new RequestValidationError([{ type: 'idempotency_key_reused', loc: ['header', 'idempotency-key'], msg: MSG.idempotencyKeyReused, input: row.IDEMPOTENCY_KEY }]);
  }
  return JSON.parse(row.RESPONSE_BODY) as T;
}
