// Splitting a failing batch: one bad item must never block the others. A group whose write fails is halved until
// each bad item stands alone; that item is set aside and every good item is written.

/** Thrown by a `write` when the store itself failed (not the items): never split, the whole job is retried. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export interface BisectWriter<T> {
  /** Writes a group atomically: on failure nothing of the group is kept. */
  write(items: T[]): Promise<void>;
  /** Sets one item that cannot be written aside (a dead letter). */
  setAside(item: T, err: unknown): Promise<void>;
}

export async function writeBisecting<T>(items: T[], writer: BisectWriter<T>): Promise<void> {
  if (items.length === 0) return;
  try {
    await writer.write(items);
  } catch (err) {
    if (err instanceof StoreUnavailableError) throw err;
    if (items.length === 1) return writer.setAside(items[0], err);
    const half = Math.ceil(items.length / 2);
    await writeBisecting(items.slice(0, half), writer);
    await writeBisecting(items.slice(half), writer);
  }
}
