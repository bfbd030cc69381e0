// Reads /openapi.json and sends every route and method malformed variants — wrong types, missing fields,
// non-finite and huge numbers, NUL, lone surrogates and emoji, 100k-character strings, LIKE/SQL metacharacters,
// path traversal, invalid and deeply nested JSON, wrong content types, duplicate query parameters — with and
// without a valid token. No answer may be a 5xx, and every 4xx carries a JSON `detail`. Routes added later are
// covered automatically. The PRNG is seeded (FUZZ_SEED) so a failure can be replayed.
import { expect, it } from 'vitest';
import type { TestApp } from './helpers/app.js';
import { newUser } from './helpers/auth.js';
import { seedProducts, useTestApp } from './helpers/kok-fixtures.js';

let t: TestApp;
useTestApp((app) => (t = app));

const SEED = Number(process.env.FUZZ_SEED ?? 20251126);
/** Random mutations per operation, each sent with a random credential; the fixed variants come on top. */
const MUTATIONS_PER_OPERATION = 60;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number written into JSON as given (JSON.stringify cannot write 1e400). */
class RawNumber {
  constructor(readonly text: string) {}
}

const NASTY: unknown[] = [
  'abc', '', ' ', true, false, null, [], {}, [1, 2], { a: 1 },
  'Infinity', '-Infinity', 'NaN', '1e400', '3000000000', '-3000000000', '9'.repeat(400), '1.5', '-1', '0', '0x10',
  new RawNumber('1e400'), new RawNumber('-1e400'), 3000000000, -2147483649, 1.5, -1, 0, Number.MAX_SAFE_INTEGER,
  'a\u0000b', '\u0000', 'lone\ud800', '\udfff', '😀🍜', '김치'.repeat(30), 'a'.repeat(100_000),
  '%', '_', '%_%', "'", '"', "'; DROP TABLE USERS; --", '" OR 1=1 --', '\\', '../../etc/passwd', '..%2F..%2Fetc%2Fpasswd',
  '<script>alert(1)</script>', '${jndi:ldap://x}', 'user@', '@example.com', 'a@b.c'.repeat(100),
];

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  default?: unknown;
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
}

interface Operation {
  method: string;
  path: string;
  params: Array<{ in: string; name: string; schema: Schema }>;
  contentTypes: string[];
  body: Schema | null;
}

/** A plausible value for a schema, so that one mutated field is not hidden behind other errors. */
function plausible(schema: Schema | undefined): unknown {
  if (!schema) return 'x';
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return plausible(schema.anyOf.find((s) => s.type !== 'null'));
  switch (schema.type) {
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return [plausible(schema.items)];
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, plausible(s)]));
    case 'string':
      return schema.format === 'email' ? `fuzz-${Math.floor(Math.random() * 1e9)}@example.com` : 'fuzz';
    default:
      return 'x';
  }
}

function encode(value: unknown): string {
  const text = value instanceof RawNumber ? value.text : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate has no UTF-8 form: send the bytes a careless client would (CESU-8).
    return text.replace(/[\ud800-\udfff]/g, '\u0001').split('\u0001').map(encodeURIComponent).join('%ED%A0%80');
  }
}

function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof RawNumber ? `__raw_${raws.push(v.text) - 1}__` : v));
  return (text ?? 'null').replace(/"__raw_(\d+)__"/g, (_m, i: string) => raws[Number(i)]);
}

function toForm(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return encode(value);
  return Object.entries(value).map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
}

interface Variant {
  path: Record<string, unknown>;
  query: Record<string, unknown> | string;
  /** undefined: no body; a string is sent as is. */
  body?: unknown;
  contentType?: string;
}

function operationsOf(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content ?? {};
      const contentTypes = Object.keys(content);
      ops.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters as Operation['params'] | undefined) ?? [],
        contentTypes,
        body: contentTypes.length > 0 ? content[contentTypes[0]].schema : null,
      });
    }
  }
  // Logging out revokes the token the other requests use: last.
  return ops.sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
}

