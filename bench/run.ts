// `npm run bench`: starts the server on the servers target (MariaDB, PostgreSQL, Redis) in its own process,
// loads it with autocannon from this process, and prints requests/s and p99 latency per scenario.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { benchEnv, ensureBenchDatabases } from './servers.js';
import type { BenchEnv, Scenario } from './types.js';

const PORT = Number(process.env.BENCH_PORT ?? 9100);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

export interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export function startProcess(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  return child;
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function measure(base: string, s: Scenario, connections = CONNECTIONS): Promise<Result> {
  const result = await autocannon({
    url: base + s.path,
    method: s.method ?? 'GET',
    headers: s.headers,
    body: s.body,
    connections,
    duration: DURATION,
  });
  return {
    name: s.name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export function printTable(results: Result[]): void {
  const rows = results.map((r) => [r.name, String(r.rps), `${r.p50} ms`, `${r.p99} ms`, String(r.non2xx + r.errors)]);
  const head = ['scenario', 'req/s', 'p50', 'p99', 'non-2xx/errors'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

async function loginUser(): Promise<BenchEnv> {
  const email = `bench-${Date.now()}@example.com`;
  const password = 'bench-password-1234';
  const signup = await fetch(`${BASE}/api/user/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password, username: '벤치' }) });
  if (signup.status !== 201) throw new Error(`signup failed: ${signup.status}`);
  const login = await fetch(`${BASE}/api/user/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username: email, password }) });
  const { access_token } = (await login.json()) as { access_token: string };
  return { baseUrl: BASE, token: access_token, email, password };
}

function foundationScenarios(env: BenchEnv): Scenario[] {
  return [
    { name: 'GET /api/health', path: '/api/health' },
    {
      name: 'POST /api/user/login',
      method: 'POST',
      path: '/api/user/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: env.email, password: env.password }).toString(),
    },
    { name: 'GET /api/user/info', path: '/api/user/info', headers: { authorization: `Bearer ${env.token}` } },
  ];
}

async function main(): Promise<void> {
  await ensureBenchDatabases();
  const env = benchEnv();
  const server = startProcess(['src/main.ts', 'serve'], { ...env, PORT: String(PORT) });
  try {
    await waitForHttp(`${BASE}/api/health`);
    const user = await loginUser();
    const scenarios = foundationScenarios(user);
    const results: Result[] = [];
    for (const s of scenarios) {
      results.push(await measure(BASE, s));
      console.log(`done: ${s.name}`);
    }
    console.log(`\nservers target (MariaDB + PostgreSQL + Redis), ${CONNECTIONS} connections, ${DURATION} s each, node ${process.version}\n`);
    printTable(results);
  } finally {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
