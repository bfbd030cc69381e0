// Scheduled delivery progression (spec §3.3, §14 W14): a paid line moves PAYMENT_COMPLETED → PREPARING →
// SHIPPING → DELIVERED, one step each `stepMs` after the previous one, as the system (CHANGED_BY 1) with its
// notification. A plain service method driven by the injected clock; each step is a compare-and-set under the
// line's row lock and commits on its own, so reruns, restarts and two instances never write a step twice.
import type { LineKind } from './lines.js';
import type { StatusCode } from './status-machine.js';
import type { StatusRepo } from './status-repo.js';
import type { OrderStatusService } from './status-service.js';

const NEXT: Partial<Record<StatusCode, StatusCode>> = { PAYMENT_COMPLETED: 'PREPARING', PREPARING: 'SHIPPING', SHIPPING: 'DELIVERED' };
const FROM = Object.keys(NEXT);
/** Lines taken per kind and run; the rest wait for the next run. */
const BATCH = 500;

export class OrderProgression {
  constructor(
    private readonly repo: StatusRepo,
    private readonly status: OrderStatusService,
    private readonly stepMs: number,
  ) {}

  /** Advances every due line one step; answers how many steps this run wrote. */
  async run(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.stepMs);
    let written = 0;
    for (const kind of ['kok', 'hs'] as LineKind[]) {
      for (const line of await this.repo.dueLines(kind, FROM, cutoff, BATCH)) {
        const from = line.STATUS_CODE as StatusCode;
        const done = await this.status.change({ line: { kind, id: line.LINE_ID }, to: NEXT[from]!, actor: 'system', expectFrom: from });
        if (done) written++;
      }
    }
    return written;
  }
}
