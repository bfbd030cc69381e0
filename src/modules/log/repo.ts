// SQL for USER_LOG and its dead letters (LOG_DB, PostgreSQL).
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { StoreUnavailableError, writeBisecting } from '../../platform/jobs/bisect.js';
import type { LogTables, UserLogTable } from './tables.js';
import type { UserEvent } from '../../platform/events.js';
import { storableText, toQueued } from './user-event.js';

export type LogRow = Selectable<UserLogTable>;

/** What became of an event the database refused. */
export type SetAside = (event: UserEvent, err: unknown, deadLettered: boolean) => void;

const PAYLOAD_MAX = 20_000;
const ERROR_MAX = 500;

function toRow(e: UserEvent) {
  return {
    ...(e.logId !== undefined ? { LOG_ID: e.logId } : {}),
    ...(e.createdAt ? { CREATED_AT: e.createdAt } : {}),
    USER_ID: e.userId,
    EVENT_TYPE: e.type,
    EVENT_DATA: e.data === null ? null : JSON.stringify(e.data),
    HTTP_METHOD: e.method ?? null,
    API_URL: e.url ?? null,
    REQUEST_TIME: e.requestTime ?? null,
    RESPONSE_TIME: e.responseTime ?? null,
    RESPONSE_CODE: e.code ?? null,
    CLIENT_IP: e.ip ?? null,
  };
}

const errorText = (err: unknown) => storableText(err instanceof Error ? err.message : String(err), ERROR_MAX);

/** Runs `work` inside a savepoint: on failure only its own writes are undone and its error is rethrown; when
 * even the undo fails, the connection is gone and the store is reported unavailable. */
async function savepoint(trx: Kysely<LogTables>, work: () => Promise<unknown>): Promise<void> {
  try {
    await sql`savepoint uhok_batch`.execute(trx);
  } catch (err) {
    throw new StoreUnavailableError(err);
  }
  try {
    await work();
  } catch (err) {
    try {
      await sql`rollback to savepoint uhok_batch`.execute(trx);
    } catch (undo) {
      throw new StoreUnavailableError(undo);
    }
    throw err;
  }
  await sql`release savepoint uhok_batch`.execute(trx);
}

export class LogRepo {
  constructor(private readonly db: Db<LogTables>) {}

  /** Takes the next LOG_ID from the table's own sequence, so a queued row can be answered before it is written. */
  async reserveId(): Promise<number> {
    const { rows } = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('"USER_LOG"', 'LOG_ID')) as id`.execute(this.db.kysely);
    return Number(rows[0].id);
  }

  private insert(db: Kysely<LogTables>, events: UserEvent[]) {
    // Rows with a reserved id are skipped when already written: retries are no-ops.
    return db.insertInto('USER_LOG').values(events.map(toRow)).onConflict((oc) => oc.column('LOG_ID').doNothing()).execute();
  }

  /**
   * Writes the events in one statement. When the database refuses it, the batch is split inside one transaction
   * (a savepoint per part) until each refused event stands alone; those go to USER_LOG_DEAD_LETTER and the good
   * ones are committed together. A lost connection aborts the whole transaction, so a retry never duplicates.
   */
  async insertMany(events: UserEvent[], setAside: SetAside): Promise<void> {
    if (events.length === 0) return;
    try {
      await this.insert(this.db.kysely, events);
      return;
    } catch {
      // Split below; a database that is down fails the transaction's BEGIN and the job is retried.
    }
    await this.db.kysely.transaction().execute(async (trx) => {
      await writeBisecting(events, {
        write: (part) => savepoint(trx, () => this.insert(trx, part)),
        setAside: async (event, err) => {
          try {
            await savepoint(trx, () =>
              trx
                .insertInto('USER_LOG_DEAD_LETTER')
                .values({ LOG_ID: event.logId ?? null, PAYLOAD: storableText(JSON.stringify(toQueued(event)), PAYLOAD_MAX), ERROR: errorText(err) })
                .execute(),
            );
            setAside(event, err, true);
          } catch (deadLetterErr) {
            if (deadLetterErr instanceof StoreUnavailableError) throw deadLetterErr;
            setAside(event, err, false);
          }
        },
      });
    });
  }

  async latestForUser(userId: number, limit: number): Promise<LogRow[]> {
    return this.db.kysely
      .selectFrom('USER_LOG')
      .selectAll()
      .where('USER_ID', '=', userId)
      .orderBy('CREATED_AT', 'desc')
      .orderBy('LOG_ID', 'desc')
      .limit(limit)
      .execute();
  }
}
