// The event log every module writes to: events are queued on the job runner and inserted in batches, off the
// request path, with retries. Sensitive keys are masked before anything is stored.
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock/clock.js';
import type { JobRunner } from '../../platform/jobs/jobs.js';
import type { LogRepo, LogRowInput } from './repo.js';

export const LOG_QUEUE = 'user-log';

const SENSITIVE_KEYS = new Set([
  'password', 'pwd', 'pass', 'authorization', 'cookie', 'set-cookie', 'access_token', 'refresh_token', 'id_token',
  'token', 'secret', 'card_number', 'cvc', 'cvv', 'ssn', 'resident_id', 'jumin', 'bank_account', 'account_no',
]);

export function maskSensitive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSensitive);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SENSITIVE_KEYS.has(k.toLowerCase()) ? '***REDACTED***' : maskSensitive(v);
  return out;
}

/** The job payload: JSON-safe (dates as ISO strings) so it can live in Redis. */
interface QueuedEvent {
  logId?: number;
  userId: number;
  type: string;
  data: string | null;
  createdAt?: string;
  method: string | null;
  url: string | null;
  requestTime: string | null;
  responseTime: string | null;
  code: number | null;
  ip: string | null;
}

export interface EventRecord {
  logId?: number;
  userId: number;
  type: string;
  data: Record<string, unknown> | null;
  createdAt?: Date;
  method?: string | null;
  url?: string | null;
  requestTime?: Date | null;
  responseTime?: Date | null;
  code?: number | null;
  ip?: string | null;
}

const toDate = (s: string | null | undefined) => (s ? new Date(s) : null);

/** Events gathered this long (or up to this many) travel as one job: one queue write instead of one per event. */
const ENQUEUE_WAIT_MS = 5;
const ENQUEUE_MAX = 200;

interface Waiting {
  event: QueuedEvent;
  resolve(): void;
  reject(err: unknown): void;
}

export class EventLog {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly jobs: JobRunner,
    private readonly repo: LogRepo,
    private readonly clock: Clock,
    private readonly onDropped: (err: unknown) => void,
  ) {
    jobs.define<QueuedEvent[]>({
      name: LOG_QUEUE,
      batchSize: 20,
      batchWaitMs: 50,
      attempts: 8,
      backoffMs: 500,
      handle: (groups) => this.repo.insertMany(groups.flat().map(toRow)),
    });
    jobs.addFlusher(() => this.flush());
  }

  /** Resolves once the event's group is in the queue (in Redis, when configured): then it survives a crash. */
  private enqueue(event: QueuedEvent): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ event, resolve, reject });
      if (this.waiting.length >= ENQUEUE_MAX) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), ENQUEUE_WAIT_MS);
    });
  }

  private async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const group = this.waiting;
    this.waiting = [];
    if (group.length === 0) return;
    try {
      await this.jobs.add<QueuedEvent[]>(LOG_QUEUE, group.map((w) => w.event));
      group.forEach((w) => w.resolve());
    } catch (err) {
      group.forEach((w) => w.reject(err));
    }
  }

  /** Queues a fully specified row; resolves once the queue has acknowledged it. */
  async record(event: EventRecord): Promise<void> {
    if (!Number.isInteger(event.userId) || event.userId < 0 || !event.type) return;
    await this.enqueue({
      logId: event.logId,
      userId: event.userId,
      type: event.type.slice(0, 50),
      data: event.data === null ? null : JSON.stringify(maskSensitive(event.data)),
      createdAt: event.createdAt?.toISOString(),
      method: event.method ?? null,
      url: event.url ? event.url.slice(0, 500) : null,
      requestTime: event.requestTime?.toISOString() ?? null,
      responseTime: event.responseTime?.toISOString() ?? null,
      code: event.code ?? null,
      ip: event.ip ?? null,
    });
  }

  /**
   * A handler's event (§5 catalogue) with the HTTP columns of its request. Fire and forget: the response never
   * waits for it and never fails because of it.
   */
  emit(request: FastifyRequest, userId: number, type: string, data: Record<string, unknown>, code = 200): void {
    const now = this.clock.now();
    this.record({
      userId,
      type,
      data,
      method: request.method,
      url: `${request.protocol}://${request.host}${request.url}`,
      requestTime: now,
      responseTime: now,
      code,
      ip: request.ip,
    }).catch(this.onDropped);
  }

  reserveId(): Promise<number> {
    return this.repo.reserveId();
  }
}

function toRow(e: QueuedEvent): LogRowInput {
  const row: LogRowInput = {
    USER_ID: e.userId,
    EVENT_TYPE: e.type,
    EVENT_DATA: e.data,
    HTTP_METHOD: e.method,
    API_URL: e.url,
    REQUEST_TIME: toDate(e.requestTime),
    RESPONSE_TIME: toDate(e.responseTime),
    RESPONSE_CODE: e.code,
    CLIENT_IP: e.ip,
  };
  if (e.logId !== undefined) row.LOG_ID = e.logId;
  if (e.createdAt) row.CREATED_AT = new Date(e.createdAt);
  return row;
}
