// The live player page's static files, served from our own origin (no CDN): hls.js from node_modules under its
// version, our script and stylesheet under a hash of their content. Versioned URLs never change content, so
// browsers may keep them for a year.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { App } from '../../platform/http/server.js';
import type { LivePageAssetUrls } from './live-page.js';

interface Asset {
  url: string;
  type: string;
  body: Buffer;
}

const require = createRequire(import.meta.url);
const IMMUTABLE = 'public, max-age=31536000, immutable';
const JS = 'text/javascript; charset=utf-8';

function hlsAsset(): Asset {
  const { version } = require('hls.js/package.json') as { version: string };
  return { url: `/static/hls.js/${version}/hls.min.js`, type: JS, body: readFileSync(require.resolve('hls.js/dist/hls.min.js')) };
}

function ownAsset(file: string, type: string): Asset {
  const body = readFileSync(new URL(file, import.meta.url));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const dot = file.lastIndexOf('.');
  return { url: `/static/live-player/${file.slice(0, dot)}.${hash}${file.slice(dot)}`, type, body };
}

/** Mounts the files (hidden from the API document) and returns their URLs for the page. */
export function livePageAssetRoutes(app: App): LivePageAssetUrls {
  const assets = {
    hls: hlsAsset(),
    script: ownAsset('live-page-client.js', JS),
    style: ownAsset('live-page.css', 'text/css; charset=utf-8'),
  };
  for (const asset of Object.values(assets)) {
    app.get(asset.url, { schema: { hide: true } }, async (_request, reply) =>
      reply.type(asset.type).header('cache-control', IMMUTABLE).send(asset.body),
    );
  }
  return { hls: assets.hls.url, script: assets.script.url, style: assets.style.url };
}
