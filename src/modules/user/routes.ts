// HTTP routes of the user service (§2): sign-up, e-mail check, login (OAuth2 form or JSON), logout, profile.
import type { Config } from '../../config.js';
import { userOf } from '../../platform/http/auth-guard.js';
import { describeEvent, kit } from '../../platform/http/route-kit.js';
import { errorResponses, naiveIso } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { USER_MESSAGES as MSG } from './messages.js';
import { EmailCheckOut, EmailCheckQuery, LoginForm, MessageOut, SignupIn, TokenOut, UserOut } from './schemas.js';
import { normalizeEmail, type UserService } from './service.js';

const tags = ['user'];
const ONE_MINUTE = 60_000;

const userOut = (u: { user_id: number; email: string; username: string; created_at: Date | null }) => ({
  ...u,
  created_at: naiveIso(u.created_at),
});

/**
 * Login bodies as the form: an empty form field counts as absent (→ "Field required", as FastAPI's OAuth2 form),
 * and a JSON body may name the e-mail `email` (the original README's curl example) instead of `username`.
 */
async function asLoginForm(request: { body: unknown }): Promise<void> {
  const body = request.body as Record<string, unknown> | null;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return;
  for (const k of Object.keys(body)) if (body[k] === '') delete body[k];
  if (body.username === undefined && body.email !== undefined) body.username = body.email;
  delete body.email;
}

export function userRoutes(app: App, service: UserService, config: Config): void {
  app.post(
    '/api/user/signup',
    {
      ...kit({ event: 'user_signup' }, { rateLimit: { max: config.rateLimit.signupPerMinute, timeWindow: ONE_MINUTE } }),
      schema: { tags, body: SignupIn, response: { 201: UserOut, ...errorResponses(409, 422, 429) } },
    },
    async (request, reply) => {
      const { email, password, username } = request.body;
      const user = await service.signup(email, password, username);
      describeEvent(request, { email: user.email, username: user.username }, user.user_id);
      return reply.code(201).send(userOut(user));
    },
  );

  app.get(
    '/api/user/signup/email/check',
    {
      ...kit({ event: 'user_email_duplicate_check' }, { rateLimit: { max: config.rateLimit.signupPerMinute * 6, timeWindow: ONE_MINUTE } }),
      schema: { tags, querystring: EmailCheckQuery, response: { 200: EmailCheckOut, ...errorResponses(422, 429) } },
    },
    async (request) => {
      const email = request.query.email;
      const taken = await service.isEmailTaken(email);
      const normalized = normalizeEmail(email);
      // Anonymous: the original logs these as user 0.
      describeEvent(request, { email: normalized, is_duplicate: taken }, 0);
      return { email: normalized, is_duplicate: taken, message: taken ? MSG.emailTaken : MSG.emailFree };
    },
  );

  app.post(
    '/api/user/login',
    {
      ...kit({ event: 'user_login' }, { rateLimit: { max: config.rateLimit.loginPerMinute, timeWindow: ONE_MINUTE } }),
      preValidation: asLoginForm,
      schema: {
        tags,
        consumes: ['application/x-www-form-urlencoded', 'application/json'],
        body: LoginForm,
        response: { 200: TokenOut, ...errorResponses(401, 422, 429) },
      },
    },
    async (request) => {
      const { token, user } = await service.login(request.body.username, request.body.password);
      describeEvent(request, { email: request.body.username, username: user.username }, user.user_id);
      return { access_token: token, token_type: 'bearer' };
    },
  );

  app.post(
    '/api/user/logout',
    { ...kit({ access: 'user', event: 'user_logout' }), schema: { tags, response: { 200: MessageOut, ...errorResponses(401, 503) } } },
    async (request) => {
      const user = userOf(request);
      await service.logout(request.token!);
      describeEvent(request, { email: user.email, username: user.username });
      return { message: MSG.loggedOutOk };
    },
  );

  app.get(
    '/api/user/info',
    { ...kit({ access: 'user', event: 'user_info_view' }), schema: { tags, response: { 200: UserOut, ...errorResponses(401, 503) } } },
    async (request) => {
      const user = userOf(request);
      describeEvent(request, { email: user.email, username: user.username });
      return userOut(user);
    },
  );
}
