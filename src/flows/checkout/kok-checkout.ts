// KOK checkout from the cart (order spec §5.5, §6, §4.1): one transaction claims the caller's chosen cart lines
// under their row locks, prices each from its stored price row in integer won, writes the order with its first
// status rows and notifications, and deletes the lines; then the caller's store-best cache is dropped.
import type { KokServices } from '../../modules/kok/module.js';
import type { CheckoutCartLine } from '../../modules/kok/cart-repo.js';
import type { KokTables } from '../../modules/kok/tables.js';
import type { OrderServices } from '../../modules/order/module.js';
import type { NewKokLine } from '../../modules/order/create-service.js';
import type { OrderTables } from '../../modules/order/tables.js';
import { BadRequestError } from '../../platform/http/errors.js';
import { naiveIso } from '../../platform/http/schemas.js';
import { CHECKOUT_MESSAGES as MSG } from './messages.js';
import type { KokCartOrderBody, KokCartOrderResult } from './schemas.js';
import { viewOf, type FlowTransact } from './transact.js';

const INT_MAX = 2_147_483_647;

export class KokCheckout {
  constructor(
    private readonly kok: Pick<KokServices, 'cart' | 'lists'>,
    private readonly orders: Pick<OrderServices, 'create' | 'idempotency'>,
    private readonly transact: FlowTransact<KokTables & OrderTables>,
  ) {}

  async checkout(userId: number, body: KokCartOrderBody, key: string | undefined): Promise<KokCartOrderResult> {
    const items = body.selected_items;
    if (items.length === 0) throw new BadRequestError(MSG.noItems);
    const answer = await this.orders.idempotency.run({ userId, key, scope: 'kok-cart-order', body }, (work) => this.transact((trx) => work(viewOf<OrderTables>(trx))), async (trx) => {
      const cart = await this.kok.cart.linesForCheckout(userId, items.map((i) => i.kok_cart_id), viewOf<KokTables>(trx));
      if (cart.length === 0) throw new BadRequestError(MSG.cartGone);
      // The quantity of the first request item naming each line (§6.1 step 7).
      const quantities = new Map<number, number>();
      for (const item of items) if (!quantities.has(item.kok_cart_id)) quantities.set(item.kok_cart_id, item.quantity);
      const priced = cart.map((line) => priceLine(line, quantities.get(line.KOK_CART_ID)!));
      const created = await this.orders.create.kok(userId, priced.map((p) => p.order), trx);
      await this.kok.cart.removeLines(userId, cart.map((l) => l.KOK_CART_ID), viewOf<KokTables>(trx));
      const order_details = priced.map((p, i) => ({ kok_order_id: created.lineIds[i]!, ...p.detail }));
      return {
        order_id: created.orderId,
        total_amount: order_details.reduce((sum, d) => sum + d.total_price, 0),
        order_count: order_details.length,
        order_details,
        message: MSG.kokOrdered(order_details.length),
        order_time: naiveIso(created.orderTime, true)!,
      };
    });
    await this.kok.lists.invalidateStoreBest(userId);
    return answer;
  }
}

/** §4.1: the stored price row's discounted price, else the product's list price, else 0; line total = unit × quantity. */
function priceLine(line: CheckoutCartLine, quantity: number) {
  if (line.KOK_PRICE_ID === null || line.PRICE_FOUND === null) throw new BadRequestError(MSG.priceNotFound);
  if (line.PRODUCT_FOUND === null) throw new BadRequestError(MSG.productNotFound);
  const unit = line.KOK_DISCOUNTED_PRICE ?? line.KOK_PRODUCT_PRICE ?? 0;
  const total = unit * quantity;
  // ORDER_PRICE is an INT column: a total it cannot hold is no valid line.
  if (!Number.isSafeInteger(total) || total > INT_MAX) throw new BadRequestError(MSG.noValidLine);
  const order: NewKokLine = { priceId: line.KOK_PRICE_ID, productId: line.KOK_PRODUCT_ID, quantity, orderPrice: total, recipeId: line.RECIPE_ID };
  const detail = { kok_product_id: line.KOK_PRODUCT_ID, kok_product_name: line.KOK_PRODUCT_NAME ?? '', quantity, unit_price: unit, total_price: total };
  return { order, detail };
}
