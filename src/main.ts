// Command line: serve | migrate | seed.
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createContext } from './context.js';
import { DEMO_USER, seedDemoUser } from './seed/demo-user.js';

async function serve(): Promise<void> {
  const config = loadConfig();
  const ctx = await createContext(config);
  const { app, services } = await buildApp(ctx);
  if (config.embedded && (await seedDemoUser(services.users))) {
    ctx.logger.info({ email: DEMO_USER.email }, 'demo account created (password in README)');
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    ctx.logger.info({ signal }, 'shutting down: finishing in-flight requests and queued jobs');
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    await app.close();
    await ctx.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ host: config.host, port: config.port });
  ctx.logger.info({ docs: `http://localhost:${config.port}/docs`, mode: config.embedded ? 'embedded' : 'servers' }, 'uhok is up');
}

async function migrate(): Promise<void> {
  const ctx = await createContext(loadConfig());
  await ctx.close();
}

async function seed(): Promise<void> {
  const ctx = await createContext(loadConfig());
  const { services } = await buildApp(ctx);
  await seedDemoUser(services.users);
  await ctx.close();
}

const commands: Record<string, () => Promise<void>> = { serve, migrate, seed };

const name = process.argv[2] ?? 'serve';
const command = commands[name];
if (!command) {
  console.error(`unknown command "${name}"; use one of: ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}
command().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(`configuration error: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
