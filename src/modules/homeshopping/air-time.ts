// When a broadcast slot is on air, in KST wall-clock text ('YYYY-MM-DDTHH:MM:SS' compares as text). A slot whose end
// time is earlier than its start crosses midnight and ends on the next day.
import { shiftDate } from '../../platform/clock/kst.js';

export interface AirSlot {
  LIVE_DATE: string | null;
  LIVE_START_TIME: string | null;
  LIVE_END_TIME: string | null;
}

export interface AirSpan {
  start: string;
  end: string;
}

/** The slot's [start, end] in KST; null when the date or the start is missing. A missing end is a zero-length slot. */
export function airSpan(slot: AirSlot): AirSpan | null {
  if (!slot.LIVE_DATE || !slot.LIVE_START_TIME) return null;
  const startTime = slot.LIVE_START_TIME;
  const endTime = slot.LIVE_END_TIME ?? startTime;
  const endDate = endTime < startTime ? shiftDate(slot.LIVE_DATE, 1) : slot.LIVE_DATE;
  return { start: `${slot.LIVE_DATE}T${startTime}`, end: `${endDate}T${endTime}` };
}

/** Inclusive at both ends, like the original (api spec §5.2 step 4). */
export function isOnAir(slot: AirSlot, nowKst: string): boolean {
  const span = airSpan(slot);
  return span !== null && span.start <= nowKst && nowKst <= span.end;
}

/**
 * The slot a channel's player shows now (api spec §5.2 step 3): the one on air; else the latest that already
 * started today; else today's next one. `slots` are today's and yesterday's (a slot from yesterday counts only
 * while it is still on air after midnight), in any order.
 */
export function currentSlot<T extends AirSlot>(slots: T[], nowKst: string): T | undefined {
  const today = nowKst.slice(0, 10);
  const spans = slots.map((slot) => ({ slot, span: airSpan(slot) })).filter((s): s is { slot: T; span: AirSpan } => s.span !== null);
  const onAir = spans.filter((s) => s.span.start <= nowKst && nowKst <= s.span.end);
  if (onAir.length > 0) return onAir.sort((a, b) => (a.span.start < b.span.start ? 1 : -1))[0].slot;
  const todays = spans.filter((s) => s.slot.LIVE_DATE === today).sort((a, b) => (a.span.start < b.span.start ? -1 : 1));
  const started = todays.filter((s) => s.span.start <= nowKst);
  return (started.length > 0 ? started[started.length - 1] : todays[0])?.slot;
}
