// HTTP routes of the order read API and the KOK status utility (spec §5.1–§5.4, §5.6–§5.8, §5.12, §5.14, §5.15).
// Every id is looked up together with the caller: another user's order, line or notification answers 404.
// Static paths are declared before the parameterised ones, and ids are integers (a word is a 422).
import type { Clock } from '../../platform/clock/clock.js';
import { userOf } from '../../platform/http/auth-guard.js';
import { describeEvent, kit } from '../../platform/http/route-kit.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { ORDER_MESSAGES as MSG } from './messages.js';
import { isoOf, kokCurrent, statusOut, type OrderReadService } from './read-service.js';
import {
  HsOrderIdParams,
  HsStatusOut,
  HsWithStatusOut,
  KokNoticesOut,
  KokOrderIdParams,
  KokStatusOut,
  KokWithStatusOut,
  ListQuery,
  RecentQuery,
  NoticesQuery,
  OrderCountOut,
  OrderIdParams,
  OrderReadOut,
  OrdersListOut,
  RecentOrdersOut,
  StatusUpdateIn,
} from './schemas.js';
import { STATUSES } from './status-machine.js';
import type { HistoryRow } from './status-repo.js';
import type { OrderStatusService } from './status-service.js';

const tags = ['orders'];

export interface OrderRouteServices {
  reads: OrderReadService;
  status: OrderStatusService;
}

