// Answers that never reach a route, in the contract's `{"detail": …}` form too: requests the HTTP parser refuses
// (bad request line, headers too large, bad Content-Length or chunking, timeouts) and requests a draining
// instance will not serve.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { ServiceUnavailableError } from './errors.js';

const PROTOCOL_ERRORS: Record<string, [status: number, detail: string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, '요청 시간이 초과되었습니다.'],
  HPE_HEADER_OVERFLOW: [431, '요청 헤더가 너무 큽니다.'],
};
const BAD_REQUEST: [number, string] = [400, '잘못된 요청입니다.'];

/** Fastify's `clientErrorHandler`: writes a raw JSON response and closes the connection. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] = PROTOCOL_ERRORS[error.code ?? ''] ?? BAD_REQUEST;
  const body = JSON.stringify({ detail });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

export const DRAINING_DETAIL = '서버가 종료 중입니다. 잠시 후 다시 시도해주세요.';

/**
 * Once `close()` has begun, requests still arriving on open connections get a 503 in the contract's form (with
 * `Connection: close`, so the client reconnects elsewhere) instead of Fastify's own body (return503OnClosing off).
 */
export function installDrainingAnswer(app: FastifyInstance): void {
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!draining) return;
    reply.header('connection', 'close');
    throw new ServiceUnavailableError(DRAINING_DETAIL);
  });
}
