// Request/response schemas of the checkout endpoints (order spec §5.5, §5.13).
import { Type, type Static } from 'typebox';

const Id = Type.Integer({ minimum: -2147483648, maximum: 2147483647 });
/** HS product ids are BIGINT; kept within the integers JSON numbers hold exactly. */
const BigId = Type.Integer({ minimum: -9007199254740991, maximum: 9007199254740991 });

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'a repeat within 24 h answers the first result' })),
});

export const KokCartOrderIn = Type.Object({
  selected_items: Type.Array(Type.Object({ kok_cart_id: Id, quantity: Type.Integer({ minimum: 1, maximum: 2147483647 }) }), { maxItems: 200 }),
});
export type KokCartOrderBody = Static<typeof KokCartOrderIn>;

export const KokCartOrderOut = Type.Object({
  order_id: Type.Integer(),
  total_amount: Type.Integer(),
  order_count: Type.Integer(),
  order_details: Type.Array(
    Type.Object({
      kok_order_id: Type.Integer(),
      kok_product_id: Type.Integer(),
      kok_product_name: Type.String(),
      quantity: Type.Integer(),
      unit_price: Type.Integer(),
      total_price: Type.Integer(),
    }),
  ),
  message: Type.String(),
  order_time: Type.String(),
});
export type KokCartOrderResult = Static<typeof KokCartOrderOut>;

export const HsOrderIn = Type.Object({
  product_id: BigId,
  quantity: Type.Integer({ minimum: 1, maximum: 99, default: 1 }),
});
export type HsOrderBody = Static<typeof HsOrderIn>;

export const HsOrderOut = Type.Object({
  order_id: Type.Integer(),
  homeshopping_order_id: Type.Integer(),
  product_id: Type.Integer(),
  product_name: Type.String(),
  quantity: Type.Integer(),
  dc_price: Type.Integer(),
  order_price: Type.Integer(),
  order_time: Type.String(),
  message: Type.String(),
});
export type HsOrderResult = Static<typeof HsOrderOut>;
