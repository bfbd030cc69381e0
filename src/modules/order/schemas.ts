// Request/response schemas of the order read API and the status utility (spec §5): contract, bounds and OpenAPI.
import { Type, type Static } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { STATUS_CODES } from './status-machine.js';

const Id = Type.Integer({ minimum: -2147483648, maximum: 2147483647 });
const Limit = (fallback: number) => Type.Integer({ minimum: 0, maximum: 1000, default: fallback });

export const OrderIdParams = Type.Object({ order_id: Id });
export const KokOrderIdParams = Type.Object({ kok_order_id: Id });
export const HsOrderIdParams = Type.Object({ homeshopping_order_id: Id });
export const ListQuery = Type.Object({ limit: Limit(30) });
export const RecentQuery = Type.Object({ days: Type.Integer({ minimum: 0, maximum: 36500, default: 7 }) });
export const NoticesQuery = Type.Object({ limit: Limit(20), offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }) });

export const StatusUpdateIn = Type.Object({
  new_status_code: Type.String({ minLength: 1, maxLength: 30, description: `one of ${STATUS_CODES.join(', ')}` }),
  changed_by: Type.Optional(Nullable(Id)),
});

const Status = Type.Object({ status_id: Type.Integer(), status_code: Type.String(), status_name: Type.String() });

const GroupItem = Type.Object({
  product_name: Type.String(),
  product_image: Nullable(Type.String()),
  price: Type.Integer(),
  quantity: Type.Integer(),
  delivery_status: Type.String(),
  delivery_date: Type.String(),
  recipe_related: Type.Boolean(),
  recipe_title: Nullable(Type.String()),
  recipe_rating: Nullable(Type.Number()),
  recipe_scrap_count: Nullable(Type.Integer()),
  recipe_description: Nullable(Type.String()),
  ingredients_owned: Nullable(Type.Integer()),
  total_ingredients: Nullable(Type.Integer()),
});

/** One listed line (OrderGroupItem). */
export type ListedLine = Static<typeof GroupItem>;

export const OrdersListOut = Type.Object({
  limit: Type.Integer(),
  total_count: Type.Integer(),
  order_groups: Type.Array(
    Type.Object({
      order_id: Type.Integer(),
      order_number: Type.String(),
      order_date: Type.String(),
      total_amount: Type.Integer(),
      item_count: Type.Integer(),
      items: Type.Array(GroupItem),
    }),
  ),
});

export const OrderCountOut = Type.Object({ order_count: Type.Integer() });

export const RecentOrdersOut = Type.Object({
  days: Type.Integer(),
  order_count: Type.Integer(),
  orders: Type.Array(
    Type.Intersect([
      Type.Object({ order_id: Type.Integer(), order_number: Type.String(), order_date: Type.String(), product_id: Type.Integer() }),
      GroupItem,
    ]),
  ),
});

const KokLine = Type.Object({
  kok_order_id: Type.Integer(),
  kok_price_id: Type.Integer(),
  kok_product_id: Type.Integer(),
  quantity: Type.Integer(),
  order_price: Nullable(Type.Integer()),
  recipe_id: Nullable(Type.Integer()),
});

const HsLine = Type.Object({
  homeshopping_order_id: Type.Integer(),
  product_id: Type.Integer(),
  dc_price: Type.Integer(),
  quantity: Type.Integer(),
  order_price: Nullable(Type.Integer()),
});

export const OrderReadOut = Type.Object({
  order_id: Type.Integer(),
  user_id: Type.Integer(),
  order_time: Type.String(),
  cancel_time: Nullable(Type.String()),
  kok_orders: Type.Array(KokLine),
  homeshopping_orders: Type.Array(HsLine),
});

export const KokStatusOut = Type.Object({
  kok_order_id: Type.Integer(),
  current_status: Nullable(Status),
  status_history: Type.Array(
    Type.Object({ history_id: Type.Integer(), kok_order_id: Type.Integer(), status: Status, changed_at: Type.String(), changed_by: Nullable(Type.Integer()) }),
  ),
});

export const KokWithStatusOut = Type.Object({ kok_order: KokLine, current_status: Nullable(Status) });

export const HsStatusOut = Type.Object({
  homeshopping_order_id: Type.Integer(),
  current_status: Status,
  status_history: Type.Array(
    Type.Object({ history_id: Type.Integer(), homeshopping_order_id: Type.Integer(), status: Status, created_at: Type.String() }),
  ),
});

export const HsWithStatusOut = Type.Intersect([
  Type.Object({ order_id: Type.Integer(), product_name: Type.String(), order_time: Type.String(), current_status: Status }),
  HsLine,
]);

export const KokNoticesOut = Type.Object({
  notifications: Type.Array(
    Type.Object({
      notification_id: Type.Integer(),
      user_id: Type.Integer(),
      kok_order_id: Type.Integer(),
      status_id: Type.Integer(),
      title: Type.String(),
      message: Type.String(),
      created_at: Type.String(),
      order_status: Type.String(),
      order_status_name: Type.String(),
      product_name: Type.String(),
    }),
  ),
  total_count: Type.Integer(),
});
