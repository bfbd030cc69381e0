// Sign-up and login through the public API, the way the React client does it.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { App } from '../../src/platform/http/server.js';

export interface LoggedIn {
  token: string;
  userId: number;
  email: string;
  password: string;
  headers: { authorization: string };
}

export async function signup(app: App, overrides: Partial<{ email: string; password: string; username: string }> = {}) {
  const email = overrides.email ?? `user-${randomBytes(5).toString('hex')}@example.com`;
  const password = overrides.password ?? 'correct-horse-battery';
  const username = overrides.username ?? '테스트사용자';
  const res = await app.inject({ method: 'POST', url: '/api/user/signup', payload: { email, password, username } });
  expect(res.statusCode, res.body).toBe(201);
  return { email, password, username, userId: res.json().user_id as number };
}

export async function login(app: App, email: string, password: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/user/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grant_type: 'password', username: email, password, scope: '', client_id: '', client_secret: '' }).toString(),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().access_token as string;
}

/** A fresh account, logged in. */
export async function newUser(app: App): Promise<LoggedIn> {
  const { email, password, userId } = await signup(app);
  const token = await login(app, email, password);
  return { token, userId, email, password, headers: { authorization: `Bearer ${token}` } };
}
