// `npm run bench`: starts the server on the servers target (MariaDB, PostgreSQL, Redis) in its own process,
// loads it with autocannon from this process, and prints requests/s and p99 latency per scenario.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/config.js';
import { openDatabases } from '../src/platform/db/connect.js';
import type { AppTables } from '../src/tables.js';
import { prepareHomeshopping } from './homeshopping.js';
import { addSyntheticDiscounts, prepareKok } from './kok.js';
import { benchEnv, ensureBenchDatabases } from './servers.js';
import type { BenchEnv, Scenario } from './types.js';

const PORT = Number(process.env.BENCH_PORT ?? 9100);
const BASE = `http://127.0.0.1:${PORT}`;
const CEILING_PORT = PORT + 1;
const CEILING_BASE = `http://127.0.0.1:${CEILING_PORT}`;
const CEILING_REDIS_PREFIX = 'uhok-bench:ceiling:';
const KOK_CSV = resolve(process.env.BENCH_KOK_CSV ?? '../shared/data/uhok-data/kok_modify_labeled_only_food.csv');
const SCHEDULE_CSV = resolve(process.env.BENCH_SCHEDULE_CSV ?? '../shared/data/uhok-data/ODS_HOMESHOPPING_LIST_MODIFY.csv');
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

async function runToExit(args: string[], env: Record<string, string>): Promise<void> {
  const child = startProcess(args, env);
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}`);
}

/** Loads the real KOK CSV into the bench databases, plus the synthetic price rows the file lacks. */
async function loadKokCatalogue(env: Record<string, string>): Promise<void> {
  await runToExit(['src/main.ts', 'import', 'kok-products', KOK_CSV], env);
  const dbs = await openDatabases<AppTables>(loadConfig(env as NodeJS.ProcessEnv, '/nonexistent'));
  try {
    const added = await addSyntheticDiscounts(dbs.service);
    console.log(`synthetic price rows added: ${added}`);
  } finally {
    await dbs.close();
  }
}

/**
 * The ceilings, on the same servers: for each cached scenario a bare route returning the same bytes from one Redis
 * value, and one returning a row by primary key.
 */
async function measureCeilings(env: Record<string, string>, cached: Scenario[], productId: string): Promise<{ redis: Map<string, Result>; pk: Result }> {
  const redis = new Redis(env.REDIS_URL);
  for (const [i, s] of cached.entries()) await redis.set(`${CEILING_REDIS_PREFIX}${i}`, await (await fetch(BASE + s.path)).text());
  await redis.quit();
  const ceiling = startProcess(['bench/ceiling-server.ts'], { ...env, PORT: String(CEILING_PORT), CEILING_REDIS_PREFIX });
  try {
    await waitForHttp(`${CEILING_BASE}/ceiling/pk/${productId}`);
    const byName = new Map<string, Result>();
    for (const [i, s] of cached.entries()) {
      byName.set(s.name, await measure(CEILING_BASE, { name: `ceiling: one Redis value (bytes of "${s.name}")`, path: `/ceiling/redis/${i}` }));
    }
    return { redis: byName, pk: await measure(CEILING_BASE, { name: 'ceiling: bare route, one row by PK', path: `/ceiling/pk/${productId}` }) };
  } finally {
    ceiling.kill('SIGTERM');
    await once(ceiling, 'exit');
  }
}

async function main(): Promise<void> {
  await ensureBenchDatabases();
  const env = benchEnv();
  const withKok = existsSync(KOK_CSV);
  if (withKok) await loadKokCatalogue(env);
  else console.log(`KOK scenarios skipped: ${KOK_CSV} not found`);
  const withSchedule = existsSync(SCHEDULE_CSV);
  if (withSchedule) await runToExit(['src/main.ts', 'import', 'homeshopping-schedule', SCHEDULE_CSV], env);
  else console.log(`home-shopping scenarios skipped: ${SCHEDULE_CSV} not found`);

  const server = startProcess(['src/main.ts', 'serve'], { ...env, PORT: String(PORT) });
  const results: Result[] = [];
  const ratios: string[] = [];
  try {
    await waitForHttp(`${BASE}/api/health`);
    const user = await loginUser();
    const scenarios = [...foundationScenarios(user), ...(withKok ? await prepareKok(user) : []), ...(withSchedule ? await prepareHomeshopping(user) : [])];
    for (const s of scenarios) {
      results.push(await measure(BASE, s));
      console.log(`done: ${s.name}`);
    }
    if (withKok) {
      const byName = (prefix: string) => scenarios.find((s) => s.name.startsWith(prefix));
      const cached = [byName('kok discounted'), byName('hs schedule 20')].filter((s): s is Scenario => s !== undefined);
      const info = byName('kok product info')!;
      const productId = /product\/(\d+)\//.exec(info.path)![1];
      const ceilings = await measureCeilings(env, cached, productId);
      results.push(...ceilings.redis.values(), ceilings.pk);
      const rps = (name: string) => results.find((r) => r.name === name)!.rps;
      for (const s of cached) ratios.push(`${s.name} / its Redis ceiling = ${(rps(s.name) / ceilings.redis.get(s.name)!.rps).toFixed(2)} (target ≥ 0.50)`);
      ratios.push(`kok product info / primary-key ceiling = ${(rps(info.name) / ceilings.pk.rps).toFixed(2)} (target ≥ 0.67)`);
      const hsProduct = byName('hs product detail');
      if (hsProduct) ratios.push(`hs product detail / primary-key ceiling = ${(rps(hsProduct.name) / ceilings.pk.rps).toFixed(2)} (target ≥ 0.67)`);
    }
  } finally {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  console.log(`\nservers target (MariaDB + PostgreSQL + Redis), ${CONNECTIONS} connections, ${DURATION} s each, node ${process.version}\n`);
  printTable(results);
  if (ratios.length) console.log(`\n${ratios.join('\n')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
