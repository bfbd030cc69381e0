// Log service rules: callers write and read only their own events.
import type { Clock } from '../../platform/clock/clock.js';
import { BadRequestError, ServiceUnavailableError } from '../../platform/http/errors.js';
import { naiveIso } from '../../platform/http/schemas.js';
import { JobQueueUnavailableError } from '../../platform/jobs/jobs.js';
import type { EventLog } from './events.js';
import { LOG_MESSAGES } from './messages.js';
import type { LogRepo, LogRow } from './repo.js';
import type { UserEvent } from '../../platform/events.js';

export interface EventLogView {
  user_id: number;
  event_type: string;
  event_data: unknown;
  http_method: string | null;
  api_url: string | null;
  request_time: string | null;
  response_time: string | null;
  response_code: number | null;
  client_ip: string | null;
  log_id: number;
  created_at: string;
}

export interface ActivityInput {
  action: string;
  path: string | null;
  label: string | null;
  timestamp: string | null;
  extra: Record<string, unknown> | null;
}

export const RECENT_EVENTS_LIMIT = 50;

export function toEventLogView(row: LogRow): EventLogView {
  return {
    user_id: row.USER_ID ?? 0,
    event_type: row.EVENT_TYPE,
    event_data: typeof row.EVENT_DATA === 'string' ? JSON.parse(row.EVENT_DATA) : row.EVENT_DATA,
    http_method: row.HTTP_METHOD,
    api_url: row.API_URL,
    request_time: naiveIso(row.REQUEST_TIME, true),
    response_time: naiveIso(row.RESPONSE_TIME, true),
    response_code: row.RESPONSE_CODE,
    client_ip: row.CLIENT_IP,
    log_id: row.LOG_ID,
    created_at: naiveIso(row.CREATED_AT, true) ?? '',
  };
}

/** Microsecond UTC timestamp with Z, the original's default activity timestamp format. */
export function activityTimestamp(now: Date): string {
  return `${now.toISOString().slice(0, 23)}000Z`;
}

export class LogService {
  constructor(
    private readonly events: EventLog,
    private readonly repo: LogRepo,
    private readonly clock: Clock,
  ) {}

  /**
   * Queues one event with a reserved id and answers the row as it will be stored. With Redis down the queue
   * cannot acknowledge it within its bounded wait: 503, never a hang (the client may retry).
   */
  async write(event: UserEvent): Promise<EventLogView> {
    const logId = await this.events.reserveId();
    const stored = await this.events.queue({ ...event, logId, createdAt: this.clock.now() }).catch((err: unknown) => {
      throw err instanceof JobQueueUnavailableError ? new ServiceUnavailableError(LOG_MESSAGES.storeUnavailable) : err;
    });
    if (!stored) throw new BadRequestError();
    return toEventLogView({
      LOG_ID: logId,
      USER_ID: stored.userId,
      EVENT_TYPE: stored.type,
      EVENT_DATA: stored.data,
      CREATED_AT: stored.createdAt!,
      HTTP_METHOD: stored.method ?? null,
      API_URL: stored.url ?? null,
      REQUEST_TIME: stored.requestTime ?? null,
      RESPONSE_TIME: stored.responseTime ?? null,
      RESPONSE_CODE: stored.code ?? null,
      CLIENT_IP: stored.ip ?? null,
    });
  }

  async recent(userId: number): Promise<EventLogView[]> {
    return (await this.repo.latestForUser(userId, RECENT_EVENTS_LIMIT)).map(toEventLogView);
  }

  /** Stores `user_activity_<action>`; the fixed keys win over `extra_data`. */
  async activity(userId: number, input: ActivityInput): Promise<{ logId: number; timestamp: string }> {
    const timestamp = input.timestamp ?? activityTimestamp(this.clock.now());
    const data: Record<string, unknown> = { ...(input.extra ?? {}), action: input.action, timestamp };
    if (input.path) data.path = input.path;
    if (input.label) data.label = input.label;
    const logId = await this.events.reserveId();
    await this.events.record({ logId, userId, type: `user_activity_${input.action}`, data, createdAt: this.clock.now() });
    return { logId, timestamp };
  }
}
