// Health endpoints: always 200 while the process serves (deploy checks depend on it), with the real state of
// each dependency probed under a short timeout and cached briefly so the endpoints stay cheap under load.
import { Type } from 'typebox';
import type { Context } from '../../context.js';
import { pingDb } from '../../platform/db/connect.js';
import type { App } from '../../platform/http/server.js';

const PROBE_TIMEOUT_MS = 1000;
const CACHE_MS = 2000;

type State = { status: 'ok' | 'error' | 'disabled'; kind?: string; error?: string };

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS).unref())]);
}

async function probe(fn: () => Promise<unknown>, kind: string): Promise<State> {
  try {
    const ok = await withTimeout(fn());
    return ok === false ? { status: 'error', kind, error: 'unreachable' } : { status: 'ok', kind };
  } catch (err) {
    return { status: 'error', kind, error: err instanceof Error ? err.message.slice(0, 100) : 'unreachable' };
  }
}

const Dependency = Type.Object({ status: Type.String(), kind: Type.Optional(Type.String()), error: Type.Optional(Type.String()) });
const HealthOut = Type.Object({
  status: Type.String(),
  service: Type.String(),
  version: Type.String(),
  timestamp: Type.String(),
  dependencies: Type.Record(Type.String(), Dependency),
});

export function healthRoutes(app: App, ctx: Context): void {
  let cached: { at: number; deps: Record<string, State> } | null = null;
  let inFlight: Promise<Record<string, State>> | null = null;

  const dependencies = async (): Promise<Record<string, State>> => {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.deps;
    inFlight ??= (async () => {
      const { dbs } = ctx;
      const [auth, service, log, rec, cache] = await Promise.all([
        probe(() => pingDb(dbs.auth), dbs.auth.label),
        probe(() => pingDb(dbs.service), dbs.service.label),
        probe(() => pingDb(dbs.log), dbs.log.label),
        dbs.rec ? probe(() => pingDb(dbs.rec!), dbs.rec.label) : Promise.resolve<State>({ status: 'disabled' }),
        probe(() => ctx.cache.ping(), ctx.cache.kind),
      ]);
      const deps = { auth_db: auth, service_db: service, log_db: log, rec_db: rec, cache, jobs: { status: 'ok' as const, kind: ctx.jobs.kind } };
      cached = { at: Date.now(), deps };
      return deps;
    })().finally(() => (inFlight = null));
    return inFlight;
  };

  const overall = (deps: Record<string, State>) => (Object.values(deps).some((d) => d.status === 'error') ? 'degraded' : 'healthy');
  const now = () => ctx.clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z');

  app.get('/api/health', { schema: { tags: ['health'], response: { 200: HealthOut } } }, async () => {
    const deps = await dependencies();
    return { status: overall(deps), service: 'uhok-backend-gateway', version: ctx.config.version, timestamp: now(), dependencies: deps };
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
