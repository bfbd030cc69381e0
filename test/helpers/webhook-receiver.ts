// A real HTTP endpoint on 127.0.0.1 that records every webhook exactly as it arrived (raw bytes, headers) and
// answers with the statuses a test queues (200 once the queue is empty), optionally after a delay.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** Statuses for the next requests, in order. */
  readonly statuses: number[] = [];
  delayMs = 0;
  private server: Server | null = null;
  private base = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://receiver');
        this.received.push({ path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks) });
        const status = this.statuses.shift() ?? 200;
        const answer = () => {
          if (res.destroyed) return;
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ received: status < 400 }));
        };
        if (this.delayMs > 0) setTimeout(answer, this.delayMs);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The backend's callback URL shape (api-order-payment §8.1) on this receiver. */
  callbackUrl(txId: string, token = 'cb_token_123'): string {
    return `${this.base}/api/orders/payment/webhook/v2/${txId}?t=${token}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
