// Home-shopping "mobile order" of one product (order spec §5.13, §4.2): the unit price snapshot in integer won, the
// order with its first status row and notice in one transaction, under the optional Idempotency-Key.
import type { HomeshoppingServices } from '../../modules/homeshopping/module.js';
import type { OrderServices } from '../../modules/order/module.js';
import type { OrderTables } from '../../modules/order/tables.js';
import { BadRequestError } from '../../platform/http/errors.js';
import { naiveIso } from '../../platform/http/schemas.js';
import { CHECKOUT_MESSAGES as MSG } from './messages.js';
import type { HsOrderBody, HsOrderResult } from './schemas.js';
import type { FlowTransact } from './transact.js';

export class HsOrderFlow {
  constructor(
    private readonly homeshopping: Pick<HomeshoppingServices, 'orderFacts'>,
    private readonly orders: Pick<OrderServices, 'create' | 'idempotency'>,
    private readonly transact: FlowTransact<OrderTables>,
  ) {}

  async order(userId: number, body: HsOrderBody, key: string | undefined): Promise<HsOrderResult> {
    const { product_id, quantity } = body;
    const facts = await this.homeshopping.orderFacts(product_id);
    if (!facts) throw new BadRequestError(MSG.hsProductNotFound);
    const dcPrice = unitPrice(facts);
    return this.orders.idempotency.run({ userId, key, scope: 'homeshopping-order', body }, this.transact, async (trx) => {
      const created = await this.orders.create.homeshopping(userId, { productId: product_id, dcPrice, quantity }, trx);
      return {
        order_id: created.orderId,
        homeshopping_order_id: created.lineIds[0]!,
        product_id,
        product_name: facts.PRODUCT_NAME ?? MSG.hsProductName(product_id),
        quantity,
        dc_price: dcPrice,
        order_price: dcPrice * quantity,
        order_time: naiveIso(created.orderTime, true)!,
        message: MSG.hsOrdered,
      };
    });
  }
}

/** §4.2: DC_PRICE when set and non-zero, else SALE_PRICE × (100 − DC_RATE) / 100 rounded half up, else 0. */
function unitPrice(facts: { SALE_PRICE: number | null; DC_RATE: number | null; DC_PRICE: number | null }): number {
  if (facts.DC_PRICE) return Number(facts.DC_PRICE);
  return Math.round((Number(facts.SALE_PRICE ?? 0) * (100 - Number(facts.DC_RATE ?? 0))) / 100);
}
