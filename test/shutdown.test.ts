// The real server process: it starts from the command line, serves, and on SIGTERM finishes in-flight work and
// writes every queued event before it exits.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openDatabases, openPGlite } from '../src/platform/db/connect.js';
import type { AppTables } from '../src/tables.js';
import { TEST_JWT_SECRET } from './helpers/app.js';
import { onServers, serverEnv } from './helpers/target.js';

const PORT = 19_000 + Math.floor(Math.random() * 1000);
const BASE = `http://127.0.0.1:${PORT}`;

async function waitUp(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

describe('server process', () => {
  it('drains queued events on SIGTERM and exits 0', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'uhok-proc-'));
    const env: Record<string, string> = onServers
      ? { ...(await serverEnv()), JWT_SECRET: TEST_JWT_SECRET }
      : { UHOK_DATA_DIR: dataDir };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
      env: { ...process.env, ...env, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      await waitUp();
      const email = `proc-${Date.now()}@example.com`;
      const signup = await fetch(`${BASE}/api/user/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'abcd1234', username: 'p' }) });
      expect(signup.status).toBe(201);
      const { user_id } = (await signup.json()) as { user_id: number };
      const login = await fetch(`${BASE}/api/user/login`, { method: 'POST', body: new URLSearchParams({ username: email, password: 'abcd1234' }) });
      const { access_token } = (await login.json()) as { access_token: string };
      const headers = { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' };
      const posted = await Promise.all(
        Array.from({ length: 20 }, (_, i) => fetch(`${BASE}/api/log/user/activity`, { method: 'POST', headers, body: JSON.stringify({ action: `click_${i}` }) })),
      );
      expect(posted.every((r) => r.status === 201)).toBe(true);
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code, stderr).toBe(0);

      // Reopen the databases the process used: every acknowledged event is there.
      const config = loadConfig({ ...env, JWT_SECRET: TEST_JWT_SECRET } as NodeJS.ProcessEnv, '/nonexistent');
      const dbs = await openDatabases<AppTables>(config, onServers ? {} : { pglite: await openPGlite(dataDir) });
      try {
        const rows = await dbs.log.kysely.selectFrom('USER_LOG').select('EVENT_TYPE').where('USER_ID', '=', user_id).execute();
        const types = rows.map((r) => r.EVENT_TYPE);
        for (let i = 0; i < 20; i++) expect(types).toContain(`user_activity_click_${i}`);
        expect(types).toContain('user_signup');
      } finally {
        await dbs.close();
      }
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
