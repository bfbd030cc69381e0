// What the event log may store about a request's origin: forwarded headers are only believed from trusted
// proxies (Fastify's trustProxy) and, even then, only when they are well formed — never stored as given.
import { isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** CLIENT_IP's width. */
const MAX_IP_LENGTH = 45;
/** API_URL's width. */
const MAX_URL_LENGTH = 500;

const isWellFormedIp = (value: string | undefined): value is string => !!value && value.length <= MAX_IP_LENGTH && isIP(value) !== 0;

/**
 * The client address: the farthest well-formed address of the trusted chain (a forwarded "IP" such as `spoofed-x`
 * falls back to the proxy that reported it, i.e. the socket's peer when there is one proxy).
 */
export function clientIp(request: FastifyRequest): string {
  const chain = request.ips ?? [request.ip];
  for (let i = chain.length - 1; i >= 0; i--) if (isWellFormedIp(chain[i])) return chain[i];
  const peer = request.socket?.remoteAddress;
  return isWellFormedIp(peer) ? peer : '';
}

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOST = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?$`);
/** Control characters and lone surrogates: never part of a stored URL. */
const UNPRINTABLE = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

declare module 'fastify' {
  interface FastifyInstance {
    /** host[:port] of this server, used in stored URLs when the request's host is not a valid one. */
    ownHost: string;
  }
}

/** Sets the host stored URLs fall back to (`0.0.0.0`/`::` mean this machine). */
export function installOwnHost(app: FastifyInstance, host: string, port: number): void {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  app.decorate('ownHost', `${name}:${port}`);
}

/** `scheme://host/path?query` of a request, with scheme, host and length fit for API_URL. */
export function requestUrl(request: FastifyRequest): string {
  const scheme = request.protocol === 'https' ? 'https' : 'http';
  const host = typeof request.host === 'string' && HOST.test(request.host) ? request.host : request.server.ownHost;
  return `${scheme}://${host}${request.url.replace(UNPRINTABLE, '')}`.slice(0, MAX_URL_LENGTH);
}
