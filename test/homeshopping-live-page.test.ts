// The HTML live player page (GET /api/homeshopping/schedule/live-stream/player): served by this server with hls.js
// from our own origin and a strict CSP, checked over HTTP and in headless Chromium (Debian's chromium through
// playwright-core, browser time zone New York): the right broadcast, channel, price and KST time from the injected
// clock, a visible Korean message when nothing is live or the stream cannot load, no console errors besides that
// stream's failure, and hostile `src` values that are refused or stay inert text. Screenshot: test/artifacts/.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HS_MESSAGES } from '../src/modules/homeshopping/messages.js';
import { ManualClock } from '../src/platform/clock/clock.js';
import { launchChromium, recordTestClip, watchPage, type Chromium, type PageWatch } from './browser/chromium.js';
import { startStreamServer, type StreamServer } from './browser/stream-server.js';
import type { TestApp } from './helpers/app.js';
import { newUser } from './helpers/auth.js';
import { kstInstant, seedBroadcasts, seedHsProducts } from './helpers/homeshopping-fixtures.js';
import { kokDb, useTestApp } from './helpers/kok-fixtures.js';

const TEXT = HS_MESSAGES.livePage;
const PLAYER = '/api/homeshopping/schedule/live-stream/player';
const ARTIFACTS = new URL('./artifacts/', import.meta.url);

let t: TestApp;
const clock = new ManualClock(kstInstant('2025-09-03T10:30:00'));
useTestApp((app) => (t = app), { clock });

let base: string;
let chromium: Chromium;
let streams: StreamServer;
let channelUrl: string;
let originalChannelUrl: string | null;

// Channel 1 (홈앤쇼핑, channel number 4, reference data) streams from the local stand-in host during this file.
beforeAll(async () => {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  streams = await startStreamServer();
  channelUrl = `${streams.origin}/live/channel1/playlist.m3u8`;
  const db = kokDb(t);
  originalChannelUrl = (await db.selectFrom('HOMESHOPPING_INFO').select('LIVE_URL').where('HOMESHOPPING_ID', '=', 1).executeTakeFirstOrThrow()).LIVE_URL;
  await db.updateTable('HOMESHOPPING_INFO').set({ LIVE_URL: channelUrl }).where('HOMESHOPPING_ID', '=', 1).execute();
  chromium = await launchChromium({ timezoneId: 'America/New_York' });
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await chromium?.close();
  await streams?.close();
  await kokDb(t).updateTable('HOMESHOPPING_INFO').set({ LIVE_URL: originalChannelUrl }).where('HOMESHOPPING_ID', '=', 1).execute();
});

beforeEach(async () => {
  clock.set(kstInstant('2025-09-03T10:30:00'));
  streams.requests.length = 0;
  await seedHsProducts(t, [
    { PRODUCT_ID: 100, classifyName: '비비고 왕교자', STORE_NAME: '홈앤쇼핑', SALE_PRICE: 50000, DC_PRICE: 40000, DC_RATE: 20 },
    { PRODUCT_ID: 101, classifyName: '제주 은갈치', SALE_PRICE: 89000, DC_PRICE: null, DC_RATE: null },
  ]);
  await seedBroadcasts(t, [
    { LIVE_ID: 11, PRODUCT_ID: 101, LIVE_START_TIME: '08:00:00', LIVE_END_TIME: '09:00:00', PRODUCT_NAME: '아침 방송 제주 은갈치' },
    { LIVE_ID: 12, PRODUCT_ID: 100, LIVE_START_TIME: '10:00:00', LIVE_END_TIME: '11:00:00', PRODUCT_NAME: '비비고 왕교자 만두 4봉' },
    { LIVE_ID: 14, PRODUCT_ID: 101, LIVE_START_TIME: '23:00:00', LIVE_END_TIME: '01:00:00', PRODUCT_NAME: '심야 방송 제주 은갈치' },
  ]);
});

