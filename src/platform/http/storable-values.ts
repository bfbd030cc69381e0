// Refuses values no database column can hold, in everything a client sends (query, path, body — form and
// multipart fields included — at any depth, object keys too): NUL bytes (PostgreSQL rejects them in text and
// JSON), unpaired UTF-16 surrogates (not encodable as UTF-8, so not storable as utf8mb4) and non-finite numbers
// (ajv lets a coerced "Infinity" through, skipping its bounds; a JSON 1e400 parses to Infinity).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RequestValidationError } from './errors.js';
import { isSensitiveKey, maskSensitive, REDACTED } from './sensitive.js';
import type { ValidationItem } from './validation.js';

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

/** Deeper than any body the JSON parser accepts. */
const MAX_WALK_DEPTH = 128;

function collect(value: unknown, loc: Array<string | number>, items: ValidationItem[], depth = 0): void {
  if (depth > MAX_WALK_DEPTH) return;
  const sensitive = isSensitiveKey(loc[loc.length - 1]);
  if (typeof value === 'string') {
    if (!isStorableText(value)) {
      const msg = 'String should not contain NUL characters or unpaired surrogates';
      items.push({ type: 'string_pattern_mismatch', loc, msg, input: sensitive ? REDACTED : value });
    }
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) items.push({ type: 'finite_number', loc, msg: 'Input should be a finite number', input: sensitive ? REDACTED : String(value) });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => collect(v, [...loc, i], items, depth + 1));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (!isStorableText(key)) {
      items.push({ type: 'value_error', loc: [...loc, key], msg: 'Key should not contain NUL characters or unpaired surrogates', input: maskSensitive(value) });
    }
    collect(v, [...loc, key], items, depth + 1);
  }
}

export function unstorableItems(request: Pick<FastifyRequest, 'params' | 'query' | 'body'>): ValidationItem[] {
  const items: ValidationItem[] = [];
  collect(request.params, ['path'], items);
  collect(request.query, ['query'], items);
  collect(request.body, ['body'], items);
  return items;
}

/**
 * Registers the check. A preHandler, so that bodies read by plugins in preValidation (multipart) are seen too;
 * app-level preHandlers run before a route's own (authentication), as schema validation does.
 */
export function installStorableValuesCheck(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const items = unstorableItems(request);
    if (items.length > 0) throw new RequestValidationError(items);
  });
}
