// Command line: serve | worker | migrate | seed | import. `serve` runs the roles UHOK_ROLE names (api, worker or
// both); `worker` is the worker role alone.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createContext, type Context } from './context.js';
import { importHomeshoppingSchedule } from './import/homeshopping-schedule.js';
import { importKokProducts } from './import/kok-products.js';
import type { ImportSummary } from './import/summary.js';
import type { HomeshoppingTables } from './modules/homeshopping/tables.js';
import type { KokTables } from './modules/kok/tables.js';
import { tablesOf } from './platform/db/connect.js';
import { DEMO_USER, seedDemoUser } from './seed/demo-user.js';
import { seedHomeshoppingDemo } from './seed/homeshopping-demo.js';
import { seedKokDemo } from './seed/kok-demo.js';
import { createServices, type Services } from './services.js';

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

/** The embedded mode starts with a demo account and catalogue, so a fresh checkout has something to show. */
async function seedEmbedded(ctx: Context, services: Services): Promise<void> {
  if (await seedDemoUser(services.users)) ctx.logger.info({ email: DEMO_USER.email }, 'demo account created (password in README)');
  const { products } = await seedKokDemo(tablesOf(ctx.dbs.service).owned<KokTables>(), { imageBase: ctx.config.publicBaseUrl });
  if (products > 0) ctx.logger.info({ products }, 'demo KOK catalogue created');
  const { slots } = await seedHomeshoppingDemo(tablesOf(ctx.dbs.service).owned<HomeshoppingTables>(), { now: ctx.clock.now(), imageBase: ctx.config.publicBaseUrl });
  if (slots > 0) ctx.logger.info({ slots }, 'demo home-shopping schedule added');
}

/** Runs the configured roles: the API serves HTTP, the worker consumes jobs and runs the schedules. */
async function run(config: Config): Promise<void> {
  const ctx = await createContext(config);
  const services = createServices(ctx);
  if (config.embedded) await seedEmbedded(ctx, services);
  // In-process jobs live in this process, so the embedded mode always consumes them.
  if (config.roles.worker || ctx.jobs.kind === 'memory') await ctx.jobs.start();
  if (!config.roles.api) {
    onShutdown(ctx.logger, () => ctx.close());
    ctx.logger.info({ jobs: ctx.jobs.kind }, 'worker is consuming jobs');
    return;
  }
  const app = await buildApp(ctx, services);
  onShutdown(ctx.logger, async () => {
    await app.close();
    await ctx.close();
  });
  await app.listen({ host: config.host, port: config.port });
  ctx.logger.info({ docs: `http://localhost:${config.port}/docs`, mode: config.embedded ? 'embedded' : 'servers', roles: config.roles }, 'uhok is up');
}

const serve = () => run(loadConfig());

/** The worker role alone: add these next to the API instances when jobs need more room. */
const worker = () => run({ ...loadConfig(), roles: { api: false, worker: true } });

async function migrate(): Promise<void> {
  const ctx = await createContext(loadConfig());
  await ctx.close();
}

async function seed(): Promise<void> {
  const ctx = await createContext(loadConfig());
  const services = createServices(ctx);
  await seedDemoUser(services.users);
  const { products } = await seedKokDemo(tablesOf(ctx.dbs.service).owned<KokTables>(), { imageBase: ctx.config.publicBaseUrl });
  ctx.logger.info({ products }, products > 0 ? 'demo KOK catalogue created' : 'KOK catalogue not empty: demo catalogue skipped');
  await ctx.close();
}

/** A wrong command line: reported as a plain message, without a stack. */
class UsageError extends Error {}

interface Importer {
  defaultCsv: string;
  /** The summary, plus the importer's own lines beyond read/written/rejected. */
  run(ctx: Context, path: string, onProgress: (done: number, total: number) => void): Promise<{ summary: ImportSummary; extra: Array<[string, number]> }>;
}

const IMPORTERS: Record<string, Importer> = {
  'kok-products': {
    defaultCsv: '../shared/data/uhok-data/kok_modify_labeled_only_food.csv',
    run: async (ctx, path, onProgress) => {
      const summary = await importKokProducts(tablesOf(ctx.dbs.service).owned<KokTables>(), path, { onProgress });
      return { summary, extra: [['baseline prices', summary.baselinePrices]] };
    },
  },
  'homeshopping-schedule': {
    defaultCsv: '../shared/data/uhok-data/ODS_HOMESHOPPING_LIST_MODIFY.csv',
    run: async (ctx, path, onProgress) => {
      const summary = await importHomeshoppingSchedule(tablesOf(ctx.dbs.service).owned<HomeshoppingTables>(), path, { onProgress });
      return { summary, extra: [['slots already present', summary.alreadyPresent], ['products', summary.products]] };
    },
  },
};

/** `import <what> [csv-path]`: loads one of the real data files into the configured service database. */
async function importData(): Promise<void> {
  const [what, file] = process.argv.slice(3);
  const importer = IMPORTERS[what ?? ''];
  if (!importer) throw new UsageError(`usage: import ${Object.keys(IMPORTERS).join('|')} [csv-path]`);
  const path = resolve(file ?? importer.defaultCsv);
  if (!existsSync(path)) throw new UsageError(`CSV file not found: ${path}`);
  const ctx = await createContext(loadConfig());
  const bar = new SingleBar({ format: `${what} [{bar}] {value}/{total} rows | {duration}s` });
  const started = Date.now();
  try {
    bar.start(0, 0);
    const { summary, extra } = await importer.run(ctx, path, (done, total) => {
      bar.setTotal(total);
      bar.update(done);
    });
    bar.stop();
    const reasons = Object.entries(summary.reasons).map(([reason, n]) => [`rejected: ${reason}`, n]);
    console.table(
      Object.fromEntries([
        ['rows read', summary.read],
        ['rows written', summary.written],
        ['rows rejected', summary.rejected],
        ...reasons,
        ...extra,
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
