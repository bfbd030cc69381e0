// Request/response shapes of the payment-server protocol (api-order-payment §9) and the simulator's controls (§15).
import { Type } from 'typebox';

export const CreatePaymentBody = Type.Object({
  version: Type.Literal('v2', { default: 'v2' }),
  tx_id: Type.String(),
  order_id: Type.Integer(),
  user_id: Type.Integer(),
  // A number here; integrality is checked in the handler to answer pydantic's `int_from_float`.
  amount: Type.Number(),
  callback_url: Type.String(),
});

export const CreatePaymentAnswer = Type.Object({
  ok: Type.Boolean(),
  tx_id: Type.String(),
  status: Type.Union([Type.Literal('PENDING'), Type.Literal('PAYMENT_COMPLETED'), Type.Literal('PAYMENT_CANCELLED')]),
  payment_id: Type.String(),
});

export const ConfirmPaymentBody = Type.Object({ payment_id: Type.String() });

export const PaymentIdParams = Type.Object({ payment_id: Type.String() });

export const Outcome = Type.Union([Type.String(), Type.Object({}, { additionalProperties: true })]);

export const ScenarioBody = Type.Object(
  {
    default: Type.Optional(Outcome),
    byOrderId: Type.Optional(Type.Record(Type.String(), Outcome)),
    next: Type.Optional(Type.Array(Outcome)),
    timings: Type.Optional(
      Type.Object(
        {
          time_scale: Type.Optional(Type.Number({ minimum: 0 })),
          complete_delay_ms: Type.Optional(Type.Number({ minimum: 0 })),
          webhook_retry_delay_ms: Type.Optional(Type.Number({ minimum: 0 })),
          webhook_max_retries: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })),
          webhook_timeout_ms: Type.Optional(Type.Number({ minimum: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const WebhooksQuery = Type.Object({ tx_id: Type.Optional(Type.String()) });
