// The keys whose values are never stored or echoed (event log rows, 422 bodies), matched case-insensitively.
export const SENSITIVE_KEYS: ReadonlySet<string> = new Set([
  'password', 'pwd', 'pass', 'authorization', 'cookie', 'set-cookie', 'access_token', 'refresh_token', 'id_token',
  'token', 'secret', 'card_number', 'cvc', 'cvv', 'ssn', 'resident_id', 'jumin', 'bank_account', 'account_no',
]);

export const REDACTED = '***REDACTED***';

export const isSensitiveKey = (key: string | number): boolean => typeof key === 'string' && SENSITIVE_KEYS.has(key.toLowerCase());

/** A copy of `value` with every sensitive key's value replaced, at any depth. */
export function maskSensitive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSensitive);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = isSensitiveKey(k) ? REDACTED : maskSensitive(v);
  return out;
}
