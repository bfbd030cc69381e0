// The signed-in shopper's home-shopping notifications (api spec §5.14, §5.15): lists by type with totals and unread
// counts, and mark-read. Order-status rows are written by the order module (§6.2); they are listed as they are.
import type { Clock } from '../../platform/clock/clock.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { naiveIso } from '../../platform/http/schemas.js';
import { HS_MESSAGES as MSG } from './messages.js';
import type { HsNotificationRepo, NotificationRow, NotificationType } from './notification-repo.js';

function notificationOut(row: NotificationRow) {
  return {
    notification_id: row.NOTIFICATION_ID,
    user_id: row.USER_ID,
    notification_type: row.NOTIFICATION_TYPE,
    related_entity_type: row.RELATED_ENTITY_TYPE,
    related_entity_id: row.RELATED_ENTITY_ID,
    homeshopping_like_id: row.HOMESHOPPING_LIKE_ID,
    homeshopping_order_id: row.HOMESHOPPING_ORDER_ID,
    status_id: row.STATUS_ID,
    title: row.TITLE,
    message: row.MESSAGE,
    product_name: row.PRODUCT_NAME,
    is_read: Number(row.IS_READ) !== 0,
    created_at: naiveIso(row.CREATED_AT)!,
    read_at: naiveIso(row.READ_AT),
  };
}

export class HsNotificationService {
  constructor(
    private readonly repo: HsNotificationRepo,
    private readonly clock: Clock,
  ) {}

  /** One page and its counts: two queries whatever the page size. `type` null lists every type. */
  async list(userId: number, type: NotificationType | null, limit: number, offset: number) {
    const [rows, counts] = await Promise.all([this.repo.page(userId, type, limit, offset), this.repo.counts(userId, type)]);
    return {
      notifications: rows.map(notificationOut),
      total_count: counts.total,
      unread_count: counts.unread,
      has_more: offset + limit < counts.total,
    };
  }

  /** Someone else's id, and ids ≤ 0, are "not found" exactly like a missing one. Marking again refreshes READ_AT. */
  async markRead(userId: number, notificationId: number): Promise<void> {
    if (notificationId <= 0 || (await this.repo.markRead(userId, notificationId, this.clock.now())) === 0) {
      throw new NotFoundError(MSG.notificationNotFound);
    }
  }
}
