// What the live player page shows: the channel's stream and current broadcast (the JSON endpoint's lookup, api spec
// §5.2) plus the broadcast's price and store from its product page (§5.3).
import { NotFoundError } from '../../platform/http/errors.js';
import type { LivePlayerView } from './live-page.js';
import type { HsProductService } from './product-service.js';
import type { HsScheduleService } from './schedule-service.js';

export async function livePlayerView(
  schedule: HsScheduleService,
  products: HsProductService,
  homeshoppingId: number | undefined,
  src: string | undefined,
): Promise<LivePlayerView> {
  const stream = await schedule.liveStream(homeshoppingId, src);
  if (stream.live_id === null) return { streamUrl: stream.stream_url, isLive: false, broadcast: null };
  // A broadcast without a product-info row still has its name and time; it only has no price.
  const product = await products.detail(stream.live_id, null).then(
    (detail) => detail.product,
    (err: unknown) => {
      if (err instanceof NotFoundError) return null;
      throw err;
    },
  );
  return {
    streamUrl: stream.stream_url,
    isLive: stream.is_live,
    broadcast: {
      channelName: stream.homeshopping_name,
      channelNumber: product?.homeshopping_channel ?? null,
      productName: stream.product_name,
      storeName: product?.store_name ?? null,
      salePrice: product?.sale_price ?? null,
      dcPrice: product?.dc_price ?? null,
      dcRate: product?.dc_rate ?? null,
      liveDate: stream.live_date,
      startTime: stream.live_start_time,
      endTime: stream.live_end_time,
    },
  };
}
