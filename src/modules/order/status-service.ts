// The status write path (spec §3, §10) on the unit of work: lock the line, check the transition against the status
// machine, append the history row and write the step's notification — all in one transaction — and the status
// reads built on the same history.
import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock/clock.js';
import { lockRows } from '../../platform/db/dialect.js';
import type { Executor } from '../../platform/db/unit-of-work.js';
import { BadRequestError, NotFoundError } from '../../platform/http/errors.js';
import { LINE_TABLES, type LineKind, type LineRef } from './lines.js';
import { ORDER_MESSAGES as MSG } from './messages.js';
import type { HsOrderNotifier } from './ports.js';
import { checkTransition, isStatusCode, STATUSES, SYSTEM_USER_ID, type Actor, type StatusCode } from './status-machine.js';
import type { HistoryRow, StatusRepo, StatusRow } from './status-repo.js';
import type { OrderTables } from './tables.js';

export interface StatusChange {
  line: LineRef;
  to: StatusCode;
  actor: Actor;
  /** The user behind a 'user' or 'admin' change (CHANGED_BY); ignored for the system and the webhook. */
  userId?: number;
  /** The caller must own the line (user and admin requests); another user's line is "not found". */
  ownerOnly?: boolean;
  /**
   * Compare-and-set: change only if the current status (read under the line's lock) is this one; otherwise the
   * change is skipped (`change` answers null) — a scheduled job that another instance or the webhook overtook.
   */
  expectFrom?: StatusCode;
}

export interface StatusChangeResult {
  orderId: number;
  ownerId: number;
  from: StatusCode | null;
  history: HistoryRow[];
}

const NOT_FOUND: Record<LineKind, string> = { kok: MSG.kokLineNotFound, hs: MSG.hsLineNotFound };

export class OrderStatusService {
  constructor(
    private readonly repo: StatusRepo,
    private readonly clock: Clock,
    private readonly notifyHs: HsOrderNotifier,
  ) {}

  /**
   * Changes one line's status, or throws (404 for a missing or foreign line, 400 with the machine's refusal).
   * Joins the caller's transaction when one is given, so checkout and payment can chain changes atomically.
   */
  async change(change: StatusChange & { expectFrom: StatusCode }, trx?: Executor<OrderTables>): Promise<StatusChangeResult | null>;
  async change(change: StatusChange, trx?: Executor<OrderTables>): Promise<StatusChangeResult>;
  async change(change: StatusChange, trx?: Executor<OrderTables>): Promise<StatusChangeResult | null> {
    return this.repo.transaction(async (tx) => {
      const { line } = change;
      const t = LINE_TABLES[line.kind];
      const [locked] = await lockRows(tx, t.lines, t.id, [line.id]);
      const owner = locked === undefined ? undefined : await this.repo.owner(line.kind, line.id, tx);
      if (!owner || (change.ownerOnly && owner.USER_ID !== change.userId)) throw new NotFoundError(NOT_FOUND[line.kind]);
      const before = await this.repo.histories(line.kind, [line.id], tx);
      const from = currentCode(before);
      if (change.expectFrom !== undefined && from !== change.expectFrom) return null;
      const answer = checkTransition(from, change.to, change.actor, line.id);
      if (!answer.allowed) throw new BadRequestError(answer.message);
      const status = await this.statusRow(change.to, tx);
      const at = this.clock.now();
      await this.repo.insertHistory(line.kind, { lineId: line.id, statusId: status.STATUS_ID, at, by: changedBy(change, line.kind, owner.USER_ID) }, tx);
      await this.notify(line, owner.USER_ID, status, at, tx);
      return { orderId: owner.ORDER_ID, ownerId: owner.USER_ID, from, history: await this.repo.histories(line.kind, [line.id], tx) };
    }, trx);
  }

  /** A line's history, newest first, for its owner; another user's or a missing line is "not found". */
  async historyOf(line: LineRef, userId: number): Promise<HistoryRow[]> {
    const owner = await this.repo.owner(line.kind, line.id);
    if (!owner || owner.USER_ID !== userId) throw new NotFoundError(NOT_FOUND[line.kind]);
    return this.repo.histories(line.kind, [line.id]);
  }

  /** STATUS_MASTER row of a code typed by a client (400 with the contract's text when unknown). */
  async statusByCode(code: string): Promise<StatusCode> {
    if (isStatusCode(code) && (await this.repo.statuses()).some((s) => s.STATUS_CODE === code)) return code;
    throw new BadRequestError(MSG.unknownStatusCode(code));
  }

  private async statusRow(code: StatusCode, trx: Transaction<OrderTables>): Promise<StatusRow> {
    const row = (await this.repo.statuses(trx)).find((s) => s.STATUS_CODE === code);
    if (!row) throw new BadRequestError(MSG.unknownStatusCode(code));
    return row;
  }

  private async notify(line: LineRef, userId: number, status: StatusRow, at: Date, trx: Transaction<OrderTables>): Promise<void> {
    const notice = STATUSES[status.STATUS_CODE as StatusCode].notice;
    if (!notice) return;
    if (line.kind === 'kok') await this.repo.insertKokNotice({ userId, lineId: line.id, statusId: status.STATUS_ID, ...notice, at }, trx);
    else await this.notifyHs({ userId, homeshoppingOrderId: line.id, statusId: status.STATUS_ID, ...notice, createdAt: at }, trx);
  }
}

/** The current status: the first row of a newest-first history. */
export function currentCode(history: HistoryRow[]): StatusCode | null {
  const code = history[0]?.STATUS_CODE;
  return code !== undefined && isStatusCode(code) ? code : null;
}

/** CHANGED_BY (§3.2): the user for user/admin changes, 1 for the system, NULL for a KOK webhook, the owner for an HS one. */
function changedBy(change: StatusChange, kind: LineKind, ownerId: number): number | null {
  if (change.actor === 'system') return SYSTEM_USER_ID;
  if (change.actor === 'webhook') return kind === 'kok' ? null : ownerId;
  return change.userId ?? ownerId;
}
