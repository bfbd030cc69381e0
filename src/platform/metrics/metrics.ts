// Prometheus metrics: process defaults, request counts and latencies per route, and the process-wide counters
// of background work (e.g. dead-lettered events), served at /metrics — behind a bearer token when one is set.
import { bearerMatches } from '../http/guards.js';
import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Counters of work done outside requests, shared by every app of the process (they count the process). */
const processRegistry = new Registry();

/** A process-wide counter, created once per name: background pipelines count what they drop or set aside. */
export function processCounter<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
  const existing = processRegistry.getSingleMetric(name);
  if (existing) return existing as Counter<L>;
  return new Counter<L>({ name, help, labelNames: [...labelNames], registers: [processRegistry] });
}

export interface MetricsOptions {
  /** METRICS_TOKEN: when set, /metrics answers 401 without `Authorization: Bearer <token>`. */
  token?: string | null;
}

export function installMetrics(app: FastifyInstance, options: MetricsOptions = {}): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route, method and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route and method',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the concrete URL, keeps label cardinality bounded.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (options.token && !bearerMatches(request.headers.authorization, options.token)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ detail: '메트릭을 조회할 권한이 없습니다.' });
    }
    reply.header('content-type', registry.contentType);
    return `${await registry.metrics()}\n${await processRegistry.metrics()}`;
  });
  return registry;
}
