// What a shopper reads of their orders (spec §5.1–§5.4, §5.7, §5.8, §5.12, §5.14, §5.15): a fixed number of
// queries whatever the number of orders and lines (orders, lines of both kinds, their histories, catalogue facts).
import { NotFoundError } from '../../platform/http/errors.js';
import { naiveIso } from '../../platform/http/schemas.js';
import { ORDER_MESSAGES as MSG, WEEKDAYS } from './messages.js';
import type { OrderCatalog } from './ports.js';
import type { HsLineRow, KokLineRow, OrderRepo, OrderRow } from './repo.js';
import type { ListedLine } from './schemas.js';
import type { HistoryRow, StatusRepo } from './status-repo.js';

/** Notifications the KOK history shows: 주문완료, 배송출발, 배송완료 (§5.12). */
const NOTICE_CODES = ['PAYMENT_COMPLETED', 'SHIPPING', 'DELIVERED'] as const;
const RECENT_ORDERS_CAP = 1000;
const DAY_MS = 86_400_000;

export interface ListedItem {
  order: OrderRow;
  productId: number;
  item: ListedLine;
}

export class OrderReadService {
  constructor(
    private readonly orders: OrderRepo,
    private readonly statuses: StatusRepo,
    private readonly catalog: OrderCatalog,
  ) {}

  /** §5.1: orders grouped, newest first; orders without lines are left out of the groups but counted. */
  async list(userId: number, limit: number) {
    const [orders, totalCount] = await Promise.all([this.orders.orders(userId, Math.max(limit, 0)), this.orders.orderCount(userId)]);
    const items = await this.items(orders);
    const groups = orders.flatMap((order) => {
      const mine = items.filter((i) => i.order.ORDER_ID === order.ORDER_ID).map((i) => i.item);
      if (mine.length === 0) return [];
      return [{
        order_id: order.ORDER_ID,
        order_number: String(order.ORDER_ID),
        order_date: orderDate(order.ORDER_TIME),
        // Faithful formula (§4.4, decision 4): ORDER_PRICE is already a line total.
        total_amount: mine.reduce((sum, i) => sum + i.price * i.quantity, 0),
        item_count: mine.reduce((sum, i) => sum + i.quantity, 0),
        items: mine,
      }];
    });
    return { limit, total_count: totalCount, order_groups: groups };
  }

  async count(userId: number): Promise<number> {
    return this.orders.orderCount(userId);
  }

  /** §5.3: one item per line of the orders placed in the last `days` days. */
  async recent(userId: number, days: number, now: Date) {
    const orders = await this.orders.orders(userId, RECENT_ORDERS_CAP, new Date(now.getTime() - days * DAY_MS));
    const lines = (await this.items(orders)).map(({ order, productId, item }) => ({
      order_id: order.ORDER_ID,
      order_number: String(order.ORDER_ID).padStart(12, '0'),
      order_date: orderDate(order.ORDER_TIME),
      product_id: productId,
      ...item,
    }));
    return { days, order_count: lines.length, orders: lines };
  }

  /** §5.4: the order and its lines; another user's order is "not found". */
  async detail(userId: number, orderId: number) {
    const order = await this.orders.order(orderId);
    if (!order || order.USER_ID !== userId) throw new NotFoundError(MSG.orderNotFound);
    const [kok, hs] = await Promise.all([this.orders.kokLines([orderId]), this.orders.hsLines([orderId])]);
    return {
      order_id: order.ORDER_ID,
      user_id: order.USER_ID,
      order_time: isoOf(order.ORDER_TIME),
      cancel_time: naiveIso(order.CANCEL_TIME),
      kok_orders: kok.map(kokLineOut),
      homeshopping_orders: hs.map(hsLineOut),
    };
  }

