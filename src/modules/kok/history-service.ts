// Search history: the client saves a keyword after each search; one row per keyword, newest 50 kept.
import type { Clock } from '../../platform/clock/clock.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { naiveIso } from '../../platform/http/schemas.js';
import type { HistoryRepo, HistoryRow } from './history-repo.js';

const KEEP_PER_USER = 50;

function historyOut(row: HistoryRow) {
  const searchedAt = naiveIso(row.KOK_SEARCHED_AT)!;
  // `created_at` is what the client reads (api spec §10.3); the contract's name is kok_searched_at.
  return { kok_history_id: row.KOK_HISTORY_ID, user_id: row.USER_ID, kok_keyword: row.KOK_KEYWORD, kok_searched_at: searchedAt, created_at: searchedAt };
}

export class KokHistoryService {
  constructor(
    private readonly repo: HistoryRepo,
    private readonly clock: Clock,
  ) {}

  async recent(userId: number, limit: number) {
    return (await this.repo.recent(userId, limit)).map(historyOut);
  }

  /**
   * A repeated keyword moves to the top instead of adding a row (spec §4.12, recommended). Find-then-insert is
   * safe because the user's saves run one at a time (on every engine): concurrent saves of one keyword end as one row.
   */
  async save(userId: number, keyword: string) {
    const at = this.clock.now();
    const id = await this.repo.underUserLock(userId, async (trx) => {
      const existing = await this.repo.findKeyword(userId, keyword, trx);
      if (existing !== undefined) {
        await this.repo.touch(existing, at, trx);
        return existing;
      }
      const inserted = await this.repo.insert(userId, keyword, at, trx);
      await this.repo.trim(userId, KEEP_PER_USER, trx);
      return inserted;
    });
    return historyOut({ KOK_HISTORY_ID: id, USER_ID: userId, KOK_KEYWORD: keyword, KOK_SEARCHED_AT: at });
  }

  /** Someone else's id is "not found", exactly like a missing one. */
  async remove(userId: number, historyId: number): Promise<void> {
    if ((await this.repo.remove(userId, historyId)) === 0) throw new NotFoundError('해당 검색 이력을 찾을 수 없습니다.');
  }
}
