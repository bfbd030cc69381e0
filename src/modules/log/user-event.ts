// The fitting of an event's values to the USER_LOG columns, done before it is queued: a queued event can always be
// stored, so one bad value never fails a batch of good ones.
import type { UserEvent } from '../../platform/events.js';

/** The JSON form of an event, as it travels through the queue. */
export type QueuedEvent = { [K in keyof UserEvent]: Exclude<UserEvent[K], Date> | (Date extends UserEvent[K] ? string : never) };

const INT_MAX = 2_147_483_647;
const INT_MIN = -2_147_483_648;
/** Deeper JSON is cut (PostgreSQL and the drivers recurse on it); beyond this size the data is replaced. */
const DATA_MAX_DEPTH = 32;
const DATA_MAX_CHARS = 64 * 1024;

export const COLUMN_LENGTH = { type: 50, method: 10, url: 500, ip: 45 } as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text a column can hold: no NUL (PostgreSQL refuses it), no lone surrogate (not UTF-8), at most `max` characters. */
export function storableText(value: string, max: number): string {
  const s = value.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
  if (s.length <= max) return s;
  // Column lengths count characters (code points), not UTF-16 units; never cut a surrogate pair in half.
  let end = 0;
  for (let n = 0; n < max && end < s.length; n++) end += s.codePointAt(end)! > 0xffff ? 2 : 1;
  return s.slice(0, end);
}

function optionalText(value: unknown, max: number): string | null {
  return typeof value === 'string' ? storableText(value, max) : null;
}

function int(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= INT_MIN && value <= INT_MAX ? value : null;
}

/** A timestamp(6) can hold it: a valid date within years 1–9999. */
function storableDate(value: unknown): Date | null {
  if (!(value instanceof Date)) return null;
  const year = value.getUTCFullYear();
  return Number.isNaN(value.getTime()) || year < 1 || year > 9999 ? null : value;
}

/** A JSON value the json column accepts: clean strings and keys, finite numbers, bounded depth. */
function storableJson(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return storableText(value, DATA_MAX_CHARS);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || depth >= DATA_MAX_DEPTH) return null;
  if (value instanceof Date) return storableDate(value)?.toISOString() ?? null;
  if (Array.isArray(value)) return value.map((v) => storableJson(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== 'function') out[storableText(k, 1000)] = storableJson(v, depth + 1);
  return out;
}

function storableData(data: unknown): Record<string, unknown> | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const clean = storableJson(data, 0) as Record<string, unknown>;
  const size = JSON.stringify(clean).length;
  return size <= DATA_MAX_CHARS ? clean : { truncated: true, original_size: size };
}

/**
 * The event with every value fitted to its column: strings cut to the column length, NUL bytes removed, integers
 * outside INT and invalid dates made null. Null when the event can never be stored (no valid user id or type).
 */
export function fitEvent(event: UserEvent): UserEvent | null {
  const userId = int(event.userId);
  const type = optionalText(event.type, COLUMN_LENGTH.type);
  if (userId === null || userId < 0 || !type) return null;
  const logId = int(event.logId);
  const createdAt = storableDate(event.createdAt);
  return {
    userId,
    type,
    data: storableData(event.data),
    ...(logId !== null && logId > 0 ? { logId } : {}),
    ...(createdAt ? { createdAt } : {}),
    method: optionalText(event.method, COLUMN_LENGTH.method),
    url: optionalText(event.url, COLUMN_LENGTH.url),
    requestTime: storableDate(event.requestTime),
    responseTime: storableDate(event.responseTime),
    code: int(event.code),
    ip: optionalText(event.ip, COLUMN_LENGTH.ip),
  };
}

export function toQueued(event: UserEvent): QueuedEvent {
  return JSON.parse(JSON.stringify(event)) as QueuedEvent;
}

export function fromQueued(q: QueuedEvent): UserEvent {
  const date = (s: string | null | undefined) => (s ? new Date(s) : null);
  return {
    ...q,
    createdAt: q.createdAt ? new Date(q.createdAt) : undefined,
    requestTime: date(q.requestTime),
    responseTime: date(q.responseTime),
  };
}