  /** §5.8 */
  async kokWithStatus(userId: number, kokOrderId: number) {
    const line = await this.orders.kokLine(kokOrderId);
    if (!line || line.USER_ID !== userId) throw new NotFoundError(MSG.kokLineNotFound);
    const history = await this.statuses.histories('kok', [kokOrderId]);
    return { kok_order: kokLineOut(line), current_status: kokCurrent(history) };
  }

  /** §5.15 */
  async hsWithStatus(userId: number, hsOrderId: number) {
    const line = await this.orders.hsLine(hsOrderId);
    if (!line || line.USER_ID !== userId) throw new NotFoundError(MSG.lineNotFound);
    const productId = Number(line.PRODUCT_ID);
    const [history, products] = await Promise.all([this.statuses.histories('hs', [hsOrderId]), this.catalog.hsProducts([productId])]);
    const latest = history[0];
    return {
      order_id: line.ORDER_ID,
      ...hsLineOut(line),
      product_name: products.get(productId)?.name ?? MSG.hsProductNameFallback(productId),
      order_time: isoOf(line.ORDER_TIME),
      current_status: latest ? statusOut(latest) : { status_id: 1, status_code: 'ORDER_RECEIVED', status_name: MSG.receivedFallbackName },
    };
  }

  /** §5.12 */
  async kokNotifications(userId: number, limit: number, offset: number) {
    const [rows, total] = await Promise.all([this.orders.kokNotices(userId, NOTICE_CODES, limit, offset), this.orders.kokNoticeCount(userId, NOTICE_CODES)]);
    const products = await this.catalog.kokProducts([...new Set(rows.map((r) => r.KOK_PRODUCT_ID))]);
    return {
      notifications: rows.map((r) => ({
        notification_id: Number(r.NOTIFICATION_ID),
        user_id: r.USER_ID,
        kok_order_id: r.KOK_ORDER_ID,
        status_id: r.STATUS_ID,
        title: r.TITLE,
        message: r.MESSAGE,
        created_at: isoOf(new Date(r.CREATED_AT)),
        order_status: r.STATUS_CODE,
        order_status_name: r.STATUS_NAME,
        product_name: products.get(r.KOK_PRODUCT_ID)?.name ?? MSG.kokProductFallback(r.KOK_PRODUCT_ID),
      })),
      total_count: total,
    };
  }

  /** The listed lines of `orders` (KOK lines by id, then home-shopping lines, per order): seven queries in all. */
  private async items(orders: OrderRow[]): Promise<ListedItem[]> {
    const ids = orders.map((o) => o.ORDER_ID);
    const [kok, hs] = await Promise.all([this.orders.kokLines(ids), this.orders.hsLines(ids)]);
    const [kokHistory, hsHistory, kokProducts, hsProducts, recipes] = await Promise.all([
      this.statuses.histories('kok', kok.map((l) => l.KOK_ORDER_ID)),
      this.statuses.histories('hs', hs.map((l) => l.HOMESHOPPING_ORDER_ID)),
      this.catalog.kokProducts([...new Set(kok.map((l) => l.KOK_PRODUCT_ID))]),
      this.catalog.hsProducts([...new Set(hs.map((l) => Number(l.PRODUCT_ID)))]),
      this.catalog.recipes([...new Set(kok.flatMap((l) => (l.RECIPE_ID === null ? [] : [l.RECIPE_ID])))]),
    ]);
    const kokLatest = latestByLine(kokHistory);
    const hsLatest = latestByLine(hsHistory);
    const out: ListedItem[] = [];
    for (const order of orders) {
      for (const line of kok.filter((l) => l.ORDER_ID === order.ORDER_ID)) {
        const product = kokProducts.get(line.KOK_PRODUCT_ID);
        const recipe = line.RECIPE_ID === null ? undefined : recipes.get(line.RECIPE_ID);
        out.push({
          order,
          productId: line.KOK_PRODUCT_ID,
          item: {
            product_name: product?.name ?? MSG.kokProductFallback(line.KOK_PRODUCT_ID),
            product_image: product?.image ?? null,
            price: Number(line.ORDER_PRICE ?? 0),
            quantity: line.QUANTITY,
            ...delivery(kokLatest.get(line.KOK_ORDER_ID)),
            recipe_related: true,
            recipe_title: recipe?.title ?? null,
            recipe_rating: 0,
            recipe_scrap_count: recipe?.scrapCount ?? 0,
            recipe_description: recipe?.description ?? null,
            // Decision 5: 0/0 as the original.
            ingredients_owned: 0,
            total_ingredients: 0,
          },
        });
      }
      for (const line of hs.filter((l) => l.ORDER_ID === order.ORDER_ID)) {
        const productId = Number(line.PRODUCT_ID);
        const product = hsProducts.get(productId);
        out.push({
          order,
          productId,
          item: {
            product_name: product?.name ?? MSG.hsProductFallback(productId),
            product_image: product?.image ?? null,
            price: Number(line.ORDER_PRICE ?? 0),
            quantity: line.QUANTITY,
            ...delivery(hsLatest.get(line.HOMESHOPPING_ORDER_ID)),
            recipe_related: false,
            recipe_title: null,
            recipe_rating: null,
            recipe_scrap_count: null,
            recipe_description: null,
            ingredients_owned: null,
            total_ingredients: null,
          },
        });
      }
    }
    return out;
  }
}

