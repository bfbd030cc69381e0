// Shared schema building blocks (TypeBox → JSON Schema → validation, serialisation and OpenAPI).
import { Type, type TSchema } from 'typebox';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ErrorBody = Type.Object({ detail: Type.String() }, { $id: 'ErrorDetail', description: 'FastAPI-style error' });

export const ValidationErrorBody = Type.Object(
  {
    detail: Type.Array(
      Type.Object({
        type: Type.String(),
        loc: Type.Array(Type.Union([Type.String(), Type.Integer()])),
        msg: Type.String(),
        input: Type.Unknown(),
        ctx: Type.Optional(Type.Unknown()),
      }),
    ),
  },
  { $id: 'ValidationError' },
);

/** Standard error responses added to a route's response map for the OpenAPI document. */
export function errorResponses(...codes: number[]): Record<number, unknown> {
  const out: Record<number, unknown> = {};
  for (const code of codes) out[code] = code === 422 ? Type.Ref('ValidationError') : Type.Ref('ErrorDetail');
  return out;
}

/** Renders a UTC instant like the original (naive ISO, no offset): 2025-09-01T03:04:05 */
export function naiveIso(date: Date | null, withMicros = false): string | null {
  if (!date) return null;
  const iso = date.toISOString();
  return withMicros ? `${iso.slice(0, 23)}000` : iso.slice(0, 19);
}
