// Command line: serve | worker | migrate | seed | import.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { buildApp, type Services } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createContext, type Context } from './context.js';
import { importKokProducts } from './import/kok-products.js';
import { DEMO_USER, seedDemoUser } from './seed/demo-user.js';
import { seedKokDemo } from './seed/kok-demo.js';

const PURGE_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** Periodic upkeep every instance may run; each step is idempotent. */
function startMaintenance(services: Services, logger: Context['logger']): void {
  const purge = () =>
    services.users.purgeExpiredTokens().then(
      (n) => n > 0 && logger.info({ rows: n }, 'expired blacklist rows purged'),
      (err: unknown) => logger.warn({ err }, 'blacklist purge failed'),
    );
  void purge();
  setInterval(() => void purge(), PURGE_INTERVAL_MS).unref();
}

/** Stops on SIGTERM/SIGINT after `close` has finished in-flight work. */
function onShutdown(logger: Context['logger'], close: () => Promise<void>): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests and queued jobs');
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    await close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function serve(): Promise<void> {
  const config = loadConfig();
  const ctx = await createContext(config);
  const { app, services } = await buildApp(ctx);
  if (config.embedded && (await seedDemoUser(services.users))) {
    ctx.logger.info({ email: DEMO_USER.email }, 'demo account created (password in README)');
  }
  if (config.embedded) {
    const { products } = await seedKokDemo(ctx.dbs.service);
    if (products > 0) ctx.logger.info({ products }, 'demo KOK catalogue created');
  }
  startMaintenance(services, ctx.logger);
  onShutdown(ctx.logger, async () => {
    await app.close();
    await ctx.close();
  });
  await app.listen({ host: config.host, port: config.port });
  ctx.logger.info({ docs: `http://localhost:${config.port}/docs`, mode: config.embedded ? 'embedded' : 'servers' }, 'uhok is up');
}

/** Consumes the job queues without serving HTTP: add these next to the servers when jobs need more room. */
async function worker(): Promise<void> {
  const ctx = await createContext(loadConfig());
  const { services } = await buildApp(ctx);
  startMaintenance(services, ctx.logger);
  onShutdown(ctx.logger, () => ctx.close());
  ctx.logger.info({ jobs: ctx.jobs.kind }, 'worker is consuming jobs');
}

async function migrate(): Promise<void> {
  const ctx = await createContext(loadConfig());
  await ctx.close();
}

async function seed(): Promise<void> {
  const ctx = await createContext(loadConfig());
  const { services } = await buildApp(ctx);
  await seedDemoUser(services.users);
  const { products } = await seedKokDemo(ctx.dbs.service);
  ctx.logger.info({ products }, products > 0 ? 'demo KOK catalogue created' : 'KOK catalogue not empty: demo catalogue skipped');
  await ctx.close();
}

const DEFAULT_KOK_CSV = '../shared/data/uhok-data/kok_modify_labeled_only_food.csv';

/** A wrong command line: reported as a plain message, without a stack. */
class UsageError extends Error {}

/** `import kok-products [csv-path]`: loads the real KOK product file into the configured service database. */
async function importData(): Promise<void> {
  const [what, file] = process.argv.slice(3);
  if (what !== 'kok-products') throw new UsageError('usage: import kok-products [csv-path]');
  const path = resolve(file ?? DEFAULT_KOK_CSV);
  if (!existsSync(path)) throw new UsageError(`CSV file not found: ${path}`);
  const ctx = await createContext(loadConfig());
  const bar = new SingleBar({ format: 'kok-products [{bar}] {value}/{total} rows | {duration}s' });
  const started = Date.now();
  try {
    bar.start(0, 0);
    const onProgress = (done: number, total: number) => {
      bar.setTotal(total);
      bar.update(done);
    };
    const summary = await importKokProducts(ctx.dbs.service, path, { onProgress });
    bar.stop();
    const reasons = Object.entries(summary.reasons).map(([reason, n]) => [`rejected: ${reason}`, n]);
    console.table(
      Object.fromEntries([
        ['rows read', summary.read],
        ['rows written', summary.written],
        ['rows rejected', summary.rejected],
        ...reasons,
        ['baseline prices', summary.baselinePrices],
        ['seconds', (Date.now() - started) / 1000],
      ]),
    );
  } finally {
    bar.stop();
    await ctx.close();
  }
}

const commands: Record<string, () => Promise<void>> = { serve, worker, migrate, seed, import: importData };

const name = process.argv[2] ?? 'serve';
const command = commands[name];
if (!command) {
  console.error(`unknown command "${name}"; use one of: ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}
command().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(`configuration error: ${err.message}`);
  else if (err instanceof UsageError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
