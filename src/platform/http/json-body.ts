// The JSON body parser: Fastify's own (prototype-poisoning safe), behind a nesting-depth limit, because a deeply
// nested body (20,000 levels) overflows the stack of validation and error serialisation later on.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RequestValidationError } from './errors.js';

export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays/objects in a JSON text (brackets inside strings do not count). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request: FastifyRequest, body: string, done) => {
    if (jsonDepth(body) > MAX_JSON_DEPTH) {
      const error = `JSON nesting deeper than ${MAX_JSON_DEPTH} levels`;
      done(new RequestValidationError([{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {}, ctx: { error } }]), undefined);
      return;
    }
    parse(request, body, done);
  });
}
