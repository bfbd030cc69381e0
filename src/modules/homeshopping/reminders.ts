// Broadcast reminders (api spec §6.3, run as a scheduled job): a liked broadcast that started in the last five minutes
// (KST, from the given instant, across midnight) gets its user one "방송이 시작됩니다" notice. "Once" is kept by the
// database — the notice's dedupe key (user, live) is unique and written with insert-if-absent — so two instances, a
// restart, overlapping windows and a removed-then-restored like never write a second one.
import { kstDateTime } from '../../platform/clock/kst.js';
import type { DueReminderRow, HsLikesRepo, KstMoment } from './likes-repo.js';
import { HS_MESSAGES as MSG } from './messages.js';
import { noticeMessage, noticeTitle } from './notice-text.js';
import type { HsNotificationRepo } from './notification-repo.js';

/** The original's window: starts in (now − 5 min, now]; a 60 s period sees each start up to five times. */
export const REMINDER_WINDOW_MS = 5 * 60_000;
export const REMINDER_PERIOD_MS = 60_000;

const reminderKey = (liveId: number) => `broadcast_reminder:${liveId}`;

function kstMoment(instant: Date): KstMoment {
  const wallClock = kstDateTime(instant);
  return { date: wallClock.slice(0, 10), time: wallClock.slice(11, 19) };
}

export interface ReminderRun {
  /** Liked broadcasts in the window. */
  due: number;
  /** Notices this run wrote (the others had been written before). */
  sent: Array<{ userId: number; liveId: number }>;
}

export class HsBroadcastReminders {
  constructor(
    private readonly likes: HsLikesRepo,
    private readonly notifications: HsNotificationRepo,
  ) {}

  async run(now: Date): Promise<ReminderRun> {
    const due = await this.likes.startingBetween(kstMoment(new Date(now.getTime() - REMINDER_WINDOW_MS)), kstMoment(now));
    const sent: ReminderRun['sent'] = [];
    const failures: unknown[] = [];
    // One statement per notice, so one that fails does not hold back the others; the run then fails as a whole and
    // the next one (the window is still open) retries only what is missing.
    for (const row of due) {
      try {
        if (await this.notifications.insertOnce(this.notice(row, now))) sent.push({ userId: row.USER_ID, liveId: row.LIVE_ID });
      } catch (err) {
        failures.push(err);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} of ${due.length} broadcast reminders not written`);
    return { due: due.length, sent };
  }

  private notice(row: DueReminderRow, now: Date) {
    return {
      userId: row.USER_ID,
      liveId: row.LIVE_ID,
      likeId: null,
      dedupeKey: reminderKey(row.LIVE_ID),
      at: now,
      title: noticeTitle(MSG.broadcastStartingTitle(row.PRODUCT_NAME ?? '')),
      message: noticeMessage(MSG.broadcastStartingMessage(row.LIVE_DATE!, row.LIVE_START_TIME!)),
    };
  }
}
