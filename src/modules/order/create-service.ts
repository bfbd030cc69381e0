// Order creation (spec §5.5, §5.13, §6.1 step 3 and 7, §10): the ORDERS header, its lines, each line's first
// ORDER_RECEIVED history row and its notification — inside the caller's transaction (checkout also claims the cart
// in it), so a failure anywhere leaves nothing behind.
import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/connect.js';
import { insertReturningId } from '../../platform/db/dialect.js';
import { BadRequestError } from '../../platform/http/errors.js';
import { ORDER_MESSAGES as MSG } from './messages.js';
import type { HsOrderNotifier } from './ports.js';
import { STATUSES } from './status-machine.js';
import type { StatusRepo, StatusRow } from './status-repo.js';
import type { OrderTables } from './tables.js';

export interface NewKokLine {
  priceId: number;
  productId: number;
  quantity: number;
  /** Line total in won. */
  orderPrice: number;
  recipeId: number | null;
}

export interface NewHsLine {
  productId: number;
  /** Unit price snapshot in won. */
  dcPrice: number;
  quantity: number;
}

export interface CreatedOrder {
  orderId: number;
  orderTime: Date;
  lineIds: number[];
}

/** STATUS_ID the original falls back to when ORDER_RECEIVED is missing from STATUS_MASTER (§5.13). */
const RECEIVED_FALLBACK_ID = 1;

export class OrderCreation {
  constructor(
    private readonly db: Db<OrderTables>,
    private readonly statuses: StatusRepo,
    private readonly clock: Clock,
    private readonly notifyHs: HsOrderNotifier,
  ) {}

  /** A KOK order of one or more lines; ORDER_RECEIVED missing → 400 (§5.5). */
  async kok(userId: number, lines: NewKokLine[], trx: Transaction<OrderTables>): Promise<CreatedOrder> {
    const received = await this.received(trx);
    if (!received) throw new BadRequestError(MSG.receivedStatusMissing);
    const { orderId, orderTime } = await this.header(userId, trx);
    const notice = STATUSES.ORDER_RECEIVED.notice!;
    const lineIds: number[] = [];
    for (const line of lines) {
      const values = { ORDER_ID: orderId, KOK_PRICE_ID: line.priceId, KOK_PRODUCT_ID: line.productId, QUANTITY: line.quantity, ORDER_PRICE: line.orderPrice, RECIPE_ID: line.recipeId };
      const lineId = await insertReturningId<OrderTables, 'KOK_ORDERS'>(trx, this.db.kind, 'KOK_ORDERS', values, 'KOK_ORDER_ID');
      await this.statuses.insertHistory('kok', { lineId, statusId: received.STATUS_ID, at: orderTime, by: userId }, trx);
      await this.statuses.insertKokNotice({ userId, lineId, statusId: received.STATUS_ID, ...notice, at: orderTime }, trx);
      lineIds.push(lineId);
    }
    return { orderId, orderTime, lineIds };
  }

  /** A home-shopping order of one line, with the HS creation notice's own text (§5.13, §10). */
  async homeshopping(userId: number, line: NewHsLine, trx: Transaction<OrderTables>): Promise<CreatedOrder> {
    const received = await this.received(trx);
    const { orderId, orderTime } = await this.header(userId, trx);
    const values = { ORDER_ID: orderId, PRODUCT_ID: line.productId, DC_PRICE: line.dcPrice, QUANTITY: line.quantity, ORDER_PRICE: line.dcPrice * line.quantity };
    const lineId = await insertReturningId<OrderTables, 'HOMESHOPPING_ORDERS'>(trx, this.db.kind, 'HOMESHOPPING_ORDERS', values, 'HOMESHOPPING_ORDER_ID');
    if (received) await this.statuses.insertHistory('hs', { lineId, statusId: received.STATUS_ID, at: orderTime, by: userId }, trx);
    const notice = { userId, homeshoppingOrderId: lineId, statusId: received?.STATUS_ID ?? RECEIVED_FALLBACK_ID, createdAt: orderTime };
    await this.notifyHs({ ...notice, title: STATUSES.ORDER_RECEIVED.notice!.title, message: MSG.hsOrderReceivedNotice }, trx);
    return { orderId, orderTime, lineIds: [lineId] };
  }

  private async header(userId: number, trx: Transaction<OrderTables>): Promise<{ orderId: number; orderTime: Date }> {
    const orderTime = this.clock.now();
    const orderId = await insertReturningId<OrderTables, 'ORDERS'>(trx, this.db.kind, 'ORDERS', { USER_ID: userId, ORDER_TIME: orderTime, CANCEL_TIME: null, RECIPE_ID: null }, 'ORDER_ID');
    return { orderId, orderTime };
  }

  private async received(trx: Transaction<OrderTables>): Promise<StatusRow | undefined> {
    return (await this.statuses.statuses(trx)).find((s) => s.STATUS_CODE === 'ORDER_RECEIVED');
  }
}
