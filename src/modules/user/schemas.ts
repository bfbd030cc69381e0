// Request/response schemas of the user service (API contract §2).
import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';

export const UserOut = Type.Object(
  {
    user_id: Type.Integer(),
    email: Type.String(),
    username: Type.String(),
    created_at: Nullable(Type.String({ description: 'UTC, e.g. 2025-09-01T03:04:05' })),
  },
  { $id: 'UserOut' },
);

export const SignupIn = Type.Object({
  email: Type.String({ format: 'email', maxLength: 255 }),
  password: Type.String({ minLength: 4, maxLength: 1024 }),
  username: Type.String({ maxLength: 100 }),
});

export const EmailCheckQuery = Type.Object({ email: Type.String({ format: 'email', maxLength: 255 }) });

export const EmailCheckOut = Type.Object({ email: Type.String(), is_duplicate: Type.Boolean(), message: Type.String() });

/** OAuth2 password form; `username` carries the e-mail. */
export const LoginForm = Type.Object({
  grant_type: Type.Optional(Type.String({ pattern: '^password$' })),
  username: Type.String({ minLength: 1, maxLength: 255 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
  scope: Type.Optional(Type.String({ maxLength: 1000 })),
  client_id: Type.Optional(Type.String({ maxLength: 255 })),
  client_secret: Type.Optional(Type.String({ maxLength: 255 })),
});

export const TokenOut = Type.Object({ access_token: Type.String(), token_type: Type.String() });

export const MessageOut = Type.Object({ message: Type.String() });
