// Request/response schemas of the home-shopping service (api spec §5): the contract, validation bounds and OpenAPI.
import { Type } from 'typebox';
import { INT_MAX, INT_MIN } from '../../platform/http/bounds.js';
import { Nullable } from '../../platform/http/schemas.js';

const LiveId = Type.Integer({ minimum: INT_MIN, maximum: INT_MAX });
/** PRODUCT_ID is a BIGINT; bounded to the integers a JSON number carries exactly. */
const ProductId = Type.Integer({ minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER });
/** HOMESHOPPING_ID is a SMALLINT. */
const ChannelId = Type.Integer({ minimum: -32768, maximum: 32767 });
/** Pagination is applied only when the client sends page and/or size (api spec §5.1, §5.8); hence no defaults. */
const OptionalPage = Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'default 1 when size is sent' }));
const OptionalSize = Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'default 20 when page is sent' }));
const NoNul = '^[^\\u0000]*$';

export const ScheduleQuery = Type.Object({
  live_date: Type.Optional(Type.String({ format: 'date', maxLength: 10, description: 'YYYY-MM-DD (KST)' })),
  page: OptionalPage,
  size: OptionalSize,
});
export const LiveStreamQuery = Type.Object({
  homeshopping_id: Type.Optional(ChannelId),
  src: Type.Optional(Type.String({ maxLength: 2048, pattern: NoNul, description: 'an absolute http(s) m3u8/mp4 URL' })),
});
export const LiveIdParams = Type.Object({ live_id: LiveId });
export const ProductIdParams = Type.Object({ product_id: ProductId });
/** Required; a blank keyword is refused by the route (the original matched everything with it). */
export const SearchQuery = Type.Object({ keyword: Type.String({ maxLength: 100, pattern: NoNul }), page: OptionalPage, size: OptionalSize });
export const HistoryIn = Type.Object({ keyword: Type.String({ maxLength: 100, pattern: NoNul }) });
export const HistoryQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 20, default: 5 }) });
export const HistoryDeleteIn = Type.Object({ homeshopping_history_id: LiveId });

const Str = Nullable(Type.String());
const Int = Nullable(Type.Integer());

export const ScheduleItemOut = Type.Object({
  live_id: Type.Integer(),
  homeshopping_id: Int,
  homeshopping_name: Str,
  homeshopping_channel: Int,
  live_date: Str,
  live_start_time: Str,
  live_end_time: Str,
  promotion_type: Str,
  product_id: Int,
  product_name: Str,
  thumb_img_url: Str,
  sale_price: Type.Integer(),
  dc_price: Type.Integer(),
  dc_rate: Type.Integer(),
});
export const ScheduleOut = Type.Object({ schedules: Type.Array(ScheduleItemOut) });

export const LiveStreamOut = Type.Object({
  homeshopping_id: Int,
  homeshopping_name: Str,
  /** The names the client reads (api spec §10.3): the channel's and the product's names. */
  channel: Str,
  title: Str,
  live_id: Int,
  product_id: Int,
  product_name: Str,
  stream_url: Type.String(),
  live_url: Type.String(),
  source: Type.Union([Type.Literal('src'), Type.Literal('homeshopping_id')]),
  is_live: Type.Boolean(),
  live_date: Str,
  live_start_time: Str,
  live_end_time: Str,
  thumb_img_url: Str,
});

export const ProductDetailOut = Type.Object({
  product: Type.Object({
    product_id: Type.Integer(),
    product_name: Type.String(),
    store_name: Str,
    sale_price: Int,
    dc_price: Int,
    dc_rate: Int,
    live_date: Str,
    live_start_time: Str,
    live_end_time: Str,
    thumb_img_url: Type.String(),
    is_liked: Type.Boolean(),
    homeshopping_id: Int,
    homeshopping_name: Str,
    homeshopping_channel: Int,
    homeshopping_channel_name: Str,
    homeshopping_channel_image: Str,
  }),
  detail_infos: Type.Array(Type.Object({ detail_col: Type.String(), detail_val: Type.String() })),
  images: Type.Array(Type.Object({ img_url: Str, sort_order: Type.Integer() })),
});

export const IngredientCheckOut = Type.Object({ is_ingredient: Type.Boolean() });

export const RecipeRecommendOut = Type.Object({
  recipes: Type.Array(
    Type.Object({
      recipe_id: Type.Integer(),
      recipe_name: Type.String(),
      scrap_count: Int,
      ingredients: Type.Array(Type.String()),
      description: Type.String(),
      recipe_image_url: Str,
      number_of_serving: Str,
    }),
  ),
  is_ingredient: Type.Boolean(),
  extracted_keywords: Type.Array(Type.String()),
});

export const SearchOut = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  size: Type.Integer(),
  products: Type.Array(
    Type.Object({
      live_id: Type.Integer(),
      product_id: Int,
      product_name: Type.String(),
      store_name: Str,
      sale_price: Int,
      dc_price: Int,
      dc_rate: Int,
      thumb_img_url: Type.String(),
      live_date: Str,
      live_start_time: Str,
      live_end_time: Str,
    }),
  ),
});

export const HistoryItemOut = Type.Object({
  homeshopping_history_id: Type.Integer(),
  user_id: Type.Integer(),
  homeshopping_keyword: Type.String(),
  homeshopping_searched_at: Type.String({ description: 'UTC, naive ISO' }),
  created_at: Type.String({ description: 'same as homeshopping_searched_at (the name the client reads)' }),
});
export const HistoryListOut = Type.Object({ history: Type.Array(HistoryItemOut) });
export const MessageOut = Type.Object({ message: Type.String() });

export const LikeToggleIn = Type.Object({ live_id: LiveId });
export const LikeToggleOut = Type.Object({ liked: Type.Boolean(), message: Type.String() });
export const LikesQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }) });
export const LikesOut = Type.Object({
  liked_products: Type.Array(
    Type.Object({
      live_id: Type.Integer(),
      product_id: Type.Integer(),
      product_name: Str,
      store_name: Str,
      dc_price: Int,
      dc_rate: Int,
      thumb_img_url: Str,
      homeshopping_like_created_at: Type.String({ description: 'UTC, naive ISO' }),
      homeshopping_id: Int,
      live_date: Str,
      live_start_time: Str,
      live_end_time: Str,
    }),
  ),
});

/** NOTIFICATION_ID is a BIGINT. */
const NotificationId = Type.Integer({ minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER });
export const NotificationIdParams = Type.Object({ notification_id: NotificationId });
export const NotificationsQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  offset: Type.Integer({ minimum: 0, maximum: INT_MAX, default: 0 }),
});
export const NotificationsOut = Type.Object({
  notifications: Type.Array(
    Type.Object({
      notification_id: Type.Integer(),
      user_id: Type.Integer(),
      notification_type: Type.String({ description: "'broadcast_start' | 'order_status'" }),
      related_entity_type: Type.String({ description: "'live' | 'order'" }),
      related_entity_id: Type.Integer({ description: 'the live id of a broadcast notice; 0 for an order notice' }),
      homeshopping_like_id: Int,
      homeshopping_order_id: Int,
      status_id: Int,
      title: Type.String(),
      message: Type.String(),
      product_name: Str,
      is_read: Type.Boolean(),
      created_at: Type.String({ description: 'UTC, naive ISO' }),
      read_at: Nullable(Type.String({ description: 'UTC, naive ISO' })),
    }),
  ),
  total_count: Type.Integer(),
  /** Ours: unread notifications under the same filter (the original had no count). */
  unread_count: Type.Integer(),
  has_more: Type.Boolean(),
});
