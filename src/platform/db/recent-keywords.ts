// The "recent searches" rule of every search history (KOK, home-shopping): one row per keyword, a repeat moves it
// to the top, the newest `keep` kept per user. A user's saves run one at a time on every engine, so concurrent saves
// of one keyword end as one row and find-then-insert is safe.
export interface KeywordHistoryStore<Trx> {
  /** Runs `work` in a transaction no other history write of the same user runs beside. */
  underUserLock<T>(userId: number, work: (trx: Trx) => Promise<T>): Promise<T>;
  findKeyword(userId: number, keyword: string, trx: Trx): Promise<number | undefined>;
  touch(id: number, at: Date, trx: Trx): Promise<void>;
  insert(userId: number, keyword: string, at: Date, trx: Trx): Promise<number>;
  trim(userId: number, keep: number, trx: Trx): Promise<void>;
}

/** Saves `keyword` for the user at `at`; returns the id of its one row. */
export function saveRecentKeyword<Trx>(store: KeywordHistoryStore<Trx>, userId: number, keyword: string, at: Date, keep: number): Promise<number> {
  return store.underUserLock(userId, async (trx) => {
    const existing = await store.findKeyword(userId, keyword, trx);
    if (existing !== undefined) {
      await store.touch(existing, at, trx);
      return existing;
    }
    const inserted = await store.insert(userId, keyword, at, trx);
    await store.trim(userId, keep, trx);
    return inserted;
  });
}
