// Job runner port: named queues whose handlers receive batches, retried with backoff on failure.
// BullMQ on Redis when configured (durable across crashes), in-process otherwise.
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

export interface AddOptions {
  delayMs?: number;
  /** A job id makes the add idempotent: a second add with the same id is ignored while the first exists. */
  jobId?: string;
}

export interface JobRunner {
  readonly kind: 'bullmq' | 'memory';
  define<T>(definition: JobDefinition<T>): void;
  /** A producer that buffers adds registers how to push them out; drain and close call it first. */
  addFlusher(flush: () => Promise<void>): void;
  add<T>(name: string, data: T, options?: AddOptions): Promise<void>;
  /** Starts consuming (the server and the worker command call it; producers alone need not). */
  start(): Promise<void>;
  /** Resolves once every job added so far has been handled (tests, shutdown). */
  drain(timeoutMs?: number): Promise<void>;
  /** Finishes in-flight batches, then stops. */
  close(): Promise<void>;
  /** Items that failed every attempt, per queue. */
  failedCount(name: string): Promise<number>;
}

export function retryDelay(backoffMs: number, attempt: number): number {
  return backoffMs * 2 ** Math.max(0, attempt - 1);
}
