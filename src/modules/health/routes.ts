// Health endpoints: always 200 while the process serves (deploy checks depend on it), with the real state of
// each dependency probed under a short timeout and cached briefly so the endpoints stay cheap under load.
import { Type } from 'typebox';
import type { Cache } from '../../platform/cache/cache.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Databases } from '../../platform/db/connect.js';
import type { Embedder } from '../../platform/embedder/embedder.js';
import type { JobRunner } from '../../platform/jobs/jobs.js';
import { pingDb } from '../../platform/db/connect.js';
import type { App } from '../../platform/http/server.js';

const PROBE_TIMEOUT_MS = 1000;
const CACHE_MS = 2000;

/** What the public may see: a status, a kind (`mysql`, `postgres`, `pglite`, `redis`, `memory`, `bullmq`) and a
 * fixed error word — never a host, port, database name or driver message. */
type State = { status: 'ok' | 'error' | 'disabled'; kind?: string; error?: 'unreachable' | 'timeout' };

const TIMEOUT = new Error('timeout');

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(TIMEOUT), PROBE_TIMEOUT_MS).unref())]);
}

async function probe(fn: () => Promise<unknown>, kind: string): Promise<State> {
  try {
    const ok = await withTimeout(fn());
    return ok === false ? { status: 'error', kind, error: 'unreachable' } : { status: 'ok', kind };
  } catch (err) {
    return { status: 'error', kind, error: err === TIMEOUT ? 'timeout' : 'unreachable' };
  }
}

/** The engine of a database connection, without its address. */
const dbKind = (db: { kind: string; label: string }) => (db.label === 'pglite' ? 'pglite' : db.kind);

const Dependency = Type.Object({ status: Type.String(), kind: Type.Optional(Type.String()), error: Type.Optional(Type.String()) });
const HealthOut = Type.Object({
  status: Type.String(),
  service: Type.String(),
  version: Type.String(),
  timestamp: Type.String(),
  dependencies: Type.Record(Type.String(), Dependency),
});

/** What the health endpoints probe: the context's parts, nothing of any module. */
export interface HealthDeps {
  // Only pinged, never queried: any table types will do.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  dbs: Databases<any>;
  cache: Cache;
  jobs: JobRunner;
  embedder: Embedder;
  clock: Clock;
  version: string;
}

export function healthRoutes(app: App, ctx: HealthDeps): void {
  let cached: { at: number; deps: Record<string, State> } | null = null;
  let inFlight: Promise<Record<string, State>> | null = null;

  const dependencies = async (): Promise<Record<string, State>> => {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.deps;
    inFlight ??= (async () => {
      const { dbs } = ctx;
      const [auth, service, log, rec, cache, jobs] = await Promise.all([
        probe(() => pingDb(dbs.auth), dbKind(dbs.auth)),
        probe(() => pingDb(dbs.service), dbKind(dbs.service)),
        probe(() => pingDb(dbs.log), dbKind(dbs.log)),
        dbs.rec ? probe(() => pingDb(dbs.rec!), dbKind(dbs.rec)) : Promise.resolve<State>({ status: 'disabled' }),
        probe(() => ctx.cache.ping(), ctx.cache.kind),
        probe(() => ctx.jobs.ping(), ctx.jobs.kind),
      ]);
      const deps = { auth_db: auth, service_db: service, log_db: log, rec_db: rec, cache, jobs };
      cached = { at: Date.now(), deps };
      return deps;
    })().finally(() => (inFlight = null));
    return inFlight;
  };

  const overall = (deps: Record<string, State>) => (Object.values(deps).some((d) => d.status === 'error') ? 'degraded' : 'healthy');
  const now = () => ctx.clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z');

  app.get('/api/health', { schema: { tags: ['health'], response: { 200: HealthOut } } }, async () => {
    const deps = await dependencies();
    return { status: overall(deps), service: 'uhok-backend-gateway', version: ctx.version, timestamp: now(), dependencies: deps };
  });

  app.get(
    '/healthz',
    { schema: { tags: ['health'], response: { 200: Type.Object({ status: Type.String(), dependencies: Type.Record(Type.String(), Dependency) }) } } },
    async () => {
      const deps = await dependencies();
      return { status: overall(deps) === 'healthy' ? 'ok' : 'degraded', dependencies: deps };
    },
  );

  app.get(
    '/api/health/ml',
    {
      schema: {
        tags: ['health'],
        response: { 200: Type.Object({ status: Type.String(), service: Type.String(), ml_service: Type.Record(Type.String(), Type.Unknown()), timestamp: Type.String() }) },
      },
    },
    async () => {
      const ml = await ctx.embedder.health();
      return { status: ml.status === 'ok' ? 'healthy' : 'unhealthy', service: 'uhok-backend-gateway', ml_service: ml, timestamp: now() };
    },
  );
}
