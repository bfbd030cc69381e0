// HTTP routes of the user service (§2): sign-up, e-mail check, login (OAuth2 form), logout, profile.
import type { Config } from '../../config.js';
import type { Guard } from '../../platform/http/auth-guard.js';
import { userOf } from '../../platform/http/auth-guard.js';
import { errorResponses, naiveIso } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import type { EventLog } from '../log/events.js';
import { EmailCheckOut, EmailCheckQuery, LoginForm, MessageOut, SignupIn, TokenOut, UserOut } from './schemas.js';
import { normalizeEmail, type UserService } from './service.js';

const tags = ['user'];
const security = [{ OAuth2PasswordBearer: [] }];
const ONE_MINUTE = 60_000;

const userOut = (u: { user_id: number; email: string; username: string; created_at: Date | null }) => ({
  ...u,
  created_at: naiveIso(u.created_at),
});

export function userRoutes(app: App, service: UserService, events: EventLog, requireUser: Guard, config: Config): void {
  app.post(
    '/api/user/signup',
    {
      config: { rateLimit: { max: config.rateLimit.signupPerMinute, timeWindow: ONE_MINUTE } },
      schema: { tags, body: SignupIn, response: { 201: UserOut, ...errorResponses(409, 422, 429) } },
    },
    async (request, reply) => {
      const { email, password, username } = request.body;
      const user = await service.signup(email, password, username);
      events.emit(request, user.user_id, 'user_signup', { email: user.email, username: user.username }, 201);
      return reply.code(201).send(userOut(user));
    },
  );

  app.get(
    '/api/user/signup/email/check',
    {
      config: { rateLimit: { max: config.rateLimit.signupPerMinute * 6, timeWindow: ONE_MINUTE } },
      schema: { tags, querystring: EmailCheckQuery, response: { 200: EmailCheckOut, ...errorResponses(422, 429) } },
    },
    async (request) => {
      const email = request.query.email;
      const taken = await service.isEmailTaken(email);
      const normalized = normalizeEmail(email);
      events.emit(request, 0, 'user_email_duplicate_check', { email: normalized, is_duplicate: taken });
      return { email: normalized, is_duplicate: taken, message: taken ? '이미 존재하는 아이디입니다.' : '사용 가능한 아이디입니다.' };
    },
  );

  app.post(
    '/api/user/login',
    {
      config: { rateLimit: { max: config.rateLimit.loginPerMinute, timeWindow: ONE_MINUTE } },
      // An empty form field counts as absent (→ "Field required"), as in FastAPI's OAuth2 form.
      preValidation: async (request) => {
        const body = request.body as Record<string, unknown> | null;
        if (body && typeof body === 'object') for (const k of Object.keys(body)) if (body[k] === '') delete body[k];
      },
      schema: {
        tags,
        consumes: ['application/x-www-form-urlencoded'],
        body: LoginForm,
        response: { 200: TokenOut, ...errorResponses(401, 422, 429) },
      },
    },
    async (request) => {
      const { token, user } = await service.login(request.body.username, request.body.password);
      events.emit(request, user.user_id, 'user_login', { email: request.body.username, username: user.username });
      return { access_token: token, token_type: 'bearer' };
    },
  );

  app.post(
    '/api/user/logout',
    { preHandler: requireUser, schema: { tags, security, response: { 200: MessageOut, ...errorResponses(401, 503) } } },
    async (request) => {
      const user = userOf(request);
      await service.logout(request.token!);
      events.emit(request, user.user_id, 'user_logout', { email: user.email, username: user.username });
      return { message: '로그아웃이 완료되었습니다.' };
    },
  );

  app.get(
    '/api/user/info',
    { preHandler: requireUser, schema: { tags, security, response: { 200: UserOut, ...errorResponses(401, 503) } } },
    async (request) => {
      const user = userOf(request);
      events.emit(request, user.user_id, 'user_info_view', { email: user.email, username: user.username });
      return userOut(user);
    },
  );
}
