// Request schemas are told what a column can hold: every integer gets the INT range unless it declares a tighter
// one, and every string a length bound, so no client value can overflow a column (which the database answers
// with an error, i.e. a 500). Applied once, to every route, by an onRoute hook.
import type { FastifyInstance, RouteOptions } from 'fastify';

export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;
/** A TEXT column's capacity; schemas of narrower columns declare their own maxLength. */
export const TEXT_MAX_LENGTH = 65535;

const REQUEST_PARTS = ['body', 'querystring', 'query', 'params', 'headers'] as const;

type Schema = Record<string, unknown>;

const isSchema = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);

function typesOf(node: Schema): unknown[] {
  return Array.isArray(node.type) ? node.type : [node.type];
}

/** A bounded copy of a JSON schema (the original may be shared with other routes or the response). */
export function withColumnBounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withColumnBounds);
  if (!isSchema(node)) return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    // Only subschema positions are walked: `properties` maps names to schemas, `default`/`const`/`enum` are data.
    if (key === 'properties' || key === 'patternProperties') {
      out[key] = isSchema(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withColumnBounds(v)])) : value;
    } else if (['items', 'anyOf', 'oneOf', 'allOf', 'not', 'additionalProperties', 'prefixItems'].includes(key)) {
      out[key] = withColumnBounds(value);
    } else {
      out[key] = value;
    }
  }
  const types = typesOf(out);
  if (types.includes('integer')) {
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) out.minimum = INT_MIN;
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) out.maximum = INT_MAX;
  }
  if (types.includes('string') && out.maxLength === undefined && out.enum === undefined && out.const === undefined) {
    out.maxLength = TEXT_MAX_LENGTH;
  }
  return out;
}

/** Registers the hook; must run before any route is added (and before the OpenAPI plugin, so the document shows the bounds). */
export function installColumnBounds(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema as Record<string, unknown> | undefined;
    if (!schema) return;
    for (const part of REQUEST_PARTS) if (schema[part] !== undefined) schema[part] = withColumnBounds(schema[part]);
  });
}
