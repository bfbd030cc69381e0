// The stale PAYMENT_REQUESTED rule as a periodic sweeper (spec §8.2 step 2, §3.4, §14 W7/W15): an order with a
// line left PAYMENT_REQUESTED for `expiryMs` (no webhook came) is cancelled — CANCEL_TIME set, a CANCELLED row
// (CHANGED_BY 1, no notification) for each line still unpaid. Under the order's row lock, and only while no line
// has been paid meanwhile, so a webhook settling at the same moment and a second instance never contradict it.
import type { Clock } from '../../platform/clock/clock.js';
import { lockRows } from '../../platform/db/dialect.js';
import type { LineKind, LineRef } from './lines.js';
import type { OrderRepo } from './repo.js';
import type { StatusCode } from './status-machine.js';
import type { StatusRepo } from './status-repo.js';
import { currentCode, type OrderStatusService } from './status-service.js';

const UNPAID: ReadonlySet<StatusCode | null> = new Set(['ORDER_RECEIVED', 'PAYMENT_REQUESTED']);
const BATCH = 500;

export class StaleCancellation {
  constructor(
    private readonly orders: OrderRepo,
    private readonly statuses: StatusRepo,
    private readonly status: OrderStatusService,
    private readonly clock: Clock,
    private readonly expiryMs: number,
  ) {}

  /** Cancels every order that is stale at `now`; answers the ids this run cancelled. */
  async run(now: Date): Promise<number[]> {
    const cutoff = new Date(now.getTime() - this.expiryMs);
    const due = new Set<number>();
    for (const kind of ['kok', 'hs'] as LineKind[]) {
      for (const line of await this.statuses.dueLines(kind, ['PAYMENT_REQUESTED'], cutoff, BATCH)) due.add(line.ORDER_ID);
    }
    const cancelled: number[] = [];
    for (const orderId of due) if (await this.cancelIfStale(orderId, cutoff)) cancelled.push(orderId);
    return cancelled;
  }

  /** One order, if stale at `cutoff` (also the confirm's lazy check, §8.2 step 2); answers whether it was cancelled. */
  cancelIfStale(orderId: number, cutoff: Date): Promise<boolean> {
    return this.statuses.transaction(async (trx) => {
      await lockRows(trx, 'ORDERS', 'ORDER_ID', [orderId]);
      // One statement at a time: the transaction is one connection.
      const kok = await this.orders.kokLines([orderId], trx);
      const hs = await this.orders.hsLines([orderId], trx);
      const lines: LineRef[] = [...kok.map((l) => ({ kind: 'kok' as const, id: l.KOK_ORDER_ID })), ...hs.map((l) => ({ kind: 'hs' as const, id: l.HOMESHOPPING_ORDER_ID }))];
      const current = [];
      for (const line of lines) current.push((await this.statuses.histories(line.kind, [line.id], trx))[0]);
      const paidMeanwhile = current.some((row) => !UNPAID.has(row ? currentCode([row]) : null));
      const stale = current.some((row) => row?.STATUS_CODE === 'PAYMENT_REQUESTED' && row.CHANGED_AT <= cutoff);
      if (paidMeanwhile || !stale || !(await this.orders.markCancelled(orderId, this.clock.now(), trx))) return false;
      for (const [i, line] of lines.entries()) {
        const from = current[i] ? currentCode([current[i]!]) : null;
        if (from) await this.status.change({ line, to: 'CANCELLED', actor: 'system', expectFrom: from }, trx);
      }
      return true;
    });
  }
}
