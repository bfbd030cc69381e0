// HTTP routes of a signed-in shopper's home-shopping notifications (api spec §5.14, §5.15). Every statement is scoped
// to the caller, so another user's notification id answers 404.
import { userOf } from '../../platform/http/auth-guard.js';
import { describeEvent, kit } from '../../platform/http/route-kit.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { HS_MESSAGES as MSG } from './messages.js';
import { BROADCAST_START, ORDER_STATUS, type NotificationType } from './notification-repo.js';
import type { HsNotificationService } from './notification-service.js';
import { MessageOut, NotificationIdParams, NotificationsOut, NotificationsQuery } from './schemas.js';

const tags = ['homeshopping'];

/** The three lists differ only in their type filter, event and 500 text. */
const LISTS: Array<{ path: string; type: NotificationType | null; event: string; failText: string }> = [
  { path: 'orders', type: ORDER_STATUS, event: 'homeshopping_order_notifications_view', failText: MSG.orderNotificationsFailed },
  { path: 'broadcasts', type: BROADCAST_START, event: 'homeshopping_broadcast_notifications_view', failText: MSG.broadcastNotificationsFailed },
  { path: 'all', type: null, event: 'homeshopping_all_notifications_view', failText: MSG.allNotificationsFailed },
];

export function notificationRoutes(app: App, notifications: HsNotificationService): void {
  for (const list of LISTS) {
    app.get(
      `/api/homeshopping/notifications/${list.path}`,
      {
        ...kit({ access: 'user', event: list.event, failText: list.failText }),
        schema: { tags, querystring: NotificationsQuery, response: { 200: NotificationsOut, ...errorResponses(401, 422, 500) } },
      },
      async (request) => {
        const { limit, offset } = request.query;
        const page = await notifications.list(userOf(request).user_id, list.type, limit, offset);
        describeEvent(request, { limit, offset, notification_count: page.notifications.length, total_count: page.total_count });
        return page;
      },
    );
  }

  app.put(
    '/api/homeshopping/notifications/:notification_id/read',
    {
      ...kit({ access: 'user', event: 'homeshopping_notification_read', failText: MSG.notificationReadFailed }),
      schema: { tags, params: NotificationIdParams, response: { 200: MessageOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request) => {
      const id = request.params.notification_id;
      await notifications.markRead(userOf(request).user_id, id);
      describeEvent(request, { notification_id: id });
      return { message: MSG.notificationRead };
    },
  );
}
