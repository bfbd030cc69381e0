// POST /api/orders/kok/carts/order and POST /api/orders/homeshopping/order (order spec §5.5, §5.13): mounted by
// the flow, since each spans modules. Both take an optional Idempotency-Key header.
import { userOf } from '../../platform/http/auth-guard.js';
import { describeEvent, kit } from '../../platform/http/route-kit.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import type { HsOrderFlow } from './hs-order.js';
import type { KokCheckout } from './kok-checkout.js';
import { CHECKOUT_MESSAGES as MSG } from './messages.js';
import { HsOrderIn, HsOrderOut, IdempotencyHeaders, KokCartOrderIn, KokCartOrderOut } from './schemas.js';

const tags = ['orders'];

export interface CheckoutFlows {
  kokCheckout: KokCheckout;
  hsOrder: HsOrderFlow;
}

export function checkoutRoutes(app: App, flows: CheckoutFlows): void {
  app.post(
    '/api/orders/kok/carts/order',
    {
      ...kit({ access: 'user', event: 'kok_cart_order_create', failText: MSG.kokFailed }),
      schema: { tags, headers: IdempotencyHeaders, body: KokCartOrderIn, response: { 201: KokCartOrderOut, ...errorResponses(400, 401, 422, 500) } },
    },
    async (request, reply) => {
      const out = await flows.kokCheckout.checkout(userOf(request).user_id, request.body, request.headers['idempotency-key']);
      describeEvent(request, { ...out, kok_order_ids: out.order_details.map((d) => d.kok_order_id) });
      return reply.code(201).send(out);
    },
  );

  app.post(
    '/api/orders/homeshopping/order',
    {
      ...kit({ access: 'user', event: 'homeshopping_order_create', failText: MSG.hsFailed }),
      schema: { tags, headers: IdempotencyHeaders, body: HsOrderIn, response: { 200: HsOrderOut, ...errorResponses(400, 401, 422, 500) } },
    },
    async (request, reply) => {
      const out = await flows.hsOrder.order(userOf(request).user_id, request.body, request.headers['idempotency-key']);
      const { order_id, product_id, quantity } = out;
      describeEvent(request, { order_id, product_id, quantity });
      return reply.code(200).send(out);
    },
  );
}
