// Home-shopping search history (api spec §5.9–5.11): one row per keyword (a repeat moves it to the top), newest 50
// kept per user.
import type { Clock } from '../../platform/clock/clock.js';
import { requireTouched } from '../../platform/http/guards.js';
import { saveRecentKeyword } from '../../platform/db/recent-keywords.js';
import { naiveIso } from '../../platform/http/schemas.js';
import type { HsHistoryRepo, HsHistoryRow } from './history-repo.js';
import { HS_MESSAGES as MSG } from './messages.js';

const KEEP_PER_USER = 50;

function historyOut(row: HsHistoryRow) {
  const searchedAt = naiveIso(row.HOMESHOPPING_SEARCHED_AT)!;
  // `created_at` is the name the client reads (api spec §10.3); the contract's is homeshopping_searched_at.
  return {
    homeshopping_history_id: row.HOMESHOPPING_HISTORY_ID,
    user_id: row.USER_ID,
    homeshopping_keyword: row.HOMESHOPPING_KEYWORD,
    homeshopping_searched_at: searchedAt,
    created_at: searchedAt,
  };
}

export class HsHistoryService {
  constructor(
    private readonly repo: HsHistoryRepo,
    private readonly clock: Clock,
  ) {}

  async recent(userId: number, limit: number) {
    return (await this.repo.recent(userId, limit)).map(historyOut);
  }

  async save(userId: number, keyword: string) {
    const at = this.clock.now();
    const id = await saveRecentKeyword(this.repo, userId, keyword, at, KEEP_PER_USER);
    return historyOut({ HOMESHOPPING_HISTORY_ID: id, USER_ID: userId, HOMESHOPPING_KEYWORD: keyword, HOMESHOPPING_SEARCHED_AT: at });
  }

  /** Someone else's id, and ids ≤ 0, are "not found" exactly like a missing one. */
  async remove(userId: number, historyId: number): Promise<void> {
    requireTouched(historyId <= 0 ? 0 : await this.repo.remove(userId, historyId), MSG.historyNotFound);
  }
}
