// Roles: the same build runs as `api`, `worker` or both. A worker process serves no HTTP and consumes the jobs an
// API-only instance queued (servers target: the queue is BullMQ on Redis, shared by the two processes).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startApp, TEST_JWT_SECRET } from './helpers/app.js';
import { newUser } from './helpers/auth.js';
import { onServers, serverEnv } from './helpers/target.js';

const PORT = 20_000 + Math.floor(Math.random() * 1000);

describe('UHOK_ROLE', () => {
  it('parses api, worker, all and lists, and refuses anything else', () => {
    const roles = (value?: string) => loadConfig({ UHOK_ROLE: value, UHOK_DATA_DIR: '/tmp/uhok-roles' } as NodeJS.ProcessEnv, '/nonexistent').roles;
    expect(roles()).toEqual({ api: true, worker: true });
    expect(roles('api')).toEqual({ api: true, worker: false });
    expect(roles('Worker')).toEqual({ api: false, worker: true });
    expect(roles('api,worker')).toEqual({ api: true, worker: true });
    expect(() => roles('scheduler')).toThrow(/UHOK_ROLE/);
  });

  it.runIf(onServers)('worker serves no HTTP and writes the events an API-only instance queued', { timeout: 90_000 }, async () => {
    const env = { ...(await serverEnv()), JWT_SECRET: TEST_JWT_SECRET };
    const worker = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
      env: { ...process.env, ...env, UHOK_ROLE: 'worker', PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    worker.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    // The API instance shares the worker's databases and its queue prefix ('uhok', the deployment default).
    const api = await startApp({ redisPrefix: 'uhok', consumeJobs: false });
    try {
      for (let i = 0; i < 240 && !output.includes('worker is consuming jobs'); i++) await new Promise((r) => setTimeout(r, 250));
      expect(output).toContain('worker is consuming jobs');
      await expect(fetch(`http://127.0.0.1:${PORT}/api/health`)).rejects.toThrow();

      const user = await newUser(api.app);
      const res = await api.app.inject({ method: 'POST', url: '/api/log/user/activity', headers: user.headers, payload: { action: 'role_check' } });
      expect(res.statusCode).toBe(201);
      let rows: unknown[] = [];
      for (let i = 0; i < 100 && rows.length === 0; i++) {
        rows = await api.ctx.dbs.log.kysely.selectFrom('USER_LOG').select('LOG_ID').where('USER_ID', '=', user.userId).where('EVENT_TYPE', '=', 'user_activity_role_check').execute();
        if (rows.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(rows).toHaveLength(1);
    } finally {
      await api.close();
      worker.kill('SIGTERM');
      const [code] = await once(worker, 'exit');
      expect(code, output.slice(-2000)).toBe(0);
    }
  });
});
