// Broadcast reminders (the scheduled job of api spec §6.3): a liked broadcast that started in the last five minutes
// (KST from the injected clock, whatever the process TZ) gives its user exactly one notice — over consecutive runs,
// around midnight, after unlike/relike, after a restart, with two instances running it side by side, and when it is
// fired through the scheduler.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHomeshoppingServices } from '../src/modules/homeshopping/module.js';
import type { HomeshoppingTables } from '../src/modules/homeshopping/tables.js';
import { ManualClock } from '../src/platform/clock/clock.js';
import { tablesOf } from '../src/platform/db/connect.js';
import { startApp, type TestApp } from './helpers/app.js';
import { newUser, type LoggedIn } from './helpers/auth.js';
import { kstInstant, notificationRows, seedBroadcasts } from './helpers/homeshopping-fixtures.js';
import { useTestApp } from './helpers/kok-fixtures.js';
import { onServers, TEST_REDIS_URL } from './helpers/target.js';

const REMINDER = 'broadcast_reminder';

async function like(t: TestApp, user: LoggedIn, liveId: number) {
  const res = await t.app.inject({ method: 'POST', url: '/api/homeshopping/likes/toggle', headers: user.headers, payload: { live_id: liveId } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().liked as boolean;
}

/** The reminders among the user's notifications (the like's own registered notice carries no dedupe key). */
async function reminders(t: TestApp, userId: number) {
  return (await notificationRows(t, userId)).filter((n) => n.DEDUPE_KEY?.startsWith(REMINDER));
}

async function runAt(t: TestApp, clock: ManualClock, kst: string) {
  clock.set(kstInstant(kst));
  return (await t.services.homeshopping.reminders.run(clock.now())).sent;
}

const SLOTS = [
  { LIVE_ID: 1, PRODUCT_ID: 100, PRODUCT_NAME: '왕교자', LIVE_DATE: '2025-09-03', LIVE_START_TIME: '10:00:00', LIVE_END_TIME: '11:00:00' },
  { LIVE_ID: 2, PRODUCT_ID: 101, PRODUCT_NAME: '새벽 사과', LIVE_DATE: '2025-09-04', LIVE_START_TIME: '00:05:00', LIVE_END_TIME: '01:00:00' },
  { LIVE_ID: 3, PRODUCT_ID: 102, PRODUCT_NAME: '밤 고구마', LIVE_DATE: '2025-09-03', LIVE_START_TIME: '23:58:00', LIVE_END_TIME: '00:30:00' },
  { LIVE_ID: 4, PRODUCT_ID: 103, PRODUCT_NAME: '다음 주 한우', LIVE_DATE: '2025-09-10', LIVE_START_TIME: '10:00:00', LIVE_END_TIME: '11:00:00' },
];

describe('broadcast reminders on one instance', () => {
  let t: TestApp;
  const clock = new ManualClock(kstInstant('2025-09-03T08:00:00'));
  useTestApp((app) => (t = app), { clock });
  // Tokens expire 30 minutes after login on this clock: users log in shortly before the runs they need.
  beforeEach(async () => {
    clock.set(kstInstant('2025-09-03T09:50:00'));
    await seedBroadcasts(t, SLOTS);
  });

  it('sends one notice when the liked broadcast starts and none on the runs after', async () => {
    const [user, bystander] = [await newUser(t.app), await newUser(t.app)];
    await like(t, user, 1);
    await like(t, user, 4);
    expect(await runAt(t, clock, '2025-09-03T09:59:59')).toEqual([]);
    expect(await runAt(t, clock, '2025-09-03T10:00:00')).toEqual([{ userId: user.userId, liveId: 1 }]);
    for (const at of ['10:01:00', '10:02:30', '10:04:59']) expect(await runAt(t, clock, `2025-09-03T${at}`)).toEqual([]);

    const [reminder] = await reminders(t, user.userId);
    expect(await reminders(t, user.userId)).toHaveLength(1);
    expect(reminder).toMatchObject({
      NOTIFICATION_TYPE: 'broadcast_start',
      RELATED_ENTITY_TYPE: 'live',
      HOMESHOPPING_LIKE_ID: null,
      TITLE: '🎬 왕교자 방송이 시작됩니다!',
      MESSAGE: '방송시간: 2025-09-03 10:00:00',
      IS_READ: 0,
    });
    expect(Number(reminder.RELATED_ENTITY_ID)).toBe(1);
    expect(reminder.CREATED_AT.toISOString()).toBe(kstInstant('2025-09-03T10:00:00').toISOString());
    expect(await notificationRows(t, bystander.userId)).toEqual([]);

    // The user sees it first in the broadcast list, beside the notices registered with the two likes.
    const list = await t.app.inject({ method: 'GET', url: '/api/homeshopping/notifications/broadcasts', headers: user.headers });
    expect(list.json().total_count).toBe(3);
    expect(list.json().notifications[0]).toMatchObject({ title: '🎬 왕교자 방송이 시작됩니다!', product_name: '왕교자', related_entity_id: 1 });
  });

  it('misses nothing across midnight: a 00:05 broadcast liked the day before, a 23:58 one seen after 00:00', async () => {
    clock.set(kstInstant('2025-09-03T23:50:00'));
    const user = await newUser(t.app);
    await like(t, user, 2);
    await like(t, user, 3);
    expect(await runAt(t, clock, '2025-09-03T23:57:59')).toEqual([]);
    // 23:58 is seen for the first time only after midnight, with today's date already the next day.
    expect(await runAt(t, clock, '2025-09-04T00:01:00')).toEqual([{ userId: user.userId, liveId: 3 }]);
    expect(await runAt(t, clock, '2025-09-04T00:04:59')).toEqual([]);
    expect(await runAt(t, clock, '2025-09-04T00:05:00')).toEqual([{ userId: user.userId, liveId: 2 }]);
    expect(await runAt(t, clock, '2025-09-04T00:09:00')).toEqual([]);
    const sent = await reminders(t, user.userId);
    expect(sent.map((r) => [Number(r.RELATED_ENTITY_ID), r.MESSAGE])).toEqual([
      [3, '방송시간: 2025-09-03 23:58:00'],
      [2, '방송시간: 2025-09-04 00:05:00'],
    ]);
  });

  it('does not send again after the like is removed and added back, and sends nothing for a removed like', async () => {
    const [user, quitter] = [await newUser(t.app), await newUser(t.app)];
    await like(t, user, 1);
    await like(t, quitter, 1);
    expect(await like(t, quitter, 1)).toBe(false);
    expect(await runAt(t, clock, '2025-09-03T10:00:30')).toEqual([{ userId: user.userId, liveId: 1 }]);
    expect(await like(t, user, 1)).toBe(false);
    // The delivered reminder stays; the notice registered with the removed like is gone.
    expect((await notificationRows(t, user.userId)).map((n) => n.DEDUPE_KEY)).toEqual([`${REMINDER}:1`]);
    expect(await like(t, user, 1)).toBe(true);
    expect(await runAt(t, clock, '2025-09-03T10:02:00')).toEqual([]);
    expect(await reminders(t, user.userId)).toHaveLength(1);
    expect(await notificationRows(t, quitter.userId)).toEqual([]);
  });

  it('keeps "once" in the database: a second module instance on the same database (a restart) sends nothing new', async () => {
    const user = await newUser(t.app);
    await like(t, user, 1);
    expect(await runAt(t, clock, '2025-09-03T10:01:00')).toHaveLength(1);
    const restarted = createHomeshoppingServices(tablesOf(t.ctx.dbs.service).owned<HomeshoppingTables>(), t.ctx.cache, clock);
    expect((await restarted.reminders.run(clock.now())).sent).toEqual([]);
    // Parallel runs of both instances over many users: one notice per (user, broadcast).
    const users = [user, ...(await Promise.all(Array.from({ length: 4 }, () => newUser(t.app))))];
    for (const u of users.slice(1)) await like(t, u, 1);
    clock.set(kstInstant('2025-09-03T10:02:00'));
    const runs = await Promise.all([1, 2, 3].flatMap(() => [t.services.homeshopping.reminders.run(clock.now()), restarted.reminders.run(clock.now())]));
    expect(runs.flatMap((r) => r.sent)).toHaveLength(4);
    for (const u of users) expect(await reminders(t, u.userId)).toHaveLength(1);
  });
});

// The in-process runner fires schedules from setInterval; faking only that timer fires the real declared job.
describe.skipIf(onServers)('broadcast reminders through the in-process schedule', () => {
  let t: TestApp;
  const clock = new ManualClock(kstInstant('2025-09-03T08:00:00'));
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    t = await startApp({ clock, schedules: true });
  });
  afterAll(async () => {
    await t?.close();
    vi.useRealTimers();
  });

  it('writes the reminder when the minute timer fires, once over several periods', async () => {
    await seedBroadcasts(t, SLOTS);
    const user = await newUser(t.app);
    await like(t, user, 1);
    clock.set(kstInstant('2025-09-03T10:00:10'));
    for (let i = 0; i < 3; i++) {
      vi.advanceTimersByTime(60_000);
      await vi.waitFor(async () => expect(await reminders(t, user.userId)).toHaveLength(1), { timeout: 5000, interval: 50 });
      clock.advance(60_000);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(await reminders(t, user.userId)).toHaveLength(1);
  });
});

describe.skipIf(!onServers)('broadcast reminders on two instances sharing MariaDB and Redis', () => {
  const clock = new ManualClock(kstInstant('2025-09-03T08:00:00'));
  const shared = { dbSuffix: `${process.env.TEST_DB_TAG ?? ''}rem`, redisPrefix: `uhoktest:rem:${process.pid}`, clock, schedules: true };
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startApp(shared);
    b = await startApp(shared);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });
  beforeEach(async () => {
    clock.set(kstInstant('2025-09-03T08:00:00'));
    await a.reset();
    await seedBroadcasts(a, SLOTS);
  });

  it('both running the job at once send one notice per (user, broadcast); a restarted instance sends none', async () => {
    const users = await Promise.all(Array.from({ length: 5 }, () => newUser(a.app)));
    for (const u of users) await like(b, u, 1);
    await like(a, users[0], 3);
    clock.set(kstInstant('2025-09-04T00:01:00'));
    const runs = await Promise.all(Array.from({ length: 4 }, (_, i) => (i % 2 ? a : b).services.homeshopping.reminders.run(clock.now())));
    expect(runs.flatMap((r) => r.sent)).toHaveLength(1);
    clock.set(kstInstant('2025-09-03T10:03:00'));
    const again = await Promise.all(Array.from({ length: 4 }, (_, i) => (i % 2 ? a : b).services.homeshopping.reminders.run(clock.now())));
    expect(again.flatMap((r) => r.sent)).toHaveLength(5);
    for (const u of users) expect(await reminders(a, u.userId)).toHaveLength(u === users[0] ? 2 : 1);

    const restarted = await startApp(shared);
    try {
      expect((await restarted.services.homeshopping.reminders.run(clock.now())).sent).toEqual([]);
    } finally {
      await restarted.close();
    }
  });

  it('fired through the BullMQ schedule several times, whichever instance takes it, one notice', async () => {
    const user = await newUser(a.app);
    await like(a, user, 1);
    clock.set(kstInstant('2025-09-03T10:00:05'));
    const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue('schedules', { connection, prefix: shared.redisPrefix });
    try {
      // The same job the scheduler enqueues each period, for the declared schedule's name.
      await Promise.all(Array.from({ length: 4 }, () => queue.add('homeshopping-broadcast-reminders', {})));
      await vi.waitFor(async () => expect((await queue.getWaitingCount()) + (await queue.getActiveCount())).toBe(0), { timeout: 10_000, interval: 100 });
      await vi.waitFor(async () => expect(await reminders(a, user.userId)).toHaveLength(1), { timeout: 10_000, interval: 100 });
      await new Promise((r) => setTimeout(r, 300));
      expect(await reminders(a, user.userId)).toHaveLength(1);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });
});
