// JSON text formatted like Python's `json.dumps` defaults (", " and ": " separators, keys in insertion order,
// non-ASCII kept as is): the real payment server signs these exact bytes, and a receiver must hash what it got.
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

export function pythonJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${members.map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v as JsonValue)}`).join(', ')}}`;
  }
  // Strings, integers, booleans and null print the same in both languages.
  return JSON.stringify(value);
}
