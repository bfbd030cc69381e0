// Request/response schemas of the log service (API contract §3).
import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';

export const EventLogOut = Type.Object(
  {
    user_id: Type.Integer(),
    event_type: Type.String(),
    event_data: Type.Unknown({ description: 'stored JSON object or null' }),
    http_method: Nullable(Type.String()),
    api_url: Nullable(Type.String()),
    request_time: Nullable(Type.String()),
    response_time: Nullable(Type.String()),
    response_code: Nullable(Type.Integer()),
    client_ip: Nullable(Type.String()),
    log_id: Type.Integer(),
    created_at: Type.String(),
  },
  { $id: 'EventLog' },
);

export const EventLogIn = Type.Object({
  user_id: Type.Integer(),
  event_type: Type.String({ maxLength: 50 }),
  event_data: Type.Optional(Nullable(Type.Object({}, { additionalProperties: true }))),
  http_method: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
  api_url: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  request_time: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  response_time: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  response_code: Type.Optional(Nullable(Type.Integer())),
  client_ip: Type.Optional(Nullable(Type.String({ maxLength: 45 }))),
});

export const ActivityIn = Type.Object({
  action: Type.String({ minLength: 1, maxLength: 36 }),
  path: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  label: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  timestamp: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  user_id: Type.Optional(Nullable(Type.Integer())),
  user_email: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  user_username: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  extra_data: Type.Optional(Nullable(Type.Object({}, { additionalProperties: true }))),
});

export const ActivityOut = Type.Object({
  message: Type.String(),
  user_id: Type.Integer(),
  action: Type.String(),
  path: Nullable(Type.String()),
  label: Nullable(Type.String()),
  timestamp: Type.String(),
  logged: Type.Boolean(),
  log_id: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
});

export const LogHealthOut = Type.Object({ status: Type.String(), service: Type.String(), message: Type.String() });

export const LogDescriptorOut = Type.Object({
  status: Type.String(),
  service: Type.String(),
  message: Type.String(),
  endpoints: Type.Record(Type.String(), Type.String()),
});
