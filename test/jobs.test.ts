// Job runner behaviour beyond batching: schedules that fire once per period across instances, a killed
// instance's jobs picked up again within seconds, bounded waits with Redis down, and short commands that exit.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { BullMqJobRunner } from '../src/platform/jobs/bullmq-jobs.js';
import type { JobRunner } from '../src/platform/jobs/jobs.js';
import { MemoryJobRunner } from '../src/platform/jobs/memory-jobs.js';
import { startApp, TEST_JWT_SECRET } from './helpers/app.js';
import { newUser } from './helpers/auth.js';
import { onServers, serverEnv, TEST_REDIS_URL } from './helpers/target.js';

const cleanups: Array<() => Promise<unknown>> = [];
// Closing an instance whose Redis is down waits out its bounded shutdown: longer than the default hook timeout.
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
}, 60_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function bullmq(prefix: string, onError?: (name: string, err: unknown) => void): BullMqJobRunner {
  const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const jobs = new BullMqJobRunner(connection, prefix, onError);
  cleanups.push(async () => {
    await jobs.close();
    await connection.quit();
  });
  return jobs;
}

function memory(onError?: (name: string, err: unknown) => void): MemoryJobRunner {
  const jobs = new MemoryJobRunner(onError);
  cleanups.push(() => jobs.close());
  return jobs;
}

describe('in-process schedules', () => {
  it('fire every period, survive a failing run, and stop on close', async () => {
    const errors: string[] = [];
    const jobs = memory((name) => errors.push(name));
    const fired: Date[] = [];
    jobs.schedule({
      name: 'tick',
      everyMs: 50,
      handle: async (at) => {
        fired.push(at);
        if (fired.length === 2) throw new Error('one bad run');
      },
    });
    await sleep(120);
    expect(fired, 'nothing fires before start()').toEqual([]);
    await jobs.start();
    await sleep(400);
    expect(fired.length).toBeGreaterThanOrEqual(4);
    expect(errors).toEqual(['tick']);
    await jobs.close();
    const count = fired.length;
    await sleep(200);
    expect(fired.length).toBe(count);
  });
});

describe.skipIf(!onServers)('BullMQ schedules', () => {
  it('fire once per period across two instances sharing a prefix', { timeout: 30_000 }, async () => {
    const prefix = `uhoktest-sched-${randomBytes(4).toString('hex')}`;
    const fired: Array<{ runner: string; at: number }> = [];
    const runners: JobRunner[] = [bullmq(prefix), bullmq(prefix)];
    runners.forEach((jobs, i) => jobs.schedule({ name: 'purge', everyMs: 500, handle: async (at) => void fired.push({ runner: `r${i}`, at: at.getTime() }) }));
    await Promise.all(runners.map((r) => r.start()));
    await sleep(3_200);
    const periods = fired.map((f) => f.at);
    expect(new Set(periods).size, 'no period fired twice').toBe(periods.length);
    expect(periods.length).toBeGreaterThanOrEqual(4);
    expect(periods.length).toBeLessThanOrEqual(8);
  });

  it('retries a failing scheduled run instead of crashing', { timeout: 30_000 }, async () => {
    const errors: string[] = [];
    const jobs = bullmq(`uhoktest-sched-${randomBytes(4).toString('hex')}`, (name) => errors.push(name));
    let calls = 0;
    jobs.schedule({
      name: 'flaky',
      everyMs: 10_000,
      handle: async () => {
        if (++calls === 1) throw new Error('first run fails');
      },
    });
    await jobs.start();
    for (let i = 0; i < 100 && calls < 2; i++) await sleep(100);
    expect(calls).toBe(2);
    expect(errors).toContain('flaky');
  });
});

describe.skipIf(!onServers)('a killed instance', () => {
  it('has its active job handled by another instance within seconds', { timeout: 40_000 }, async () => {
    const prefix = `uhoktest-stall-${randomBytes(4).toString('hex')}`;
    // Instance A takes the job and is killed (SIGKILL) while handling it: no close, no lock release.
    const script = `
      import { Redis } from 'ioredis';
      import { BullMqJobRunner } from './src/platform/jobs/bullmq-jobs.ts';
      const jobs = new BullMqJobRunner(new Redis(${JSON.stringify(TEST_REDIS_URL)}, { maxRetriesPerRequest: null }), ${JSON.stringify(prefix)});
      jobs.define({ name: 'work', handle: () => { console.log('taken'); return new Promise(() => {}); } });
      await jobs.start();
      console.log('started');`;
    const b = bullmq(prefix);
    const handled: string[] = [];
    b.define<string>({ name: 'work', handle: async (items) => void handled.push(...items) });
    await b.add('work', 'job-1');

    const a = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    cleanups.push(async () => a.exitCode === null && a.kill('SIGKILL'));
    let out = '';
    a.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    for (let i = 0; i < 200 && !out.includes('taken'); i++) await sleep(100);
    expect(out).toContain('taken');
    a.kill('SIGKILL');
    await once(a, 'exit');

    const killedAt = Date.now();
    await b.start();
    for (let i = 0; i < 150 && handled.length === 0; i++) await sleep(100);
    expect(handled).toEqual(['job-1']);
    expect(Date.now() - killedAt).toBeLessThan(10_000);
  });
});

describe.skipIf(!onServers)('with Redis down', () => {
  it('POST /api/log/user/event answers 503 in the contract form within a bounded wait', { timeout: 60_000 }, async () => {
    const healthy = await startApp();
    cleanups.push(() => healthy.close());
    const u = await newUser(healthy.app);
    const dead = await startApp({ env: { REDIS_URL: 'redis://127.0.0.1:1/0' } });
    cleanups.push(() => dead.close());

    const started = Date.now();
    const res = await dead.app.inject({ method: 'POST', url: '/api/log/user/event', headers: u.headers, payload: { user_id: u.userId, event_type: 'while_down' } });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect([res.statusCode, res.json()]).toEqual([503, { detail: '로그 저장소를 일시적으로 사용할 수 없습니다.' }]);
    const activity = await dead.app.inject({ method: 'POST', url: '/api/log/user/activity', headers: u.headers, payload: { action: 'click' } });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(activity.statusCode).toBeLessThan(600);
  });

  it('the event log refuses within the bound instead of hanging (no HTTP in between)', { timeout: 30_000 }, async () => {
    const dead = await startApp({ env: { REDIS_URL: 'redis://127.0.0.1:1/0' } });
    cleanups.push(() => dead.close());
    const started = Date.now();
    await expect(dead.services.logs.write({ userId: 1, type: 'while_down', data: {} })).rejects.toMatchObject({
      statusCode: 503,
      detail: '로그 저장소를 일시적으로 사용할 수 없습니다.',
    });
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe.skipIf(!onServers)('short commands with REDIS_URL set', () => {
  it('seed exits by itself when done', { timeout: 60_000 }, async () => {
    const env = { ...(await serverEnv(`${process.env.TEST_DB_TAG ?? ''}seed`)), JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'warn' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'seed'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const [code, signal] = await once(child, 'exit');
    clearTimeout(timer);
    expect({ code, signal }, stderr).toEqual({ code: 0, signal: null });
  });
});
