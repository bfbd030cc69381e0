// Route guards for bearer authentication. The platform only knows the Authenticator port; the user module
// implements it (token checks, blacklist, user lookup).
import type { FastifyReply, FastifyRequest } from 'fastify';

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

export type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export function guards(auth: Authenticator): { requireUser: Guard; optionalUser: Guard } {
  return {
    requireUser: async (request) => {
      const { user, token } = await auth.required(request.headers.authorization);
      request.user = user;
      request.token = token;
    },
    optionalUser: async (request) => {
      request.user = await auth.optional(request.headers.authorization);
    },
  };
}

/** The authenticated user of a route guarded by requireUser. */
export function userOf(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new Error('route is missing the requireUser guard');
  return request.user;
}
