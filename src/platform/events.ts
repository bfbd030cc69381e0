// The event port: the one event shape every producer (the route kit for requests, webhooks, scheduled jobs) hands
// to the event log, which the log module implements. A USER_LOG row to be.

/**
 * A user event, as every producer hands it to `EventLog.record` (HTTP requests, webhooks, scheduled jobs) and as
 * the repository writes it. Queued as its JSON form (`QueuedEvent`: dates as ISO strings).
 */
export interface UserEvent {
  /** USER_ID (INT): the acting user, 0 for anonymous checks. An event without a storable id is dropped. */
  userId: number;
  /** EVENT_TYPE, ≤ 50 characters, e.g. `kok_likes_toggle` (contract §5). An empty type is dropped. */
  type: string;
  /** EVENT_DATA: a JSON object (sensitive keys are masked before storing); null stores NULL. */
  data: Record<string, unknown> | null;
  /** LOG_ID reserved beforehand: the row can be answered before it is written, and a retried write is a no-op. */
  logId?: number;
  /** CREATED_AT; by default when the row is written. */
  createdAt?: Date;
  /** HTTP_METHOD, ≤ 10 characters. */
  method?: string | null;
  /** API_URL, ≤ 500 characters. */
  url?: string | null;
  /** REQUEST_TIME / RESPONSE_TIME of the request the event belongs to. */
  requestTime?: Date | null;
  responseTime?: Date | null;
  /** RESPONSE_CODE (INT). */
  code?: number | null;
  /** CLIENT_IP, ≤ 45 characters. */
  ip?: string | null;
}

/** Where events go. Resolves once the event is queued; never blocks on the database. */
export interface EventSink {
  record(event: UserEvent): Promise<void>;
}
