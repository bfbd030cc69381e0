// Job runner port: named queues whose handlers receive batches, retried with backoff on failure, and scheduled
// jobs that fire once per period across every instance. BullMQ on Redis when configured (durable across
// crashes), in-process otherwise.
export interface JobDefinition<T> {
  name: string;
  /** Handles a batch; throwing retries every item of the batch. Handlers must be idempotent. */
  handle(items: T[]): Promise<void>;
  /** Largest batch handed to `handle` (default 1). */
  batchSize?: number;
  /** How long a partial batch waits for more items (default 0). */
  batchWaitMs?: number;
  /** Total attempts per item, including the first (default 5). */
  attempts?: number;
  /** First retry delay; doubles per attempt (default 500 ms). */
  backoffMs?: number;
}

/** A repeatable job: `handle` runs once per `everyMs` across all instances sharing the queue backend. */
export interface ScheduleDefinition {
  /** Unique per deployment; instances that declare the same name share one schedule. */
  name: string;
  everyMs: number;
  /** Receives the planned fire time. A failure is reported and retried (BullMQ) or waits for the next period. */
  handle(firedAt: Date): Promise<void>;
}

export interface AddOptions {
  delayMs?: number;
  /** A job id makes the add idempotent: a second add with the same id is ignored while the first exists. */
  jobId?: string;
}

/** The queue could not take a job within the bounded wait (Redis down): the item was not acknowledged. */
export class JobQueueUnavailableError extends Error {
  constructor(queue: string) {
    super(`job queue "${queue}" is unavailable`);
  }
}

export interface JobRunner {
  readonly kind: 'bullmq' | 'memory';
  define<T>(definition: JobDefinition<T>): void;
  /** Declares a repeatable job; it fires once `start()` was called. */
  schedule(definition: ScheduleDefinition): void;
  /** A producer that buffers adds registers how to push them out; drain and close call it first. */
  addFlusher(flush: () => Promise<void>): void;
  /** Resolves once the job is acknowledged (in Redis, when configured); rejects with JobQueueUnavailableError
   * when that cannot happen within a bounded wait. */
  add<T>(name: string, data: T, options?: AddOptions): Promise<void>;
  /** Starts consuming and firing schedules (the server and the worker command call it; producers alone need not). */
  start(): Promise<void>;
  /** Resolves once every job added so far has been handled (tests, shutdown). */
  drain(timeoutMs?: number): Promise<void>;
  /** Finishes in-flight batches, then stops and releases every connection the runner opened. */
  close(): Promise<void>;
  /** Items that failed every attempt, per queue. */
  failedCount(name: string): Promise<number>;
  /** Whether the runner can take jobs now (Redis PING on the queue connection; always true in-process). */
  ping(): Promise<boolean>;
}

export function retryDelay(backoffMs: number, attempt: number): number {
  return backoffMs * 2 ** Math.max(0, attempt - 1);
}

/** Wraps a batch handler so that each failed batch is reported once (not once per item of it). */
export function reporting<T>(def: JobDefinition<T>, onError: (name: string, err: unknown) => void): (items: T[]) => Promise<void> {
  return (items) =>
    def.handle(items).catch((err: unknown) => {
      onError(def.name, err);
      throw err;
    });
}
