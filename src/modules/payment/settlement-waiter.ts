// Wakes a confirm request when its transaction settles, on whichever instance the webhook reached (§14 W1/W9):
// one pub/sub channel for all settlements, subscribed once per process, and a local map of who waits for which tx.
// A missed message costs nothing but the wait: the confirm re-reads the row when the wait ends.
import type { PubSub } from '../../platform/pubsub/pubsub.js';

const CHANNEL = 'payment:settled';

export interface Watch {
  /** Resolves when the tx settles or after `ms`, whichever comes first. */
  until(ms: number): Promise<void>;
  cancel(): void;
}

export class SettlementWaiter {
  private readonly waiting = new Map<string, Set<() => void>>();
  private subscribed: Promise<void> | null = null;

  constructor(private readonly pubsub: PubSub) {}

  /** Subscribes on first use; a confirm awaits this before it starts a payment, so no settlement is missed. */
  ready(): Promise<void> {
    this.subscribed ??= this.pubsub
      .subscribe(CHANNEL, (message) => {
        const txId = (message as { tx_id?: unknown } | null)?.tx_id;
        if (typeof txId === 'string') for (const wake of this.waiting.get(txId) ?? []) wake();
      })
      .catch((err: unknown) => {
        this.subscribed = null;
        throw err;
      });
    return this.subscribed;
  }

  /** Starts listening for `txId` now (before the payment server is called), waits later. */
  watch(txId: string): Watch {
    let wake!: () => void;
    const settled = new Promise<void>((resolve) => (wake = resolve));
    const set = this.waiting.get(txId) ?? new Set();
    set.add(wake);
    this.waiting.set(txId, set);
    const cancel = () => {
      set.delete(wake);
      if (set.size === 0) this.waiting.delete(txId);
    };
    return {
      until: async (ms) => {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([settled, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
        clearTimeout(timer);
        cancel();
      },
      cancel,
    };
  }

  publish(txId: string): Promise<void> {
    return this.pubsub.publish(CHANNEL, { tx_id: txId });
  }
}
