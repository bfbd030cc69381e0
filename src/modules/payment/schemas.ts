// Request/response schemas of the payment endpoints (api-order-payment §5.19, §5.20).
import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';

const Id = Type.Integer({ minimum: -2147483648, maximum: 2147483647 });

export const ConfirmParams = Type.Object({ order_id: Id });

export const ConfirmV1In = Type.Object({
  method: Type.String({ maxLength: 50, default: 'EXTERNAL_API' }),
  timeout_sec: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647, description: 'ignored (v1 polls 30 times)' })),
});

export const ConfirmV1Out = Type.Object({
  payment_id: Type.String(),
  order_id: Type.Integer(),
  kok_order_ids: Type.Array(Type.Integer()),
  hs_order_id: Nullable(Type.Integer()),
  status: Type.String(),
  payment_amount: Type.Integer(),
  method: Type.String(),
  confirmed_at: Type.String(),
  order_id_internal: Type.Integer(),
});

export const ConfirmV2Out = Type.Object({
  payment_id: Type.String(),
  order_id: Type.Integer(),
  kok_order_ids: Type.Array(Type.Integer()),
  hs_order_id: Nullable(Type.Integer()),
  status: Type.String({ description: 'PAYMENT_COMPLETED, or PENDING when no webhook came within the wait' }),
  payment_amount: Type.Integer(),
  method: Type.String(),
  confirmed_at: Type.String(),
  order_id_internal: Type.Integer(),
  tx_id: Type.String(),
});

export const WebhookParams = Type.Object({ tx_id: Type.String({ minLength: 1, maxLength: 64 }) });
export const WebhookQuery = Type.Object({ t: Type.Optional(Type.String({ maxLength: 200 })) });

export const WebhookOut = Type.Object({
  received: Type.Boolean(),
  ok: Type.Boolean(),
  duplicate: Type.Optional(Type.Boolean()),
  order_id: Type.Integer(),
  event: Nullable(Type.String()),
  payment_id: Nullable(Type.String()),
  kok_order_ids: Type.Optional(Type.Array(Type.Integer())),
  hs_order_id: Type.Optional(Nullable(Type.Integer())),
  completed_at: Type.Optional(Nullable(Type.String())),
  reason: Type.Optional(Nullable(Type.String())),
});
