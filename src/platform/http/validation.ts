// Turns Fastify/ajv validation failures into FastAPI's 422 body: {"detail":[{type, loc, msg, input, ctx?}]}.
// The echoed `input` never repeats a password or another sensitive value.
import type { FastifySchemaValidationError } from 'fastify';
import { isSensitiveKey, maskSensitive, REDACTED } from './sensitive.js';

export interface ValidationItem {
  type: string;
  loc: Array<string | number>;
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

const LOCATION: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

function pointerSegments(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(root: unknown, path: Array<string | number>): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function typeError(expected: string): { type: string; msg: string } {
  switch (expected) {
    case 'integer':
      return { type: 'int_parsing', msg: 'Input should be a valid integer, unable to parse string as an integer' };
    case 'number':
      return { type: 'float_parsing', msg: 'Input should be a valid number, unable to parse string as a number' };
    case 'string':
      return { type: 'string_type', msg: 'Input should be a valid string' };
    case 'boolean':
      return { type: 'bool_parsing', msg: 'Input should be a valid boolean' };
    case 'array':
      return { type: 'list_type', msg: 'Input should be a valid list' };
    case 'object':
      return { type: 'model_attributes_type', msg: 'Input should be a valid dictionary or object to extract fields from' };
    default:
      return { type: `${expected}_type`, msg: `Input should be a valid ${expected}` };
  }
}

/**
 * The item with its `input` masked (the whole value when its own key is sensitive, sensitive keys inside it) and
 * always present: an absent value is `null`, as in FastAPI (the 422 schema requires the field).
 */
export function maskedItem(item: ValidationItem): ValidationItem {
  const input = isSensitiveKey(item.loc[item.loc.length - 1]) && item.type !== 'missing' ? REDACTED : maskSensitive(item.input);
  return { ...item, input: input === undefined ? null : input };
}

export function toValidationItems(
  errors: FastifySchemaValidationError[],
  context: string,
  data: unknown,
): ValidationItem[] {
  const where = LOCATION[context] ?? context;
  const items: ValidationItem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const path = pointerSegments(e.instancePath);
    const params = e.params as Record<string, unknown>;
    const input = valueAt(data, path);
    let item: ValidationItem;
    switch (e.keyword) {
      case 'required':
        item = { type: 'missing', loc: [where, ...path, String(params.missingProperty)], msg: 'Field required', input: input ?? null };
        break;
      case 'type':
        // No body at all is a missing body, not one of the wrong type.
        item =
          input === undefined && path.length === 0
            ? { type: 'missing', loc: [where], msg: 'Field required', input: null }
            : { ...typeError(String(params.type).split(',')[0]), loc: [where, ...path], input };
        break;
      case 'maxLength':
        item = { type: 'string_too_long', loc: [where, ...path], msg: `String should have at most ${params.limit} characters`, input, ctx: { max_length: params.limit } };
        break;
      case 'minLength':
        item = { type: 'string_too_short', loc: [where, ...path], msg: `String should have at least ${params.limit} characters`, input, ctx: { min_length: params.limit } };
        break;
      case 'minimum':
        item = { type: 'greater_than_equal', loc: [where, ...path], msg: `Input should be greater than or equal to ${params.limit}`, input, ctx: { ge: params.limit } };
        break;
      case 'maximum':
        item = { type: 'less_than_equal', loc: [where, ...path], msg: `Input should be less than or equal to ${params.limit}`, input, ctx: { le: params.limit } };
        break;
      case 'exclusiveMinimum':
        item = { type: 'greater_than', loc: [where, ...path], msg: `Input should be greater than ${params.limit}`, input, ctx: { gt: params.limit } };
        break;
      case 'minItems':
        item = { type: 'too_short', loc: [where, ...path], msg: `List should have at least ${params.limit} items after validation`, input, ctx: { min_length: params.limit } };
        break;
      case 'maxItems':
        item = { type: 'too_long', loc: [where, ...path], msg: `List should have at most ${params.limit} items after validation`, input, ctx: { max_length: params.limit } };
        break;
      case 'format':
        item =
          params.format === 'email'
            ? { type: 'value_error', loc: [where, ...path], msg: 'value is not a valid email address: An email address must have an @-sign.', input }
            : { type: `${String(params.format)}_parsing`, loc: [where, ...path], msg: `Input should be a valid ${String(params.format)}`, input };
        break;
      case 'enum':
      case 'const': {
        const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
        item = { type: 'literal_error', loc: [where, ...path], msg: `Input should be ${allowed.map((v) => JSON.stringify(v)).join(' or ')}`, input, ctx: { expected: allowed } };
        break;
      }
      case 'pattern':
        item = { type: 'string_pattern_mismatch', loc: [where, ...path], msg: `String should match pattern '${String(params.pattern)}'`, input };
        break;
      default:
        item = { type: 'value_error', loc: [where, ...path], msg: e.message ?? 'Invalid value', input };
    }
    const key = JSON.stringify(item.loc) + item.type;
    // anyOf branches repeat the same failure; report each location/type once.
    if (!seen.has(key) && e.keyword !== 'anyOf') {
      seen.add(key);
      items.push(maskedItem(item));
    }
  }
  return items;
}
