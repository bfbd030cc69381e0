// BullMQ job runner: every item is a Redis job, acknowledged only after its batch was handled, so an
// acknowledged add survives a crash of any instance. Worker concurrency is the batch size; concurrent jobs
// are gathered into one `handle` call.
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AddOptions, JobDefinition, JobRunner } from './jobs.js';

interface Pending {
  data: unknown;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** Gathers items handed over by concurrent job processors into batches. */
class Batcher {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly def: JobDefinition<unknown>) {}

  push(data: unknown): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ data, resolve, reject });
      if (this.pending.length >= (this.def.batchSize ?? 1)) this.flush();
      else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.def.batchWaitMs ?? 0);
    });
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.def.handle(batch.map((p) => p.data)).then(
      () => batch.forEach((p) => p.resolve()),
      (err: unknown) => batch.forEach((p) => p.reject(err)),
    );
  }
}

export class BullMqJobRunner implements JobRunner {
  readonly kind = 'bullmq' as const;
  private readonly defs = new Map<string, JobDefinition<unknown>>();
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly batchers: Batcher[] = [];
  private readonly flushers: Array<() => Promise<void>> = [];

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
    private readonly onError: (name: string, err: unknown) => void = () => undefined,
  ) {}

  define<T>(def: JobDefinition<T>): void {
    const d = def as JobDefinition<unknown>;
    this.defs.set(def.name, d);
    const queue = new Queue(def.name, {
        connection: this.connection,
        prefix: this.prefix,
        defaultJobOptions: {
          attempts: d.attempts ?? 5,
          backoff: { type: 'exponential', delay: d.backoffMs ?? 500 },
          removeOnComplete: true,
          removeOnFail: { count: 10_000 },
        },
      });
    // Connection trouble is reported through the runner's error callback, not as unhandled 'error' events.
    queue.on('error', (err) => this.onError(def.name, err));
    this.queues.set(def.name, queue);
  }

  addFlusher(flush: () => Promise<void>): void {
    this.flushers.push(flush);
  }

  async add<T>(name: string, data: T, options: AddOptions = {}): Promise<void> {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`unknown job queue "${name}"`);
    await queue.add(name, data, { delay: options.delayMs, jobId: options.jobId });
  }

  async start(): Promise<void> {
    if (this.workers.length > 0) return;
    for (const def of this.defs.values()) {
      const batcher = new Batcher(def);
      this.batchers.push(batcher);
      const worker = new Worker(def.name, (job: Job) => batcher.push(job.data), {
        connection: this.connection.duplicate(),
        prefix: this.prefix,
        concurrency: def.batchSize ?? 1,
      });
      worker.on('failed', (_job, err) => this.onError(def.name, err));
      worker.on('error', (err) => this.onError(def.name, err));
      this.workers.push(worker);
    }
  }

  async drain(timeoutMs = 10_000): Promise<void> {
    await Promise.all(this.flushers.map((f) => f()));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let busy = 0;
      for (const q of this.queues.values()) {
        const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        busy += Object.values(c).reduce((a, b) => a + b, 0);
      }
      if (busy === 0) return;
      if (Date.now() > deadline) throw new Error('job drain timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.flushers.map((f) => f()));
    for (const b of this.batchers) b.flush();
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }

  async failedCount(name: string): Promise<number> {
    const queue = this.queues.get(name);
    return queue ? queue.getFailedCount() : 0;
  }
}