/** Opens the page in a fresh tab, watching what it logs and opens; the caller closes the tab. */
async function open(query: string, beforeScripts?: () => void): Promise<{ page: Page; watch: PageWatch; status: number }> {
  const page = await chromium.context.newPage();
  const watch = watchPage(page);
  if (beforeScripts) await page.addInitScript(beforeScripts);
  const response = await page.goto(`${base}${PLAYER}?${query}`, { waitUntil: 'load' });
  return { page, watch, status: response?.status() ?? 0 };
}

const text = (page: Page, selector: string) => page.locator(selector).innerText();

/**
 * Console errors other than failed loads from `expected` (by default the stand-in stream host, the one failure
 * expected on a player; a refused page's own 4xx is reported by Chromium too).
 */
const unexpectedErrors = (watch: PageWatch, expected = streams.origin) =>
  watch.consoleErrors.filter((m) => !(m.text().startsWith('Failed to load resource') && m.location().url.startsWith(expected))).map((m) => m.text());

async function streamFailureShown(page: Page): Promise<void> {
  await page.locator('#stream-status[data-state="error"]').waitFor({ timeout: 15_000 });
  expect(await text(page, '#stream-status')).toBe(TEXT.streamFailed);
}

// Generous: Chromium shares two cores with the rest of the suite.
describe('live player page in Chromium', { timeout: 60_000 }, () => {
  it('shows the broadcast on air with its channel, product, price and KST time, and says when the stream cannot load', async () => {
    const { page, watch, status } = await open('homeshopping_id=1');
    try {
      expect(status).toBe(200);
      expect(await text(page, '#live-title')).toBe('LIVE 비비고 왕교자 만두 4봉');
      expect(await text(page, '#live-notice')).toBe(TEXT.onAir);
      expect(await text(page, '#live-channel')).toBe('홈앤쇼핑 (채널 4)');
      expect(await text(page, '#live-product')).toBe('비비고 왕교자 만두 4봉 · 홈앤쇼핑');
      expect(await text(page, '#live-price')).toBe('50,000원 20% 40,000원');
      // 10:30 KST is 21:30 the day before in New York, the browser's zone: the page shows the broadcast's KST time.
      expect(await text(page, '#live-time')).toBe('2025년 9월 3일 (수) 10:00 ~ 11:00 (KST)');
      expect(await page.title()).toBe(`비비고 왕교자 만두 4봉 - ${TEXT.title}`);

      await streamFailureShown(page);
      // hls.js (served by us) really asked the channel's stream host for the manifest.
      expect(streams.requests).toContain('/live/channel1/playlist.m3u8');
      expect(await page.evaluate(() => typeof (window as unknown as { Hls?: unknown }).Hls)).toBe('function');
      expect(await page.locator('#live-video').getAttribute('data-engine')).toBe('hls.js');
      expect(unexpectedErrors(watch)).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
      expect(watch.dialogs).toEqual([]);

      await page.screenshot({ path: new URL('live-player.png', ARTIFACTS).pathname, fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('picks the broadcast of the KST day after midnight and prints the crossing', async () => {
    clock.set(kstInstant('2025-09-04T00:30:00'));
    const { page, watch } = await open('homeshopping_id=1');
    try {
      expect(await text(page, '#live-title')).toBe('LIVE 심야 방송 제주 은갈치');
      expect(await text(page, '#live-price')).toBe('89,000원');
      expect(await text(page, '#live-time')).toBe('2025년 9월 3일 (수) 23:00 ~ 다음 날 01:00 (KST)');
      await streamFailureShown(page);
      expect(unexpectedErrors(watch)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('plays a stream that loads and says so', async () => {
    streams.put('/clips/sample.webm', 'video/webm', await recordTestClip(chromium.context));
    const { page, watch } = await open(`src=${encodeURIComponent(`${streams.origin}/clips/sample.webm`)}`);
    try {
      await page.locator('#stream-status[data-state="playing"]').waitFor({ timeout: 15_000 });
      expect(await text(page, '#stream-status')).toBe(TEXT.streamPlaying);
      expect(await page.locator('#live-video').evaluate((v) => (v as HTMLVideoElement).currentTime)).toBeGreaterThan(0);
      await page.screenshot({ path: new URL('live-player-playing.png', ARTIFACTS).pathname, fullPage: true });
      expect(watch.consoleErrors.map((m) => m.text())).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("plays with the browser's own HLS where hls.js cannot run (no Media Source Extensions)", async () => {
    const { page, watch } = await open('homeshopping_id=1', () => {
      const w = window as unknown as Record<string, unknown>;
      delete w.MediaSource;
      delete w.ManagedMediaSource;
      delete w.WebKitMediaSource;
    });
    try {
      await streamFailureShown(page);
      expect(await page.locator('#live-video').getAttribute('data-engine')).toBe('native');
      expect(streams.requests).toContain('/live/channel1/playlist.m3u8');
      expect(unexpectedErrors(watch)).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('says clearly when nothing is on air: between broadcasts, and on a stream no channel broadcasts', async () => {
    clock.set(kstInstant('2025-09-03T12:30:00'));
    const between = await open('homeshopping_id=1');
    try {
      expect(await text(between.page, '#live-notice')).toBe(TEXT.notOnAir);
      // The latest broadcast that already started today, without the LIVE badge.
      expect(await text(between.page, '#live-title')).toBe('비비고 왕교자 만두 4봉');
      await streamFailureShown(between.page);
      expect(unexpectedErrors(between.watch)).toEqual([]);
      await between.page.screenshot({ path: new URL('live-player-off-air.png', ARTIFACTS).pathname, fullPage: true });
    } finally {
      await between.page.close();
    }

    const elsewhere = await open(`src=${encodeURIComponent(`${streams.origin}/other/stream.m3u8`)}`);
    try {
      expect(await text(elsewhere.page, '#live-notice')).toBe(TEXT.noBroadcast);
      expect(await elsewhere.page.locator('#live-channel').count()).toBe(0);
      await streamFailureShown(elsewhere.page);
      expect(streams.requests).toContain('/other/stream.m3u8');
      expect(unexpectedErrors(elsewhere.watch)).toEqual([]);
    } finally {
      await elsewhere.page.close();
    }
  });

  it('refuses a src that is not an http(s) URL with a page that runs no script', async () => {
    for (const src of ['javascript:alert(1)', '"><script>alert(1)</script>', 'data:text/html,<script>alert(1)</script>', 'data:application/x-mpegurl;base64,I0VYVE0zVQ==']) {
      const { page, watch, status } = await open(`src=${encodeURIComponent(src)}`);
      try {
        expect(status, src).toBe(400);
        expect(await text(page, '#live-title')).toBe(TEXT.cannotOpen);
        expect(await text(page, '#live-notice')).toBe(HS_MESSAGES.streamSourceNotHttp);
        expect(await page.locator('script, video, iframe, object, embed').count()).toBe(0);
        expect(watch.dialogs).toEqual([]);
        expect(watch.pageErrors).toEqual([]);
        expect(unexpectedErrors(watch, `${base}${PLAYER}`)).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it('keeps markup inside an http src inert: no dialog, no injected element, the URL handed to the player as data', async () => {
    const hostile = `${streams.origin}/x/playlist.m3u8?a="></script><script>alert(1)</script><img src=x onerror=alert(2)>&b='<svg onload=alert(3)>`;
    const { page, watch, status } = await open(`src=${encodeURIComponent(hostile)}`);
    try {
      expect(status).toBe(200);
      await streamFailureShown(page);
      expect(watch.dialogs).toEqual([]);
      expect(await page.locator('img, svg, iframe').count()).toBe(0);
      // Only our three scripts: the JSON config, hls.js and the player, the last two from our own origin.
      const scripts = await page.locator('script').evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).type || (n as HTMLScriptElement).src));
      expect(scripts).toHaveLength(3);
      expect(scripts[0]).toBe('application/json');
      for (const src of scripts.slice(1)) expect(src.startsWith(`${base}/static/`), src).toBe(true);
      const config = await page.locator('#live-config').evaluate((n) => JSON.parse(n.textContent ?? '') as { streamUrl: string });
      expect(config.streamUrl).toBe(hostile);
      expect(unexpectedErrors(watch)).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows the reason as a page when the channel is unknown or nothing is asked for', async () => {
    for (const [query, code, detail] of [
      ['homeshopping_id=999', 404, HS_MESSAGES.streamNotFound],
      ['', 400, HS_MESSAGES.streamSourceRequired],
    ] as const) {
      const { page, watch, status } = await open(query);
      try {
        expect(status).toBe(code);
        expect(await text(page, '#live-notice')).toBe(detail);
        expect(unexpectedErrors(watch, `${base}${PLAYER}`)).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });
});

describe('live player page over HTTP', () => {
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('is HTML with a strict CSP, not cached, and escapes every text it prints', async () => {
    await kokDb(t).updateTable('FCT_HOMESHOPPING_LIST').set({ PRODUCT_NAME: '<b>왕교자</b> & "만두"' }).where('LIVE_ID', '=', 12).execute();
    const res = await get(`${PLAYER}?homeshopping_id=1`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const csp = String(res.headers['content-security-policy']);
    for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(res.body).toContain('&lt;b&gt;왕교자&lt;/b&gt; &amp; &quot;만두&quot;');
    expect(res.body).not.toContain('<b>왕교자');
    expect(res.body).not.toMatch(/\son[a-z]+=/i);
    // No CDN: every script and stylesheet comes from this server.
    expect(res.body).not.toMatch(/(src|href)="https?:/);
  });

  it('serves hls.js and its own script and stylesheet from versioned URLs cached for a year', async () => {
    const page = (await get(`${PLAYER}?homeshopping_id=1`)).body;
    const urls = [...page.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls).toHaveLength(3);
    const hlsUrl = urls.find((url) => url.startsWith('/static/hls.js/'));
    expect(hlsUrl).toBe(`/static/hls.js/${(await import('hls.js/package.json', { with: { type: 'json' } })).default.version}/hls.min.js`);
    for (const url of urls) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-type']).toMatch(url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
    }
    expect((await get(hlsUrl!)).body).toContain('hlsjs');
  });

  it('answers other clients with the JSON errors of the live-stream endpoint, which stays JSON', async () => {
    const bad = await get(`${PLAYER}?src=${encodeURIComponent('javascript:alert(1)')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ detail: HS_MESSAGES.streamSourceNotHttp });
    expect((await get(PLAYER)).json()).toEqual({ detail: HS_MESSAGES.streamSourceRequired });
    expect((await get(`${PLAYER}?homeshopping_id=999`)).json()).toEqual({ detail: HS_MESSAGES.streamNotFound });
    const invalid = await get(`${PLAYER}?homeshopping_id=abc`, { accept: 'text/html' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().detail[0].loc).toEqual(['query', 'homeshopping_id']);

    const json = await get('/api/homeshopping/schedule/live-stream?homeshopping_id=1');
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ live_id: 12, stream_url: channelUrl, is_live: true });
  });

  it("logs the seed's page event for a signed-in viewer, only when the page is served", async () => {
    const user = await newUser(t.app);
    expect((await get(`${PLAYER}?homeshopping_id=1`, user.headers)).statusCode).toBe(200);
    expect((await get(`${PLAYER}?src=ftp%3A%2F%2Fx`, user.headers)).statusCode).toBe(400);
    await t.ctx.jobs.drain();
    const events = await t.ctx.dbs.log.kysely.selectFrom('USER_LOG').select(['EVENT_TYPE', 'EVENT_DATA']).where('USER_ID', '=', user.userId).execute();
    const pageEvents = events.filter((e) => e.EVENT_TYPE === 'homeshopping_live_html_view');
    expect(pageEvents).toHaveLength(1);
    const data = typeof pageEvents[0].EVENT_DATA === 'string' ? JSON.parse(pageEvents[0].EVENT_DATA) : pageEvents[0].EVENT_DATA;
    expect(data).toEqual({ stream_url: channelUrl, homeshopping_id: 1 });
  });

  it('is in the API document with its HTML response', async () => {
    const doc = (await get('/openapi.json')).json();
    expect(doc.paths[PLAYER].get.responses['200'].content).toHaveProperty(['text/html']);
    expect(Object.keys(doc.paths).some((p: string) => p.startsWith('/static/'))).toBe(false);
  });
});