function variantsOf(op: Operation, random: () => number): Variant[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const params = (where: string) => Object.fromEntries(op.params.filter((p) => p.in === where).map((p) => [p.name, plausible(p.schema)]));
  const base = (): Variant => ({ path: params('path'), query: params('query'), body: op.body ? plausible(op.body) : undefined, contentType: op.contentTypes[0] });
  const variants: Variant[] = [base()];
  const deep = '['.repeat(20_000) + ']'.repeat(20_000);
  if (op.body) {
    const fields = Object.keys(op.body.properties ?? {});
    variants.push(
      { ...base(), body: {} },
      { ...base(), body: undefined },
      { ...base(), body: '{"broken": ', contentType: 'application/json' },
      { ...base(), body: `{"a": ${deep}}`, contentType: 'application/json' },
      { ...base(), body: '[]', contentType: 'application/json' },
      { ...base(), body: 'plain text', contentType: 'text/plain' },
      { ...base(), body: '<x/>', contentType: 'application/xml' },
      { ...base(), body: '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n\u0000\r\n--B--\r\n', contentType: 'multipart/form-data; boundary=B' },
      { ...base(), body: 'x', contentType: 'multipart/form-data' },
    );
    for (const field of fields) {
      const missing = base();
      delete (missing.body as Record<string, unknown>)[field];
      variants.push(missing);
    }
  } else if (op.method !== 'GET') {
    variants.push({ ...base(), body: '{"unexpected": true}', contentType: 'application/json' }, { ...base(), body: `{"a": ${deep}}`, contentType: 'application/json' });
  }
  const queryNames = op.params.filter((p) => p.in === 'query').map((p) => p.name);
  for (const name of queryNames) variants.push({ ...base(), query: `${name}=1&${name}=2&${name}=${encode(pick(NASTY))}` });
  for (const name of op.params.filter((p) => p.in === 'path').map((p) => p.name)) {
    variants.push({ ...base(), path: { [name]: '../../etc/passwd' } }, { ...base(), path: { [name]: '%2e%2e%2f%2e%2e%2fetc%2fpasswd' } });
  }
  const targets: Array<['path' | 'query' | 'body', string]> = [
    ...op.params.filter((p) => p.in === 'path' || p.in === 'query').map((p) => [p.in as 'path' | 'query', p.name] as ['path' | 'query', string]),
    ...Object.keys(op.body?.properties ?? {}).map((k) => ['body', k] as ['body', string]),
  ];
  for (let i = 0; i < MUTATIONS_PER_OPERATION; i++) {
    const v = base();
    if (targets.length === 0 || random() < 0.15) {
      v.query = { ...(v.query as Record<string, unknown>), [pick(['page', 'x', '__proto__', 'constructor'])]: pick(NASTY) };
      if (op.body && random() < 0.5) v.body = pick(NASTY);
    } else {
      const [where, name] = pick(targets);
      const holder = where === 'body' ? (v.body as Record<string, unknown>) : where === 'path' ? v.path : (v.query as Record<string, unknown>);
      holder[name] = pick(NASTY);
    }
    variants.push(v);
  }
  return variants;
}

it('no route answers a malformed request with a 5xx, and every 4xx has a detail', { timeout: 120_000 }, async () => {
  await seedProducts(t, [1, 2, 3].map((id) => ({ KOK_PRODUCT_ID: id, prices: [[10, 9000]] as Array<[number, number]> })));
  const user = await newUser(t.app);
  const cart = await t.app.inject({ method: 'POST', url: '/api/kok/carts', headers: user.headers, payload: { kok_product_id: 1, kok_quantity: 1 } });
  expect(cart.statusCode, cart.body).toBe(201);
  await t.app.inject({ method: 'POST', url: '/api/kok/search/history', headers: user.headers, payload: { keyword: '김치' } });

  const doc = (await t.app.inject({ url: '/openapi.json' })).json();
  const operations = operationsOf(doc);
  expect(operations.length).toBeGreaterThan(20);
  const random = mulberry32(SEED);
  const credentials = (path: string): Array<Record<string, string>> => [
    {},
    user.headers,
    { authorization: 'Bearer not-a-token' },
    ...(path.includes('/cache/') ? [{ authorization: 'Bearer test-service-token' }] : []),
  ];
  const failures: string[] = [];
  let sent = 0;
  for (const op of operations) {
    const variants = variantsOf(op, random);
    for (const [i, v] of variants.entries()) {
      const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => (typeof v.path[name] === 'string' && String(v.path[name]).includes('%') ? String(v.path[name]) : encode(v.path[name])));
      const query = typeof v.query === 'string' ? v.query : Object.entries(v.query).map(([k, val]) => `${encode(k)}=${encode(val)}`).join('&');
      const url = query ? `${path}?${query}` : path;
      const payload =
        v.body === undefined ? undefined : typeof v.body === 'string' ? v.body : v.contentType === 'application/x-www-form-urlencoded' ? toForm(v.body) : toJson(v.body);
      // The plain variant goes with every credential, the malformed ones with a random one.
      const auths = i === 0 ? credentials(op.path) : [credentials(op.path)[Math.floor(random() * credentials(op.path).length)]];
      for (const auth of auths) {
        const headers: Record<string, string> = { ...auth };
        if (payload !== undefined && v.contentType) headers['content-type'] = v.contentType;
        const res = await t.app.inject({ method: op.method as 'GET', url, headers, payload });
        sent++;
        let detail: unknown;
        try {
          detail = res.json().detail;
        } catch {
          detail = undefined;
        }
        if (res.statusCode >= 500 || (res.statusCode >= 400 && detail === undefined)) {
          failures.push(`${op.method} ${url.slice(0, 200)} [${headers['content-type'] ?? '-'}] ${String(payload ?? '').slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`);
        }
      }
    }
  }
  expect(failures, `FUZZ_SEED=${SEED}, ${sent} requests`).toEqual([]);
  expect(sent).toBeGreaterThan(1000);
  expect(sent).toBeLessThan(6000);
});
