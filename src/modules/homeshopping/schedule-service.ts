// The broadcast schedule (api spec §5.1) and a channel's live stream with its current broadcast (§5.2).
// "Today" and "now" are KST from the injected clock, whatever the server's time zone.
import type { Cache } from '../../platform/cache/cache.js';
import { readThrough } from '../../platform/cache/cache.js';
import type { Clock } from '../../platform/clock/clock.js';
import { kstDateTime, shiftDate } from '../../platform/clock/kst.js';
import { BadRequestError, NotFoundError } from '../../platform/http/errors.js';
import { currentSlot, isOnAir } from './air-time.js';
import { HS_CACHE_TTL_SECONDS, hsCacheKeys } from './cache-keys.js';
import { HS_MESSAGES as MSG } from './messages.js';
import { pageWindow, type Paging } from './paging.js';
import type { ScheduleRepo, ScheduleRow } from './schedule-repo.js';

export interface ScheduleItem {
  live_id: number;
  homeshopping_id: number | null;
  homeshopping_name: string | null;
  homeshopping_channel: number | null;
  live_date: string | null;
  live_start_time: string | null;
  live_end_time: string | null;
  promotion_type: string | null;
  product_id: number | null;
  product_name: string | null;
  thumb_img_url: string | null;
  sale_price: number;
  dc_price: number;
  dc_rate: number;
}

// NULL catalogue data becomes null (the client has a default for every field), missing prices 0 (COALESCE).
function scheduleItem(r: ScheduleRow): ScheduleItem {
  return {
    live_id: r.LIVE_ID,
    homeshopping_id: r.HOMESHOPPING_ID,
    homeshopping_name: r.HOMESHOPPING_NAME,
    homeshopping_channel: r.HOMESHOPPING_CHANNEL,
    live_date: r.LIVE_DATE,
    live_start_time: r.LIVE_START_TIME,
    live_end_time: r.LIVE_END_TIME,
    promotion_type: r.PROMOTION_TYPE,
    product_id: r.PRODUCT_ID,
    product_name: r.PRODUCT_NAME,
    thumb_img_url: r.THUMB_IMG_URL,
    sale_price: r.SALE_PRICE ?? 0,
    dc_price: r.DC_PRICE ?? 0,
    dc_rate: r.DC_RATE ?? 0,
  };
}

/** An absolute http(s) URL, or null: anything else (javascript:, data:, relative) is never echoed to the client. */
function httpUrl(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? text : null;
  } catch {
    return null;
  }
}

export class HsScheduleService {
  constructor(
    private readonly repo: ScheduleRepo,
    private readonly cache: Cache,
    private readonly clock: Clock,
  ) {}

  /** The day's (or every day's) full list, cached whole under the original key; empty days are not cached. */
  async schedule(liveDate: string | null, paging: Paging): Promise<{ schedules: ScheduleItem[]; total: number }> {
    const { schedules } = await readThrough(
      this.cache,
      hsCacheKeys.schedule(liveDate),
      HS_CACHE_TTL_SECONDS.schedule,
      async () => ({ schedules: (await this.repo.schedule(liveDate)).map(scheduleItem) }),
      (value) => value.schedules.length > 0,
    );
    const window = pageWindow(paging);
    return { schedules: window ? schedules.slice(window.offset, window.offset + window.size) : schedules, total: schedules.length };
  }

  /** The cached `{"schedules": [...]}` bytes of a whole day, for answering without a parse. */
  cachedScheduleJson(liveDate: string | null): Promise<Buffer | undefined> {
    return this.cache.getJsonBytes(hsCacheKeys.schedule(liveDate));
  }

  async liveStream(homeshoppingId: number | undefined, src: string | undefined) {
    // The original tests truthiness: an empty src and channel 0 count as absent.
    if (!src && !homeshoppingId) throw new BadRequestError(MSG.streamSourceRequired);
    let streamUrl: string;
    if (src) {
      const url = httpUrl(src);
      if (!url) throw new BadRequestError(MSG.streamSourceNotHttp);
      streamUrl = url;
    } else {
      const channel = await this.repo.channel(homeshoppingId!);
      if (!channel?.LIVE_URL) throw new NotFoundError(MSG.streamNotFound);
      streamUrl = channel.LIVE_URL;
    }
    const source: 'src' | 'homeshopping_id' = src ? 'src' : 'homeshopping_id';

    const nowKst = kstDateTime(this.clock.now());
    const today = nowKst.slice(0, 10);
    const channels = await this.repo.channelsStreaming(streamUrl);
    const slots = await this.repo.slots(
      channels.map((c) => c.HOMESHOPPING_ID),
      [shiftDate(today, -1), today],
    );
    const slot = currentSlot(slots, nowKst);
    const channel = slot && channels.find((c) => c.HOMESHOPPING_ID === slot.HOMESHOPPING_ID);
    if (!slot || !channel) {
      return {
        homeshopping_id: homeshoppingId ?? null,
        homeshopping_name: null,
        channel: null,
        title: null,
        live_id: null,
        product_id: null,
        product_name: null,
        stream_url: streamUrl,
        live_url: streamUrl,
        source,
        is_live: false,
        live_date: null,
        live_start_time: null,
        live_end_time: null,
        thumb_img_url: null,
      };
    }
    return {
      homeshopping_id: channel.HOMESHOPPING_ID,
      homeshopping_name: channel.HOMESHOPPING_NAME,
      channel: channel.HOMESHOPPING_NAME,
      title: slot.PRODUCT_NAME,
      live_id: slot.LIVE_ID,
      product_id: slot.PRODUCT_ID,
      product_name: slot.PRODUCT_NAME,
      stream_url: streamUrl,
      live_url: streamUrl,
      source,
      is_live: isOnAir(slot, nowKst),
      live_date: slot.LIVE_DATE,
      live_start_time: slot.LIVE_START_TIME,
      live_end_time: slot.LIVE_END_TIME,
      thumb_img_url: slot.THUMB_IMG_URL,
    };
  }
}
