import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '../../shared/errors.ts';
import type { User } from '../../shared/schemas/auth.ts';
import { AppError } from '../errors.ts';

export const SESSION_COOKIE = 'kadence_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    sessionToken: string | undefined;
  }
  interface FastifyInstance {
    setSessionCookie(reply: FastifyReply, session: { token: string; expiresAt: Date }): void;
    clearSessionCookie(reply: FastifyReply): void;
  }
}

/** The signed-in user, or a 401 that the error handler turns into the standard shape. */
export function requireUser(request: FastifyRequest): User {
  if (!request.user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in to continue');
  return request.user;
}

export default fp<{ secureCookies: boolean }>(
  async (app, options) => {
    app.decorateRequest('user', null);
    app.decorateRequest('sessionToken', undefined);
    app.addHook('onRequest', async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      request.sessionToken = token;
      request.user = (await app.services.auth.userForToken(token)) ?? null;
    });
    app.decorate('setSessionCookie', (reply: FastifyReply, session: { token: string; expiresAt: Date }) => {
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        expires: session.expiresAt,
      });
    });
    app.decorate('clearSessionCookie', (reply: FastifyReply) => {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    });
  },
  { name: 'auth', dependencies: ['services', 'security'] },
);