export function statusOut(row: HistoryRow) {
  return { status_id: row.STATUS_ID, status_code: row.STATUS_CODE, status_name: row.STATUS_NAME };
}

/** KOK reads answer null while the line is ORDER_RECEIVED or has no history (§5.6 quirk, kept). */
export function kokCurrent(history: HistoryRow[]) {
  const latest = history[0];
  return latest && latest.STATUS_CODE !== 'ORDER_RECEIVED' ? statusOut(latest) : null;
}

export function kokLineOut(line: KokLineRow) {
  return {
    kok_order_id: line.KOK_ORDER_ID,
    kok_price_id: line.KOK_PRICE_ID,
    kok_product_id: line.KOK_PRODUCT_ID,
    quantity: line.QUANTITY,
    order_price: line.ORDER_PRICE === null ? null : Number(line.ORDER_PRICE),
    recipe_id: line.RECIPE_ID,
  };
}

function hsLineOut(line: HsLineRow) {
  return {
    homeshopping_order_id: line.HOMESHOPPING_ORDER_ID,
    product_id: Number(line.PRODUCT_ID),
    dc_price: Number(line.DC_PRICE),
    quantity: line.QUANTITY,
    order_price: line.ORDER_PRICE === null ? null : Number(line.ORDER_PRICE),
  };
}

function latestByLine(history: HistoryRow[]): Map<number, HistoryRow> {
  const latest = new Map<number, HistoryRow>();
  // Rows come newest first per line: the first one seen is the current status.
  for (const row of history) if (!latest.has(row.LINE_ID)) latest.set(row.LINE_ID, row);
  return latest;
}

/** §5.1.1 (dates in UTC, decision 12). */
function delivery(latest: HistoryRow | undefined): { delivery_status: string; delivery_date: string } {
  if (!latest) return { delivery_status: MSG.noHistoryDelivery, delivery_date: MSG.noDeliveryInfo };
  if (latest.STATUS_NAME !== '배송완료') return { delivery_status: latest.STATUS_NAME, delivery_date: MSG.noDeliveryInfo };
  const at = latest.CHANGED_AT;
  const weekday = WEEKDAYS[(at.getUTCDay() + 6) % 7]!;
  return { delivery_status: latest.STATUS_NAME, delivery_date: MSG.arrived(at.getUTCMonth() + 1, at.getUTCDate(), weekday) };
}

/** A non-null instant as the contract's naive ISO text. */
export const isoOf = (at: Date): string => naiveIso(at)!;

function orderDate(at: Date): string {
  return `${at.getUTCFullYear()}. ${at.getUTCMonth() + 1}. ${at.getUTCDate()}`;
}
