// Simulator-only endpoints (§15.3–§15.4): choose scenarios and timings, reset, and look at what was sent.
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { NotFoundError, RequestValidationError } from '../platform/http/errors.js';
import { ScenarioError } from './scenario.js';
import { PaymentIdParams, ScenarioBody, WebhooksQuery } from './schemas.js';
import type { SimulatorControls } from './simulator.js';

export function registerControlRoutes(app: FastifyInstance, sim: SimulatorControls): void {
  app.get('/__sim/scenario', async () => sim.scenario());

  app.post<{ Body: Static<typeof ScenarioBody> }>('/__sim/scenario', { schema: { body: ScenarioBody } }, async (request) => {
    try {
      sim.setScenario(request.body);
    } catch (err) {
      if (err instanceof ScenarioError) throw new RequestValidationError(err.items);
      throw err;
    }
    return sim.scenario();
  });

  app.post('/__sim/reset', async () => {
    sim.reset();
    return { ok: true };
  });

  app.get<{ Querystring: Static<typeof WebhooksQuery> }>('/__sim/webhooks', { schema: { querystring: WebhooksQuery } }, async (request) => ({
    webhooks: sim.webhooks(request.query.tx_id),
  }));

  app.get<{ Params: Static<typeof PaymentIdParams> }>('/__sim/payments/:payment_id', { schema: { params: PaymentIdParams } }, async (request) => {
    const record = sim.payment(request.params.payment_id);
    if (!record) throw new NotFoundError('결제 ID를 찾을 수 없습니다');
    return record;
  });
}
