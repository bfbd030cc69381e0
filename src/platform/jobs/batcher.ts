// The one batcher: gathers items pushed one by one into groups handed to `handle` at once — when `maxSize` items
// wait, or `waitMs` after the first of a group. Every push settles with its group's outcome.
export interface BatcherOptions<T> {
  maxSize: number;
  waitMs: number;
  handle(items: T[]): Promise<void>;
}

interface Pending<T> {
  item: T;
  resolve(): void;
  reject(err: unknown): void;
}

export class Batcher<T> {
  private pending: Array<Pending<T>> = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: BatcherOptions<T>) {}

  /** Resolves once the group holding `item` was handled; rejects with the group's error. */
  push(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.options.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.waitMs);
    });
  }

  /** Hands the waiting items over now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const group = this.pending;
    this.pending = [];
    if (group.length === 0) return;
    const run = this.options.handle(group.map((p) => p.item)).then(
      () => group.forEach((p) => p.resolve()),
      (err: unknown) => group.forEach((p) => p.reject(err)),
    );
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

  /** Flushes and waits until every group handed over so far has settled. */
  async settle(): Promise<void> {
    this.flush();
    await Promise.all([...this.inFlight]);
  }

  get size(): number {
    return this.pending.length;
  }
}
