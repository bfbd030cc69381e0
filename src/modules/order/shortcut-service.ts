// The confirm shortcuts (spec §5.9, §5.10, §5.16) and the auto-update gate (§5.11, §5.17). Marking paid goes
// through the status machine, so it needs a real PAYMENT_REQUESTED line (§14 fix); the delivery progression is the
// scheduled job's, so auto-update only checks that the caller's line is paid and acknowledges.
import { lockRows } from '../../platform/db/dialect.js';
import { BadRequestError, NotFoundError } from '../../platform/http/errors.js';
import type { LineRef } from './lines.js';
import { ORDER_MESSAGES as MSG } from './messages.js';
import type { OrderRepo } from './repo.js';
import type { StatusRepo } from './status-repo.js';
import type { OrderStatusService } from './status-service.js';

export class OrderShortcuts {
  constructor(
    private readonly orders: OrderRepo,
    private readonly statuses: StatusRepo,
    private readonly status: OrderStatusService,
  ) {}

  /** Marks one of the caller's lines paid; answers the previous and new status labels. */
  async confirmLine(userId: number, line: LineRef): Promise<{ previous: string | null; current: string }> {
    const { history } = await this.status.change({ line, to: 'PAYMENT_COMPLETED', actor: 'user', userId, ownerOnly: true });
    return { previous: history[1]?.STATUS_NAME ?? null, current: history[0]!.STATUS_NAME };
  }

  /** Marks every KOK line of the caller's order paid, all or none: the order row is locked first, then each line. */
  async confirmKokOrder(userId: number, orderId: number): Promise<number> {
    return this.statuses.transaction(async (trx) => {
      await lockRows(trx, 'ORDERS', 'ORDER_ID', [orderId]);
      const order = await this.orders.order(orderId, trx);
      if (!order || order.USER_ID !== userId) throw new NotFoundError(MSG.confirmOrderNotFound);
      const lines = await this.orders.kokLines([orderId], trx);
      if (lines.length === 0) throw new NotFoundError(MSG.noKokLines);
      for (const line of lines) {
        await this.status.change({ line: { kind: 'kok', id: line.KOK_ORDER_ID }, to: 'PAYMENT_COMPLETED', actor: 'user', userId, ownerOnly: true }, trx);
      }
      return lines.length;
    });
  }

  /** The auto-update gate: the caller's line must be PAYMENT_COMPLETED; answers the acknowledgement text. */
  async autoUpdate(userId: number, line: LineRef): Promise<string> {
    const [current] = await this.status.historyOf(line, userId);
    if (!current) throw new BadRequestError(MSG.noHistoryYet);
    if (current.STATUS_CODE !== 'PAYMENT_COMPLETED') throw new BadRequestError(MSG.notPaymentCompleted(current.STATUS_NAME, current.STATUS_CODE));
    return MSG.autoUpdateStarted(line.id, current.STATUS_NAME);
  }
}
