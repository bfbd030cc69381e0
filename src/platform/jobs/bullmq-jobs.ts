// BullMQ job runner: every item is a Redis job, acknowledged only after its batch was handled, so an
// acknowledged add survives a crash of any instance. Worker concurrency is the batch size; concurrent jobs
// are gathered into one `handle` call by the shared Batcher. Schedules are BullMQ job schedulers: Redis holds
// one next job per schedule, so it fires once per period whatever the number of instances.
import { Queue, Worker, type Job, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { releaseRedis } from '../redis.js';
import { Batcher } from './batcher.js';
import type { AddOptions, JobDefinition, JobRunner, ScheduleDefinition } from './jobs.js';
import { JobQueueUnavailableError, reporting } from './jobs.js';

/** An add waits at most this long for Redis; then the producer hears "unavailable" instead of hanging. */
const ADD_TIMEOUT_MS = 2_000;
const SCHEDULE_QUEUE = 'schedules';
const CLOSE_TIMEOUT_MS = 5_000;

/** Waits for `work` at most `ms`. */
async function within(ms: number, work: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([work.then(() => undefined, () => undefined), limit]).finally(() => clearTimeout(timer));
}

/**
 * A killed instance's active jobs go back to waiting once their lock expires and the next stalled check runs:
 * within lockDuration + stalledInterval (≈ 7.5 s) instead of BullMQ's 30–60 s. Locks are renewed every
 * lockDuration / 2, so only an event loop blocked for 5 s would cause a false stall — and handlers are
 * idempotent, so even that only repeats work.
 */
const WORKER_TIMINGS: Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount'> = {
  lockDuration: 5_000,
  stalledInterval: 2_500,
  maxStalledCount: 3,
};

export class BullMqJobRunner implements JobRunner {
  readonly kind = 'bullmq' as const;
  private readonly defs = new Map<string, JobDefinition<unknown>>();
  private readonly schedules = new Map<string, ScheduleDefinition>();
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly batchers: Array<Batcher<unknown>> = [];
  private readonly flushers: Array<() => Promise<void>> = [];
  /** Connections this runner duplicated for its workers: BullMQ never closes a connection it was handed. */
  private readonly ownConnections: Redis[] = [];

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
    private readonly onError: (name: string, err: unknown) => void = () => undefined,
  ) {}

  private openQueue(name: string, attempts: number, backoffMs: number): Queue {
    const queue = new Queue(name, {
      connection: this.connection,
      prefix: this.prefix,
      defaultJobOptions: {
        attempts,
        backoff: { type: 'exponential', delay: backoffMs },
        removeOnComplete: true,
        removeOnFail: { count: 10_000 },
      },
    });
    // Connection trouble is reported through the runner's error callback, not as unhandled 'error' events.
    queue.on('error', (err) => this.onError(name, err));
    this.queues.set(name, queue);
    return queue;
  }

  define<T>(def: JobDefinition<T>): void {
    this.defs.set(def.name, def as JobDefinition<unknown>);
    this.openQueue(def.name, def.attempts ?? 5, def.backoffMs ?? 500);
  }

  schedule(def: ScheduleDefinition): void {
    this.schedules.set(def.name, def);
    if (this.workers.length > 0) void this.upsertSchedule(def);
  }

  private scheduleQueue(): Queue {
    return this.queues.get(SCHEDULE_QUEUE) ?? this.openQueue(SCHEDULE_QUEUE, 3, 1_000);
  }

  private async upsertSchedule(def: ScheduleDefinition): Promise<void> {
    // Same scheduler id on every instance: an upsert replaces, never duplicates.
    await this.scheduleQueue()
      .upsertJobScheduler(def.name, { every: def.everyMs }, { name: def.name, data: {} })
      .catch((err: unknown) => this.onError(def.name, err));
  }

  addFlusher(flush: () => Promise<void>): void {
    this.flushers.push(flush);
  }

  async add<T>(name: string, data: T, options: AddOptions = {}): Promise<void> {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`unknown job queue "${name}"`);
    // Known to be down: fail at once rather than pile adds up in the offline queue.
    if (['reconnecting', 'close', 'end'].includes(this.connection.status)) throw new JobQueueUnavailableError(name);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new JobQueueUnavailableError(name)), ADD_TIMEOUT_MS)));
    try {
      await Promise.race([queue.add(name, data, { delay: options.delayMs, jobId: options.jobId }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private startWorker(name: string, process: (job: Job) => Promise<void>, concurrency: number): void {
    const connection = this.connection.duplicate();
    this.ownConnections.push(connection);
    const worker = new Worker(name, process, { connection, prefix: this.prefix, concurrency, ...WORKER_TIMINGS });
    worker.on('error', (err) => this.onError(name, err));
    this.workers.push(worker);
  }

  async start(): Promise<void> {
    if (this.workers.length > 0) return;
    for (const def of this.defs.values()) {
      const batcher = new Batcher<unknown>({ maxSize: def.batchSize ?? 1, waitMs: def.batchWaitMs ?? 0, handle: reporting(def, this.onError) });
      this.batchers.push(batcher);
      this.startWorker(def.name, (job) => batcher.push(job.data), def.batchSize ?? 1);
    }
    if (this.schedules.size > 0) {
      this.startWorker(SCHEDULE_QUEUE, (job) => this.fire(job), 1);
      // Not awaited: with Redis down the upsert waits for it, and an instance must still start; errors are reported.
      for (const s of this.schedules.values()) void this.upsertSchedule(s);
    }
  }

  private async fire(job: Job): Promise<void> {
    const def = this.schedules.get(job.name);
    if (!def) throw new Error(`no handler for schedule "${job.name}" on this instance`);
    try {
      await def.handle(new Date(job.timestamp + (job.opts.delay ?? 0)));
    } catch (err) {
      this.onError(def.name, err);
      throw err;
    }
  }

  async ping(): Promise<boolean> {
    if (this.connection.status !== 'ready') return false;
    return (await this.connection.ping()) === 'PONG';
  }

  async drain(timeoutMs = 10_000): Promise<void> {
    await Promise.all(this.flushers.map((f) => f()));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let busy = 0;
      for (const [name, q] of this.queues) {
        // A schedule always has its next run delayed: only its waiting and active runs count.
        const states = name === SCHEDULE_QUEUE ? (['waiting', 'active'] as const) : (['waiting', 'active', 'delayed', 'prioritized'] as const);
        const c = await q.getJobCounts(...states);
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
    try {
      // With Redis down BullMQ would wait for it forever: bounded, then the lines are cut anyway.
      await within(CLOSE_TIMEOUT_MS, Promise.all(this.workers.map((w) => w.close())));
      await within(CLOSE_TIMEOUT_MS, Promise.all([...this.queues.values()].map((q) => q.close())));
    } finally {
      await Promise.all(this.ownConnections.splice(0).map((c) => releaseRedis(c)));
    }
  }

  async failedCount(name: string): Promise<number> {
    const queue = this.queues.get(name);
    return queue ? queue.getFailedCount() : 0;
  }
}
