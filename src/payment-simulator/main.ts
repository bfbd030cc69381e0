// `npm run payment-server`: the simulator alone on its own port (PAYMENT_SIM_PORT, default 9002) for operators.
import { pino } from 'pino';
import { SimulatorConfigError, simulatorOptionsFromEnv } from './config.js';
import { ScenarioError } from './scenario.js';
import { startPaymentSimulator } from './simulator.js';

const logger = pino({ name: 'payment-simulator', redact: ['req.headers.authorization'] });

async function main(): Promise<void> {
  const options = simulatorOptionsFromEnv();
  if (!options.webhookSecret) logger.warn('PAYMENT_WEBHOOK_SECRET is not set: webhooks cannot be signed and every payment ends PAYMENT_CANCELLED');
  const sim = await startPaymentSimulator({ ...options, logger });
  logger.info({ url: sim.url, scenario: sim.scenario().default.result, timings: sim.scenario().timings }, `payment simulator listening on ${sim.url}`);
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'payment simulator stopping');
    await sim.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  // A configuration mistake is told in one line; anything else with its stack.
  if (err instanceof SimulatorConfigError || err instanceof ScenarioError) logger.error(`payment simulator not started: ${err.message}`);
  else logger.error({ err }, 'payment simulator failed to start');
  process.exit(1);
});