export function orderRoutes(app: App, s: OrderRouteServices, clock: Clock): void {
  app.get(
    '/api/orders',
    {
      ...kit({ access: 'user', event: 'order_orders_list_view', failText: MSG.ordersFailed }),
      schema: { tags, querystring: ListQuery, response: { 200: OrdersListOut, ...errorResponses(401, 422, 500) } },
    },
    async (request) => {
      const out = await s.reads.list(userOf(request).user_id, request.query.limit);
      describeEvent(request, { limit: out.limit, order_count: out.order_groups.length });
      return out;
    },
  );

  app.get(
    '/api/orders/count',
    {
      ...kit({ access: 'user', event: 'order_order_count_view', failText: MSG.countFailed }),
      schema: { tags, response: { 200: OrderCountOut, ...errorResponses(401, 500) } },
    },
    async (request) => {
      const order_count = await s.reads.count(userOf(request).user_id);
      describeEvent(request, { order_count });
      return { order_count };
    },
  );

  app.get(
    '/api/orders/recent',
    {
      ...kit({ access: 'user', event: 'order_recent_orders_view', failText: MSG.ordersFailed }),
      schema: { tags, querystring: RecentQuery, response: { 200: RecentOrdersOut, ...errorResponses(401, 422, 500) } },
    },
    async (request) => {
      const out = await s.reads.recent(userOf(request).user_id, request.query.days, clock.now());
      describeEvent(request, { days: out.days, order_count: out.order_count });
      return out;
    },
  );

  app.get(
    '/api/orders/kok/notifications/history',
    {
      ...kit({ access: 'user', event: 'kok_order_notifications_history_view', failText: MSG.notificationsFailed }),
      schema: { tags, querystring: NoticesQuery, response: { 200: KokNoticesOut, ...errorResponses(401, 422, 500) } },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const out = await s.reads.kokNotifications(userOf(request).user_id, limit, offset);
      describeEvent(request, { limit, offset, notification_count: out.notifications.length });
      return out;
    },
  );

  app.get(
    '/api/orders/:order_id',
    {
      ...kit({ access: 'user', event: 'order_order_detail_view', failText: MSG.ordersFailed }),
      schema: { tags, params: OrderIdParams, response: { 200: OrderReadOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request) => {
      const out = await s.reads.detail(userOf(request).user_id, request.params.order_id);
      describeEvent(request, { order_id: out.order_id });
      return out;
    },
  );

  app.get(
    '/api/orders/kok/:kok_order_id/status',
    {
      ...kit({ access: 'user', event: 'kok_order_status_view', failText: MSG.kokStatusFailed }),
      schema: { tags, params: KokOrderIdParams, response: { 200: KokStatusOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request) => {
      const id = request.params.kok_order_id;
      const history = await s.status.historyOf({ kind: 'kok', id }, userOf(request).user_id);
      describeEvent(request, { kok_order_id: id });
      return kokStatusOut(id, history);
    },
  );

  app.patch(
    '/api/orders/kok/:kok_order_id/status',
    {
      ...kit({ access: 'user', event: 'kok_order_status_update', failText: MSG.kokStatusUpdateFailed }),
      schema: {
        tags,
        summary: 'Set a KOK line status (test/admin utility)',
        description:
          'Test/admin utility, not a shopper action: the owner of the line may move a paid line along the delivery path ' +
          '(PAYMENT_COMPLETED → PREPARING → SHIPPING → DELIVERED) or cancel an unpaid one; every other change, ' +
          'including marking a line paid, is refused with 400. `changed_by` is accepted for compatibility and ignored: ' +
          'the history names the caller.',
        params: KokOrderIdParams,
        body: StatusUpdateIn,
        response: { 200: KokStatusOut, ...errorResponses(400, 401, 404, 422, 500) },
      },
    },
    async (request) => {
      const id = request.params.kok_order_id;
      const userId = userOf(request).user_id;
      const to = await s.status.statusByCode(request.body.new_status_code);
      const { history } = await s.status.change({ line: { kind: 'kok', id }, to, actor: 'admin', userId, ownerOnly: true });
      describeEvent(request, { kok_order_id: id, new_status: to, changed_by: userId });
      return kokStatusOut(id, history);
    },
  );

  app.get(
    '/api/orders/kok/:kok_order_id/with-status',
    {
      ...kit({ access: 'user', event: 'kok_order_with_status_view', failText: MSG.kokStatusFailed }),
      schema: { tags, params: KokOrderIdParams, response: { 200: KokWithStatusOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request) => {
      const out = await s.reads.kokWithStatus(userOf(request).user_id, request.params.kok_order_id);
      describeEvent(request, { kok_order_id: request.params.kok_order_id });
      return out;
    },
  );

  app.get(
    '/api/orders/homeshopping/:homeshopping_order_id/status',
    {
      ...kit({ access: 'user', event: 'homeshopping_order_status_view', failText: MSG.hsStatusFailed }),
      schema: { tags, params: HsOrderIdParams, response: { 200: HsStatusOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request) => {
      const id = request.params.homeshopping_order_id;
      const history = await s.status.historyOf({ kind: 'hs', id }, userOf(request).user_id);
      const current = history[0] ? statusOut(history[0]) : { status_id: 1, status_code: 'ORDER_RECEIVED', status_name: STATUSES.ORDER_RECEIVED.name };
      describeEvent(request, { homeshopping_order_id: id, current_status: current.status_code });
      return {
        homeshopping_order_id: id,
        current_status: current,
        status_history: history.map((h) => ({ history_id: h.HISTORY_ID, homeshopping_order_id: id, status: statusOut(h), created_at: isoOf(h.CHANGED_AT) })),
      };
    },
  );

  app.get(
    '/api/orders/homeshopping/:homeshopping_order_id/with-status',
    {
      ...kit({ access: 'user', event: 'homeshopping_order_with_status_view', failText: MSG.ordersFailed }),
      schema: { tags, params: HsOrderIdParams, response: { 200: HsWithStatusOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request) => {
      const id = request.params.homeshopping_order_id;
      const out = await s.reads.hsWithStatus(userOf(request).user_id, id);
      describeEvent(request, { homeshopping_order_id: id, current_status: out.current_status.status_code });
      return out;
    },
  );
}

function kokStatusOut(kokOrderId: number, history: HistoryRow[]) {
  return {
    kok_order_id: kokOrderId,
    current_status: kokCurrent(history),
    status_history: history.map((h) => ({
      history_id: h.HISTORY_ID,
      kok_order_id: kokOrderId,
      status: statusOut(h),
      changed_at: isoOf(h.CHANGED_AT),
      changed_by: h.CHANGED_BY,
    })),
  };
}
