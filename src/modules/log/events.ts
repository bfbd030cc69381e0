// The event log every module writes to (`record`, the port): events are fitted to their columns, gathered into
// groups, queued on the job runner and inserted in batches off the request path, with retries. One event the
// database refuses never holds the others back: it is set aside in USER_LOG_DEAD_LETTER and counted.
import type { EventSink, UserEvent } from '../../platform/events.js';
import { maskSensitive } from '../../platform/http/sensitive.js';
import { Batcher } from '../../platform/jobs/batcher.js';
import type { JobRunner } from '../../platform/jobs/jobs.js';
import { processCounter } from '../../platform/metrics/metrics.js';
import type { LogRepo } from './repo.js';
import { fitEvent, fromQueued, toQueued, type QueuedEvent } from './user-event.js';

export const LOG_QUEUE = 'user-log';

/** Events gathered this long (or up to this many) travel as one job: one queue write instead of one per event. */
const ENQUEUE_WAIT_MS = 5;
const ENQUEUE_MAX = 200;

const deadLettered = processCounter('uhok_events_dead_lettered_total', 'Events the log database refused, set aside in USER_LOG_DEAD_LETTER');
const dropped = processCounter('uhok_events_dropped_total', 'Events never stored, by reason', ['reason'] as const);

export class EventLog implements EventSink {
  private readonly enqueuer: Batcher<QueuedEvent>;

  constructor(
    private readonly jobs: JobRunner,
    private readonly repo: LogRepo,
    private readonly onDropped: (err: unknown) => void,
  ) {
    jobs.define<QueuedEvent[]>({
      name: LOG_QUEUE,
      batchSize: 20,
      batchWaitMs: 50,
      attempts: 8,
      backoffMs: 500,
      handle: (groups) => this.repo.insertMany(groups.flat().map(fromQueued), (event, err, stored) => this.setAside(event, err, stored)),
    });
    this.enqueuer = new Batcher<QueuedEvent>({
      maxSize: ENQUEUE_MAX,
      waitMs: ENQUEUE_WAIT_MS,
      handle: (group) => this.jobs.add<QueuedEvent[]>(LOG_QUEUE, group),
    });
    jobs.addFlusher(() => this.enqueuer.settle());
  }

  private setAside(event: UserEvent, err: unknown, stored: boolean): void {
    if (stored) deadLettered.inc();
    else dropped.inc({ reason: 'dead_letter_failed' });
    this.onDropped(Object.assign(new Error(stored ? 'event dead-lettered' : 'event dropped: dead letter not stored'), { cause: err, logId: event.logId }));
  }

  /**
   * Queues one event; resolves once the queue has acknowledged it (in Redis, when configured: then it survives
   * a crash), rejects with JobQueueUnavailableError when the queue cannot take it in time. An event that can
   * never be stored (no valid user id or type) is dropped and counted.
   */
  async record(event: UserEvent): Promise<void> {
    await this.queue(event);
  }

  /** `record`, answering the event as it will be stored (masked and fitted), or null when it was dropped. */
  async queue(event: UserEvent): Promise<UserEvent | null> {
    // Fitted first: that bounds the data's depth before anything walks it.
    const fitted = fitEvent(event);
    if (!fitted) {
      dropped.inc({ reason: 'unstorable' });
      return null;
    }
    const stored = { ...fitted, data: fitted.data && (maskSensitive(fitted.data) as Record<string, unknown>) };
    await this.enqueuer.push(toQueued(stored));
    return stored;
  }

  /** A fire-and-forget producer (the route kit) reports here an event the queue did not take: counted, logged. */
  notQueued(err: unknown): void {
    dropped.inc({ reason: 'not_queued' });
    this.onDropped(err);
  }

  reserveId(): Promise<number> {
    return this.repo.reserveId();
  }
}
