// The demo account of the embedded mode, created on first start (README lists it).
import type { UserService } from '../modules/user/service.js';

export const DEMO_USER = { email: 'demo@uhok.com', password: 'uhok-demo-1234', username: '데모사용자' } as const;

export async function seedDemoUser(users: UserService): Promise<boolean> {
  if (await users.isEmailTaken(DEMO_USER.email)) return false;
  await users.signup(DEMO_USER.email, DEMO_USER.password, DEMO_USER.username);
  return true;
}
