// Search history: the client saves a keyword after each search; one row per keyword, newest 50 kept.
import type { Clock } from '../../platform/clock/clock.js';
import { saveRecentKeyword } from '../../platform/db/recent-keywords.js';
import { requireTouched } from '../../platform/http/guards.js';
import { naiveIso } from '../../platform/http/schemas.js';
import type { HistoryRepo, HistoryRow } from './history-repo.js';
import { KOK_MESSAGES as MSG } from './messages.js';

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

  /** A repeated keyword moves to the top instead of adding a row (spec §4.12, recommended). */
  async save(userId: number, keyword: string) {
    const at = this.clock.now();
    const id = await saveRecentKeyword(this.repo, userId, keyword, at, KEEP_PER_USER);
    return historyOut({ KOK_HISTORY_ID: id, USER_ID: userId, KOK_KEYWORD: keyword, KOK_SEARCHED_AT: at });
  }

  /** Someone else's id is "not found", exactly like a missing one. */
  async remove(userId: number, historyId: number): Promise<void> {
    requireTouched(await this.repo.remove(userId, historyId), MSG.historyNotFound);
  }
}
