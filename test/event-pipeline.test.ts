// The event pipeline never loses good events for a bad one: poison values are fitted to their columns before
// they are queued (or refused with 422 at the HTTP edge), and a batch the database refuses is split so the good
// rows are written and only the bad one is set aside in USER_LOG_DEAD_LETTER and counted in /metrics.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOG_QUEUE } from '../src/modules/log/events.js';
import { LogRepo } from '../src/modules/log/repo.js';
import type { QueuedEvent } from '../src/modules/log/user-event.js';
import type { UserEvent } from '../src/platform/events.js';
import { startApp, type TestApp } from './helpers/app.js';
import { newUser, type LoggedIn } from './helpers/auth.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => t?.close());
beforeEach(async () => t.reset());

const log = () => t.ctx.dbs.log.kysely;

/** The user's rows, without the sign-up and login events of `newUser`. */
async function rowsOf(userId: number) {
  await t.ctx.jobs.drain(15_000);
  return log()
    .selectFrom('USER_LOG')
    .selectAll()
    .where('USER_ID', '=', userId)
    .where('EVENT_TYPE', 'not in', ['user_signup', 'user_login'])
    .orderBy('LOG_ID')
    .execute();
}

async function metric(name: string): Promise<number> {
  const text = (await t.app.inject({ url: '/metrics' })).body;
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** A good event from another user, sent after the poison, is written. */
async function expectPipelineFlows(other: LoggedIn, type: string): Promise<void> {
  const res = await t.app.inject({ method: 'POST', url: '/api/log/user/event', headers: other.headers, payload: { user_id: other.userId, event_type: type } });
  expect(res.statusCode, res.body).toBe(201);
  const rows = await rowsOf(other.userId);
  expect(rows.map((r) => r.EVENT_TYPE)).toContain(type);
}

const POISON_BODIES: Array<[string, Record<string, unknown>]> = [
  ['response_code above INT', { response_code: 3_000_000_000 }],
  ['response_code below INT', { response_code: -3_000_000_000 }],
  ['NUL in event_type', { event_type: 'bad\u0000type' }],
  ['NUL in event_data value', { event_data: { note: 'a\u0000b' } }],
  ['NUL in event_data key', { event_data: { 'k\u0000': 1 } }],
  ['lone surrogate in event_data', { event_data: { s: 'x\ud800y' } }],
  ['CLIENT_IP longer than 45', { client_ip: '1'.repeat(100) }],
  ['API_URL longer than 500', { api_url: `http://x/${'a'.repeat(600)}` }],
  ['HTTP_METHOD longer than 10', { http_method: 'PROPFINDXXXXXXXX' }],
  ['NUL in http_method', { http_method: 'G\u0000ET' }],
  ['year outside timestamp range', { request_time: '0000-01-01T00:00:00' }],
];

describe('a poison event through POST /api/log/user/event', () => {
  it.each(POISON_BODIES)('%s is refused (422) or stored safely, and later events are written', async (_name, poison) => {
    const u = await newUser(t.app);
    const other = await newUser(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/log/user/event',
      headers: u.headers,
      payload: { user_id: u.userId, event_type: 'poison', ...poison },
    });
    expect([201, 422], res.body).toContain(res.statusCode);
    if (res.statusCode === 201) {
      const stored = (await rowsOf(u.userId)).find((r) => r.LOG_ID === res.json().log_id);
      expect(stored, 'an acknowledged poison is stored (fitted)').toBeDefined();
      expect(stored!.EVENT_TYPE).not.toContain('\u0000');
    } else {
      expect(Array.isArray(res.json().detail)).toBe(true);
    }
    await expectPipelineFlows(other, 'after_poison');
  });
});

