// Home-shopping likes (찜) of broadcast slots (api spec §5.12, §5.13): the toggle, which also registers the
// broadcast-start notice (§6.1), and the liked list.
import type { Clock } from '../../platform/clock/clock.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { naiveIso } from '../../platform/http/schemas.js';
import type { BroadcastSlotRow, HsLikesRepo, LikedBroadcastRow } from './likes-repo.js';
import { HS_MESSAGES as MSG } from './messages.js';
import { noticeMessage, noticeTitle } from './notice-text.js';
import type { HsNotificationRepo } from './notification-repo.js';

/** 0 and NULL both read as "no discount" (api spec §5.13). */
const orNull = (n: number | null) => (n ? n : null);

function likedOut(row: LikedBroadcastRow) {
  return {
    live_id: row.LIVE_ID,
    product_id: row.PRODUCT_ID,
    product_name: row.PRODUCT_NAME,
    store_name: row.STORE_NAME,
    dc_price: orNull(row.DC_PRICE),
    dc_rate: orNull(row.DC_RATE),
    thumb_img_url: row.THUMB_IMG_URL,
    homeshopping_like_created_at: naiveIso(row.HOMESHOPPING_LIKE_CREATED_AT)!,
    homeshopping_id: row.HOMESHOPPING_ID,
    live_date: row.LIVE_DATE,
    live_start_time: row.LIVE_START_TIME,
    live_end_time: row.LIVE_END_TIME,
  };
}

export class HsLikesService {
  constructor(
    private readonly likes: HsLikesRepo,
    private readonly notifications: HsNotificationRepo,
    private readonly clock: Clock,
  ) {}

  /**
   * Delete-or-insert under a lock per (user, broadcast), so concurrent toggles alternate on every engine. Unliking
   * removes the notice registered with that like; a reminder already sent stays (it was delivered). A like of a
   * slot that has left the schedule can still be removed; liking an unknown slot is 404.
   */
  async toggle(userId: number, liveId: number): Promise<boolean> {
    return this.likes.underLikeLock(userId, liveId, async (trx) => {
      const likeId = await this.likes.find(userId, liveId, trx);
      if (likeId !== undefined) {
        await this.notifications.removeForLike(userId, likeId, trx);
        await this.likes.remove(likeId, trx);
        return false;
      }
      const slot = await this.likes.broadcast(liveId, trx);
      if (!slot) throw new NotFoundError(MSG.productNotFound);
      const at = this.clock.now();
      const newLikeId = await this.likes.insert(userId, liveId, at, trx);
      if (slot.LIVE_DATE && slot.LIVE_START_TIME) {
        await this.notifications.insertBroadcast({ userId, liveId, likeId: newLikeId, dedupeKey: null, at, ...registeredText(slot) }, trx);
      }
      return true;
    });
  }

  async list(userId: number, limit: number) {
    return (await this.likes.likedBroadcasts(userId, limit)).map(likedOut);
  }
}

function registeredText(slot: BroadcastSlotRow) {
  return {
    title: noticeTitle(MSG.broadcastRegisteredTitle(slot.PRODUCT_NAME ?? '')),
    message: noticeMessage(MSG.broadcastRegisteredMessage(slot.LIVE_DATE!, slot.LIVE_START_TIME!)),
  };
}
