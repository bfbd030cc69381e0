// HTTP routes of a signed-in shopper's home-shopping search history (api spec §5.9–5.11). Every statement is scoped
// to the caller, so another user's history id answers 404.
import { userOf } from '../../platform/http/auth-guard.js';
import { describeEvent, kit } from '../../platform/http/route-kit.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import type { HsHistoryService } from './history-service.js';
import { requiredKeyword } from './keyword.js';
import { HS_MESSAGES as MSG } from './messages.js';
import { HistoryDeleteIn, HistoryIn, HistoryItemOut, HistoryListOut, HistoryQuery, MessageOut } from './schemas.js';

const tags = ['homeshopping'];

export function memberRoutes(app: App, history: HsHistoryService): void {
  // 200 with the saved row itself, no wrapper (unlike KOK's {message, saved}).
  app.post(
    '/api/homeshopping/search/history',
    {
      ...kit({ access: 'user', event: 'homeshopping_search_history_save', failText: MSG.historySaveFailed }),
      schema: { tags, body: HistoryIn, response: { 200: HistoryItemOut, ...errorResponses(401, 422, 500) } },
    },
    async (request) => {
      const keyword = requiredKeyword(request.body.keyword, 'body');
      const saved = await history.save(userOf(request).user_id, keyword);
      describeEvent(request, { keyword });
      return saved;
    },
  );

  app.get(
    '/api/homeshopping/search/history',
    {
      ...kit({ access: 'user', event: 'homeshopping_search_history_view', failText: MSG.historyViewFailed }),
      schema: { tags, querystring: HistoryQuery, response: { 200: HistoryListOut, ...errorResponses(401, 422, 500) } },
    },
    async (request) => {
      const rows = await history.recent(userOf(request).user_id, request.query.limit);
      describeEvent(request, { history_count: rows.length });
      return { history: rows };
    },
  );

  // The id travels in a JSON body of the DELETE (the client depends on it), unlike KOK's path id.
  app.delete(
    '/api/homeshopping/search/history',
    {
      ...kit({ access: 'user', event: 'homeshopping_search_history_delete', failText: MSG.historyDeleteFailed }),
      schema: { tags, body: HistoryDeleteIn, response: { 200: MessageOut, ...errorResponses(401, 404, 422, 500) } },
    },
    async (request) => {
      const id = request.body.homeshopping_history_id;
      await history.remove(userOf(request).user_id, id);
      describeEvent(request, { history_id: id });
      return { message: MSG.historyDeleted };
    },
  );
}