const POISON_EVENTS: Array<[string, Partial<UserEvent>]> = [
  ['code above INT', { code: 3_000_000_000 }],
  ['code not an integer', { code: 200.5 }],
  ['NUL in type', { type: 'bad\u0000type' }],
  ['NUL in data', { data: { note: 'a\u0000b', 'k\u0000': ['\u0000'] } }],
  ['lone surrogates', { type: '\udc00t', data: { s: '\ud800' } }],
  ['ip longer than 45', { ip: 'f'.repeat(300) }],
  ['url longer than 500 (emoji, never cut in half)', { url: `http://x/${'😀'.repeat(600)}` }],
  ['method longer than 10', { method: 'M'.repeat(64) }],
  ['invalid dates', { requestTime: new Date(Number.NaN), responseTime: new Date('-010000-01-01T00:00:00Z'), createdAt: new Date(Number.NaN) }],
  ['non-finite and huge numbers in data', { data: { a: Number.POSITIVE_INFINITY, b: Number.NaN, c: 10n as unknown as number } }],
  ['deeply nested data', { data: JSON.parse(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`) as Record<string, unknown> }],
  ['user id above INT', { userId: 2 ** 40 }],
  ['negative user id', { userId: -1 }],
  ['fractional user id', { userId: 1.5 }],
  ['empty type', { type: '\u0000' }],
];

describe('a poison event through services.events.record (no HTTP validation)', () => {
  it.each(POISON_EVENTS)('%s never blocks the pipeline', async (_name, poison) => {
    const u = await newUser(t.app);
    const other = await newUser(t.app);
    await t.services.events.record({ userId: u.userId, type: 'poison', data: { ok: true }, ...poison });
    await expectPipelineFlows(other, 'after_poison');
    const deadLetters = await log().selectFrom('USER_LOG_DEAD_LETTER').selectAll().execute();
    expect(deadLetters, 'fitted values never reach the dead letters').toEqual([]);
  });

  it('stores fitted values: text cut to the column by characters, NUL removed, out-of-range numbers null', async () => {
    const u = await newUser(t.app);
    await t.services.events.record({
      userId: u.userId,
      type: `t\u0000${'y'.repeat(80)}`,
      data: { note: 'a\u0000b', inf: Number.POSITIVE_INFINITY },
      url: `http://x/${'😀'.repeat(600)}`,
      ip: '1'.repeat(60),
      code: 3_000_000_000,
      requestTime: new Date(Number.NaN),
    });
    const [row] = await rowsOf(u.userId);
    expect(row.EVENT_TYPE).toBe(`t${'y'.repeat(49)}`);
    expect(row.EVENT_DATA).toEqual({ note: 'ab', inf: null });
    expect([...row.API_URL!]).toHaveLength(500);
    expect(row.API_URL!).toBe(`http://x/${'😀'.repeat(491)}`);
    expect(row.CLIENT_IP).toHaveLength(45);
    expect(row.RESPONSE_CODE).toBeNull();
    expect(row.REQUEST_TIME).toBeNull();
  });
});

describe('a batch the database refuses', () => {
  const event = (userId: number, type: string, extra: Partial<QueuedEvent> = {}): QueuedEvent => ({ userId, type, data: { n: type }, ...extra });

  it('is split: every good row is written and the one bad row becomes a dead letter, counted in /metrics', async () => {
    const u = await newUser(t.app);
    const before = await metric('uhok_events_dead_lettered_total');
    // Queued straight onto the job (as an older producer could have): the pipeline itself must cope.
    const batch = [event(u.userId, 'good_1'), event(u.userId, 'good_2'), event(u.userId, 'bad', { code: 3_000_000_000 }), event(u.userId, 'good_3'), event(u.userId, 'good_4')];
    await t.ctx.jobs.add(LOG_QUEUE, batch);
    const rows = await rowsOf(u.userId);
    expect(rows.map((r) => r.EVENT_TYPE).sort()).toEqual(['good_1', 'good_2', 'good_3', 'good_4']);
    const dead = await log().selectFrom('USER_LOG_DEAD_LETTER').selectAll().execute();
    expect(dead).toHaveLength(1);
    expect(JSON.parse(dead[0].PAYLOAD)).toMatchObject({ userId: u.userId, type: 'bad', code: 3_000_000_000 });
    expect(dead[0].ERROR).toBeTruthy();
    expect(await metric('uhok_events_dead_lettered_total')).toBe(before + 1);
    expect(await t.ctx.jobs.failedCount(LOG_QUEUE)).toBe(0);
  });

  it('sets several bad rows aside and keeps reserved ids idempotent on a second write', async () => {
    const u = await newUser(t.app);
    const repo = new LogRepo(t.ctx.dbs.log);
    const id = await repo.reserveId();
    const events: UserEvent[] = [
      { userId: u.userId, type: 'a', data: null, logId: id },
      { userId: u.userId, type: 'x'.repeat(80), data: null },
      { userId: u.userId, type: 'b', data: null },
      { userId: u.userId, type: 'c', data: null, ip: 'i'.repeat(50) },
    ];
    const setAside: string[] = [];
    await repo.insertMany(events, (e, _err, stored) => setAside.push(`${e.type.slice(0, 1)}:${stored}`));
    await repo.insertMany([events[0]], () => setAside.push('unexpected'));
    expect(setAside.sort()).toEqual(['c:true', 'x:true']);
    const rows = await rowsOf(u.userId);
    expect(rows.map((r) => r.EVENT_TYPE)).toEqual(['a', 'b']);
    expect(await log().selectFrom('USER_LOG_DEAD_LETTER').select('DEAD_LETTER_ID').execute()).toHaveLength(2);
  });
});
