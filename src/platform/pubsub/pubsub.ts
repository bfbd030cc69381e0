// Publish/subscribe port: Redis channels across instances, or an in-process emitter in the embedded mode.
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { releaseRedis } from '../redis.js';

export type Handler = (message: unknown) => void;

export interface PubSub {
  publish(channel: string, message: unknown): Promise<void>;
  subscribe(channel: string, handler: Handler): Promise<void>;
  close(): Promise<void>;
}

export class MemoryPubSub implements PubSub {
  private readonly emitter = new EventEmitter();

  async publish(channel: string, message: unknown): Promise<void> {
    // Deliver asynchronously and as a copy, like a real broker.
    const copy = JSON.parse(JSON.stringify(message)) as unknown;
    setImmediate(() => this.emitter.emit(channel, copy));
  }

  async subscribe(channel: string, handler: Handler): Promise<void> {
    this.emitter.on(channel, handler);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/** Channels carry the deployment prefix (`uhok:` + name), like cache keys and queues, so deployments sharing a
 * Redis never hear each other; handlers see the bare channel name. */
export class RedisPubSub implements PubSub {
  private readonly handlers = new Map<string, Handler[]>();

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
  ) {
    subscriber.on('message', (prefixed: string, raw: string) => {
      if (!prefixed.startsWith(prefix)) return;
      const channel = prefixed.slice(prefix.length);
      let message: unknown;
      try {
        message = JSON.parse(raw);
      } catch {
        return;
      }
      for (const h of this.handlers.get(channel) ?? []) h(message);
    });
  }

  async publish(channel: string, message: unknown): Promise<void> {
    await this.publisher.publish(this.prefix + channel, JSON.stringify(message));
  }

  async subscribe(channel: string, handler: Handler): Promise<void> {
    const list = this.handlers.get(channel);
    if (list) list.push(handler);
    else {
      this.handlers.set(channel, [handler]);
      await this.subscriber.subscribe(this.prefix + channel);
    }
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await releaseRedis(this.subscriber);
  }
}
