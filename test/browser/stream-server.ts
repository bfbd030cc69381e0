// A stand-in stream host on 127.0.0.1 for player tests: it records every request, serves the files a test puts on
// it and answers 404 to anything else, as a stream that cannot be loaded does (no real stream is reachable here).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StreamServer {
  origin: string;
  /** Paths (with query) requested so far, in order. */
  requests: string[];
  /** Serves `body` at `path` from now on. */
  put(path: string, type: string, body: Buffer): void;
  close(): Promise<void>;
}

export async function startStreamServer(): Promise<StreamServer> {
  const requests: string[] = [];
  const files = new Map<string, { type: string; body: Buffer }>();
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const file = files.get(request.url ?? '');
    // hls.js fetches manifests with XHR from the page's origin.
    const cors = { 'access-control-allow-origin': '*' };
    if (file) response.writeHead(200, { ...cors, 'content-type': file.type, 'content-length': file.body.length }).end(file.body);
    else response.writeHead(404, { ...cors, 'content-type': 'text/plain' }).end('no stream');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    put: (path, type, body) => void files.set(path, { type, body }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
