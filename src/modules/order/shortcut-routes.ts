// HTTP routes of the confirm shortcuts and auto-update (spec §5.9–§5.11, §5.16, §5.17): login and ownership on
// every one (another user's id is 404), marking paid only from a real PAYMENT_REQUESTED state.
import { userOf } from '../../platform/http/auth-guard.js';
import { describeEvent, kit } from '../../platform/http/route-kit.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { Type } from 'typebox';
import { ORDER_MESSAGES as MSG } from './messages.js';
import { HsOrderIdParams, KokOrderIdParams, OrderIdParams } from './schemas.js';
import type { OrderShortcuts } from './shortcut-service.js';

const tags = ['orders'];
const errors = errorResponses(400, 401, 404, 422, 500);
const MessageOut = Type.Object({ message: Type.String() });

export function shortcutRoutes(app: App, shortcuts: OrderShortcuts): void {
  app.post(
    '/api/orders/kok/:kok_order_id/payment/confirm',
    {
      ...kit({ access: 'user', event: 'kok_payment_confirm', failText: MSG.confirmFailed }),
      schema: { tags, params: KokOrderIdParams, response: { 200: Type.Object({ message: Type.String(), kok_order_id: Type.Integer() }), ...errors } },
    },
    async (request) => {
      const id = request.params.kok_order_id;
      await shortcuts.confirmLine(userOf(request).user_id, { kind: 'kok', id });
      describeEvent(request, { kok_order_id: id });
      return { message: MSG.kokLineConfirmed, kok_order_id: id };
    },
  );

  app.post(
    '/api/orders/kok/order-unit/:order_id/payment/confirm',
    {
      ...kit({ access: 'user', event: 'kok_payment_confirm_order', failText: MSG.confirmFailed }),
      schema: { tags, params: OrderIdParams, response: { 200: Type.Object({ message: Type.String(), order_id: Type.Integer() }), ...errors } },
    },
    async (request) => {
      const orderId = request.params.order_id;
      const count = await shortcuts.confirmKokOrder(userOf(request).user_id, orderId);
      describeEvent(request, { order_id: orderId, kok_order_count: count });
      return { message: MSG.kokOrderConfirmed, order_id: orderId };
    },
  );

  app.post(
    '/api/orders/homeshopping/:homeshopping_order_id/payment/confirm',
    {
      ...kit({ access: 'user', event: 'homeshopping_payment_confirm', failText: MSG.confirmFailed }),
      schema: {
        tags,
        params: HsOrderIdParams,
        response: {
          200: Type.Object({ homeshopping_order_id: Type.Integer(), previous_status: Type.Union([Type.String(), Type.Null()]), current_status: Type.String(), message: Type.String() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const id = request.params.homeshopping_order_id;
      const { previous, current } = await shortcuts.confirmLine(userOf(request).user_id, { kind: 'hs', id });
      describeEvent(request, { homeshopping_order_id: id, previous_status: previous, current_status: current });
      return { homeshopping_order_id: id, previous_status: previous, current_status: current, message: MSG.hsConfirmed };
    },
  );

  app.post(
    '/api/orders/kok/:kok_order_id/auto-update',
    {
      ...kit({ access: 'user', failText: MSG.autoUpdateFailed }),
      schema: { tags, description: 'Acknowledges a paid line; the scheduled progression moves it to DELIVERED.', params: KokOrderIdParams, response: { 200: MessageOut, ...errors } },
    },
    async (request) => ({ message: await shortcuts.autoUpdate(userOf(request).user_id, { kind: 'kok', id: request.params.kok_order_id }) }),
  );

  app.post(
    '/api/orders/homeshopping/:homeshopping_order_id/auto-update',
    {
      ...kit({ access: 'user', failText: MSG.autoUpdateFailed }),
      schema: { tags, description: 'Acknowledges a paid line; the scheduled progression moves it to DELIVERED.', params: HsOrderIdParams, response: { 200: MessageOut, ...errors } },
    },
    async (request) => ({ message: await shortcuts.autoUpdate(userOf(request).user_id, { kind: 'hs', id: request.params.homeshopping_order_id }) }),
  );
}
