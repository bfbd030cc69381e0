// HTTP routes of the payment module (api-order-payment §5.19, §5.20). The webhook reads its body as raw bytes (the
// signature covers exactly those), so it lives in its own scope with a raw-body parser; every refusal is one 400.
import { describeEvent, kit } from '../../platform/http/route-kit.js';
import { userOf } from '../../platform/http/auth-guard.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { HttpError } from '../../platform/http/errors.js';
import type { ConfirmService } from './confirm-service.js';
import type { ConfirmV1Service } from './confirm-v1-service.js';
import { PAYMENT_MESSAGES as MSG } from './messages.js';
import { ConfirmParams, ConfirmV1In, ConfirmV1Out, ConfirmV2Out, WebhookOut, WebhookParams, WebhookQuery } from './schemas.js';
import { WebhookRejected, type WebhookService } from './webhook-service.js';

const tags = ['orders'];

export interface PaymentRouteServices {
  confirm: ConfirmService;
  confirmV1: ConfirmV1Service;
  webhook: WebhookService;
}

const header = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export function paymentRoutes(app: App, s: PaymentRouteServices): void {
  app.post(
    '/api/orders/payment/:order_id/confirm/v1',
    {
      ...kit({ access: 'user', event: 'payment_confirm_v1', failText: MSG.v1ConfirmFailed }),
      schema: {
        tags,
        summary: 'Confirm a payment (v1, legacy polling)',
        params: ConfirmParams,
        body: ConfirmV1In,
        response: { 200: ConfirmV1Out, ...errorResponses(400, 401, 404, 408, 422, 500, 502, 503) },
      },
    },
    async (request) => {
      const out = await s.confirmV1.confirmV1(request.params.order_id, userOf(request).user_id, request.body.method);
      describeEvent(request, { order_id: out.order_id, payment_method: request.body.method });
      return out;
    },
  );

  app.post(
    '/api/orders/payment/:order_id/confirm/v2',
    {
      ...kit({ access: 'user', event: 'payment_confirm_v2', failText: MSG.confirmFailed }),
      schema: { tags, summary: 'Confirm a payment (v2, webhook)', params: ConfirmParams, response: { 200: ConfirmV2Out, ...errorResponses(400, 401, 404, 422, 500, 503) } },
    },
    async (request) => {
      const out = await s.confirm.confirmV2(request.params.order_id, userOf(request).user_id);
      describeEvent(request, { order_id: out.order_id, result_status: out.status });
      return out;
    },
  );

  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post(
      '/api/orders/payment/webhook/v2/:tx_id',
      {
        ...kit({ access: 'public', event: 'payment_webhook_v2' }),
        schema: { tags, summary: 'Payment server webhook (v2)', params: WebhookParams, querystring: WebhookQuery, response: { 200: WebhookOut, ...errorResponses(400, 422, 500) } },
      },
      async (request) => {
        const { tx_id } = request.params as { tx_id: string };
        const { t } = request.query as { t?: string };
        try {
          const out = await s.webhook.handle({
            txId: tx_id,
            token: t,
            event: header(request.headers['x-payment-event']),
            signature: header(request.headers['x-payment-signature']),
            authorization: request.headers.authorization,
            rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
          });
          describeEvent(request, { tx_id, event: out.event, result_ok: out.ok, order_id: out.order_id }, 0);
          return out;
        } catch (err) {
          if (err instanceof WebhookRejected) {
            request.log.warn({ tx_id, reason: err.message }, 'payment webhook rejected');
            throw new HttpError(400, MSG.webhookRejected);
          }
          request.log.error({ err, tx_id }, 'payment webhook failed');
          throw new HttpError(500, `${MSG.webhookFailed}: ${err instanceof Error ? err.message : String(err)}`);
        }
      },
    );
  });
}
