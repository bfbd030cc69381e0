// In-process job runner: per-queue batching (the shared Batcher), exponential-backoff retries per item,
// idempotent job ids, and schedules on unref'd timers.
import { Batcher } from './batcher.js';
import type { AddOptions, JobDefinition, JobRunner, ScheduleDefinition } from './jobs.js';
import { reporting, retryDelay } from './jobs.js';

interface Item {
  data: unknown;
  attempt: number;
  jobId?: string;
}

interface Queue {
  def: JobDefinition<unknown>;
  batcher: Batcher<unknown>;
  /** Items added before `start()`. */
  waiting: Item[];
  /** Delayed items (first attempts with a delay, and retries) by their timer. */
  timers: Map<NodeJS.Timeout, Item>;
  /** Items handed to the batcher and not settled yet. */
  active: number;
  failed: number;
}

export class MemoryJobRunner implements JobRunner {
  readonly kind = 'memory' as const;
  private readonly queues = new Map<string, Queue>();
  private readonly schedules: ScheduleDefinition[] = [];
  private readonly scheduleTimers: NodeJS.Timeout[] = [];
  private readonly liveIds = new Set<string>();
  private started = false;
  private closing = false;
  private idleWaiters: Array<() => void> = [];
  private readonly flushers: Array<() => Promise<void>> = [];

  constructor(private readonly onError: (name: string, err: unknown) => void = () => undefined) {}

  define<T>(def: JobDefinition<T>): void {
    const d = def as JobDefinition<unknown>;
    const batcher = new Batcher<unknown>({ maxSize: d.batchSize ?? 1, waitMs: d.batchWaitMs ?? 0, handle: reporting(d, this.onError) });
    this.queues.set(def.name, { def: d, batcher, waiting: [], timers: new Map(), active: 0, failed: 0 });
  }

  schedule(def: ScheduleDefinition): void {
    this.schedules.push(def);
    if (this.started) this.startSchedule(def);
  }

  private startSchedule(def: ScheduleDefinition): void {
    let running = false;
    const timer = setInterval(() => {
      // A slow run is not overlapped by the next period's.
      if (running) return;
      running = true;
      def
        .handle(new Date())
        .catch((err: unknown) => this.onError(def.name, err))
        .finally(() => (running = false));
    }, def.everyMs);
    timer.unref();
    this.scheduleTimers.push(timer);
  }

  addFlusher(flush: () => Promise<void>): void {
    this.flushers.push(flush);
  }

  private queue(name: string): Queue {
    const q = this.queues.get(name);
    if (!q) throw new Error(`unknown job queue "${name}"`);
    return q;
  }

  async add<T>(name: string, data: T, options: AddOptions = {}): Promise<void> {
    const q = this.queue(name);
    if (options.jobId) {
      const key = `${name}:${options.jobId}`;
      if (this.liveIds.has(key)) return;
      this.liveIds.add(key);
    }
    const item: Item = { data, attempt: 1, jobId: options.jobId };
    if (options.delayMs && options.delayMs > 0) this.later(q, item, options.delayMs);
    else this.dispatch(q, item);
  }

  private later(q: Queue, item: Item, ms: number): void {
    const timer = setTimeout(() => {
      q.timers.delete(timer);
      this.dispatch(q, item);
    }, ms);
    q.timers.set(timer, item);
  }

  private dispatch(q: Queue, item: Item): void {
    if (!this.started) {
      q.waiting.push(item);
      return;
    }
    q.active++;
    q.batcher
      .push(item.data)
      .then(
        () => this.settled(q, item),
        () => {
          if (item.attempt >= (q.def.attempts ?? 5)) {
            q.failed++;
            this.settled(q, item);
          } else {
            item.attempt++;
            this.later(q, item, this.closing ? 0 : retryDelay(q.def.backoffMs ?? 500, item.attempt - 1));
          }
        },
      )
      .finally(() => {
        q.active--;
        this.checkIdle();
      });
  }

  private settled(q: Queue, item: Item): void {
    if (item.jobId) this.liveIds.delete(`${q.def.name}:${item.jobId}`);
  }

  private idle(): boolean {
    for (const q of this.queues.values()) if (q.waiting.length > 0 || q.active > 0 || q.timers.size > 0) return false;
    return true;
  }

  private checkIdle(): void {
    if (!this.idle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const q of this.queues.values()) for (const item of q.waiting.splice(0)) this.dispatch(q, item);
    for (const s of this.schedules) this.startSchedule(s);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async drain(timeoutMs = 10_000): Promise<void> {
    if (!this.started) await this.start();
    await Promise.all(this.flushers.map((f) => f()));
    if (this.idle()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('job drain timed out')), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    for (const t of this.scheduleTimers.splice(0)) clearInterval(t);
    await Promise.all(this.flushers.map((f) => f()));
    this.closing = true;
    // Retries run now rather than being lost; delayed first attempts survive a restart only with Redis.
    for (const q of this.queues.values()) {
      for (const [timer, item] of q.timers) {
        clearTimeout(timer);
        if (item.attempt > 1) this.dispatch(q, item);
      }
      q.timers.clear();
      q.batcher.flush();
    }
    await this.drain(5_000).catch(() => undefined);
    this.started = false;
  }

  async failedCount(name: string): Promise<number> {
    return this.queue(name).failed;
  }
}
