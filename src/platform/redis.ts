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
