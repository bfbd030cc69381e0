// The HTML live player page (the seed's `live-stream` page, api spec §9), rendered as a pure function of its data.
// Every text is HTML-escaped; the script gets its data only from a JSON blob that cannot close its <script>, and
// the page's CSP allows scripts and styles from our own origin alone (no inline code, no event attributes).
import { HS_MESSAGES } from './messages.js';

const TEXT = HS_MESSAGES.livePage;

/** The page's Content-Security-Policy: media and manifests from any http(s) stream host, code only from us. */
export const LIVE_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // hls.js feeds the video element through a MediaSource blob: URL.
  'media-src https: http: blob:',
  'connect-src https: http:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface LivePageAssetUrls {
  hls: string;
  script: string;
  style: string;
}

/** The broadcast the channel shows now (or its latest/next one today); times are KST wall-clock text. */
export interface LiveBroadcastView {
  channelName: string | null;
  channelNumber: number | null;
  productName: string | null;
  storeName: string | null;
  salePrice: number | null;
  dcPrice: number | null;
  dcRate: number | null;
  liveDate: string | null;
  startTime: string | null;
  endTime: string | null;
}

export interface LivePlayerView {
  streamUrl: string;
  isLive: boolean;
  broadcast: LiveBroadcastView | null;
}

/** What the player script reads (live-page-client.js). */
export interface LivePlayerConfig {
  streamUrl: string;
  messages: { loading: string; playing: string; failed: string; unsupported: string };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** JSON that is inert inside <script type="application/json">: no `<` (so no `</script>`), `>`, `&` or line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];
const won = (amount: number) => TEXT.won(amount.toLocaleString('ko-KR'));

/** '2025-09-03', '23:00:00', '01:00:00' → '2025년 9월 3일 (수) 23:00 ~ 다음 날 01:00 (KST)'; pure date text, no time zone. */
export function kstAirTime(liveDate: string, start: string | null, end: string | null): string {
  const [year, month, day] = liveDate.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const hm = (time: string) => time.slice(0, 5);
  const span = start ? ` ${hm(start)}${end ? ` ~ ${end < start ? `${TEXT.nextDay} ` : ''}${hm(end)}` : ''}` : '';
  return `${year}년 ${month}월 ${day}일 (${weekday})${span} (KST)`;
}

function priceHtml(b: LiveBroadcastView): string {
  const list = b.salePrice ? won(b.salePrice) : null;
  if (b.dcPrice && b.dcRate && list) {
    return `<del class="list-price">${escapeHtml(list)}</del> <strong class="rate">${b.dcRate}%</strong> <strong class="price">${escapeHtml(won(b.dcPrice))}</strong>`;
  }
  const only = b.dcPrice ?? b.salePrice;
  return only ? `<strong class="price">${escapeHtml(won(only))}</strong>` : '-';
}

function channelText(b: LiveBroadcastView): string {
  const number = b.channelNumber === null ? null : HS_MESSAGES.channelName(b.channelNumber);
  return [b.channelName, number && `(${number})`].filter(Boolean).join(' ') || '-';
}

function fact(id: string, label: string, valueHtml: string): string {
  return `<div class="fact"><dt>${escapeHtml(label)}</dt><dd id="${id}">${valueHtml}</dd></div>`;
}

function page(title: string, assets: LivePageAssetUrls, body: string, scripts: string): string {
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(assets.style)}">
</head>
<body>
<main class="live">
${body}
</main>
${scripts}</body>
</html>
`;
}

export function renderLivePlayer(view: LivePlayerView, assets: LivePageAssetUrls): string {
  const b = view.broadcast;
  const heading = b?.productName ?? TEXT.title;
  const onAir = b !== null && view.isLive;
  const notice = onAir ? TEXT.onAir : b ? TEXT.notOnAir : TEXT.noBroadcast;
  const facts = b
    ? `<dl class="facts">
${fact('live-channel', TEXT.channel, escapeHtml(channelText(b)))}
${fact('live-product', TEXT.product, escapeHtml([b.productName, b.storeName && `· ${b.storeName}`].filter(Boolean).join(' ') || '-'))}
${fact('live-price', TEXT.price, priceHtml(b))}
${fact('live-time', TEXT.airTime, b.liveDate ? escapeHtml(kstAirTime(b.liveDate, b.startTime, b.endTime)) : '-')}
</dl>`
    : '';
  const config: LivePlayerConfig = {
    streamUrl: view.streamUrl,
    messages: { loading: TEXT.streamLoading, playing: TEXT.streamPlaying, failed: TEXT.streamFailed, unsupported: TEXT.streamUnsupported },
  };
  const body = `<header>
<p class="brand">${escapeHtml(TEXT.title)}</p>
<h1 id="live-title">${onAir ? '<span class="badge">LIVE</span> ' : ''}${escapeHtml(heading)}</h1>
</header>
<p id="live-notice" class="notice" data-state="${onAir ? 'on-air' : 'off-air'}">${escapeHtml(notice)}</p>
<div class="screen"><video id="live-video" controls muted autoplay playsinline></video></div>
<p id="stream-status" class="stream-status" role="status" aria-live="polite" data-state="loading">${escapeHtml(TEXT.streamLoading)}</p>
${facts}`;
  const scripts = `<script type="application/json" id="live-config">${scriptJson(config)}</script>
<script src="${escapeHtml(assets.hls)}"></script>
<script src="${escapeHtml(assets.script)}"></script>
`;
  return page(b?.productName ? `${b.productName} - ${TEXT.title}` : TEXT.title, assets, body, scripts);
}

/** The page a browser gets when the request is refused (bad `src`, unknown channel, no stream URL): no script at all. */
export function renderLiveError(message: string, assets: LivePageAssetUrls): string {
  const body = `<header>
<p class="brand">${escapeHtml(TEXT.title)}</p>
<h1 id="live-title">${escapeHtml(TEXT.cannotOpen)}</h1>
</header>
<p id="live-notice" class="notice" data-state="error">${escapeHtml(message)}</p>`;
  return page(TEXT.title, assets, body, '');
}
