// Redis connections: one for commands that must fail fast (cache, blacklist), others for blocking work (queues,
// subscriptions). Connection errors are logged once per outage, not per retry.
import { Redis, type RedisOptions } from 'ioredis';

export interface RedisLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export function createRedis(url: string, logger: RedisLogger, purpose: 'command' | 'blocking'): Redis {
  const options: RedisOptions =
    purpose === 'command'
      ? // A request must never wait for Redis: no offline queue, short command timeout, one retry.
        { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500, connectTimeout: 2000, lazyConnect: false }
      : // BullMQ and subscribers need to wait for reconnection.
        { maxRetriesPerRequest: null, enableReadyCheck: true };
  const client = new Redis(url, { ...options, retryStrategy: (times) => Math.min(times * 200, 2000) });
  let down = false;
  client.on('error', (err: Error) => {
    if (!down) logger.warn({ err: err.message, purpose }, 'redis connection error');
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.info({ purpose }, 'redis connection restored');
    down = false;
  });
  return client;
}

/** Closes a connection for good: a polite QUIT when connected (bounded), then a hard disconnect, so neither a
 * half-open handshake (EPIPE) nor a reconnect timer outlives it and keeps a short command from exiting. */
export async function releaseRedis(client: Redis, quitTimeoutMs = 1_000): Promise<void> {
  if (client.status === 'ready') {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, quitTimeoutMs)));
    await Promise.race([client.quit().catch(() => undefined), limit]).finally(() => clearTimeout(timer));
  }
  client.disconnect();
}
