// Bearer authentication as the platform sees it: the Authenticator port (the user module implements it: token
// checks, blacklist, user lookup) and the current user on the request. The route kit applies it.
import type { FastifyRequest } from 'fastify';

export interface CurrentUser {
  user_id: number;
  email: string;
  username: string;
  created_at: Date | null;
}

export interface Authenticator {
  /** Throws an HttpError (401/503) when the request cannot be authenticated. */
  required(authorization: string | undefined): Promise<{ user: CurrentUser; token: string }>;
  /** Never throws: any failure, including a logged-out token, is anonymous. */
  optional(authorization: string | undefined): Promise<CurrentUser | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
    /** The raw bearer token of an authenticated request. */
    token: string | null;
  }
}

/** The authenticated user of a route declared with access 'user'. */
export function userOf(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new Error("route is not declared with access 'user'");
  return request.user;
}
