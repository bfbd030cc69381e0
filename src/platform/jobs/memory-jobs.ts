// In-process job runner: per-queue arrays, batched handling, exponential-backoff retries, idempotent job ids.
import type { AddOptions, JobDefinition, JobRunner } from './jobs.js';
import { retryDelay } from './jobs.js';

interface Item {
  data: unknown;
  attempt: number;
  jobId?: string;
}

interface Queue {
  def: JobDefinition<unknown>;
  ready: Item[];
  /** Delayed items (first attempts with a delay, and retries) by their timer. */
  timers: Map<NodeJS.Timeout, Item>;
  running: number;
  failed: number;
  flushTimer: NodeJS.Timeout | null;
}

export class MemoryJobRunner implements JobRunner {
  readonly kind = 'memory' as const;
  private readonly queues = new Map<string, Queue>();
  private readonly liveIds = new Set<string>();
  private started = false;
  private closing = false;
  private idleWaiters: Array<() => void> = [];
  private readonly flushers: Array<() => Promise<void>> = [];

  constructor(private readonly onError: (name: string, err: unknown) => void = () => undefined) {}

  define<T>(def: JobDefinition<T>): void {
    this.queues.set(def.name, {
      def: def as JobDefinition<unknown>,
      ready: [],
      timers: new Map(),
      running: 0,
      failed: 0,
      flushTimer: null,
    });
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
    else this.enqueue(q, item);
  }

  private later(q: Queue, item: Item, ms: number): void {
    const timer = setTimeout(() => {
      q.timers.delete(timer);
      this.enqueue(q, item);
    }, ms);
    q.timers.set(timer, item);
  }

  private enqueue(q: Queue, item: Item): void {
    q.ready.push(item);
    this.schedule(q);
  }

  private schedule(q: Queue): void {
    if (!this.started || q.flushTimer) return;
    const size = q.def.batchSize ?? 1;
    const wait = q.ready.length >= size ? 0 : q.def.batchWaitMs ?? 0;
    q.flushTimer = setTimeout(() => {
      q.flushTimer = null;
      void this.run(q);
    }, wait);
  }

  private async run(q: Queue): Promise<void> {
    const batch = q.ready.splice(0, q.def.batchSize ?? 1);
    if (batch.length === 0) return this.checkIdle();
    q.running++;
    try {
      await q.def.handle(batch.map((i) => i.data));
      for (const i of batch) if (i.jobId) this.liveIds.delete(`${q.def.name}:${i.jobId}`);
    } catch (err) {
      this.onError(q.def.name, err);
      for (const i of batch) {
        if (i.attempt >= (q.def.attempts ?? 5)) {
          q.failed++;
          if (i.jobId) this.liveIds.delete(`${q.def.name}:${i.jobId}`);
        } else {
          i.attempt++;
          this.later(q, i, this.closing ? 0 : retryDelay(q.def.backoffMs ?? 500, i.attempt - 1));
        }
      }
    } finally {
      q.running--;
    }
    if (q.ready.length > 0) this.schedule(q);
    this.checkIdle();
  }

  private idle(): boolean {
    for (const q of this.queues.values()) {
      if (q.ready.length > 0 || q.running > 0 || q.timers.size > 0 || q.flushTimer) return false;
    }
    return true;
  }

  private checkIdle(): void {
    if (!this.idle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  async start(): Promise<void> {
    this.started = true;
    for (const q of this.queues.values()) if (q.ready.length > 0) this.schedule(q);
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
    await Promise.all(this.flushers.map((f) => f()));
    this.closing = true;
    // Retries run now rather than being lost; delayed first attempts survive a restart only with Redis.
    for (const q of this.queues.values()) {
      for (const [timer, item] of q.timers) {
        clearTimeout(timer);
        if (item.attempt > 1) q.ready.push(item);
      }
      q.timers.clear();
      this.schedule(q);
    }
    await this.drain(5_000).catch(() => undefined);
    this.started = false;
  }

  async failedCount(name: string): Promise<number> {
    return this.queue(name).failed;
  }
}
