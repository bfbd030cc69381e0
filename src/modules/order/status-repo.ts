// SQL of the status history, STATUS_MASTER and KOK_NOTIFICATION, for both kinds of line.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { inTransaction, type Executor } from '../../platform/db/unit-of-work.js';
import { LINE_TABLES, type LineKind } from './lines.js';
import type { OrderTables } from './tables.js';

export interface StatusRow {
  STATUS_ID: number;
  STATUS_CODE: string;
  STATUS_NAME: string;
}

export interface HistoryRow extends StatusRow {
  LINE_ID: number;
  HISTORY_ID: number;
  CHANGED_AT: Date;
  CHANGED_BY: number | null;
}

export interface LineOwner {
  LINE_ID: number;
  ORDER_ID: number;
  USER_ID: number;
}

export interface DueLine {
  LINE_ID: number;
  ORDER_ID: number;
  STATUS_CODE: string;
}

export class StatusRepo {
  constructor(private readonly db: Db<OrderTables>) {}

  async statuses(trx?: Executor<OrderTables>): Promise<StatusRow[]> {
    return (trx ?? this.db.kysely).selectFrom('STATUS_MASTER').select(['STATUS_ID', 'STATUS_CODE', 'STATUS_NAME']).orderBy('STATUS_ID').execute();
  }

  /** The line with its order's owner, or undefined. */
  async owner(kind: LineKind, lineId: number, trx?: Executor<OrderTables>): Promise<LineOwner | undefined> {
    const t = LINE_TABLES[kind];
    const { rows } = await sql<LineOwner>`SELECT ${ref(`L.${t.id}`)} AS ${ref('LINE_ID')}, ${ref('O.ORDER_ID')} AS ${ref('ORDER_ID')}, ${ref('O.USER_ID')} AS ${ref('USER_ID')}
      FROM ${sql.table(t.lines)} AS ${ref('L')} INNER JOIN ${sql.table('ORDERS')} AS ${ref('O')} ON ${ref('O.ORDER_ID')} = ${ref('L.ORDER_ID')}
      WHERE ${ref(`L.${t.id}`)} = ${lineId}`.execute(trx ?? this.db.kysely);
    return rows[0] ? normalise(rows[0]) : undefined;
  }

  /** Every history row of the lines, newest first per line: CHANGED_AT then HISTORY_ID (one-second ties, §2.9). */
  async histories(kind: LineKind, lineIds: number[], trx?: Executor<OrderTables>): Promise<HistoryRow[]> {
    if (lineIds.length === 0) return [];
    const t = LINE_TABLES[kind];
    const line = ref(`H.${t.id}`);
    const { rows } = await sql<HistoryRow>`SELECT ${line} AS ${ref('LINE_ID')}, ${ref('H.HISTORY_ID')}, ${ref('H.CHANGED_AT')}, ${ref('H.CHANGED_BY')},
        ${ref('S.STATUS_ID')}, ${ref('S.STATUS_CODE')}, ${ref('S.STATUS_NAME')}
      FROM ${sql.table(t.history)} AS ${ref('H')} INNER JOIN ${sql.table('STATUS_MASTER')} AS ${ref('S')} ON ${ref('S.STATUS_ID')} = ${ref('H.STATUS_ID')}
      WHERE ${line} IN (${sql.join(lineIds)})
      ORDER BY ${line}, ${ref('H.CHANGED_AT')} DESC, ${ref('H.HISTORY_ID')} DESC`.execute(trx ?? this.db.kysely);
    return rows.map((r) => ({ ...r, LINE_ID: Number(r.LINE_ID), HISTORY_ID: Number(r.HISTORY_ID), STATUS_ID: Number(r.STATUS_ID), CHANGED_AT: new Date(r.CHANGED_AT) }));
  }

  /**
   * Lines whose current status (latest by CHANGED_AT, HISTORY_ID) is one of `codes` and was set at or before
   * `cutoff`, oldest first, at most `limit`.
   */
  async dueLines(kind: LineKind, codes: readonly string[], cutoff: Date, limit: number): Promise<DueLine[]> {
    const t = LINE_TABLES[kind];
    const { rows } = await sql<DueLine>`SELECT ${ref(`L.${t.id}`)} AS ${ref('LINE_ID')}, ${ref('L.ORDER_ID')}, ${ref('S.STATUS_CODE')}
      FROM ${sql.table(t.history)} AS ${ref('H')}
      INNER JOIN ${sql.table(t.lines)} AS ${ref('L')} ON ${ref(`L.${t.id}`)} = ${ref(`H.${t.id}`)}
      INNER JOIN ${sql.table('STATUS_MASTER')} AS ${ref('S')} ON ${ref('S.STATUS_ID')} = ${ref('H.STATUS_ID')}
      WHERE ${ref('S.STATUS_CODE')} IN (${sql.join(codes)}) AND ${ref('H.CHANGED_AT')} <= ${cutoff}
        AND NOT EXISTS (SELECT 1 FROM ${sql.table(t.history)} AS ${ref('N')} WHERE ${ref(`N.${t.id}`)} = ${ref(`H.${t.id}`)}
          AND (${ref('N.CHANGED_AT')} > ${ref('H.CHANGED_AT')} OR (${ref('N.CHANGED_AT')} = ${ref('H.CHANGED_AT')} AND ${ref('N.HISTORY_ID')} > ${ref('H.HISTORY_ID')})))
      ORDER BY ${ref('H.CHANGED_AT')}, ${ref('H.HISTORY_ID')} LIMIT ${limit}`.execute(this.db.kysely);
    return rows.map((r) => ({ LINE_ID: Number(r.LINE_ID), ORDER_ID: Number(r.ORDER_ID), STATUS_CODE: r.STATUS_CODE }));
  }

  async insertHistory(kind: LineKind, row: { lineId: number; statusId: number; at: Date; by: number | null }, trx: Executor<OrderTables>): Promise<void> {
    const values = { STATUS_ID: row.statusId, CHANGED_AT: row.at, CHANGED_BY: row.by };
    if (kind === 'kok') await trx.insertInto('KOK_ORDER_STATUS_HISTORY').values({ ...values, KOK_ORDER_ID: row.lineId }).execute();
    else await trx.insertInto('HOMESHOPPING_ORDER_STATUS_HISTORY').values({ ...values, HOMESHOPPING_ORDER_ID: row.lineId }).execute();
  }

  async insertKokNotice(notice: { userId: number; lineId: number; statusId: number; title: string; message: string; at: Date }, trx: Executor<OrderTables>): Promise<void> {
    await trx
      .insertInto('KOK_NOTIFICATION')
      .values({ USER_ID: notice.userId, KOK_ORDER_ID: notice.lineId, STATUS_ID: notice.statusId, TITLE: notice.title, MESSAGE: notice.message, CREATED_AT: notice.at })
      .execute();
  }

  /** Runs `work` in the unit of work (joining an open one). */
  transaction<T>(work: Parameters<typeof inTransaction<OrderTables, T>>[1], trx?: Executor<OrderTables>): Promise<T> {
    return inTransaction(trx ?? this.db.kysely, work);
  }
}

const ref = (name: string) => sql.ref(name);

function normalise(row: LineOwner): LineOwner {
  return { LINE_ID: Number(row.LINE_ID), ORDER_ID: Number(row.ORDER_ID), USER_ID: Number(row.USER_ID) };
}
