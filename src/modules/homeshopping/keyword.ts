// The trimmed search keyword, or FastAPI's 422 for a blank one (api spec §5.8, §5.9: the original answered 500).
import { RequestValidationError } from '../../platform/http/errors.js';
import { HS_MESSAGES as MSG } from './messages.js';

export function requiredKeyword(raw: string, location: 'query' | 'body'): string {
  const keyword = raw.trim();
  if (keyword.length > 0) return keyword;
  throw new RequestValidationError([
    { type: 'value_error', loc: [location, 'keyword'], msg: `Value error, ${MSG.keywordRequired}`, input: raw, ctx: { error: {} } },
  ]);
}
